"""French phrasing in one place: names with their articles, contractions and
agreement, dates, hours, telephone numbers and lists, as the OQLF writes them
in running text.

Clause templates write « {{ nom.du }} » and get « du CISSS des Laurentides »,
« de l’Ordre », « de la Fondation », « des Services… » or « du Phare » (a name
that carries its own article), so one template serves every body;
`long_date`, `hour`, `phone` and `french_list` are the template filters and
the typography pass's own forms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date

LOCALE = "fr_CA"

_VOWELS = set("aeiouhàâäéèêëîïôöùûüœæAEIOUHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")

# Common words whose h is aspirated (no elision: « le Havre », « la Halte »); an
# organisation file adds its own under `vocabulaire.h_aspire`.
ASPIRATED_H = frozenset({
    "haut", "haute", "hauts", "hautes", "hauteur", "hauteurs", "havre", "halte", "hameau",
    "hangar", "hall", "hêtre", "hêtrière", "hêtraie", "héron", "héros", "houle", "huard",
    "hutte", "hune", "hibou", "hockey", "handicap", "harmonie-sud",
})

# An article typed as part of a name: « Le Phare », « La Maison… », « Les Services… », « L’Envol ».
_OWN_ARTICLE = re.compile(r"^(le|la|les)\s+(?=\S)|^(l)['’](?=\S)", re.IGNORECASE)

# « et » or « ou » before a second article: an épicène pair (« les résidentes et les résidents »),
# where each noun takes its own contraction (« des résidentes et des résidents »).
_COORDINATION = re.compile(r"\s+(et|ou)\s+(?=(?:le|la|les|un|une)\s+\S|l['’]\S)")


def _conjuncts(text: str) -> list[str]:
    """« les résidentes et les résidents » → [« les résidentes », « et », « les résidents »]."""
    return _COORDINATION.split(text)


def _each_conjunct(text: str, form: Any) -> str:
    """`form` applied to each noun of a coordinated phrase, the conjunctions kept."""
    parts = _conjuncts(text)
    return " ".join(part if index % 2 else form(part) for index, part in enumerate(parts))


def _starts_elided(word: str, aspirated: frozenset[str] = frozenset()) -> bool:
    """« l’ » before a vowel or a mute h, never before an aspirated h."""
    if word[:1] not in _VOWELS:
        return False
    first = re.split(r"[\s’'-]", word, maxsplit=1)[0].lower()
    return not (first[:1] == "h" and (first in ASPIRATED_H or first in aspirated))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Name:
    """A noun phrase and what agrees with it.

    `text` is the name as typed (« CISSS des Laurentides », « Le Phare »);
    `feminine` and `plural` its gender and number; `own_article` when the
    article belongs to the name (then it is the typed article, lower-cased in
    running text, that contracts: « au Phare », « à la Maison »);
    `aspirated` when it starts with an aspirated h (« le Havre »); `article`
    False for a name that never takes one, as brand names and many
    non-profits (« chez Kinatex », « de Tel-jeunes », « à Tel-jeunes »).
    """

    text: str
    feminine: bool = False
    plural: bool = False
    own_article: bool = False
    aspirated: bool = False
    article: bool = True

    @classmethod
    def parse(cls, text: str, feminine: bool = False, plural: bool = False,
              aspirated: frozenset[str] = frozenset(), article: bool = True) -> Name:
        """A name as a person types it: an article of its own (« La Maison… »,
        « les usagers », « l’Envol ») is recognised and sets gender and number."""
        text = " ".join(str(text).split())
        match = _OWN_ARTICLE.match(text) if article else None
        own = bool(match) and len(text) > match.end()
        if own:
            kind = (match.group(1) or "l").lower()
            plural = kind == "les"
            feminine = {"le": False, "la": True}.get(kind, feminine)
        bare = text[match.end():] if own else text
        return cls(text, feminine, plural, own, not _starts_elided(bare, aspirated) and bare[:1] in "hH", article)

    @property
    def bare(self) -> str:
        """The name without its article: « Phare » for « Le Phare », « résidentes et
        résidents » for « les résidentes et les résidents »."""
        if self.own_article and len(_conjuncts(self.text)) > 1:
            return _each_conjunct(self.text, lambda part: Name.parse(part).bare)
        match = _OWN_ARTICLE.match(self.text) if self.own_article else None
        return self.text[match.end():] if match else self.text

    @property
    def _elided(self) -> bool:
        return not self.plural and not self.aspirated and self.bare[:1] in _VOWELS

    def _with(self, plural: str, feminine: str, masculine: str, elided: str) -> str:
        if not self.article:  # « Kinatex », « de Kinatex », « d’Actimed », « à Kinatex »
            preposition = {"le": "", "du": "de", "au": "à"}[masculine]
            if preposition == "de" and not self.aspirated and self.bare[:1] in _VOWELS:
                return f"d’{self.bare}"
            return f"{preposition} {self.bare}".lstrip()
        if self.own_article and len(_conjuncts(self.text)) > 1:
            return _each_conjunct(self.text, lambda part: Name.parse(part)._with(plural, feminine, masculine, elided))
        if self.plural:
            article = plural
        elif self._elided:
            return f"{elided}{self.bare}"
        else:
            article = feminine if self.feminine else masculine
        return f"{article} {self.bare}"

    @property
    def le(self) -> str:
        """« le CISSS », « la Fondation », « l’Ordre », « les Services… »."""
        return self._with("les", "la", "le", "l’")

    @property
    def Le(self) -> str:  # noqa: N802 - the capital is the point: sentence start
        return _capitalise(self.le)

    @property
    def que(self) -> str:
        """« que le CISSS », « qu’Opalia »: « que » elided before a name without article that starts with a
        vowel (reader 6: « que Opalia »)."""
        return f"qu’{self.le}" if _starts_elided(self.le) else f"que {self.le}"

    @property
    def du(self) -> str:
        """« du CISSS », « de la Fondation », « de l’Ordre », « des Services… »."""
        return self._with("des", "de la", "du", "de l’")

    @property
    def au(self) -> str:
        """« au CISSS », « à la Fondation », « à l’Ordre », « aux Services… »."""
        return self._with("aux", "à la", "au", "à l’")

    @property
    def ce(self) -> str:
        """« ce CISSS », « cet Institut », « cette Fondation », « ces Services… »;
        a name without article stays as it is (« Kinatex »)."""
        if not self.article:
            return self.bare
        if self.plural:
            return f"ces {self.bare}"
        if self.feminine:
            return f"cette {self.bare}"
        return f"{'cet' if self._elided else 'ce'} {self.bare}"

    @property
    def il(self) -> str:
        """The subject pronoun that stands for the name: « il », « elle », « ils », « elles »."""
        return ("elle" if self.feminine else "il") + ("s" if self.plural else "")

    @property
    def Il(self) -> str:  # noqa: N802
        return _capitalise(self.il)

    @property
    def lui(self) -> str:
        """The indirect object pronoun: « lui » or « leur »."""
        return "leur" if self.plural else "lui"

    @property
    def tonique(self) -> str:
        """The stressed pronoun, after a preposition: « lui », « elle », « eux », « elles »."""
        return {(False, False): "lui", (True, False): "elle", (False, True): "eux", (True, True): "elles"}[
            (self.feminine, self.plural)]

    @property
    def son(self) -> str:
        """The possessive before a masculine singular noun: « son » or « leur »."""
        return "leur" if self.plural else "son"

    def accord(self, word: str) -> str:
        """A participle or adjective that agrees with the name: `accord('tenu')` →
        « tenu », « tenue », « tenus » or « tenues »."""
        return agree(word, self.feminine, self.plural)

    def verbe(self, singular: str, plural: str) -> str:
        """The verb form for the name's number: `verbe('est', 'sont')`."""
        return plural if self.plural else singular

    def __str__(self) -> str:
        return self.text


