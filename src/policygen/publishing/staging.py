"""Writes that land whole or not at all: files are produced in a hidden folder
beside the target, then moved into place once every one of them is written.

Inside `batch()`, the moves wait until the batch commits, so a command that
writes several folders (one per organisation file) changes none of them if one
fails. A staging folder carries the id of the process that made it: one left
by a killed run (its process is gone) is removed by the next run.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

_PREFIX = ".policygen-"
_LEFTOVER = re.compile(re.escape(_PREFIX) + r"(\d+)-")


class _Batch:
    """The moves deferred until a batch commits, and the staging folders they move from."""

    def __init__(self) -> None:
        self.moves: list[Callable[[], None]] = []
        self.folders: list[Path] = []


_current: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("batch", default=None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_leftovers(folder: Path) -> None:
    """Remove the staging folders that killed runs left in `folder`."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = _LEFTOVER.match(entry.name)
            if match and entry.is_dir() and not entry.is_symlink() and not _alive(int(match.group(1))):
                shutil.rmtree(entry, ignore_errors=True)


def staging_folder(target: Path) -> Path:
    """A new hidden folder beside `target` (on the same disk, so moves are renames)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target.parent)
    return Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-{target.name}-", dir=target.parent))


def stage(target: Path, produce: Callable[[Path], None], replaces: Iterable[str] = ()) -> list[Path]:
    """Let `produce` write files into a staging folder, then move them all into `target`.

    `replaces` names files of `target` that this write supersedes as a set (what
    the previous build listed): those not produced again are removed, so the
    folder holds exactly the latest build. Nothing else in `target` is touched.
    Returns the paths the files have (or will have, inside a batch) in `target`.
    """
    staging = staging_folder(target)
    try:
        produce(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    names = sorted(p.name for p in staging.iterdir())
    stale = sorted(set(replaces) - set(names))

    def move() -> None:
        try:
            target.mkdir(exist_ok=True)
            for name in names:
                os.replace(staging / name, target / name)
            for name in stale:
                with contextlib.suppress(FileNotFoundError):
                    (target / name).unlink()
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    current = _current.get()
    if current is None:
        move()
    else:
        current.moves.append(move)
        current.folders.append(staging)
    return [target / name for name in names]


@contextlib.contextmanager
def batch() -> Iterator[Callable[[], None]]:
    """Defer every `stage` move in the block; yields `commit`, which moves them all.

    Leaving the block without committing (an error, an exit) discards every staged file."""
    current = _Batch()
    token = _current.set(current)

    def commit() -> None:
        while current.moves:
            current.moves.pop(0)()
    try:
        yield commit
    finally:
        _current.reset(token)
        for folder in current.folders:
            shutil.rmtree(folder, ignore_errors=True)
