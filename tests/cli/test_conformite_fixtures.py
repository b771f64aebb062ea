"""Issue 23, « Done when »: for each fixture body (an establishment of Santé Québec, an ordre, a private clinic,
a community organisation), every obligation that binds it is « couverte » (or « respectée » for a right the
politique must not contradict) by clauses and rules the politique prints, at the numbers it prints them. The
exceptions are listed row by row, so that a new gap fails: a row that rests on an article nobody has read yet
(« à vérifier », naming the unread articles, whatever meets it; or « articles à trouver »), a reach of the law the lawyer has not settled
(« à examiner »), and the gaps the legal reader found that the politique still leaves (« couverte en partie »)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity, printed
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.writers.html import render_html

BODIES = Path(__file__).parent.parent / "fixtures" / "organismes"


def _numbers(page: str) -> set[str]:
    """The numbers of the headings the politique's HTML prints (« 8.6 », « 12 »)."""
    found = set()
    for raw in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", raw)).strip()
        if match := re.match(r"(\d+(?:\.\d+)*)\.?\s", text):
            found.add(match.group(1))
    return found


UNREAD = ("non lu", "articles à trouver")
# A row resting on an article whose reading lois.yaml does not record is at best « à vérifier » (reader5-table T1):
# the Charte's articles but 9, the Code civil's but 321 and 1457, A-2.1's not read in round 5, and the others; these
# rows are « à vérifier » for that reason only
_CHARTE_CCQ = ("ccq-commettant", "ccq-loyaute", "ccq-vie-privee", "charte-dignite", "charte-egalite", "charte-expression",
               "charte-secours", "charte-valeurs", "charte-vie-privee", "droit-auteur", "normes-harcelement",
               "reglement-incidents-registre", "technologies-intermediaire")
# P-39.1 arts. 3.3 and 17 (prive-efvp, prive-hors-quebec) were read in round 6 (readings6): their rows are covered
# C-11 art. 52 (reader6-table 10) known from the OQLF only
_PRIVE = ("prive-consentement", "prive-incident", "prive-registre", "prive-responsable", "langue-communications")
_ACCES = ("acces-confidentialite", "acces-consentement", "acces-registre")
# reader5-table M1 (round 6): the reports and the union activity 7.6 protects, their articles unread (L-6.3
# art. 21, read at the merge of round 6, is no longer among them)
_GARANTIES = ("protection-jeunesse-signalement", "travail-association")
_SANTE = ("sante-confidentialite", "sante-efvp", "sante-hors-quebec")  # T3: R-22.1's own rows (round 6)
# reader6-table 1: known duties no clause meets yet, « à examiner » rather than left out of the table
_KNOWN = ("maltraitance-politique", "maltraitance-represailles")
UNREAD_ONLY = {
    "ciusss": {*_CHARTE_CCQ, *_ACCES, *_GARANTIES, "sante-secours", "acces-documents", "archives-conservation", "divulgation",
               "professions-dignite", "protection-jeunesse-confidentialite"},
    "ordre-inhalotherapie": {*_CHARTE_CCQ, *_ACCES, *_PRIVE, *_GARANTIES, "professions-dignite",
                             "professions-pouvoir-ordre", "professions-syndic", "professions-ethique-administrateurs"},
    "clinique": {*_CHARTE_CCQ, *_PRIVE, *_GARANTIES, "professions-dignite"},
    "ligne-ecoute": {*_CHARTE_CCQ, *_PRIVE, *_GARANTIES, "ccq-administrateurs", "stagiaires-harcelement"},
}
# the other rows of each body that are neither « couverte » nor « respectée » nor « non applicable », and why
EXCEPTIONS = {
    # no address of the privacy policy in the file (reader5-table U1, O1)
    "ciusss": {"acces-politique-confidentialite": "à vérifier", "sante-quebec-employeur": "à vérifier",
               "sante-quebec-delegation": "à vérifier",  # no act of delegation cited (reader5-table U2)
               "stagiaires-harcelement": "à examiner",  # a university CIUSSS whose file names no trainee (U3)
               "ccq-administrateurs": "à examiner",
               "sante-publique-confidentialite": "à vérifier",  # S-2.2: its articles still to find (M2)
               "langue-statut-etablissement": "à vérifier",  # its mission speaks of English (U7)
               "sante-responsable": "à vérifier",  # its article still to find (reader6-table 1)
               **dict.fromkeys(("acces-avis-collecte", "sante-formation", *_KNOWN), "à examiner")},
    "ordre-inhalotherapie": {"acces-politique-confidentialite": "à vérifier",
                             "prive-politique-confidentialite": "à vérifier", "ccq-administrateurs": "à examiner",
                             "prive-avis-collecte": "à examiner", "professions-informateur-syndic": "à examiner"},
    "clinique": {"prive-politique-confidentialite": "à vérifier", "publicite-deontologie": "à vérifier",
                 "publicite-assurance-maladie": "à vérifier", "publicite-consommateur": "à vérifier",
                 **dict.fromkeys(("sante-consentement", "sante-incident", "sante-registre", "sante-quebec-employeur",
                                  "divulgation", "sante-formation", *_SANTE, "prive-avis-collecte", "sante-responsable",
                                  "sante-secours", "maltraitance-represailles"), "à examiner")},
    "ligne-ecoute": {"prive-politique-confidentialite": "à vérifier",
                     "charte-secret": "à vérifier",  # whether anyone bound to secrecy publishes: the lawyer's
                     **dict.fromkeys(("sante-consentement", "sante-incident", "sante-registre", "sante-quebec-employeur",
                                      "divulgation", "professions-dignite", "professions-secret", "sante-formation",
                                      *_SANTE, "maltraitance-signalement", "prive-avis-collecte",
                                      "sante-responsable", "sante-secours"),
                                     "à examiner")},
}


