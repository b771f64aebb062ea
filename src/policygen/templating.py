"""The Jinja environment that renders clause bodies into Markdown.

Organisation values are data: every value printed by `{{ … }}` is escaped for
Markdown (as autoescape does for HTML), so a name containing « * » or « <b> »
prints as those characters and never becomes markup. A value that is missing
(None) stops the render instead of printing « None ».
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from babel.dates import format_date
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

LOCALE = "fr_CA"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>()#+!|~&])")


class Markdown(str):
    """Markdown produced by a trusted filter: printed without escaping."""


class MissingValue(Exception):
    """A template printed a value the organisation file leaves empty."""


def escape_markdown(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    # A value starting a line with « 1. » or « - » would become a list.
    escaped = re.sub(r"^(\s*)([0-9]+)\.", r"\1\2\\.", escaped, flags=re.M)
    return re.sub(r"^(\s*)-", r"\1\\-", escaped, flags=re.M)


def _finalize(value: Any) -> Any:
    if value is None:
        raise MissingValue()
    if isinstance(value, Markdown):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return long_date(value)
    return escape_markdown(str(value))


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


def link(text: str, url: str) -> Markdown:
    """A Markdown link whose text and address are both escaped."""
    return Markdown(f"[{escape_markdown(str(text))}](<{str(url).replace('>', '%3E')}>)")


# A contact card's lines after the title and person: field, label, how the value prints.
_CONTACT_LINES = (
    ("courriel", "Courriel", lambda value, _: link(value, f"mailto:{value}")),
    ("telephone", "Téléphone", lambda value, contact: escape_markdown(phone(value, contact.get("poste")))),
    ("sans_frais", "Sans frais", lambda value, _: escape_markdown(phone(value))),
    ("adresse_web", "Site Web", lambda value, _: link(value, value)),
    ("heures", "Heures de bureau", lambda value, _: escape_markdown(str(value))),
)


def contact_card(contact: dict[str, Any]) -> Markdown:
    """A contact as lines: title in bold, person, then e-mail, telephone… (empty fields skipped).

    « : » takes a no-break space before it (OQLF)."""
    lines = [f"**{escape_markdown(str(contact['titre']))}**"]
    if contact.get("personne"):
        lines.append(escape_markdown(str(contact["personne"])))
    lines += [f"{label}\u00a0: {show(contact[key], contact)}"
              for key, label, show in _CONTACT_LINES if contact.get(key)]
    return Markdown("  \n".join(lines))


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """One shared environment: templates compile once per process.

    The sandbox is belt and braces: clause templates are ours, but they handle
    values typed by users, and must never reach Python internals through them.
    """
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, finalize=_finalize,
                                        autoescape=False, keep_trailing_newline=True,
                                        trim_blocks=True, lstrip_blocks=True)
    env.filters.update(date=long_date, liste=french_list, heure=hour, telephone=phone, lien=link,
                       coordonnees=contact_card)
    return env
