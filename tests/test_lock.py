"""The versions installed are the ones the lock file names (the bytes of the PDF and Word files
depend on WeasyPrint, uharfbuzz, pikepdf and python-docx), and the lock follows pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")
FIX = "Lancez « make » (il installe le fichier de verrouillage) ou, après un changement voulu, « make lock »."


def pins() -> dict[str, str]:
    """{name: version} of the lock's entries that apply to this interpreter and platform."""
    found = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match and (match[3] is None or Marker(match[3]).evaluate()):
            found[canonicalize_name(match[1])] = match[2]
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_installed_versions_are_the_locked_ones():
    locked = pins()
    assert "weasyprint" in locked and "uharfbuzz" in locked
    wrong = {}
    for name, pinned in locked.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        if installed != pinned:
            wrong[name] = (installed, pinned)
    assert not wrong, f"installé ≠ verrouillé : {wrong}. {FIX}"


def test_the_lock_holds_every_dependency_within_its_bounds():
    locked = pins()
    outside = {str(r): locked.get(canonicalize_name(r.name)) for r in declared()
               if locked.get(canonicalize_name(r.name)) not in r.specifier}
    assert not outside, f"pyproject.toml et requirements.lock divergent : {outside}. {FIX}"


def test_bytes_deciding_dependencies_have_an_upper_bound():
    """Their next release may change the PDF and Word bytes: moving to it is a decision, not a drift."""
    bounded = {canonicalize_name(r.name) for r in declared() if any(s.operator in ("<", "<=", "==", "~=")
                                                                     for s in r.specifier)}
    assert {"weasyprint", "python-docx", "click", "fonttools", "pikepdf", "uharfbuzz"} <= bounded
