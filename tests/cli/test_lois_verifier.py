"""`policygen lois --verifier`: a changed article → exactly the rules, clauses, bodies and documents that cite it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.resources import TEMPLATES
from policygen.writers.html import render_html

BODIES = Path(__file__).parent.parent / "fixtures" / "organismes"
AMENDED = """\
changements:
  - loi: renseignements-sante
    articles: ["108"]
    nature: modifie
    depuis: 2026-01-01
    note: Les avis au ministre changent.
"""


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": "1767225600"})


def _cite_108(refs) -> bool:
    return any(r["law"] == "renseignements-sante" and "108" in r.get("articles", []) for r in refs or [])


def test_one_amended_article_lists_exactly_what_cites_it(tmp_path):
    changes = tmp_path / "changements.yaml"
    changes.write_text(AMENDED, encoding="utf-8")
    bodies = [BODIES / f"{name}.yaml" for name in ("ciusss", "institut", "clinique", "ordre-inhalotherapie")]
    result = invoke("lois", "--verifier", changes, *bodies)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("RLRQ, c. R-22.1, art. 108 : modifié depuis le 1er janvier 2026 — "
                        "Les avis au ministre changent.")
    # the rulebook and the clause files, read as YAML here, say which rules and clauses cite it
    rulebook = yaml.safe_load((TEMPLATES / "data" / "regles.yaml").read_text("utf-8"))["regles"]
    rules = sorted(r["id"] for r in rulebook if _cite_108(r["fondement"].get("lois")))
    assert lines[1] == f"  Règles : {', '.join(rules)}" and rules
    clauses = sorted(c.id for c in load_library().clauses
                     if _cite_108([r.model_dump() for r in c.meta.legal]) or set(c.rules) & set(rules))
    assert lines[2] == f"  Clauses : {', '.join(clauses)}"
    touched = [line for line in lines[3:] if line.strip()]
    # binds public establishments only: the clinic and the ordre are not named
    assert {line.split(" : ")[0].strip() for line in touched} == {
        "tests/fixtures/organismes/ciusss.yaml", "tests/fixtures/organismes/institut.yaml"}
    library = load_library()
    [item], _ = load_all([BODIES / "ciusss.yaml"], library)
    documents = {d.kind: d for d in documents_for(item, library, list(library.documents))}
    for line in touched:
        if "ciusss" not in line:
            continue
        kind, sections = re.match(r".* : ([a-z-]+), sections? (.*)", line).groups()
        headings = [html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
                    for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", render_html(documents[kind]), re.S)]
        for section in sections.split(", "):
            shown = section.strip("« »")
            assert any(h == shown or re.match(rf"{re.escape(shown)}\.?\s", h) for h in headings), (kind, section)
    assert {re.match(r".* : ([a-z-]+),", line).group(1) for line in touched} == {"politique", "fiche-synthese"}


def test_a_list_naming_an_unknown_law_or_article_is_refused_with_its_lines(tmp_path):
    changes = tmp_path / "changements.yaml"
    changes.write_text("changements:\n  - loi: renseignements-sant\n    nature: modifie\n"
                       "  - loi: acces\n    articles: [\"63.99\"]\n    nature: abroge\n", encoding="utf-8")
    result = invoke("lois", "--verifier", changes)
    assert result.exit_code == 4, result.output
    assert "changements.yaml:2: erreur [library.law] — changements.loi" in result.output
    assert "Vouliez-vous dire « renseignements-sante » ?" in result.output
    assert "changements.yaml:5: erreur [library.law] — changements.articles" in result.output


def test_a_change_nothing_cites_exits_zero(tmp_path):
    changes = tmp_path / "changements.yaml"
    changes.write_text("changements:\n  - loi: loi-chiropratique\n    nature: abroge\n", encoding="utf-8")
    result = invoke("lois", "--verifier", changes)
    assert result.exit_code == 0, result.output
    assert "  Règles : aucune\n  Clauses : aucune" in result.output


def test_an_amended_access_act_article_names_the_ordre_whose_politique_applies_it_through_art_108_1(tmp_path):
    """A-2.1 binds an ordre in part (its regulatory files, C. prof. art. 108.1) whatever its sector: a change to
    art. 63.8 names the ordre beside the public establishments, and not the private clinic."""
    changes = tmp_path / "changements.yaml"
    changes.write_text("changements:\n  - loi: acces\n    articles: [\"63.8\"]\n    nature: modifie\n",
                       encoding="utf-8")
    bodies = [BODIES / f"{name}.yaml" for name in ("ciusss", "clinique", "ordre-inhalotherapie")]
    result = invoke("lois", "--verifier", changes, *bodies)
    assert result.exit_code == 1, result.output
    named = {line.split(" : ")[0].strip() for line in result.output.splitlines()[3:] if line.strip()}
    assert named == {"tests/fixtures/organismes/ciusss.yaml", "tests/fixtures/organismes/ordre-inhalotherapie.yaml"}
    assert "ordre-inhalotherapie.yaml : politique, section" in result.output
