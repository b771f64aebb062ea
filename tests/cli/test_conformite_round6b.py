"""Issue 23, sixth round (b): the sixth table reader's findings (notes/reader6-table.md). 1: the duties the project
knows bind a body but that no clause meets yet are rows of the table, never left out while the Bilan says
« 0 non couverte »; 2-4: the seniors' residence's own maltreatment clauses meet L-6.3 art. 21, art. 22.2 has its
row, art. 3 is the lawyer's question for a residence and an établissement's duty, and the complaints row gives a
residence its own reason; 5: a clinic that gives care is bound by art. 21."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from test_conformite import invoke
from test_conformite_reader4 import BODIES, SHIPPED
from test_conformite_round6 import _built

RPA = Path(__file__).parent.parent / "orgfile" / "corps" / "rpa-opalia.yaml"
CISSS = SHIPPED / "cisss-laurentides.yaml"

# the duties obligations.yaml kept « pas encore au tableau » until round 6 (reader6-table 1), for each body
KNOWN = {
    CISSS: ("acces-avis-collecte", "sante-responsable", "sante-secours", "maltraitance-politique",
            "maltraitance-represailles"),
    SHIPPED / "ocq.yaml": ("prive-avis-collecte", "professions-informateur-syndic"),
    BODIES / "clinique.yaml": ("prive-avis-collecte", "sante-responsable", "sante-secours", "maltraitance-represailles"),
    RPA: ("prive-avis-collecte", "sante-responsable", "sante-secours", "maltraitance-politique"),
}


@pytest.mark.parametrize("path", list(KNOWN), ids=lambda p: p.stem)
def test_1_known_duties_no_clause_meets_are_rows_the_bilan_counts(path):
    _, rows = _built(path)
    for ident in KNOWN[path]:
        row = rows[ident]
        # honest: the lawyer's question (or an unread article), never « non applicable » nor silently « non couverte »
        # (which --final refuses), never « couverte »
        assert row.status in ("à examiner", "à vérifier"), (ident, row.status)
        if row.status == "à examiner":
            assert "le contentieux" in row.reason, row
    assert not [r.obligation.id for r in rows.values() if r.status == "non couverte"]
    output = invoke("conformite", path).output
    examined = sum(1 for r in rows.values() if r.status == "à examiner")
    assert f", {examined} à examiner," in output
    # the notice at collection is named in the table, with its article
    notice = "Avis à la collecte d’un renseignement personnel (" + ("organisme public" if path == CISSS
                                                                     else "secteur privé")
    assert notice in output and ("art. 65" if path == CISSS else "c. P-39.1, art. 8 ") in output


def test_2_the_residence_s_own_clauses_meet_art_21_and_22_2():
    politique, rows = _built(RPA)
    signalement = rows["maltraitance-signalement"]
    assert signalement.status == "couverte", signalement  # « respectée (à ne pas contredire) » in the table
    by_clause = {m.clause: m.section for m in signalement.met_by}
    assert "opalia.maltraitance-signalement" in by_clause and by_clause["opalia.maltraitance-publications"] == "9.1"
    reprisals = rows["maltraitance-represailles"]
    assert reprisals.obligation.articles == ["22.2"] and reprisals.status == "couverte", reprisals
    assert [m.clause for m in reprisals.met_by] == ["opalia.maltraitance-signalement"]
    output = invoke("conformite", RPA).output
    assert "Interdiction des représailles envers qui signale une maltraitance — RLRQ, c. L-6.3, art. 22.2" in output


def test_2_art_3_is_the_lawyer_s_question_for_a_residence_and_the_cisss_row():
    _, rows = _built(RPA)
    row = rows["maltraitance-politique"]
    assert row.obligation.articles == ["3"] and row.status == "à examiner"
    assert "résidence privée pour aînés" in row.reason and "ne vise que les établissements" in row.reason
    _, rows = _built(CISSS)
    row = rows["maltraitance-politique"]
    assert row.status == "à examiner" and "politique de lutte contre la maltraitance" in row.reason


def test_4_the_complaints_row_gives_a_residence_its_own_reason(tmp_path):
    _, rows = _built(RPA)
    reason = rows["sante-quebec-employeur"].reason
    assert rows["sante-quebec-employeur"].status == "à examiner"
    assert "parce qu’elle est une résidence privée pour aînés" in reason and "commissaire local" in reason
    assert "entente" not in reason and "groupe de médecine de famille" not in reason
    # the same body not declared a seniors' residence gets the generic reason: the field decides
    folder = tmp_path / "corps"
    folder.mkdir()
    shutil.copytree(RPA.with_suffix(""), folder / "rpa-opalia")
    plain = folder / "rpa-opalia.yaml"
    plain.write_text(RPA.read_text(encoding="utf-8").replace("  residence_privee_aines: oui", ""), encoding="utf-8")
    _, rows = _built(plain)
    assert "sous entente avec Santé Québec" in rows["sante-quebec-employeur"].reason


def test_5_a_clinic_that_gives_care_is_bound_by_art_21():
    _, rows = _built(BODIES / "clinique.yaml")
    row = rows["maltraitance-signalement"]
    assert row.status == "couverte" and [m.clause for m in row.met_by] == ["politique.enonces.garanties"], row


def test_8_the_training_row_cites_no_section_that_does_not_meet_it():
    politique, rows = _built(CISSS)
    row = rows["sante-formation"]
    assert row.status == "à examiner" and not row.met_by, row  # was « respectée par … (section 10.2) »
    assert "aucune n’y renvoie" in row.reason and "le contentieux" in row.reason
    output = invoke("conformite", CISSS).output
    line = output.split("- Formation à la protection des renseignements de santé", 1)[1].split("\n- ", 1)[0]
    assert "10.2" not in line and "politique.roles.communications" not in line


def test_7_persons_the_file_does_not_name_are_out_of_the_politique_s_scope_not_of_the_law():
    output = invoke("conformite", BODIES / "clinique.yaml").output
    for title, persons in (("Devoirs des administrateurs d’une personne morale", "administrateur"),
                           ("Milieu de stage exempt de harcèlement psychologique", "stagiaire")):
        row = output.split(f"- {title}", 1)[1].split("\n- ", 1)[0]
        assert f"sans objet : Le fichier ne nomme aucun {persons}" in row and "hors de son champ" in row, row
        assert "non applicable" not in row
    assert ", 2 sans objet, 0 non couverte." in output
    # a kind of body the law does not bind stays « non applicable »
    assert "non applicable : L’obligation vise seulement le secteur public." in output


def test_9_a_law_read_is_never_also_unread_for_want_of_articles():
    output = invoke("conformite", RPA).output
    [line] = [line for line in output.splitlines() if line.startswith("  RLRQ, c. P-39.3 :")]
    assert line.startswith("  RLRQ, c. P-39.3 : lu le 7 décembre 2026 (art. 4, 20)") and "non lu" not in line, line
    row = output.split("- Milieu de stage exempt de harcèlement psychologique", 1)[1].split("\n- ", 1)[0]
    assert row.startswith(" — RLRQ, c. P-39.3, art. 4, 20 ")
    # the article of the right itself, not found, keeps the row from « couverte »
    assert "à vérifier : texte non lu : l’article qui donne au stagiaire le droit" in row


def test_10_a_private_non_profit_s_language_row_cites_the_article_and_says_what_it_reaches():
    output = invoke("conformite", BODIES / "ligne-ecoute.yaml").output
    row = output.split("- Langue des publications commerciales et des communications", 1)[1].split("\n- ", 1)[0]
    assert "RLRQ, c. C-11, art. 52 (à ne pas contredire)" in row and "articles à trouver" not in row
    assert "organisme sans but lucratif" in row and "sans caractère publicitaire ni commercial" in row
    assert "à vérifier : texte non lu : l’art. 52" in row  # known from the OQLF only


def test_7_the_register_page_gives_a_sans_objet_row_its_reason():
    from policygen.assembly.assemble import documents_for
    from policygen.assembly.inputs import load_all
    from policygen.library.loader import load_library
    from policygen.publishing.legaltable import page, table_for
    library = load_library()
    [item], _ = load_all([BODIES / "clinique.yaml"], library)
    [politique] = documents_for(item, library, ["politique"])
    html = page(table_for(item, politique, library), "Accueil", "politique.html").replace("\u202f", " ")
    html = html.replace("\u00a0", " ")
    rows = re.findall(r'<tr class="statut-sans-objet">.*?</tr>', html, re.S)
    assert len(rows) == 2 and all("hors de son champ" in row for row in rows), rows
