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
from urllib.parse import quote

from jinja2 import StrictUndefined, nodes

from ..diagnostics import visible
from ..french import Name, contract, french_list, hour, long_date, phone
from ..orgfile.confirm import CLOSE, OPEN, Unconfirmed, marked
from ..orgfile.yamlsource import LIMITS
from .sandbox import BoundedEnvironment, bounded_filter, check_value

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>()#+!|~&])")
# A word longer than the organisation file allows (PDF hyphenation of a longer one takes minutes).
LONG_WORD = re.compile(r"\S{%d,}" % (LIMITS.word + 1))


def long_word_message(word: str) -> str:
    return (f"Mot trop long : « {visible(word[:40])}… » compte {len(word)} caractères sans espace "
            f"(au plus {LIMITS.word}).")


class Markdown(str):
    """Markdown produced by a trusted filter: printed without escaping."""


class UnconfirmedMarkdown(Unconfirmed, Markdown):
    """Markdown made from a value still to confirm (a link, a contact line)."""


def _carry(function: Any) -> Any:
    """A filter whose result is still to confirm when one of its arguments is."""
    def carried(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        values = [*args, *kwargs.values()]
        values += [item for v in values if isinstance(v, (list, tuple)) for item in v]  # a list with one to confirm
        if not any(isinstance(v, Unconfirmed) for v in values):
            return result
        return UnconfirmedMarkdown(result) if isinstance(result, Markdown) else marked(result)
    return carried


def _highlight(value: Any, text: str) -> str:
    """`text` (printed from `value`) between the to-confirm markers when `value` is still to confirm."""
    return f"{OPEN}{text}{CLOSE}" if isinstance(value, Unconfirmed) else text


class MissingValue(Exception):
    """A template printed a value the organisation file leaves empty."""


def escape_markdown(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    # A value starting a line with « 1. » or « - » would become a list.
    escaped = re.sub(r"^(\s*)([0-9]+)\.", r"\1\2\\.", escaped, flags=re.M)
    return re.sub(r"^(\s*)-", r"\1\\-", escaped, flags=re.M)


def _printed(value: Any) -> str:
    if isinstance(value, Markdown):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return long_date(value)
    return escape_markdown(str(value))


def _finalize(value: Any) -> Any:
    if value is None:
        raise MissingValue()
    return _highlight(value, _printed(check_value(value)))  # weighed before it is turned into text


# What would end or break a Markdown link destination written between « < » and « > ».
_DESTINATION_BREAKERS = re.compile(r"[<>\\\s]")


def link(text: str, url: str) -> Markdown:
    """A Markdown link whose text is escaped and whose address is percent-encoded where
    Markdown would read it: whatever a value holds (« < », « ](… », « ** »), it stays
    one link whose text is that value, never a second link or bold text."""
    destination = _DESTINATION_BREAKERS.sub(lambda m: quote(m.group(), safe=""), str(url))
    return Markdown(f"[{escape_markdown(str(text))}](<{destination}>)")


# A contact card's lines after the title and person: field, label, how the value prints.
_CONTACT_LINES = (
    ("courriel", "Courriel", lambda value, _: link(value, f"mailto:{value}")),
    ("telephone", "Téléphone", lambda value, contact: escape_markdown(phone(value, contact.get("poste")))),
    ("sans_frais", "Sans frais", lambda value, _: escape_markdown(phone(value))),
    ("adresse_web", "Site Web", lambda value, _: link(value, value)),
    ("politique_web", "Politique de confidentialité", lambda value, _: link(value, value)),
    ("heures", "Heures de bureau", lambda value, _: escape_markdown(str(value))),
)


def contact_card(contact: dict[str, Any], labelled: tuple = _CONTACT_LINES, colon: str = "\u00a0:") -> Markdown:
    """A contact as lines: title in bold, person, then e-mail, telephone… (empty fields skipped).

    « : » takes a no-break space before it (OQLF); another language passes its own lines and colon."""
    lines = [f"**{_highlight(contact['titre'], escape_markdown(str(contact['titre'])))}**"]
    if contact.get("personne"):
        lines.append(_highlight(contact["personne"], escape_markdown(str(contact["personne"]))))
    lines += [f"{label}{colon} {_highlight(contact[key], show(contact[key], contact))}"
              for key, label, show in labelled if contact.get(key)]
    return Markdown("  \n".join(lines))


def number(value: Any) -> str:
    """A whole number with its thousands set apart by a no-break space (OQLF): « 25 000 »."""
    return f"{int(value):,}".replace(",", "\u00a0")


def capitalised(text: Any) -> str:
    """The first letter in capitals, the rest untouched (Jinja's `capitalize` lowers it)."""
    text = str(text)
    return text[:1].upper() + text[1:]


def lowered(text: Any) -> str:
    """The first letter in lower case when it starts an ordinary word (« Protéger » after a colon),
    never an acronym or an elided article (« CISSS », « L’Ordre »)."""
    text = str(text)
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def listed(items: Any, conjunction: str = "et") -> str:
    """The `liste` filter: « a, b et c »; items that hold a comma of their own are set apart by
    semicolons (« a, ou b ; c ; ou d »), so that no item runs into the next."""
    if isinstance(items, (list, tuple)) and len(items) > 2 and any("," in str(item) for item in items):
        words = [str(item) for item in items]
        return "\u202f; ".join(words[:-1]) + f"\u202f; {conjunction} " + words[-1]
    return french_list(items, conjunction)


def contracted(preposition: str):
    """The `a` and `de` filters: « à » or « de » before a phrase, or before each item of
    a list joined in French (« au personnel, aux administrateurs et aux médecins »)."""
    def apply(phrase: Any, conjunction: str = "et") -> str:
        if isinstance(phrase, (str, Name)):
            return contract(preposition, phrase)
        return french_list([contract(preposition, item) for item in phrase], conjunction)
    return apply


@cache
def environment() -> BoundedEnvironment:
    """One shared environment: templates compile once per process.

    The sandbox (`sandbox`) keeps templates from Python internals, the clock and
    chance, and bounds their time and memory: an organisation's own clauses come
    from a shared drive, and every template handles values typed by users.
    """
    env = BoundedEnvironment(undefined=StrictUndefined, finalize=_finalize, autoescape=False,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    # `comme(valeur)`: a library phrase standing for a file's value keeps that value's mark.
    ours = dict(comme=lambda text, value: text, date=long_date, liste=listed, heure=hour, telephone=phone, lien=link,
                coordonnees=contact_card, capitale=capitalised, minuscule=lowered, nombre=number, a=contracted("à"), de=contracted("de"))
    env.filters.update({name: bounded_filter(name, _carry(function)) for name, function in ours.items()})
    return env


def referenced_paths(ast: nodes.Template | nodes.Node) -> set[tuple[str, ...]]:
    """Every `name.attr.attr` chain read from the context by a template or expression."""
    assigned = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    if any(True for _ in ast.find_all(nodes.For)):
        assigned.add("loop")  # Jinja's implicit loop variable, not a context name
    chains: set[tuple[str, ...]] = set()
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        chain: list[str] = []
        current = node
        while isinstance(current, (nodes.Getattr, nodes.Getitem)):
            if isinstance(current, nodes.Getattr):
                chain.append(current.attr)
            elif isinstance(current.arg, nodes.Const) and isinstance(current.arg.value, str):
                chain.append(current.arg.value)
            else:
                chain.clear()
            current = current.node
        if isinstance(current, nodes.Name) and current.ctx == "load" and current.name not in assigned:
            chains.add((current.name, *reversed(chain)))
    # Keep the longest chains only: `a.b` is read as part of `a.b.c`.
    return {c for c in chains if not any(len(o) > len(c) and o[:len(c)] == c for o in chains)}
