"""One rule, one statement: where the politique, the nétiquette and the fiche-synthèse
state the same rule, they say the same thing.

The three documents of every fixture body and of the five shipped organisations are
read back from the session's HTML builds; each rule's wording is compared across documents and
with what the organisation file chose (personal use at work, friendship with users,
sanctions by regime, moderation hours, complaint route).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from policygen.french import every, phone
from policygen.library.context import build_context
from policygen.library.loader import load_library
from readback import html_text

ROOT = Path(__file__).resolve().parents[2]
BODIES = sorted((FIXTURES / "organismes").glob("*.yaml")) + sorted((ROOT / "organisations").glob("*.yaml"))
DOCUMENTS = ("politique", "netiquette", "fiche-synthese")
HOURS = re.compile(r"(?:du|le|les|tous les) [^.;:]*?, de \d{1,2} h(?: \d\d)? à \d{1,2} h(?: \d\d)?(?:, sauf les jours fériés)?")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "’").split())


@pytest.fixture(scope="module")
def bodies(assembled, bodies_built, built) -> dict[str, tuple[dict, dict[str, str]]]:
    """Each body: its template context (what its file chose) and its three documents as text,
    read from the session's builds (conftest's `bodies_built` and `built`)."""
    library = load_library()
    folders = {path.stem: (bodies_built if path.parent.name == "organismes" else built) / path.stem for path in BODIES}
    return {path.stem: (build_context(assembled[path.stem][0].organisation, library),
                        {doc: _plain(html_text(folders[path.stem] / f"{doc}.html")) for doc in DOCUMENTS})
            for path in BODIES}


def _ids() -> list[str]:
    return [body.stem for body in BODIES]


@pytest.mark.parametrize("slug", _ids())
def test_personal_use_is_one_phrase_in_politique_and_fiche(bodies, slug):
    context, docs = bodies[slug]
    library = load_library()
    variants = library.terms["regles"]["usage_personnel"]
    chosen = _plain(context["regles"]["usage_personnel"])
    if context["regimes"]["employeur"]:  # a rule of the employer: the staff's, in both documents
        for doc in ("politique", "fiche-synthese"):
            assert f"à des fins personnelles {chosen}" in docs[doc], doc  # its mark may follow
    for choice, phrase in variants.items():
        if _plain(phrase) != chosen:
            for doc in ("politique", "fiche-synthese"):
                assert _plain(phrase) not in docs[doc], (doc, choice)


@pytest.mark.parametrize("slug", _ids())
def test_friendship_scope_is_the_users_one_serves_oneself(bodies, slug):
    context, docs = bodies[slug]
    choice = context["choix"]
    every_user = choice["amitie_portee"] == "tous_usagers"   # the file's choice, printed as chosen
    if "tous_usagers" not in (choice["amitie_portee"], choice["amitie_demandes"]):
        for doc in DOCUMENTS:
            assert "qu’on lui ait offert des services ou non" not in docs[doc], doc
            assert "actuel ou ancien" not in docs[doc], doc
    banned = (choice["amitie_usagers"] == "interdite" and context["regimes"]["employeur"]
              and context["organisation"]["type"] != "ordre_professionnel"
              and context["termes"]["un_usager"])  # a body serving no one (a foundation) has no such rule
    served = _plain(f"{context['termes']['un_usager']} à qui")
    one = _plain(str(context["termes"]["un_usager"]))
    politique, fiche = ((f"{_plain(every(one))}, actuel ou ancien, connu comme tel au travail, même sans relation de service",
                         f"{one}, actuel ou ancien, connu comme tel au travail, même sans relation de service") if every_user else
                        ("offert directement des services ; chaque membre",  # « il offre » or « ils offrent » (reader5 R7)
                         f"{served} vous offrez ou avez offert directement des services"))
    assert (politique in docs["politique"]) == bool(banned)
    assert (fiche in docs["fiche-synthese"]) == bool(banned)
    # advice for everyone bound, in both documents, wherever the body serves people
    serves = bool(context["termes"]["un_usager"])
    ordre = context["organisation"]["type"] == "ordre_professionnel"  # the members, of their own patients (reader 8)
    advised = "aux membres" if ordre else "à toute personne visée"
    assert (f"Il est recommandé {advised} d’examiner avec vigilance" in docs["politique"]) == serves
    assert (("avant d’accepter un lien avec vos" if ordre else "Avant d’accepter un lien avec")
            in docs["fiche-synthese"]) == serves


@pytest.mark.parametrize("slug", _ids())
def test_sanctions_come_from_the_lists_of_the_regimes_addressed(bodies, slug):
    context, docs = bodies[slug]
    lists, regimes = context["sanctions"], context["regimes"]
    staff = [_plain(m) for m in lists["personnel"]] if regimes["employeur"] else []
    for measure in staff:  # the employer's list, whole, in the politique and in the fiche
        assert measure in docs["politique"] and measure in docs["fiche-synthese"], measure
    for doc in DOCUMENTS:
        rest = docs[doc]
        for measure in staff + [_plain(m) for key in ("professionnels_independants", "benevoles", "public")
                                for m in lists[key]]:
            rest = rest.replace(measure, "")
        # dismissal only inside the employer's own list; checks are no sanction
        assert "congédiement" not in rest, (doc, rest[max(0, rest.find("congédiement") - 200):][:300])
        assert "contrôles ou" not in rest, doc
    if regimes["membre"]:
        for doc in ("politique", "fiche-synthese"):
            assert "demande d’enquête" in docs[doc] and "conseil de discipline" in docs[doc], doc
    # the same measures on the pages in the politique and the nétiquette; blocking in the rulebook's words
    for public in [m for m in lists["public"] if "bloc" not in m.lower() and "banni" not in m.lower()]:
        assert _plain(public) in docs["netiquette"] and _plain(public) in docs["politique"], public
    for doc in ("politique", "netiquette"):  # blocking, a last resort, in the same words
        assert "dernier recours" in docs[doc], doc


@pytest.mark.parametrize("slug", _ids())
def test_moderation_hours_are_identical(bodies, slug):
    context, docs = bodies[slug]
    if context["regles"]["heures_moderation"] is None:  # the file sets no hours: none is invented
        for doc in ("politique", "netiquette"):
            assert HOURS.findall(docs[doc]) == [] and "pas suivies en tout temps" in docs[doc].replace(
                "Nous ne suivons pas nos pages", "pas suivies"), doc
        return
    expected = _plain(context["regles"]["heures_moderation"])
    for doc in ("politique", "netiquette"):
        assert expected in docs[doc], doc
        assert {_plain(m)[-len(expected):] for m in HOURS.findall(docs[doc])} == {expected}, doc


@pytest.mark.parametrize("slug", _ids())
def test_complaint_route_is_the_same_card_everywhere(bodies, slug):
    context, docs = bodies[slug]
    contact = context["contacts"]["plaintes"]
    lines = [f"{label} : {value}" for label, value in (
        ("Courriel", contact.get("courriel")),
        ("Téléphone", contact.get("telephone") and phone(contact["telephone"], contact.get("poste"))),
        ("Sans frais", contact.get("sans_frais") and phone(contact["sans_frais"])),
        ("Site Web", contact.get("adresse_web"))) if value]
    for line in lines or [contact["titre"]]:
        assert docs["netiquette"].count(_plain(line)) >= 1 and docs["politique"].count(_plain(line)) >= 1, line
    if contact.get("courriel"):  # the card once in each document: the moderation clause sends to the contacts
        for doc in ("politique", "netiquette"):
            assert docs[doc].count(f"Courriel : {contact['courriel']}") == 1, doc
    # never an e-mail address printed without its card (unless it is also the communications address,
    # which the reporting rules print in running text: coop-vallee gives one address for both)
    if contact.get("courriel") and contact["courriel"] != context["contacts"]["communications"].get("courriel"):
        for doc in ("politique", "netiquette"):
            assert docs[doc].count(contact["courriel"]) == docs[doc].count(f"Courriel : {contact['courriel']}"), doc


@pytest.mark.parametrize("slug", _ids())
def test_distress_notice_and_access_requests(bodies, slug):
    context, docs = bodies[slug]
    netiquette = docs["netiquette"]
    for number in ("911", "811", "9-8-8"):
        assert number in netiquette, number
    # Under P-39.1 a person has access to the information about them (art. 27 and 28), under to documents
    # (the law by its full title).
    private = context["organisation"]["secteur"] == "prive"
    law = ("vous pouvez consulter vos renseignements personnels et les faire corriger (Loi sur la protection des "
           "renseignements personnels dans le secteur privé, RLRQ, c. P-39.1, art. 27 et 28)" if private else "vous pouvez y demander accès selon la Loi sur l’accès aux "
           "documents des organismes publics et sur la protection des renseignements personnels (RLRQ, c. A-2.1)")
    holder = "Santé Québec" if context["organisation"]["sante_quebec"] else ""
    assert f"sont conservés par {holder}" in netiquette
    assert law in netiquette
    if context["organisation"]["type"] == "ordre_professionnel":
        assert ("contrôle de l’exercice de la profession, y demander accès selon la Loi sur l’accès aux documents des "
                "organismes publics") in netiquette
    privacy = context["contacts"]["protection_renseignements"].get("politique_web")
    if privacy:
        assert "Notre politique de confidentialité" in netiquette and "dit comment nous traitons" in netiquette
    else:
        assert "Pour savoir comment nous traitons vos renseignements personnels, écrivez" in netiquette
