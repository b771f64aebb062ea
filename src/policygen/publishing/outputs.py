"""Documents to files: every document in every format, and the manifest, all or nothing.

`write_outputs` writes a whole file set (the intranet site uses it); a build writes
only the files it must redo, in worker processes (`write_file`), then `install`s them
beside the files that were still up to date.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..model.nodes import Document
from ..writers import WRITERS
from ..writers.options import WriterOptions
from .manifest import NAME, Manifest, listed
from .staging import stage


def write_outputs(target: Path, documents: list[Document], formats: list[str],
                  manifest: Manifest | None = None, options: WriterOptions = WriterOptions()) -> list[Path]:
    """Write every document in every format (and the manifest) into `target`, atomically per file set."""
    def produce(staging: Path) -> None:
        for document in documents:
            for fmt in formats:
                WRITERS[fmt](document, staging / f"{document.kind}.{fmt}", options)
        if manifest is not None:
            manifest.write(staging, documents)
    return stage(target, produce, replaces=listed(target))  # a format no longer built goes


@dataclass(frozen=True)
class FileJob:
    """One file to write: what a worker process receives."""

    document: Document
    fmt: str
    path: Path
    options: WriterOptions


def write_file(job: FileJob) -> None:
    WRITERS[job.fmt](job.document, job.path, job.options)


def install(work: Path, target: Path, documents: list[Document], formats: list[str],
            manifest: Manifest) -> list[Path]:
    """Move the files produced in `work` into `target`, then the manifest of `documents` if it changed.

    The files of `target` that were not redone keep their inode and time; the manifest
    is computed in `work`, beside links to them, so it hashes the whole set. A file an
    earlier build wrote that this one no longer produces (another format) is removed;
    a file of the user's own is left alone.
    """
    target.mkdir(parents=True, exist_ok=True)
    expected = {f"{document.kind}.{fmt}" for document in documents for fmt in formats}
    earlier = listed(target)
    produced = sorted(work.iterdir())
    for kept in sorted(target.iterdir()):
        if kept.is_file() and kept.name in expected and not (work / kept.name).exists():
            os.link(kept, work / kept.name)
    manifest.write(work, documents)
    installed = []
    for path in produced:
        os.replace(path, target / path.name)
        installed.append(target / path.name)
    for name in sorted(earlier - expected - {NAME}):
        (target / name).unlink(missing_ok=True)
    old = target / NAME
    if not old.exists() or old.read_bytes() != (work / NAME).read_bytes():
        os.replace(work / NAME, old)
        installed.append(old)
    shutil.rmtree(work)
    return installed
