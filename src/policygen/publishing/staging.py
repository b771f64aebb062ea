"""Writes that land whole or not at all: files are produced in a hidden folder
beside the target, then moved into place once every one of them is written."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def stage(target: Path, produce: Callable[[Path], None]) -> list[Path]:
    """Let `produce` write files into a staging folder, then move them all into `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        produce(staging)
        target.mkdir(exist_ok=True)
        written = []
        for produced in sorted(staging.iterdir()):
            os.replace(produced, target / produced.name)
            written.append(target / produced.name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
