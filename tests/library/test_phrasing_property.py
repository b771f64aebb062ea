"""Every clause of the library agrees with every name: generated names of both
genders and numbers, starting with a consonant, a vowel, a mute or an aspirated h,
with or without an article of their own, rendered through every clause of the
three documents (Markdown only), never give « à le », « de les », « la le »,
« le l’ », double articles, or a wrong form of a name."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import HealthCheck, given, settings, strategies as st

from policygen.french import Name
from policygen.library.context import build_context
from policygen.library.rules import rule_printer
from policygen.library.language import MissingValue, environment
from policygen.library.loader import load_library
from policygen.orgfile.schema import OrganisationFile
from policygen.orgfile.confirm import unmark
from policygen.orgfile.yamlsource import read_yaml

from conftest import ROOT

# First words by how they begin: consonant, vowel, mute h, aspirated h.
WORDS = {"consonne": ("Centre", "Maison", "Services", "Fondation"),
         "voyelle": ("Institut", "Office", "Agence", "Unité"),
         "h muet": ("Hôpital", "Habitation"),
         "h aspiré": ("Halte", "Hameau", "Hublot")}  # « Hublot »: aspirated by the file's `h_aspire`
TERMS = {"consonne": "personnes", "voyelle": "usagers", "h muet": "habitants", "h aspiré": "hockeyeurs"}

# Wrong in any French text built from these names (« de le publier » is right: an
# infinitive follows, so « à le », « de le » count only before a word that is not one).
BAD = re.compile(r"(?<![\w’])(?:(?:à|de) (?:le|les) (?!\w+(?:er|ir|re|oir)\b)|la le|le la|la la|le le|les le|les la|la les|le les|"
                 r"de la le|de la la|de la les|le l’|la l’|les l’|du l’|au l’|des l’|aux l’|"
                 r"(?:le|la|les|du|au|des|aux|de|à|ce|cette|ces) (?:Le|La|Les|L’)(?= ))(?![\w])")

genders = st.sampled_from(("masculin", "féminin"))
numbers = st.sampled_from(("singulier", "pluriel"))


@st.composite
def names(draw, suffix: str, plural: bool = True) -> dict:
    kind = draw(st.sampled_from(sorted(WORDS)))
    word = draw(st.sampled_from(WORDS[kind]))
    genre, nombre = draw(genders), draw(numbers) if plural else "singulier"
    text = f"{word} {suffix}"  # each role its own name, so forms never collide
    if draw(st.booleans()):  # an article of its own
        article = "Les" if nombre == "pluriel" else ("L’" if kind in ("voyelle", "h muet")
                                                    else ("La" if genre == "féminin" else "Le"))
        text = f"{article}{'' if article == 'L’' else ' '}{text}"
    return {"nom": text, "genre": genre, "nombre": nombre}


@st.composite
def terms(draw) -> str:
    """A plural or singular people's word with its article: « les usagers », « la population »."""
    word = TERMS[draw(st.sampled_from(sorted(TERMS)))]
    return draw(st.sampled_from((f"les {word}", f"la {word[:-1]}", f"le {word[:-1]}")))


@cache
def _base() -> tuple[dict, object]:
    located, _ = read_yaml(ROOT / "organisations" / "cisss-laurentides.yaml", "cisss-laurentides.yaml")
    unmark(located)  # its values « (à confirmer) » are read as what they will be
    return located.data, load_library()


def _file(kind: str, body: dict, short: dict, unit: dict, direction: dict, complaints: dict, served: str,
          members: str) -> OrganisationFile:
    data, _ = _base()
    data = {**data, "organisation": {**data["organisation"], "type": kind, "nom_court": body["nom"],
                                     "genre": body["genre"], "nombre": body["nombre"],
                                     "appellation": short["nom"], "appellation_genre": short["genre"]},
            "roles": {**data["roles"], "communications": {"nom": unit["nom"], "genre": unit["genre"],
                                                          "nombre": unit["nombre"], "direction": direction["nom"],
                                                          "direction_genre": direction["genre"]}},
            "vocabulaire": {"usagers": served, "membres": members, "plaintes": complaints,
                            "profession": "la médecine", "titre_professionnel": "ergothérapeute",
                            "exercice": "titre_reserve", "h_aspire": ["Hublot"]}}
    return OrganisationFile.model_validate(data)


def _rendered(context: dict) -> str:
    _, library = _base()
    texts = []
    for clause in library.clauses:
        texts.append(environment().from_string(clause.meta.title).render(context))
        # each document's rules, in its voice, as assembly gives them
        per_document = {**context, "regle": rule_printer(library.rules, next(iter(clause.meta.documents)), context)}
        try:
            texts.append(clause.template.render(per_document))
        except MissingValue:
            continue  # a field this base file leaves empty: the clause is skipped, as a build would fail
    return "\n".join(texts)


def _wrong_forms(name: Name) -> set[str]:
    """Article + name combinations that are not one of the name's own forms."""
    bare = name.bare
    right = {f[:1].lower() + f[1:] for f in (name.le, name.du, name.au, name.ce)}
    spaced = ("le", "la", "les", "du", "des", "au", "aux", "de la", "à la", "ce", "cet", "cette", "ces")
    candidates = {f"{a} {bare}" for a in spaced} | {f"{a}{bare}" for a in ("l’", "de l’", "à l’")}
    return {c for c in candidates if not any(c in r for r in right)}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(("etablissement_sante", "ordre_professionnel", "autre")), body=names("Alpha"), short=names("Epsilon", plural=False), unit=names("Beta"),
       direction=names("Gamma"), complaints=names("Delta"), served=terms(), members=terms())
def test_every_clause_agrees_with_every_name(kind, body, short, unit, direction, complaints, served, members):
    org = _file(kind, body, short, unit, direction, complaints, served, members)
    context = build_context(org, _base()[1])
    text = _rendered(context)
    bad = BAD.search(text)
    assert bad is None, text[max(0, bad.start() - 80):bad.end() + 80]
    for name in (context["nom"], context["appellation"], context["communications"], context["direction"],
                 context["termes"]["plaintes"]):
        for wrong in _wrong_forms(name):
            found = re.search(rf"(?<![\w’]){re.escape(wrong)}(?![\w])", text, flags=re.I)
            assert found is None, (wrong, text[max(0, found.start() - 80):found.end() + 80])
