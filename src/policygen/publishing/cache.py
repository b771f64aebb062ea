"""What a build may skip: a document is rebuilt only when something it depends on changed.

The cache lives beside the outputs, in `<out>/.policygen-cache/`:

    bibliotheque.json                    the library's files, as one digest, and which
                                         of them each document depends on
    <variant>/<slug>/<document>.json     the key a document was last built with, the
                                         hashes of the files it produced and the findings
                                         on it (printed again when nothing is redone)
    <variant>/<slug>/<document>.modeles.json   the key and the document's models, its own
                                         and its editions' (the site is laid out from them,
                                         a build installs them in the manifest): apart, so
                                         that a build with nothing to redo reads no model

A document's key hashes everything its files are made of: policygen's version,
SOURCE_DATE_EPOCH, the formats and options, the organisation file and the files of
its folder `organisations/<slug>/`, and, from the library, the clauses that name the
document plus every file that is not a clause (outlines, data), and the layouts, styles
and fonts the writers read from policygen's own library, whatever `--bibliotheque` says,
and a digest of policygen's own code (`code_digest`), so an upgrade or
a local change rebuilds what it affects. A changed clause thus changes the keys of exactly
the documents it names.

Every input is read as `check` reads it: regular files only (a FIFO or a device is never
opened for reading), no further than a bound. The output folder is untrusted too: an
entry never names a path (the names are those a build writes, `<document>.<format>`),
and a hit requires each file to be a regular file whose bytes match both the entry and
the manifest beside it.

Entries are written to a temporary file and renamed, and carry a digest of their own
content: a half-written or altered entry is never trusted, only rebuilt. An entry
is written after the files it describes are in place, and a hit also requires those
files to hold the bytes it recorded, so a crash at any point costs a rebuild, never
a stale file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..library.loader import organisation_folder, own_files
from ..model.nodes import Document
from ..model.serial import from_json, to_json
from .findings import Finding

FOLDER = ".policygen-cache"
LIBRARY_INDEX = "bibliotheque.json"
MODELS = ".modeles"  # a document's models, beside its entry
FORMAT = 4  # bumped when the layout of the entries changes
INPUT_BYTES = 4_000_000  # more than any input file `check` accepts (its limit is 256 Ko)
OUTPUT_BYTES = 256_000_000  # more than any document policygen writes
REFUSED = "illisible"  # the hash of an input that is not a regular file within the bound
PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def policygen_version() -> str:
    """The installed version (read from the package metadata once: ~2 ms a call)."""
    return version("policygen")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else None.

    Opened without blocking and checked before it is read: a FIFO, a device or a
    folder is never read, and nothing is read past the bound."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def hash_of(path: Path, limit: int = INPUT_BYTES) -> str:
    data = read_bounded(path, limit)
    return REFUSED if data is None else digest(data)


def file_hashes(root: Path, limit: int = INPUT_BYTES) -> dict[str, str]:
    """{path relative to `root`: sha256} of every file under `root` (none when it is absent).

    Links are followed as the loader follows them (so an edit behind a linked folder
    counts), each folder once; what is not a regular file within the bound is `REFUSED`."""
    found: dict[str, str] = {}
    seen: set[str] = set()
    for folder, folders, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            folders.clear()
            continue
        seen.add(real)
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in files:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = hash_of(path, limit)
    return dict(sorted(found.items()))


@functools.cache
def code_digest() -> str:
    """policygen's own code: any change to it changes every key. (Its shipped data counts
    file by file: the library files a document depends on, the layouts, styles and fonts.)"""
    code = {p.relative_to(PACKAGE).as_posix(): hash_of(p) for p in sorted(PACKAGE.rglob("*.py"))
            if "__pycache__" not in p.parts}
    return digest(json.dumps(code, sort_keys=True).encode("utf-8"))


def own_file_hashes(folder: Path) -> dict[str, str]:
    """{path relative to `folder`: sha256} of exactly the files the organisation's folder is read
    from (`own_files`: links inside followed, links outside left to the loader to refuse),
    each read with the same bound as any input, so hashing never blocks on a FIFO or reads
    gigabytes."""
    return {path.relative_to(folder).as_posix(): hash_of(path) for path in own_files(folder)[0]}


def _sealed(content: dict) -> str:
    """The entry's JSON: its content and the seal of that content. The content is encoded once, on one
    line: indented, json encodes in Python, not in C (0.15 s instead of 0.03 for the five bodies' models)."""
    body = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return f'{{"contenu": {body}, "empreinte": {json.dumps(digest(body.encode("utf-8")))}}}\n'


def _unsealed(path: Path) -> dict | None:
    """The content of an entry, or None when it is absent, unreadable, half-written or altered."""
    data = read_bounded(path, INPUT_BYTES)
    if data is None:
        return None
    try:
        entry = json.loads(data.decode("utf-8"))
        content = entry["contenu"]
        body = json.dumps(content, ensure_ascii=False, sort_keys=True)
        return content if entry["empreinte"] == digest(body.encode("utf-8")) else None
    except (ValueError, KeyError, TypeError):
        return None


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class LibraryIndex:
    """Which library files each document depends on, for the library whose files hash to `digest`."""

    digest: str
    documents: dict[str, list[str]]  # document -> library paths, in the library's order of documents

    @staticmethod
    def of(root: Path, hashes: dict[str, str], clauses: dict[str, list[Path]], library_digest: str) -> LibraryIndex:
        """`clauses`: the clause files naming each document. Outlines count for every document:
        one of them changing is rare, and which file holds which outline is known only once read."""
        shared = {p for p in hashes if not p.startswith("clauses/")}
        return LibraryIndex(library_digest, {
            document: sorted(shared | {p.relative_to(root).as_posix() for p in paths if p.is_relative_to(root)})
            for document, paths in clauses.items()})


class BuildCache:
    """The cache of one output folder, for one variant (`normal` or `revision`)."""

    def __init__(self, out_dir: Path, variant: str):
        self.root = out_dir / FOLDER
        self.variant = variant

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def library_index(self, library_digest: str) -> LibraryIndex | None:
        content = _unsealed(self.root / LIBRARY_INDEX)
        if content is None or content.get("format") != FORMAT or content.get("digest") != library_digest:
            return None
        return LibraryIndex(library_digest, dict(content["documents"]))

    def save_library_index(self, index: LibraryIndex) -> None:
        _write_atomically(self.root / LIBRARY_INDEX,
                          _sealed({"format": FORMAT, "digest": index.digest,
                                   "documents": list(index.documents.items())}))  # a list keeps their order

    def _entry(self, slug: str, document: str, part: str = "") -> Path:
        return self.root / self.variant / slug / f"{document}{part}.json"

    def fresh(self, slug: str, document: str, key: str, target: Path, names: list[str],
              manifest: dict[str, str]) -> list[Finding] | None:
        """The findings of `document` if it was built with `key` and its files `names` in `target`, and
        those of its editions the entry records, are still the ones built (per the entry and the `manifest`
        beside them); None if not: deleting only an edition's files redoes it."""
        content = _unsealed(self._entry(slug, document))
        try:
            if content is None or content.get("cle") != key or not set(names) <= set(content["fichiers"]):
                return None
            for name in content["fichiers"]:
                data = read_bounded(target / name, OUTPUT_BYTES)
                if data is None or not content["fichiers"][name] == manifest.get(name) == digest(data):
                    return None
            return [Finding.from_json(item) for item in content["constats"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def record_models(self, slug: str, document: str, key: str, models: list[Document]) -> None:
        """Keep the models (its own, then its editions') `document` is being built from with `key`: written
        before its files are installed, they are read only once `record` says those files are in place."""
        _write_atomically(self._entry(slug, document, MODELS), _sealed(
            {"cle": key, "modeles": [to_json(model) for model in models]}))

    def record(self, slug: str, document: str, key: str, files: dict[str, str], found: list[Finding]) -> None:
        """Note that `document` was built with `key` into `files` ({name: sha256}), with these findings."""
        _write_atomically(self._entry(slug, document), _sealed(
            {"cle": key, "fichiers": files, "constats": [f.to_json() for f in found]}))

    def models(self, slug: str, document: str, key: str) -> list[Document] | None:
        """The models `document` was last built from with `key` (its own, then its editions'), or None
        (absent, another key, unreadable)."""
        content = _unsealed(self._entry(slug, document, MODELS))
        try:
            if content is None or content.get("cle") != key:
                return None
            models = [from_json(model) for model in content["modeles"]]
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None
        if not models or not all(isinstance(model, Document) for model in models) or models[0].kind != document:
            return None
        return models


def organisation_inputs(organisation_file: Path) -> dict:
    """What an organisation gives each of its documents' keys: its file, and its own clauses and laws
    (read once per build for all its documents)."""
    return {"fichier": [organisation_file.name, hash_of(organisation_file)],
            "dossier": own_file_hashes(organisation_folder(organisation_file))}


def document_key(document: str, formats: list[str], review: bool, organisation: dict,
                 library_files: dict[str, str | None]) -> str:
    """The key of one document: changes whenever anything its files are made of changes.

    `organisation`: `organisation_inputs` of its file; `library_files`: {path: sha256} of the library
    files it depends on."""
    parts = {
        "policygen": policygen_version(),
        "code": code_digest(),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH"),
        "document": document,
        "formats": formats,
        "revision": review,
        **organisation,
        "bibliotheque": library_files,
    }
    return digest(json.dumps(parts, sort_keys=True).encode("utf-8"))
