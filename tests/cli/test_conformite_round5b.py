"""Issue 23, fifth round (b): the fifth table reader's findings (notes/reader5-table.md). T1: one status rule for
every row, an article whose reading lois.yaml does not record keeps it from « couverte » or « respectée »."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from test_conformite_reader4 import BODIES, SHIPPED, _table
from test_conformite_statuses import _row, _status

LOIS = Path(__file__).parent.parent.parent / "templates" / "data" / "lois.yaml"
SIX = [SHIPPED / "cisss-laurentides.yaml", SHIPPED / "ocq.yaml", *(BODIES / f"{name}.yaml" for name in (
    "ciusss", "ordre-inhalotherapie", "clinique", "ligne-ecoute"))]


def _read() -> dict[str, set[str]]:
    """The articles of each law whose consolidated text lois.yaml says was read (all its listed articles under
    lu_le, else those of lus), read from the file itself."""
    laws = yaml.safe_load(LOIS.read_text(encoding="utf-8"))["lois"]
    return {law["id"]: set(law.get("articles") or {}) if law.get("lu_le") else set(law.get("lus") or {})
            for law in laws}


def _rows(path: Path):
    library = load_library()
    [item], problems = load_all([path], library)
    assert not problems, problems
    [politique] = documents_for(item, library, ["politique"])
    return conformity(item, politique, library)


# --- T1: a row resting on an unread article is at best « à vérifier », naming the article ---------------------

@pytest.mark.parametrize("path", SIX, ids=lambda p: p.stem)
def test_t1_no_row_resting_on_an_unread_article_is_covered_or_respected(path):
    read = _read()
    unread_rows = 0
    for row in _rows(path):
        obligation = row.obligation
        unread = [a for a in obligation.articles if a not in read.get(obligation.loi, set())]
        if not unread or row.status in ("non applicable", "sans objet", "à examiner", "non couverte"):
            continue
        unread_rows += 1
        assert row.status == "à vérifier", (obligation.id, row.status)
        [said] = [missing for missing in row.missing if missing.startswith("texte non lu : ")]
        assert all(article in said for article in unread), (obligation.id, said)
    assert unread_rows  # every body has such rows today (the Charte's arts. 3-5, the Code civil's 35-36)


def test_t1_the_charter_s_dignity_and_privacy_rows_are_to_check_like_its_art_2():
    output = _table(SHIPPED / "cisss-laurentides.yaml")
    for heading, article in (("Dignité, honneur et réputation", "4"), ("Respect de la vie privée", "5")):
        row = _row(output, heading)
        assert _status(row).startswith("à vérifier par : "), row  # no longer « respectée »
        assert f"texte non lu : RLRQ, c. C-12, art. {article} (lois.yaml n’en consigne aucune lecture" in row, row
    # a row whose every article was read keeps its status: art. 108 was read
    incident = _row(output, "Incident de confidentialité touchant un renseignement de santé")
    assert "texte non lu" not in incident, incident
    bilan = next(line for line in output.splitlines() if line.startswith("Bilan : "))
    assert bilan.endswith("Une ligne qui repose sur un article marqué « non lu » ci-dessus est au mieux « à "
                          "vérifier »."), bilan


# --- U1, O1: no privacy-policy address in the file, no « couverte » ------------------------------------------

@pytest.mark.parametrize("name", ["ciusss", "ordre-inhalotherapie"])
def test_u1_o1_the_privacy_policy_row_waits_on_an_address_the_file_does_not_give(name):
    assert "politique_web" not in (BODIES / f"{name}.yaml").read_text(encoding="utf-8")
    row = next(r for r in _rows(BODIES / f"{name}.yaml") if r.obligation.id == "acces-politique-confidentialite")
    assert row.status == "à vérifier", row
    assert any(m.startswith("l’adresse de la politique de confidentialité publiée est « à confirmer » ou absente du "
                            "fichier (contacts.protection_renseignements.politique_web)") for m in row.missing), row


# --- U2, T4: the delegation row names art. 51's delegates and asks for the act --------------------------------

def test_u2_t4_the_delegation_row_asks_for_the_act_and_names_the_president_and_chief_executive_officer():
    row = _row(_table(BODIES / "ciusss.yaml"), "Délégation des pouvoirs de Santé Québec")
    assert _status(row).startswith("à vérifier par : "), row  # its art. 51 was read: only the act is missing
    assert ("la politique ne cite aucun acte de délégation (résolution ou règlement de délégation de Santé Québec, ou "
            "subdélégation du conseil d’administration de l’établissement, avec sa date et son numéro)") in row
    assert ("délégation du conseil d’administration de Santé Québec (au président et chef de la direction, à un autre "
            "membre du personnel de Santé Québec, à l’un ou plusieurs de ses comités ou à un conseil d’administration "
            "d’établissement, qui peut subdéléguer au président-directeur général de l’établissement") in row
    assert "(au président-directeur général," not in row


# --- U3: an establishment whose file names no trainee is to examine ------------------------------------------

def test_u3_a_health_establishment_naming_no_trainee_is_to_examine_another_body_not_bound():
    row = _row(_table(BODIES / "ciusss.yaml"), "Milieu de stage exempt de harcèlement psychologique")
    assert _status(row).startswith("à examiner : Le fichier ne nomme aucun stagiaire, mais un établissement de "
                                   "santé"), row
    assert "le contentieux vérifie lesquels il accueille" in row
    ordre = _row(_table(BODIES / "ordre-inhalotherapie.yaml"), "Milieu de stage exempt de harcèlement psychologique")
    assert _status(ordre) == ("sans objet : Le fichier ne nomme aucun stagiaire parmi les personnes visées. La politique "
                              "ne vise pas ces personnes : la loi s’applique sans elle, hors de son champ."), ordre


# --- T6: an ordre's reason is C. prof. art. 108.1, not « organisme privé » ------------------------------------

@pytest.mark.parametrize("path", [SHIPPED / "ocq.yaml", BODIES / "ordre-inhalotherapie.yaml"], ids=lambda p: p.stem)
def test_t6_an_ordres_access_act_rows_say_art_108_1_not_private_body(path):
    output = _table(path)
    for heading in ("Accès aux documents des comptes officiels", "Communication sans consentement pour prévenir un "
                    "acte de violence, dont un suicide (organisme public)", "Personne responsable de l’accès",
                    "Évaluation des facteurs relatifs", "Communication de renseignements personnels hors du Québec"):
        status = _status(_row(output, heading))
        assert status.startswith("non applicable : ") and "art. 108.1" in status, status
        assert "organisme privé" not in status, status
    # a private clinic keeps the private-sector reason
    clinic = _status(_row(_table(BODIES / "clinique.yaml"), "Accès aux documents des comptes officiels"))
    assert clinic == "non applicable : La Loi sur l’accès ne s’applique pas à un organisme privé.", clinic


# --- T2: a private body's privacy officer (P-39.1 art. 3.1) -------------------------------------------------

@pytest.mark.parametrize("path", [SHIPPED / "ocq.yaml", *(BODIES / f"{name}.yaml" for name in (
    "ordre-inhalotherapie", "clinique", "ligne-ecoute"))], ids=lambda p: p.stem)
def test_t2_a_private_body_has_its_privacy_officer_row_to_check_while_art_3_1_is_unread(path):
    row = _row(_table(path), "Personne responsable de la protection des renseignements personnels (secteur privé)")
    assert "RLRQ, c. P-39.1, art. 3.1 (à énoncer)" in row
    assert "qui en répond : la personne qui a la plus haute autorité dans l’entreprise" in row
    assert re.match(r"à vérifier par : clause politique\.roles\.protection-renseignements(-ordre)? \(section \d+\.\d+\)",
                    _status(row)), row
    assert "texte non lu : RLRQ, c. P-39.1, art. 3.1" in row
    public = _row(_table(BODIES / "ciusss.yaml"), "Personne responsable de la protection des renseignements "
                  "personnels (secteur privé)")
    assert _status(public).startswith("non applicable : La Loi sur le privé ne s’applique pas à un organisme public")