# The forms a template can read on a name, with `text` (the name as typed) and `bare`.
NAME_FORMS = ("le", "Le", "que", "du", "au", "ce", "il", "Il", "lui", "tonique", "son", "accord", "verbe",
              "feminine", "plural", "text", "bare", "article")

# The first words of a title that names a unit (it keeps its capital after its article:
# « le Bureau du syndic », « la Direction générale »), by gender.
UNIT_WORDS = {False: frozenset({"secrétariat", "bureau", "service", "services", "cabinet", "département", "conseil",
                                "comité", "centre", "pôle", "programme", "commissariat", "greffe"}),
              True: frozenset({"direction", "division", "vice-présidence", "présidence", "équipe", "unité",
                               "coordination", "commission", "cellule"})}


def in_sentence(title: str) -> str | None:
    """A title of service or function as running text names it, with its article.

    « Bureau du syndic » → « le Bureau du syndic » (a unit keeps its capital),
    « Responsable de l’accès » → « la personne responsable de l’accès » (épicène),
    « La Direction… » unchanged but for its article's case. None for another title of
    function (« Secrétaire de l’Ordre »): its gender cannot be guessed, the file says it."""
    name = Name.parse(title)
    if name.own_article:
        return name.le
    first = title.split(" ", 1)[0].lower()
    if first == "responsable":
        return "la personne " + title[:1].lower() + title[1:]
    for feminine, words in UNIT_WORDS.items():
        if first in words:
            return Name.parse(title, feminine).le
    return None


