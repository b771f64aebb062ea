"""French noun phrases with their article, contracted as grammar requires.

Clause templates write « {{ nom.du }} » and get « du CISSS des Laurentides »,
« de l’Ordre » or « de la Fondation », so one template serves every body.
"""

from __future__ import annotations

from dataclasses import dataclass

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
