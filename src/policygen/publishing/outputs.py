"""Documents to files: a build writes the files it must redo, in worker processes
(`write_file`), `stage`s each folder with the files still up to date, and `install`s them all
or nothing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..model.nodes import Document
from ..writers import FORMATS, WRITERS
from ..writers.options import WriterOptions
from .cache import OUTPUT_BYTES, read_bounded
from .manifest import NAME, Manifest, listed
from .staging import link_or_copy, swap

# The only names a build ever writes, hence the only ones it may drop from a folder:
# whatever an earlier manifest lists, a name of another shape is the user's and stays.
OUR_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.en)?\.(?:" + "|".join(FORMATS) + r")\Z")  # .en: an English edition


@dataclass(frozen=True)
class FileJob:
    """One file to write: what a worker process receives."""

    document: Document
    fmt: str
    path: Path
    options: WriterOptions


def write_file(job: FileJob) -> None:
    WRITERS[job.fmt](job.document, job.path, job.options)


def _carry(source: Path, destination: Path) -> None:
    """Link (or copy) `source` — a file, a link or a whole folder — to `destination`."""
    if source.is_dir() and not source.is_symlink():
        destination.mkdir()
        for entry in sorted(source.iterdir()):
            _carry(entry, destination / entry.name)
    else:
        link_or_copy(source, destination)


def stage(work: Path, target: Path, documents: list[Document], formats: list[str], manifest: Manifest) -> list[str]:
    """Make `work` (the files this build wrote) the whole new `target`, before it takes its place
    (`install`): returns the names of the files this build changes.

    The files of `target` still up to date, and anything of the user's own (a
    subfolder, a note), are linked into `work` (keeping their inode and time), and the
    manifest is computed there over the whole set. A file an earlier build wrote that
    this one no longer produces is left out, if it has a name policygen writes
    (`<document>.<format>`); nothing outside `target` is ever touched.
    """
    target = Path(os.path.realpath(target))  # read only: created, if new, when installed
    expected = {f"{document.kind}.{fmt}" for document in documents for fmt in formats}
    dropped = {name for name in listed(target) if OUR_NAME.match(name)} - expected
    produced = sorted(p.name for p in work.iterdir())
    for kept in sorted(target.iterdir()) if target.is_dir() else []:
        if kept.name not in produced and kept.name not in dropped and kept.name != NAME:
            _carry(kept, work / kept.name)
    manifest.write(work, documents)
    old = target / NAME
    changed = produced + ([] if read_bounded(old, OUTPUT_BYTES) == (work / NAME).read_bytes() else [NAME])
    if NAME not in changed:  # the same bytes: keep the old file's inode and time
        (work / NAME).unlink()
        link_or_copy(old, work / NAME)
    return changed


def install(work: Path, target: Path, changed: list[str]) -> list[Path]:
    """`work`, staged (`stage`), takes the place of `target` in one step (`staging.swap`): a kill at
    any moment leaves the old folder or the new. Returns the files this build changed."""
    target = Path(os.path.realpath(target))
    target.mkdir(parents=True, exist_ok=True)
    work.chmod(target.stat().st_mode & 0o7777)  # the folder keeps its permissions (a work folder is private)
    for added in sorted(target.iterdir()):  # the user's own, added while the other organisations were written
        if not OUR_NAME.match(added.name) and added.name != NAME and not os.path.lexists(work / added.name):
            _carry(added, work / added.name)
    swap(work, target)
    return [target / name for name in changed]
