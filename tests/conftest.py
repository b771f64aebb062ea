"""Shared fixtures: a tiny clause library and organisation for unit tests,
and one real build of every organisation, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.library import load_library

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="session")
def fixture_library():
    return load_library(FIXTURES / "library")


@pytest.fixture
def org_file(tmp_path):
    """Write a copy of the fixture organisation, optionally edited, and return its path."""

    def make(replacements: dict[str, str] | None = None, name: str = "essai.yaml") -> Path:
        text = (FIXTURES / "organisation.yaml").read_text(encoding="utf-8")
        for old, new in (replacements or {}).items():
            assert old in text, old
            text = text.replace(old, new)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return make
