"""A build leaves nothing in the system's temporary folder: WeasyPrint copies the fonts it uses
there (2.7 MB a process), and a build's workers end without the clean-up it relies on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"


def test_a_build_in_worker_processes_leaves_no_temporary_files(tmp_path):
    # a short folder: the workers' fork server listens on a socket in it, whose path may not pass 107 bytes
    temporary = Path(tempfile.mkdtemp(prefix="pg-", dir="/tmp"))
    try:
        files = _build_leaves(temporary, tmp_path)
    finally:
        shutil.rmtree(temporary)
    assert files == []


def _build_leaves(temporary: Path, tmp_path: Path) -> list[Path]:
    """What a build of two worker processes, TMPDIR `temporary`, leaves in that folder."""
    result = subprocess.run([sys.executable, "-m", "policygen", "build", str(FIXTURE), "--document", "netiquette",
                             "--format", "pdf,docx", "--out", str(tmp_path / "sortie"), "--jobs", "2", "--silencieux"],
                            capture_output=True, text=True,
                            env={**os.environ, "TMPDIR": str(temporary), "SOURCE_DATE_EPOCH": "1767225600"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sortie" / "organisation" / "netiquette.pdf").is_file()
    return list(temporary.iterdir())
