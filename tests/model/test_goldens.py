"""Model goldens: the assembled document model of each fixture organisation, as
readable JSON in tests/goldens/<name>/<document>.json, so a change of content is
seen (and reviewed in the diff) without rendering a PDF.

`pytest --update-goldens` rewrites them from the current code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import json
from pathlib import Path

import pytest

from conftest import FIXTURES, ORGANISATIONS, ROOT
from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library

GOLDENS = Path(__file__).resolve().parents[1] / "goldens"

# name -> (organisation file, library folder or None for the shipped library)
CASES = {
    "fixture": (FIXTURES / "organisation.yaml", FIXTURES / "library"),
    "review-fixture": (FIXTURES / "review" / "organisation.yaml", FIXTURES / "review" / "library"),
    **{path.stem: (path, None) for path in ORGANISATIONS},
}


def as_json(value):
    """Any model value as plain JSON: a node is an object with its class as `type`, then
    its fields in declaration order (read from the dataclass, so new fields appear by
    themselves); tuples are lists; dates are ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"type": type(value).__name__,
                **{f.name: as_json(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, (list, tuple)):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return value.relative_to(ROOT).as_posix() if value.is_relative_to(ROOT) else value.name
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"no JSON form for a {type(value).__name__} in the model: add one to as_json")


def layout(value, indent: str = "") -> str:
    """JSON with a node on one line when it fits (a Text, a short paragraph), else one
    field or item per line: short enough to read, and diffs that point at the change."""
    compact = json.dumps(value, ensure_ascii=False)
    if len(indent) + len(compact) <= 110 or not isinstance(value, (dict, list)) or not value:
        return compact
    inner = indent + " "
    if isinstance(value, dict):
        lines = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {layout(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(lines) + f"\n{indent}}}"
    return "[\n" + ",\n".join(inner + layout(v, inner) for v in value) + f"\n{indent}]"


def serialise(document) -> str:
    # Non-breaking spaces escaped: a typography change must show in the diff.
    return (layout(as_json(document)) + "\n").replace("\u00a0", "\\u00a0").replace("\u202f", "\\u202f")


@pytest.fixture(scope="module")
def documents():
    """{(case, kind): JSON text}, SOURCE_DATE_EPOCH unset so the file dates are the documents' own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)
        found = {}
        for name, (organisation, folder) in CASES.items():
            library = load_library(folder) if folder else load_library()
            loaded, problems = load_all([organisation], library)
            assert not problems, problems
            for document in documents_for(loaded[0], library, list(library.documents)):
                found[name, document.kind] = serialise(document)
        return found


@pytest.mark.parametrize("case", list(CASES))
def test_model_matches_its_golden(documents, request, case):
    produced = {kind: text for (name, kind), text in documents.items() if name == case}
    assert produced, case
    folder = GOLDENS / case
    if request.config.getoption("--update-goldens"):
        folder.mkdir(parents=True, exist_ok=True)
        for stale in set(folder.glob("*.json")) - {folder / f"{kind}.json" for kind in produced}:
            stale.unlink()
        for kind, text in produced.items():
            (folder / f"{kind}.json").write_text(text, encoding="utf-8")
        return
    stored = {path.stem for path in folder.glob("*.json")}
    assert stored == set(produced), (f"tests/goldens/{case}: documents {sorted(stored)} on disk, "
                                     f"{sorted(produced)} assembled; run pytest --update-goldens")
    for kind, text in produced.items():
        golden = (folder / f"{kind}.json").read_text(encoding="utf-8")
        if text != golden:
            diff = difflib.unified_diff(golden.splitlines(), text.splitlines(), f"goldens/{case}/{kind}.json",
                                        "assembled now", n=3, lineterm="")
            pytest.fail(f"the model of {case}/{kind} changed (if intended: pytest --update-goldens, then "
                        "review the diff):\n" + "\n".join(list(diff)[:120]), pytrace=False)


def test_serialiser_shows_every_field_and_its_type():
    from policygen.model.nodes import Link, Text

    assert as_json(Link("mailto:a@b.ca", (Text("écrire"),))) == {
        "type": "Link", "href": "mailto:a@b.ca", "children": [{"type": "Text", "text": "écrire"}]}
    assert as_json(dt.date(2024, 3, 15)) == "2024-03-15"
    with pytest.raises(TypeError, match="set"):
        as_json({1, 2})
