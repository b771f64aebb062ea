"""French phrasing in one place: names with their articles, dates, hours,
telephone numbers and lists, as the OQLF writes them in running text.

Clause templates write « {{ nom.du }} » and get « du CISSS des Laurentides »,
« de l’Ordre » or « de la Fondation », so one template serves every body;
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

_VOWELS = set("aeiouyhàâäéèêëîïôöùûüœAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ")


@dataclass(frozen=True)
class Name:
    """A noun phrase (« CISSS des Laurentides ») and its grammatical gender."""

    text: str
    feminine: bool = False

    @property
    def _elided(self) -> bool:
        return self.text[:1] in _VOWELS

    @property
    def le(self) -> str:
        """« le CISSS », « la Fondation », « l’Ordre »."""
        if self._elided:
            return f"l’{self.text}"
        return f"{'la' if self.feminine else 'le'} {self.text}"

    @property
    def Le(self) -> str:  # noqa: N802 - the capital is the point: sentence start
        return self.le[0].upper() + self.le[1:]

    @property
    def du(self) -> str:
        """« du CISSS », « de la Fondation », « de l’Ordre »."""
        if self._elided:
            return f"de l’{self.text}"
        return f"de la {self.text}" if self.feminine else f"du {self.text}"

    @property
    def au(self) -> str:
        """« au CISSS », « à la Fondation », « à l’Ordre »."""
        if self._elided:
            return f"à l’{self.text}"
        return f"à la {self.text}" if self.feminine else f"au {self.text}"

    @property
    def il(self) -> str:
        """The subject pronoun that stands for the name: « il » or « elle »."""
        return "elle" if self.feminine else "il"

    def __str__(self) -> str:
        return self.text


NAME_FORMS = ("le", "Le", "du", "au", "il")


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
