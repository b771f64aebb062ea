"""Writes that land whole or not at all: files are produced in a hidden folder
beside the target, then put in place in one step.

A staging folder carries the id of the process that made it: one left by a
killed run (its process is gone) is removed by the next run, and never one of a
run still going (two builds into one folder leave each other's work alone).
A folder is replaced by exchanging it with its new version in one rename where
the system can (`swap`), so a kill at any moment leaves the old folder or the
new one, never a mix.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

_PREFIX = ".policygen-"
_LEFTOVER = re.compile(re.escape(_PREFIX) + r"(\d+)-")
_RENAME_EXCHANGE = 2  # linux/fs.h


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


def _exchange(a: Path, b: Path) -> bool:
    """Exchange two paths in one step (Linux `renameat2`); False where the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return False
    at_cwd = -100
    return renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap(new: Path, target: Path) -> None:
    """Put the folder `new` in place of `target`, then remove the old one.

    Exchanged in one step where the system allows it; elsewhere the old folder is
    moved aside first (a kill between the two renames leaves it beside the target,
    whole, named as a leftover)."""
    if target.exists() and not target.is_symlink() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)
        return
    aside = None
    if target.exists():
        aside = staging_folder(target)
        os.replace(target, aside / "ancien")
    os.replace(new, target)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def link_or_copy(source: Path, destination: Path) -> None:
    """A hard link where the file system allows one (the file keeps its inode and time), else a copy."""
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def stage(target: Path, produce: Callable[[Path], None]) -> list[Path]:
    """Let `produce` write files into a staging folder, then move them all into `target`.

    Nothing else in `target` is touched. Returns the paths the files have in `target`."""
    staging = staging_folder(target)
    try:
        produce(staging)
        names = sorted(p.name for p in staging.iterdir())
        target.mkdir(exist_ok=True)
        for name in names:
            os.replace(staging / name, target / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in names]
