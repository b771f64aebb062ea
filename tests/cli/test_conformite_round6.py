"""Issue 23, sixth round: the fifth table reader's findings left open (notes/reader5-table.md). T2: a private body
(a clinic, a help line, an ordre for its communications) has the rows that mirror A-2.1 arts. 63.5 and 70.1, P-39.1
arts. 3.3 and 17, met by a rule its politique prints where the creation of official accounts is."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity, printed
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts
from test_conformite import invoke
from test_conformite_reader4 import BODIES, SHIPPED

PRIVATE = [SHIPPED / "ocq.yaml", *(BODIES / f"{name}.yaml" for name in ("ordre-inhalotherapie", "clinique",
                                                                        "ligne-ecoute"))]
PUBLIC = [SHIPPED / "cisss-laurentides.yaml", BODIES / "ciusss.yaml"]


def _built(path: Path):
    library = load_library()
    [item], problems = load_all([path], library)
    assert not problems, problems
    [politique] = documents_for(item, library, ["politique"])
    return politique, {row.obligation.id: row for row in conformity(item, politique, library)}


def _section_text(politique, number: str) -> tuple[str, str]:
    """(the heading of the subsection numbered `number`, the text of its clauses), as the politique prints them."""
    title, texts = "", []
    for clause, where in printed(politique):
        if where == number:
            title = title or clause.title
            texts += [t for block in clause.blocks for t in block_texts(block)]
    return title, " ".join(texts).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("path", PRIVATE, ids=lambda p: p.stem)
def test_t2_a_private_body_has_the_impact_assessment_and_outside_quebec_rows_met_where_accounts_are_created(path):
    politique, rows = _built(path)
    for ident, article in (("prive-efvp", "3.3"), ("prive-hors-quebec", "17")):
        row = rows[ident]
        assert row.obligation.loi == "prive" and row.obligation.articles == [article]
        # met by the new rule, never « non couverte » (--final would refuse the body); at worst « à vérifier »
        # because the article is not read yet
        assert row.status in ("couverte", "à vérifier"), (ident, row.status)
        assert all(m.startswith("texte non lu : ") for m in row.missing), row.missing
        [meeting] = [m for m in row.met_by if m.id == "comptes-evaluation-vie-privee-prive"]
        title, text = _section_text(politique, meeting.section)
        assert title.startswith("Création de comptes officiels"), title  # where a lawyer looks for it
        assert f"art. {article}" in text and "évaluation des facteurs relatifs à la vie privée" in text
        assert "hors du Québec" in text and "entente écrite" in text
    # the public body's rows stay the public body's: arts. 63.5 and 70.1 do not apply to it
    assert rows["acces-efvp"].status == rows["acces-hors-quebec"].status == "non applicable"


@pytest.mark.parametrize("path", PUBLIC, ids=lambda p: p.stem)
def test_t2_the_private_rows_do_not_apply_to_a_public_body_which_has_its_own(path):
    politique, rows = _built(path)
    for ident, public in (("prive-efvp", "63.5"), ("prive-hors-quebec", "70.1")):
        assert rows[ident].status == "non applicable"
        assert f"Loi sur l’accès (art. {public})" in rows[ident].reason
    text = " ".join(t for clause, _ in printed(politique) for b in clause.blocks for t in block_texts(b))
    assert "art. 3.3" not in text  # the private rule is not printed for a public body


# --- T3: an establishment's users' health information is under R-22.1, not A-2.1 ------------------------------

@pytest.mark.parametrize("path", PUBLIC, ids=lambda p: p.stem)
def test_t3_an_establishment_has_r22_1_rows_for_confidentiality_impact_assessment_and_outside_quebec(path):
    politique, rows = _built(path)
    secret = rows["sante-confidentialite"]
    assert secret.obligation.loi == "renseignements-sante" and secret.obligation.articles == ["5"]
    assert secret.status == "couverte" and [m.id for m in secret.met_by] == ["confidentialite"]  # art. 5 read
    for ident, article in (("sante-efvp", "106"), ("sante-hors-quebec", "78")):
        row = rows[ident]
        assert row.status in ("couverte", "à vérifier") and row.obligation.articles == [article], row
        [meeting] = [m for m in row.met_by if m.id == "comptes-evaluation-renseignements-sante"]
        title, text = _section_text(politique, meeting.section)
        assert title.startswith("Création de comptes officiels"), title
        assert f"article {article}" in text and "renseignements de santé et de services sociaux" in text
    # the A-2.1 rows now name R-22.1's own articles rather than « la disposition semblable, non lue »
    assert "art. 106 de R-22.1" in rows["acces-efvp"].obligation.exige
    assert "art. 78 de R-22.1" in rows["acces-hors-quebec"].obligation.exige


def test_t3_an_ordre_is_no_body_of_r22_1():
    _, rows = _built(SHIPPED / "ocq.yaml")
    for ident in ("sante-confidentialite", "sante-efvp", "sante-hors-quebec"):
        assert rows[ident].status == "non applicable" and "n’est pas un organisme" in rows[ident].reason


# --- M2: the Loi sur la santé publique, cited by the CISSS's 5.5, has its row --------------------------------

def test_m2_the_public_health_act_cited_by_the_politique_has_a_row_still_to_read():
    _, rows = _built(SHIPPED / "cisss-laurentides.yaml")
    row = rows["sante-publique-confidentialite"]
    assert row.obligation.loi == "sante-publique" and row.status == "à vérifier"
    assert [(m.id, m.section) for m in row.met_by] == [("politique.fondements.reseau-sante", "5.5")]
    assert any(m.startswith("articles à trouver") for m in row.missing)


# --- M1: what the politique does not restrict (7.6) is checked against the laws that protect it ----------------

@pytest.mark.parametrize("ident, law, article", [("protection-jeunesse-signalement", "protection-jeunesse", "39"),
                                                 ("maltraitance-signalement", "maltraitance", "21"),
                                                 ("travail-association", "code-travail", "3")])
def test_m1_mandatory_reports_and_union_activity_have_rows_met_by_the_guarantees(ident, law, article):
    politique, rows = _built(SHIPPED / "cisss-laurentides.yaml")
    row = rows[ident]
    assert row.obligation.loi == law and row.obligation.articles == [article]
    assert row.obligation.portee == "non_contradiction" and row.status in ("couverte", "à vérifier")
    [meeting] = row.met_by
    title, text = _section_text(politique, meeting.section)
    assert meeting.id == "politique.enonces.garanties" and title == "Ce que la politique ne restreint pas"
    assert {"protection-jeunesse-signalement": "directeur de la protection de la jeunesse",
            "maltraitance-signalement": "signalement que la loi exige",
            "travail-association": "association de salariés"}[ident] in text


def test_m1_whether_a_help_line_s_people_must_report_maltreatment_is_the_lawyer_s_question():
    # a clinic that gives care is bound (reader6-table 5, test_conformite_round6b); a help line is the lawyer's
    _, rows = _built(BODIES / "ligne-ecoute.yaml")
    row = rows["maltraitance-signalement"]
    assert row.status == "à examiner" and "le contentieux" in row.reason


# --- C1: the friendship rule is among the limits to justify ----------------------------------------------------

def test_c1_the_friendship_rule_is_a_limit_to_justify_under_art_9_1_and_on_the_privacy_row():
    _, rows = _built(SHIPPED / "cisss-laurentides.yaml")
    for ident in ("charte-valeurs", "charte-vie-privee"):
        assert "amitie-usagers" in [m.id for m in rows[ident].restricted_by], ident


# --- O3-O7: an ordre's own rows ------------------------------------------------------------------------------

def test_o4_o5_o7_an_ordre_has_rows_for_the_syndic_its_administrators_ethics_and_its_art_94_regulation():
    _, rows = _built(SHIPPED / "ocq.yaml")
    syndic = rows["professions-syndic"]
    assert syndic.obligation.articles == ["122", "128"] and syndic.status == "à vérifier"
    assert {m.id for m in syndic.met_by} == {"sanctions-membres", "politique.non-observance.verifications"}
    ethics = rows["professions-ethique-administrateurs"]
    assert ethics.obligation.articles == ["12.0.1"] and [m.id for m in ethics.met_by] == ["sanctions-administrateurs"]
    assert "C-26, r. 6.1" in ethics.obligation.exige
    regulation = rows["professions-reglement-autres-personnes"]
    assert regulation.status == "couverte" and [m.id for m in regulation.met_by] == ["sanctions-etudiants-stagiaires"]
    _, cisss = _built(SHIPPED / "cisss-laurentides.yaml")
    assert all(cisss[i].status == "non applicable" for i in ("professions-syndic", "professions-ethique-administrateurs",
                                                             "professions-reglement-autres-personnes"))


def test_o3_o6_an_ordre_s_debtors_say_what_is_known():
    _, rows = _built(SHIPPED / "ocq.yaml")
    for row in rows.values():
        assert "à confirmer par la disposition" not in row.debtor, row.obligation.id
    assert rows["acces-incident"].debtor.startswith("l’ordre, par la personne responsable")
    assert "selon la Commission d’accès à l’information" in rows["acces-incident"].debtor
    assert rows["stagiaires-harcelement"].debtor.startswith("l’ordre lorsqu’il accueille lui-même un stagiaire")


# --- T5: how current each statute's text was, beside the date it was read ---------------------------------------

def test_t5_each_law_read_says_how_current_its_consolidated_text_was_or_that_this_was_not_recorded():
    output = invoke("conformite", SHIPPED / "cisss-laurentides.yaml").output
    lines = [line.strip() for line in output.split("\n\n", 1)[0].splitlines() if line.startswith("  ")]
    assert "RLRQ, c. R-22.1, r. 2 : lu le 7 décembre 2026 (art. 1, 2) ; texte consolidé à jour au 1er octobre 2024." \
        in [line.replace("\u00a0", " ") for line in lines]
    for line in lines:
        if " : lu le " in line:  # something was read: how current it was, or that no one recorded it
            assert " ; texte consolidé à jour au " in line or line.endswith(
                " ; date de mise à jour du texte consolidé non consignée."), line
        elif " : non lu " in line:  # nothing read: no date to give
            assert "à jour" not in line, line


def test_t5_a_consolidation_date_needs_a_reading_and_cannot_follow_it():
    from pydantic import ValidationError
    from policygen.library.schema import LawEntry
    base = {"id": "x", "title": "Loi x", "citation": "RLRQ, c. X-1", "url": "https://example.org/x",
            "articles": {"1": "un article"}}
    LawEntry.model_validate({**base, "lu_le": "2026-12-07", "a_jour_au": "2024-10-01"})
    for wrong in ({"a_jour_au": "2024-10-01"}, {"lus": {"1": "2026-12-07"}, "a_jour_au": "2026-12-08"}):
        with pytest.raises(ValidationError, match="a_jour_au"):
            LawEntry.model_validate({**base, **wrong})


# --- K2: a clinic's advertising rule leaves room for a non-participating physician -------------------------------

def test_k2_the_clinic_s_advertising_rule_does_not_ban_what_a_non_participating_physician_may_say():
    politique, rows = _built(BODIES / "clinique.yaml")
    row = rows["publicite-assurance-maladie"]
    [meeting] = row.met_by
    _, text = _section_text(politique, meeting.section)
    assert "ne présente comme payant aucun service" not in text
    assert "que si le médecin qui le rend ne participe pas au régime" in text
    assert row.status == "à vérifier" and not any(m.startswith("la politique interdit") for m in row.missing)


# --- U5: the users' rights are the users', whatever the body calls its public ----------------------------------

def test_u5_the_rights_g_1_021_confers_are_named_the_users_even_where_the_file_says_la_population():
    politique, rows = _built(SHIPPED / "cisss-laurentides.yaml")
    _, text = _section_text(politique, "5.5")
    assert "les droits des usagers, dont le droit d’être traité avec respect" in text
    assert "droits de la population" not in text


# --- U7: an establishment that speaks of English has its status under C-11 arts. 26 and 29.1 checked --------------

def test_u7_an_establishment_whose_mission_speaks_of_english_has_its_language_status_to_check():
    _, rows = _built(BODIES / "ciusss.yaml")  # mission « en français et en anglais », no English edition
    row = rows["langue-statut-etablissement"]
    assert row.obligation.articles == ["26", "29.1"] and row.status == "à vérifier"
    assert any("organisation.mission" in m and "art. 29.1" in m for m in row.missing), row.missing
    _, iucpq = _built(SHIPPED / "iucpq.yaml")  # French only: nothing to check
    assert iucpq["langue-statut-etablissement"].status == "couverte"
    _, ocq = _built(SHIPPED / "ocq.yaml")
    assert ocq["langue-statut-etablissement"].status == "non applicable"


# --- A body whose file says reaches it: the law binds it, so its clauses meet the rows ----------

def test_an_other_body_that_says_r22_1_reaches_it_has_its_r22_1_rows_met_not_uncovered(tmp_path):
    source = Path(__file__).parent.parent / "orgfile" / "corps" / "kinetika.yaml"
    text = source.read_text(encoding="utf-8")
    assert "  loi_renseignements_sante: (à confirmer)\n" in text
    path = tmp_path / "kinetika.yaml"
    path.write_text(text.replace("  loi_renseignements_sante: (à confirmer)\n", "  loi_renseignements_sante: oui\n"),
                    encoding="utf-8")
    politique, rows = _built(path)
    assert not [ident for ident, row in rows.items() if row.status == "non couverte"]
    for ident in ("sante-incident", "sante-registre", "sante-efvp", "sante-hors-quebec"):
        assert rows[ident].status in ("couverte", "à vérifier") and rows[ident].met_by, ident
    assert "comptes-evaluation-renseignements-sante" in [m.id for m in rows["sante-efvp"].met_by]


# --- Readings 6: an article read on LégisQuébec lets its row be met; one seen only elsewhere does not -----------

def test_readings6_the_articles_read_on_legisquebec_turn_their_rows_covered():
    _, clinic = _built(BODIES / "clinique.yaml")
    for ident in ("prive-efvp", "prive-hors-quebec"):  # P-39.1 arts. 3.3 and 17, English version pages
        assert clinic[ident].status == "couverte", clinic[ident]
    _, cisss = _built(SHIPPED / "cisss-laurentides.yaml")
    for ident in ("sante-efvp", "sante-hors-quebec"):  # arts. 106 and 78
        assert cisss[ident].status == "couverte", cisss[ident]
    # the Charte, the Code civil and the Copyright Act were seen only in old official copies or secondary sources
    for ident in ("charte-vie-privee", "ccq-vie-privee", "droit-auteur"):
        assert cisss[ident].status == "à vérifier", cisss[ident]
    output = invoke("conformite", SHIPPED / "cisss-laurentides.yaml").output
    assert "\nDroit à jour : date non établie" in output  # « Droit à jour » withheld: not every article read


def test_readings6_corrections_are_recorded_in_our_words():
    import yaml
    laws = {law["id"]: law for law in yaml.safe_load(
        (Path(__file__).parent.parent.parent / "templates" / "data" / "lois.yaml").read_text(encoding="utf-8"))["lois"]}
    assert "utilisation d’un moyen pour pallier ce handicap" in laws["charte"]["articles"]["10"]
    assert "ses héritiers" in laws["ccq"]["articles"]["35"]
    assert {"3.3", "17"} <= set(laws["prive"]["lus"]) and {"78", "106"} <= set(laws["renseignements-sante"]["lus"])
    assert not laws["charte"].get("lu_le") and not laws["ccq"].get("lu_le") and not laws["droit-auteur"].get("lu_le")
    assert "Lectures 6" in laws["droit-auteur"]["note"] and "Lectures 6" in laws["maltraitance"]["note"]
