"""Property test: a mutated organisation file is refused in French, located (exit 3), or
builds with its value printed as data (exit 0) — never a traceback or an internal error.

A few examples run in `make test`; set POLICYGEN_FUZZ_EXAMPLES (e.g. 2000) for a long run,
and POLICYGEN_FUZZ_FORMATS=html,docx,pdf to build every format.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygen.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"
EXAMPLES = int(os.environ.get("POLICYGEN_FUZZ_EXAMPLES", "12"))
FORMATS = os.environ.get("POLICYGEN_FUZZ_FORMATS", "html")
FIELDS = (("organisation", "mission"), ("organisation", "nom_court"), ("contacts", "communications", "titre"),
          ("plateformes", 0, "nom"), ("revision", "numero"), ("moderation", "debut"))
SYNTAX = ["# Titre", "===", "---", "| a | b |", "- item", "1. un", "*gras*", "[lien](javascript:alert(1))",
          "<script>alert(1)</script>", "{{ organisation.nom }}", "{% if true %}x{% endif %}", "&amp;", "\\",
          "`code`", "![i](http://x/y.png)", "\n", "\r\n", "\t", "«", "’", "0450", "1.10", "007", "oui",
          "x" * 250, "ẞ", "😀", "✓", "\u2011", "\u202e", "\x1b[31m", "\u0000", "é" * 30]
VALUES = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(SYNTAX) | st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
             max_size=6).map(" ".join),
    st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(), st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(field=st.sampled_from(FIELDS), value=VALUES)
def test_a_mutated_file_is_refused_located_or_printed_as_data(tmp_path_factory, field, value):
    folder = tmp_path_factory.mktemp("fuzz")
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    _set(data, field, value)
    path = folder / "essai.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--format", FORMATS, "--out", str(folder / "out"),
                                       "--jobs", "1"])
    assert "Traceback" not in result.output and "interne" not in result.output, result.output
    assert result.exit_code in (0, 3), result.output
    assert "\x1b" not in result.output
    if result.exit_code == 3:
        assert re.search(r"essai\.yaml(:\d+)?: erreur \[organisation\.", result.output), result.output
        return
    if isinstance(value, str):
        page = html.unescape((folder / "out" / "essai" / "politique.html").read_text(encoding="utf-8"))
        for word in re.findall(r"[A-Za-z0-9]{5,}", value):
            assert word in page or field[-1] in ("debut",), (word, field)
        assert "<script>alert" not in (folder / "out" / "essai" / "politique.html").read_text(encoding="utf-8")