@pytest.mark.parametrize("body, kind", [("ciusss", "etablissement_sante"), ("ordre-inhalotherapie", "ordre_professionnel"),
                                        ("clinique", "autre"), ("ligne-ecoute", "autre")])
def test_every_obligation_binding_a_fixture_body_is_covered_where_its_politique_prints_it(body, kind):
    library = load_library()
    [item], problems = load_all([BODIES / f"{body}.yaml"], library)
    assert not problems and item.organisation.organisation.type == kind
    [politique] = documents_for(item, library, ["politique"])
    numbers = _numbers(render_html(politique))
    where = {clause.id: number for clause, number in printed(politique)}
    rows = [row for row in conformity(item, politique, library) if row.status not in ("non applicable", "sans objet")]
    assert rows
    unread = {row.obligation.id for row in rows if row.status == "à vérifier"
              and all(missing.startswith("texte non lu : ") for missing in row.missing)}
    assert unread == UNREAD_ONLY[body]
    others = {row.obligation.id: row.status for row in rows
              if row.status not in ("couverte", "respectée (à ne pas contredire)") and row.obligation.id not in unread}
    assert others == EXCEPTIONS[body]
    for row in rows:
        if row.status == "à examiner":  # its reach is the lawyer's to settle: the table says why
            assert "le contentieux" in row.reason, row
            continue
        # the others name what is unread; the delegation, its act (U2); secrecy, whom it binds; the language, the
        # establishment's status (U7)
        if row.status == "à vérifier" and row.obligation.id not in ("charte-secret", "sante-quebec-delegation",
                                                                    "langue-statut-etablissement"):
            assert any(word in m for m in row.missing for word in UNREAD), row  # it names what is unread
        if not row.obligation.articles:  # G-1.021, « articles à trouver »: never couverte until read
            assert row.status != "couverte", row
        assert row.met_by, row
        for meeting in row.met_by:
            # the number the table gives is the one the politique prints, for the clause that prints it
            assert meeting.section in numbers, (row.obligation.id, meeting)
            assert where[meeting.clause] == meeting.section, (row.obligation.id, meeting)
