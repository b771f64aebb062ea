"""The built text of a body's documents, flattened for the readings' tests to search (no-break spaces as
spaces, runs of space as one)."""

from __future__ import annotations

from pathlib import Path

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.model.nodes import document_texts


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def text_of(document) -> str:
    return flat(" ".join(document_texts(document)))


def loaded_body(library, path: Path):
    loaded, problems = load_all([path], library)
    assert not problems, problems
    return loaded[0]


def built_texts(library, path: Path, kinds: list[str]) -> dict[str, str]:
    """Each of `kinds` (document kinds) of the body in `path`, as flat text."""
    return {d.kind: text_of(d) for d in documents_for(loaded_body(library, path), library, kinds)}
