"""Issue 23, fifth round: the fixtures' last « en partie » rows met by the text (the physicians' privileges, a
private body's privacy policy), the consent of a child under 14 said once in a public establishment's 8.6, the
table reader's rows of second rank (reader4-table C-10), the register of a public body's 911 call (reader4 F4),
and the articles read in round 5 (notes/readings5.md) recorded in lois.yaml."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity, printed
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.library.rules import compile_rule
from policygen.model.nodes import block_texts
from test_conformite_reader4 import BODIES, SHIPPED, _table
from test_conformite_statuses import _row, _status


def _sections(path: Path, document: str = "politique") -> dict[str, str]:
    """Number → the text the document prints under it, and clause id → its number and text (nbsp as spaces)."""
    library = load_library()
    [item], problems = load_all([path], library)
    assert not problems, problems
    [built] = documents_for(item, library, [document])
    found: dict[str, str] = {}
    for clause, number in printed(built):
        text = " ".join(t for block in clause.blocks for t in block_texts(block))
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
        found[number] = (found.get(number, "") + " " + text).strip()
        found[clause.id] = f"{number} {text}"
    return found


def _edited(tmp_path: Path, path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    edited = tmp_path / path.name
    edited.write_text(text.replace(old, new), encoding="utf-8")
    return edited


# --- Item 4: who consents for a child under 14, said once --------------------------------------------------

@pytest.mark.parametrize("path", [SHIPPED / "cisss-laurentides.yaml", BODIES / "ciusss.yaml"])
def test_a_public_establishment_says_once_who_consents_for_a_child_under_14(path):
    consent = _sections(path)["8.6"]
    assert consent.count("moins de 14 ans") == 1, consent
    assert ("le consentement d’une personne de moins de 14 ans est donné par le titulaire de l’autorité parentale ou "
            "par le tuteur") in consent
    assert "Ce consentement est recueilli par écrit" in consent  # the staff's rule is still there


# --- Item 2: the physicians' privileges (G-1.021 arts. 245, 248) -------------------------------------------

def test_the_ciusss_sanctions_name_the_rules_of_the_physicians_privileges_and_its_row_is_respected():
    sanctions = _sections(BODIES / "ciusss.yaml")["13.2"]
    assert ("pour les médecins et les dentistes, le régime de leurs privilèges (les obligations rattachées à leur "
            "jouissance, que fixe l’acte de nomination, et les mesures que ce régime prévoit) ; pour les autres, "
            "l’entente qui les lie à l’établissement") in sanctions
    assert "résiliation du contrat" not in sanctions
    row = _row(_table(BODIES / "ciusss.yaml"), "Obligations rattachées aux privilèges (médecins et dentistes)")
    assert "RLRQ, c. G-1.021, art. 245, 248" in row
    assert _status(row) == "respectée (à ne pas contredire) par : règle sanctions-professionnels (section 13.2)", row


def test_a_body_whose_sanctions_list_names_the_privileges_is_not_told_them_twice():
    sanctions = _sections(SHIPPED / "cisss-laurentides.yaml")["13.2"]
    assert sanctions.count("privilèges") == 1, sanctions  # its own list says it: no generic sentence before


# --- Item 2: a private body's privacy policy (P-39.1 art. 8.2) ---------------------------------------------

@pytest.mark.parametrize("name, appellation", [("clinique", "la Clinique"), ("ligne-ecoute", "l’Écoute Solidaire")])
def test_a_private_body_names_the_privacy_policy_it_publishes(name, appellation):
    officer = _sections(BODIES / f"{name}.yaml")["politique.roles.protection-renseignements"]
    assert (f"Elle veille à ce que la politique de confidentialité que {appellation} publie sur son site, selon "
            "l’article 8.2 de la Loi sur la protection des renseignements personnels dans le secteur privé, dise ce que les comptes de médias sociaux recueillent") in officer
    row = _row(_table(BODIES / f"{name}.yaml"),
               "Politique de confidentialité d’une collecte par un moyen technologique (secteur privé)")
    # nothing missing from the text: only the article, never found on LégisQuébec, keeps it from « couverte »
    number = officer.split()[0]
    assert _status(row) == f"à vérifier par : clause politique.roles.protection-renseignements (section {number})", row
    assert "\n    manque : " not in row and "l’art. 8.2 n’a pas été trouvé sur LégisQuébec" in row


def test_a_private_body_whose_privacy_policy_address_is_to_confirm_is_told_to_check_it(tmp_path):
    planted = _edited(tmp_path, BODIES / "clinique.yaml", "    courriel: prp@clinique-essai.ca\n",
                      "    courriel: prp@clinique-essai.ca\n"
                      "    politique_web: https://www.clinique-essai.ca/confidentialite (à confirmer)\n")
    row = _row(_table(planted), "Politique de confidentialité d’une collecte par un moyen technologique (secteur privé)")
    assert "l’adresse de la politique de confidentialité publiée est « à confirmer »" in row, row


def test_a_public_body_still_speaks_of_its_privacy_policy_under_the_access_act():
    officer = _sections(SHIPPED / "cisss-laurentides.yaml")["10.5"]
    assert "la politique de confidentialité que Santé Québec publie sur son site, selon l’article 63.4 de la Loi sur " \
           "l’accès" in officer


# --- Item 3: the table reader's rows of second rank (reader4-table C-10), each where it applies ----------

@pytest.fixture(scope="module")
def cisss() -> str:
    return _table(SHIPPED / "cisss-laurentides.yaml")


@pytest.fixture(scope="module")
def ocq() -> str:
    return _table(SHIPPED / "ocq.yaml")


def test_a_public_establishment_meets_the_access_acts_officer_and_impact_assessment_rows(cisss):
    officer = _row(cisss, "Personne responsable de l’accès et de la protection des renseignements personnels "
                          "(organisme public) — RLRQ, c. A-2.1, art. 8")
    assert _status(officer) == "couverte par : clause politique.roles.protection-renseignements (section 10.5)"
    for heading in ("Évaluation des facteurs relatifs à la vie privée d’un projet technologique (organisme public) — "
                    "RLRQ, c. A-2.1, art. 63.5",
                    "Communication de renseignements personnels hors du Québec (organisme public) — RLRQ, c. A-2.1, "
                    "art. 70.1"):
        row = _row(cisss, heading)
        assert _status(row) == "couverte par : règle comptes-evaluation-vie-privee (section 11.1)", row
    accounts = _sections(SHIPPED / "cisss-laurentides.yaml")["politique.procedures.comptes-evaluation"]
    assert accounts.startswith("11.1 Avant d’ouvrir un compte officiel")
    assert "évaluation des facteurs relatifs à la vie privée (art. 63.5 de la Loi sur l’accès)" in accounts
    assert "selon une entente écrite (art. 70.1)" in accounts


def test_a_public_establishment_has_its_training_and_youth_justice_rows(cisss):
    training = _row(cisss, "Formation à la protection des renseignements de santé — RLRQ, c. R-22.1, r. 2, art. 1, 2")
    # reader6-table 8: no section meets it (10.2 trains those who publish, not this training): the lawyer's question
    assert _status(training).startswith("à examiner : Aucune règle de la politique n’en dispense quiconque")
    youth = _row(cisss, "Interdiction d’identifier un adolescent visé par la justice pénale pour les adolescents — "
                        "L.C. 2002, ch. 1, art. 110")
    # s. 110 read on the federal consolidation (its English version in force since 19 September 2019)
    assert _status(youth) == "respectée (à ne pas contredire) par : règle confidentialite (section 7.7)", youth
    assert "l’établissement qui offre les services jeunesse de la loi, ce que le contentieux vérifie" in youth
    assert "  RLRQ, c. R-22.1, r. 2 : lu le 7 décembre 2026 (art. 1, 2) ; texte consolidé à jour au 1er octobre 2024." in cisss
    assert "  L.C. 2002, ch. 1 : lu le 7 décembre 2026 (art. 110) ; date de mise à jour du texte consolidé non consignée." in cisss
    assert "hors du tableau" not in cisss  # the youth protection row no longer sends LSJPA away


def test_the_second_rank_rows_do_not_apply_where_the_law_does_not_reach(ocq):
    for heading in ("Personne responsable de l’accès et de la protection des renseignements personnels",
                    "Évaluation des facteurs relatifs à la vie privée d’un projet technologique",
                    "Communication de renseignements personnels hors du Québec",
                    "Interdiction d’identifier un adolescent", "Formation à la protection des renseignements de santé"):
        assert _status(_row(ocq, heading)).startswith("non applicable : "), heading
    assert "le Code des professions (art. 108.1) écarte l’art. 8" in _row(ocq, "Personne responsable de l’accès")
    clinic = _table(BODIES / "clinique.yaml")
    assert _status(_row(clinic, "Évaluation des facteurs relatifs à la vie privée")).startswith("non applicable : ")
    # a private clinic may be a body of: the training row is the lawyer's to settle, not « non applicable »
    assert _status(_row(clinic, "Formation à la protection des renseignements de santé")).startswith("à examiner : ")
    assert "politique.procedures.comptes-evaluation" not in _sections(BODIES / "clinique.yaml")


def test_without_the_accounts_rule_the_impact_assessment_rows_are_not_met():
    library = load_library()
    [item], _ = load_all([SHIPPED / "cisss-laurentides.yaml"], library)
    [politique] = documents_for(item, library, ["politique"])
    dropped = dataclasses.replace(politique, sections=tuple(dataclasses.replace(s, clauses=tuple(
        c for c in s.clauses if c.id != "politique.procedures.comptes-evaluation")) for s in politique.sections))
    rows = {r.obligation.id: r for r in conformity(item, dropped, library)}
    assert rows["acces-efvp"].status == rows["acces-hors-quebec"].status == "non couverte"


# --- reader4 F4: a public body's 911 communication is recorded by its privacy officer ----------------------

def test_a_public_body_whose_911_call_is_recorded_by_the_communications_service_meets_the_row_in_part():
    library = load_library()
    rule = library.rules["detresse-commentaire"]
    text = rule.meta.textes["politique"]
    # the communications register for everyone (every sector's text names the privacy officer since reader 8 M-10)
    start = text.index("elle en informe ensuite sans délai")
    end = text.index("quel moment.", start) + len("quel moment")
    old = (text[:start] + "elle inscrit ensuite au registre que tient {{ communications.le }} ce qu’elle a "
           "communiqué, à qui et à quel moment" + text[end:])
    meta = rule.meta.model_copy(update={"textes": {**rule.meta.textes, "politique": old}})
    library = dataclasses.replace(library, rules={**library.rules, rule.id: compile_rule(meta, rule.line)})
    [item], _ = load_all([SHIPPED / "cisss-laurentides.yaml"], library)
    [politique] = documents_for(item, library, ["politique"])
    row = next(r for r in conformity(item, politique, library) if r.obligation.id == "acces-secours")
    assert row.status == "couverte en partie", row
    assert any("non par la personne responsable de la protection des renseignements personnels" in m
               for m in row.missing), row.missing


# --- Readings 5: a law read in part says which articles were read, and a misrecorded reading is refused -----

def test_a_law_read_in_part_lists_the_articles_read_and_those_not(cisss):
    assert ("  RLRQ, c. A-2.1 : lu le 7 décembre 2026 (art. 8, 59, 59.1, 63.5, 63.8, 63.9, 70.1) ; non lu (art. 9, "
            "53, 53.1, 63.4, 63.10, 63.11, 65) ; date de mise à jour du texte consolidé non consignée.") in cisss
    assert "  RLRQ, c. CCQ-1991 : lu le 7 décembre 2026 (art. 321, 1457) ; non lu (art. 3, 35, 36, " in cisss
    # never a date for the whole: the Charte, the Code civil and the Copyright Act are still read in part or not at all
    assert cisss.splitlines()[1].startswith("Droit à jour : date non établie")
    access = _row(cisss, "Accès aux documents des comptes officiels (organisme public)")
    assert "texte non lu : l’art. 9 n’a été lu que dans une décision de la Commission d’accès à l’information" in access


@pytest.mark.parametrize("entry, message", [
    ('    lu_le: 2026-12-07\n    lus: {"3": 2026-12-07}\n', "« lus » ne sert que si la loi n’a pas de « lu_le »"),
    ('    lus: {"99": 2026-12-07}\n', "« lus » nomme des articles que « articles » n’énumère pas : 99"),
])
def test_a_reading_of_articles_the_law_does_not_list_or_beside_a_date_is_refused(tmp_path, entry, message):
    from policygen.library.loader import _load_laws
    path = tmp_path / "lois.yaml"
    path.write_text('lois:\n  - id: essai\n    title: Loi d’essai\n    citation: RLRQ, c. E-1\n'
                    '    url: https://www.legisquebec.gouv.qc.ca/fr/document/lc/E-1\n'
                    '    articles:\n      "3": un article\n' + entry, encoding="utf-8")
    problems = []
    laws = _load_laws(path, problems)
    assert "essai" not in laws and any(message in p.message for p in problems), problems


def test_a_document_citing_only_articles_read_is_current_to_their_earliest_reading():
    import datetime as dt
    from policygen.assembly.lawdates import current_to, readings
    laws = {"essai": {"citation": "RLRQ, c. E-1", "articles": {"1": "", "2": ""},
                      "lus": {"1": dt.date(2026, 12, 7), "2": dt.date(2026, 11, 30)}},
            "autre": {"citation": "RLRQ, c. E-2", "articles": {"1": "", "2": ""}, "lus": {"1": dt.date(2026, 12, 7)}}}
    [one] = readings({"essai": {"1"}}, laws)
    assert (one.date, one.read, one.unread) == (dt.date(2026, 12, 7), ("1",), ())
    both = readings({"essai": {"1", "2"}}, laws)
    assert current_to(both, laws).startswith("Droit à jour au 30 novembre 2026")
    # an article not read, or the law cited as a whole, withholds the date
    assert current_to(readings({"autre": {"1", "2"}}, laws), laws).startswith("Droit à jour : date non établie")
    assert current_to(readings({"essai": {"1", ""}}, laws), laws).startswith("Droit à jour : date non établie")


def test_a_review_note_names_three_rows_of_the_legal_table_and_counts_the_others():
    """The round's new rows made some notes longer than a reviewer reads (1,286 characters for 7.7): a note names
    three rows, each a link in Word, and counts the rest, which the annex lists."""
    from policygen.assembly.conformity import review_edition
    from policygen.writers.notes import OBLIGATIONS, note_text
    library = load_library()
    [item], _ = load_all([SHIPPED / "cisss-laurentides.yaml"], library)
    [politique] = documents_for(item, library, ["politique"])
    clauses = {c.id: c for s in review_edition(politique, item, library).sections for c in s.clauses}
    confidentiality = clauses["politique.enonces.confidentialite"]
    assert len(confidentiality.provenance.obligations) > 3
    line = next(x for x in note_text(confidentiality.provenance).splitlines() if x.startswith(OBLIGATIONS))
    assert line.count("« ") == 3
    assert line.endswith(f" ; {len(confidentiality.provenance.obligations) - 3} autres lignes de l’annexe."), line
    assert max(len(note_text(c.provenance)) for c in clauses.values()) <= 1200
