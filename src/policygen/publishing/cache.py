"""What a build may skip: a document is rebuilt only when something it depends on changed.

The cache lives beside the outputs, in `<out>/.policygen-cache/`:

    bibliotheque.json                    the library's files, as one digest, and which
                                         of them each document depends on
    <variant>/<slug>/<document>.json     the key a document was last built with, and the
                                         hashes of the files it produced

A document's key hashes everything its files are made of: policygen's version,
SOURCE_DATE_EPOCH, the formats and options, the organisation file and the files of
its folder `organisations/<slug>/`, and, from the library, the clauses that name the
document plus every file that is not a clause (outlines, data), and the layouts, styles
and fonts the writers read from policygen's own library, whatever `--bibliotheque` says. A changed clause thus changes the keys of exactly the
documents it names.

Entries are written to a temporary file and renamed, and carry a digest of their own
content: a half-written or altered entry is never trusted, only rebuilt. An entry
is written after the files it describes are in place, and a hit also requires those
files to hold the bytes it recorded, so a crash at any point costs a rebuild, never
a stale file.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..library.loader import organisation_folder, own_files
from ..orgfile.yamlsource import LIMITS

FOLDER = ".policygen-cache"
LIBRARY_INDEX = "bibliotheque.json"
FORMAT = 1  # bumped when the layout of the entries changes


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_hashes(root: Path) -> dict[str, str]:
    """{path relative to `root`: sha256} of every file under `root` (none when it is absent)."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): digest(p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def own_file_hashes(folder: Path) -> dict[str, str]:
    """{path relative to `folder`: sha256} of exactly the files the organisation's folder is read
    from (`own_files`: links inside followed, links outside left to the loader to refuse).

    A file that is not a regular one, or past the size limit, is hashed by what the loader
    would see of it (it refuses both), so hashing never blocks on a FIFO or reads gigabytes."""
    hashes = {}
    for path in own_files(folder)[0]:
        name = path.relative_to(folder).as_posix()
        if not path.is_file():
            hashes[name] = "non-ordinaire"
            continue
        try:
            with path.open("rb") as stream:
                hashes[name] = digest(stream.read(LIMITS.file_bytes + 1))
        except OSError:
            hashes[name] = "illisible"
    return hashes


def _sealed(content: dict) -> str:
    body = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return json.dumps({"contenu": content, "empreinte": digest(body.encode("utf-8"))},
                      ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _unsealed(path: Path) -> dict | None:
    """The content of an entry, or None when it is absent, unreadable, half-written or altered."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        content = entry["contenu"]
        body = json.dumps(content, ensure_ascii=False, sort_keys=True)
        return content if entry["empreinte"] == digest(body.encode("utf-8")) else None
    except (OSError, ValueError, KeyError, TypeError):
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

    def _entry(self, slug: str, document: str) -> Path:
        return self.root / self.variant / slug / f"{document}.json"

    def is_fresh(self, slug: str, document: str, key: str, target: Path) -> bool:
        """Whether `document` was built with `key` and its files in `target` are still the ones built."""
        content = _unsealed(self._entry(slug, document))
        if content is None or content.get("cle") != key:
            return False
        try:
            return all(digest((target / name).read_bytes()) == sha for name, sha in content["fichiers"].items())
        except OSError:
            return False

    def record(self, slug: str, document: str, key: str, target: Path, names: list[str]) -> None:
        """Note that `document` was built with `key` into the files `names` of `target`."""
        files = {name: digest((target / name).read_bytes()) for name in names}
        _write_atomically(self._entry(slug, document), _sealed({"cle": key, "fichiers": files}))


def document_key(document: str, formats: list[str], review: bool, organisation_file: Path,
                 library_files: dict[str, str | None]) -> str:
    """The key of one document: changes whenever anything its files are made of changes.

    `library_files`: {path: sha256} of the library files it depends on."""
    parts = {
        "policygen": version("policygen"),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH"),
        "document": document,
        "formats": formats,
        "revision": review,
        "fichier": [organisation_file.name, digest(organisation_file.read_bytes())],
        # the organisation's own clauses and laws
        "dossier": own_file_hashes(organisation_folder(organisation_file)),
        "bibliotheque": library_files,
    }
    return digest(json.dumps(parts, sort_keys=True).encode("utf-8"))
