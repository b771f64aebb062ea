"""Moderation days, typed as a list or as a phrase, as a French sentence reads them.

`[lundi, mardi, mercredi, jeudi, vendredi]` and « Du lundi au vendredi. » both
give « du lundi au vendredi »; `[lundi, mercredi, vendredi]` gives « les lundis,
mercredis et vendredis ». The phrase always fits « Les commentaires sont lus
{jours}, de 8 h 30 à 16 h 30 ».
"""

from __future__ import annotations

import difflib
import re
import unicodedata

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def fold(text: str) -> str:
    """Lower case without accents: how a typed choice is compared."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _day(word: str) -> int:
    folded = fold(word).rstrip("s")
    if folded in DAYS:
        return DAYS.index(folded)
    close = difflib.get_close_matches(folded, DAYS, n=1, cutoff=0.6)
    hint = f" Vouliez-vous dire « {close[0]} » ?" if close else ""
    raise ValueError(f"« {word} » n’est pas un jour de la semaine.{hint}")


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " et " + words[-1]


def _phrase(days: list[int]) -> str:
    days = sorted(set(days))
    if len(days) == 7:
        return "tous les jours"
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"du {DAYS[days[0]]} au {DAYS[days[-1]]}"
    return "les " + _join([DAYS[d] + "s" for d in days])


_RANGE = re.compile(r"^(?:du\s+)?(\w+)\s+(?:au|à)\s+(\w+)$")


def days_phrase(value: str | list[object]) -> str:
    """The phrase for `value`; `ValueError` (a French sentence) for a word that is no day."""
    if isinstance(value, list):
        if not value:
            raise ValueError("La liste des jours est vide.")
        return _phrase([_day(str(word)) for word in value])
    text = value.strip().rstrip(".").strip()
    folded = fold(text)
    match = _RANGE.match(folded)
    if match and all(fold(w).rstrip("s") in DAYS for w in match.groups()):
        first, last = (_day(w) for w in match.groups())
        return _phrase(list(range(first, last + 1))) if first < last else f"du {DAYS[first]} au {DAYS[last]}"
    words = [w for w in re.split(r"\s*(?:,|\bet\b)\s*", folded) if w]
    if words and all(w.removeprefix("les ").removeprefix("le ").rstrip("s") in DAYS for w in words):
        return _phrase([_day(w.removeprefix("les ").removeprefix("le ")) for w in words])
    return text[:1].lower() + text[1:]  # any other phrase (« en semaine »), as typed, inside a sentence
