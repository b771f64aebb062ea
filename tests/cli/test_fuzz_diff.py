"""Property test: `policygen diff` on a pair of organisation files, each edited with a hostile
value (types, unicode of every kind, Markdown/HTML/Jinja syntax, newlines, long words),
ends with its comparison (exit 0) or a located French error (exit 3) — never a traceback
or an internal error.

A few examples run in `make test`; POLICYGEN_FUZZ_EXAMPLES (e.g. 300) sets a long run,
as for test_fuzz_orgfile.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policygen.cli.main import main
from test_fuzz_orgfile import FIELDS, FIXTURE, VALUES, _set

EXAMPLES = int(os.environ.get("POLICYGEN_FUZZ_EXAMPLES", "4"))
EDIT = st.none() | st.tuples(st.sampled_from(FIELDS), VALUES)


def _write(path: Path, edit) -> Path:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    if edit is not None:
        _set(data, *edit)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(old=EDIT, new=EDIT)
def test_a_pair_of_edited_files_diffs_or_is_refused_located(tmp_path_factory, old, new):
    folder = tmp_path_factory.mktemp("fuzzdiff")
    out = folder / "comparaison"
    result = CliRunner().invoke(main, ["diff", str(_write(folder / "ancien.yaml", old)),
                                       str(_write(folder / "nouveau.yaml", new)), "--document", "fiche-synthese",
                                       "--out", str(out)])
    assert "Traceback" not in result.output and "interne" not in result.output, result.output
    assert result.exit_code in (0, 3), result.output
    if result.exit_code == 3:
        assert re.search(r"(ancien|nouveau)\.yaml(:\d+)?: erreur \[organisation\.", result.output), result.output
        assert not out.exists()
        return
    assert {p.name for p in out.iterdir()} == {"fiche-synthese.redline.docx", "fiche-synthese.diff.html"}
