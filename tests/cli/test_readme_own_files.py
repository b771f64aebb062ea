"""The README's complete example of an organisation's own laws and clauses works as written."""

from __future__ import annotations

import re

from click.testing import CliRunner

from conftest import ROOT
from policygen.cli.main import main


def example_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = re.split(r"\n##+ ", readme.split("### Les lois et les clauses propres à l’organisme", 1)[1], maxsplit=1)[0]
    return re.findall(r"```(?:yaml|markdown)\n(.*?)```", part, re.S)


def test_the_readme_example_checks_and_is_explained(org_file):
    laws, obligations, added, replacing, withdrawn = example_blocks()
    org = org_file({"revision:": "fondements:\n  lois: [loi-medicale]\nrevision:"}, name="college-essai.yaml")
    folder = org.with_suffix("")
    (folder / "clauses").mkdir(parents=True)
    (folder / "lois.yaml").write_text(laws, encoding="utf-8")
    (folder / "obligations.yaml").write_text(obligations, encoding="utf-8")
    (folder / "clauses" / "signature.md").write_text(added, encoding="utf-8")
    (folder / "clauses" / "plaintes.md").write_text(replacing, encoding="utf-8")
    (folder / "clauses" / "retire.yaml").write_text(withdrawn, encoding="utf-8")
    runner = CliRunner()
    check = runner.invoke(main, ["check", str(org)], env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert check.exit_code == 0, check.output
    explained = runner.invoke(main, ["explain", str(org), "--document", "politique"]).output
    assert "incluse  college.signature" in explained
    assert "qui remplace la clause politique.contacts de la bibliothèque." in explained
    assert "exclue   politique.regles-personnelles.liens-usagers" in explained
    table = runner.invoke(main, ["conformite", str(org)]).output  # the example's obligation binds ordres only
    assert ("- Activités réservées — RLRQ, c. M-9, art. 31 (à ne pas contredire)\n"
            "    exige : La politique ne donne aucun avis relevant d’une activité réservée ; qui en répond : "
            "l’ordre et les membres qui s’expriment sur les médias sociaux.\n"
            "    non applicable : L’obligation vise seulement les ordres professionnels.") in table
