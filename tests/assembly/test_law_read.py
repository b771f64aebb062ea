"""The law's date: a politique says « Droit à jour au … » (the earliest reading of the laws it cites) only when
every law it cites has a recorded reading; `check --final` says why it is withheld; `check` warns when a cited
law was read more than a year before the document's date; `conformite` says when the law was read."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.publishing.legaltable import table_for
from policygen.resources import TEMPLATES
from policygen.writers.html import render_html

LATE = {"  en_vigueur: 2025-03-01": "  en_vigueur: 2026-03-01"}
BODIES = Path(__file__).parent.parent / "fixtures" / "organismes"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": "1767225600"})


@pytest.fixture
def library_read_on(tmp_path):
    """A copy of the shipped library whose lois.yaml records readings: `dates` maps a law to its date,
    `default` (when given) dates every other law."""

    def make(dates: dict[str, str], default: str | None = None):
        root = tmp_path / "bibliotheque"
        shutil.copytree(TEMPLATES, root, ignore=shutil.ignore_patterns("fonts", "__pycache__"))
        (root / "fonts").symlink_to(TEMPLATES / "fonts")
        path = root / "data" / "lois.yaml"
        text = path.read_text(encoding="utf-8")
        laws = yaml.safe_load(text)["lois"]
        for law in laws:
            when = dates.get(law["id"], default)
            if when is None:
                continue
            entry = f"  - id: {law['id']}\n"
            block_end = text.index("\n\n", text.index(entry)) if "\n\n" in text[text.index(entry):] else len(text)
            block = text[text.index(entry):block_end]
            new = re.sub(r"\n    (lu_le|lus): .*", "", block) + f"\n    lu_le: {when}"
            text = text.replace(block, new)
        path.write_text(text, encoding="utf-8")
        return root

    return make


def _identification(politique) -> dict[str, str]:
    """The identification block of the politique as its HTML page prints it: label → value."""
    page = render_html(politique)
    table = re.search(r"<table.*?</table>", page, re.S).group(0)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>",
                                                                                       row, re.S)]
        if len(cells) == 2 and cells[0]:
            rows[cells[0]] = cells[1]
    return rows


def test_check_warns_when_a_cited_law_was_read_over_a_year_before_the_document(org_file, library_read_on):
    library = library_read_on({"renseignements-sante": "2024-11-18"})
    result = invoke("check", "--bibliotheque", library, org_file(LATE))
    assert result.exit_code == 0, result.output
    assert "avertissement [organisation.law-read] — revision.en_vigueur" in result.output
    assert ("Le document « politique », daté du 1er mars 2026, cite (clause politique.") in result.output
    assert ("la loi « Loi sur les renseignements de santé et de services sociaux » (RLRQ, c. R-22.1), dont le "
            "texte consolidé a été lu à jour au 18 novembre 2024, plus d’un an avant.") in result.output
    final = invoke("check", "--final", "--bibliotheque", library, org_file(LATE))
    assert "organisation.law-read" in final.output and "erreur [organisation.law-read]" not in final.output


def test_a_reading_within_the_year_is_silent(org_file):
    result = invoke("check", org_file())  # dated 1 March 2025: P-33.01 read 1 December 2024, R-22.1 later
    assert "organisation.law-read" not in result.output


def test_conformite_says_the_law_is_current_to_no_date_while_a_cited_law_is_unread(org_file):
    output = invoke("conformite", org_file()).output
    line = next(line for line in output.splitlines() if line.startswith("Droit à jour"))
    assert line.startswith("Droit à jour : date non établie, la lecture du texte consolidé de chaque article cité "
                           "n’est pas consignée pour ")
    assert "RLRQ, c. C-12" in line and "RLRQ, c. R-22.1, r. 2 ;" not in line + " ;"  # r. 2 was read
    # then one line per law: what was read, on which date, and what was not (T2); read article by article
    # (lus) since its rows of reader5-table T3, its arts. 78 and 106 read in round 6, the law cited as a whole not,
    # nor art. 74 and the responsible person's article, rows since reader6-table 1
    assert ("\n  RLRQ, c. R-22.1 : lu le 7 décembre 2026 (art. 5, 6, 78, 106, 108, 110) ; non lu (art. 74, cité sans "
            "article, articles à trouver)") in output
    # a law read in part: the articles read, then those not (lois.yaml: lus)
    assert "\n  RLRQ, c. C-12 : lu le 7 décembre 2026 (art. 9) ; non lu (art. 2, 3, " in output
    # and the bilan says a row resting on an unread article is at best « à vérifier » (reader5-table T1)
    bilan = next(line for line in output.splitlines() if line.startswith("Bilan : "))
    assert bilan.endswith(" non couverte. Une ligne qui repose sur un article marqué « non lu » ci-dessus est au "
                          "mieux « à vérifier »."), bilan


def test_the_bilan_carries_no_reserve_once_every_article_it_rests_on_was_read(org_file):
    library = load_library()
    [item], _ = load_all([org_file()], library)
    [politique] = documents_for(item, library, ["politique"])
    table = table_for(item, politique, library)
    assert "au mieux « à vérifier »" in table.summary
    read = dataclasses.replace(table, found=tuple(dataclasses.replace(r, unread=()) for r in table.found))
    assert read.summary.endswith(" non couverte.") and "au mieux" not in read.summary


def test_the_politique_says_droit_a_jour_au_the_earliest_reading_when_every_cited_law_was_read(
        org_file, library_read_on):
    root = library_read_on({"charte": "2026-11-30"}, default="2026-12-07")
    library = load_library(root)
    [item], problems = load_all([org_file()], library)
    assert not problems
    politique, netiquette = documents_for(item, library, ["politique", "netiquette"])
    rows = _identification(politique)
    assert rows["Droit à jour au"].replace("\u00a0", " ") == "30 novembre 2026"
    assert list(rows)[-1] == "Droit à jour au"
    assert "Droit à jour" not in render_html(netiquette)  # no identification block to carry it
    output = invoke("conformite", "--bibliotheque", root, org_file()).output
    # the table also rests on its rows, but a row that does not apply to this body (not one of Santé Québec) and
    # names no article rests on no article: it leaves its law read (G-1.021, reader4-table)
    # but an establishment naming no trainee has P-39.3 to examine (reader5-table U3), whose articles nobody found,
    # and the public-health act its 5.5 cites has a row whose articles nobody found either (reader5-table M2)
    # and R-22.1's responsible person, whose article nobody found (reader6-table 1); P-39.3's row names its arts. 4
    # and 20, read, since reader6-table 9 (the article of the right itself, not found, keeps the row « à vérifier »)
    assert ("Droit à jour : date non établie, la lecture du texte consolidé de chaque article cité n’est pas consignée "
            "pour RLRQ, c. R-22.1 ; RLRQ, c. S-2.2.\n") in output
    assert "  RLRQ, c. G-1.021 : lu le 7 décembre 2026 (art. 51, 245, 248, cité sans article) ; date de mise à jour du texte consolidé non consignée." in output
    assert "  RLRQ, c. C-12 : lu le 30 novembre 2026 (art. 2, 3, " in output
    # a row that applies and whose articles are still to find leaves its law unread (an establishment of Santé Québec)
    establishment = invoke("conformite", "--bibliotheque", root, BODIES / "ciusss.yaml").output
    assert ("Droit à jour : date non établie, la lecture du texte consolidé de chaque article cité n’est pas "
            "consignée pour RLRQ, c. G-1.021") in establishment
    assert ("  RLRQ, c. G-1.021 : lu le 7 décembre 2026 (art. 51, 245, 248, cité sans article) ; non lu (articles à "
            "trouver) ; date de mise à jour du texte consolidé non consignée.") in establishment
    final = invoke("check", "--final", "--bibliotheque", root, org_file())
    assert "organisation.law-unread" not in final.output


def test_with_an_unread_law_the_date_is_withheld_and_only_a_final_check_says_why(org_file, library_read_on):
    root = library_read_on({"charte": None}, default="2026-12-07")  # every law read but the Charte
    library = load_library(root)
    [item], _ = load_all([org_file()], library)
    [politique] = documents_for(item, library, ["politique"])
    assert "Droit à jour au" not in _identification(politique)
    draft = invoke("check", "--bibliotheque", root, org_file())
    assert "organisation.law-unread" not in draft.output
    final = invoke("check", "--final", "--bibliotheque", root, org_file())
    assert "avertissement [organisation.law-unread] — revision.en_vigueur" in final.output
    assert ("Le document « politique » ne dit pas à quelle date le droit qu’il cite est à jour : la date de "
            "lecture du texte consolidé n’est pas consignée pour RLRQ, c. C-12.") in final.output


def test_a_law_is_dated_only_with_a_note_saying_each_listed_article_was_read_on_legisquebec_that_day():
    """No reading date without its record: the note of every law with `lu_le` says « Lecture du <that date> sur
    LégisQuébec » (a federal law: « sur le site Lois du Canada », its official consolidation) and names each article
    the law lists (what `Droit à jour au …` vouches for); each article of `lus` is named with its reading too."""
    from policygen.french import long_date
    laws = yaml.safe_load((TEMPLATES / "data" / "lois.yaml").read_text(encoding="utf-8"))["lois"]
    dated = [law for law in laws if law.get("lu_le")]
    assert {"reglement-gouvernance-rsss", "gouvernance", "represailles", "lsjpa"} <= {law["id"] for law in dated}
    for law in dated:
        note = law["note"].replace("\u00a0", " ")
        where = "le site Lois du Canada" if law["citation"].startswith(("L.C.", "L.R.C.")) else "LégisQuébec"
        assert f"Lecture du {long_date(law['lu_le'])} sur {where}" in note, law["id"]
        for article in law.get("articles") or {}:
            assert re.search(rf"(?<![\d.]){re.escape(article)}(?![\d.]\d)", note), (law["id"], article)
    partly = [law for law in laws if law.get("lus")]
    assert {"acces", "charte", "ccq", "code-professions", "renseignements-sante"} <= {law["id"] for law in partly}
    for law in partly:
        assert not law.get("lu_le"), law["id"]
        for article in law["lus"]:
            # named in the note, or its own description says where it was read
            named = re.search(rf"(?<![\d.]){re.escape(article)}(?![\d.]\d)", law["note"])
            assert named or re.search(r"(lu|vérifié) sur LégisQuébec", law["articles"][article]), (law["id"], article)