def practice(profession: Name | None) -> str:
    """The practice of a profession, with its article: « la pratique infirmière » for
    « la profession infirmière », « la pratique professionnelle en chiropratique »."""
    if profession is None:
        return "la pratique professionnelle"
    if profession.bare.lower().startswith("profession "):
        return "la pratique " + profession.bare.split(" ", 1)[1]
    # « en » before each discipline of a coordinated name (« en travail social et en thérapie … »).
    parts = _conjuncts(profession.text)
    disciplines = [Name.parse(part).bare for part in parts[::2]] if len(parts) > 1 else [profession.bare]
    return "la pratique professionnelle en " + " et en ".join(disciplines)


_FEMININE_ENDINGS = (("eux", "euse"), ("if", "ive"), ("el", "elle"), ("ien", "ienne"), ("on", "onne"),
                     ("er", "ère"), ("et", "ète"))


def agree(word: str, feminine: bool, plural: bool) -> str:
    """« tenu » → « tenue », « tenus », « tenues »; « responsable » → « responsables »."""
    if feminine and not word.endswith("e"):
        for ending, replacement in _FEMININE_ENDINGS:
            if word.endswith(ending):
                word = word[:-len(ending)] + replacement
                break
        else:
            word += "e"
    if plural and not word.endswith(("s", "x")):
        word += "s"
    return word


_LEADING_ARTICLE = re.compile(r"^(le|les)\s+(?=\S)")


def contract(preposition: str, phrase: Any) -> str:
    """« à » or « de » before a phrase, contracted and elided as French requires:
    « à » + « le syndic » → « au syndic », « de » + « les usagers » → « des usagers »,
    « de » + « un usager » → « d’un usager », « à » + « la commissaire » unchanged."""
    if isinstance(phrase, Name):
        return phrase.au if preposition == "à" else phrase.du
    text = str(phrase)
    if len(_conjuncts(text)) > 1:  # « des résidentes et des résidents »
        return _each_conjunct(text, lambda part: contract(preposition, part))
    match = _LEADING_ARTICLE.match(text)
    if match:
        article = match.group(1)
        rest = text[match.end():]
        table = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
        return f"{table[preposition, article]} {rest}"
    if preposition == "de" and _starts_elided(text):
        return f"d’{text}"
    return f"{preposition} {text}"


def every(one: str) -> str:
    """« un usager » → « tout usager », « une personne desservie » → « toute personne
    desservie », « une résidente ou un résident » → « toute résidente ou tout résident »."""
    if len(_conjuncts(one)) > 1:
        return _each_conjunct(one, every)
    article, _, rest = one.partition(" ")
    return {"un": "tout", "une": "toute"}.get(article, "tout") + " " + (rest if article in ("un", "une") else one)


def long_date(value: dt.date) -> str:
    """« 27 avril 2018 », « 1er juin 2023 » (babel, fr-CA): the form OQLF asks for
    in running text, where the first day of a month is an ordinal."""
    text = format_date(value, format="d MMMM y", locale=LOCALE)
    return "1er" + text[1:] if value.day == 1 else text


def french_list(items: list[Any], conjunction: str = "et") -> str:
    """« a, b et c »."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def hour(value: str) -> str:
    """« 08:30 » -> « 8 h 30 », « 17:00 » -> « 17 h »."""
    hours, minutes = value.split(":")
    return f"{int(hours)} h" + ("" if minutes == "00" else f" {minutes}")


def phone(number: str, extension: str | None = None) -> str:
    """« 4504322777 » -> « 450 432-2777 », with « , poste 22898 » when given."""
    digits = re.sub(r"\D", "", number)
    prefix = ""
    if len(digits) == 11 and digits.startswith("1"):
        prefix, digits = "1 ", digits[1:]
    text = f"{prefix}{digits[:3]} {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else number
    return text + (f", poste {extension}" if extension else "")
