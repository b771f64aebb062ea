"""Which organisation-file fields a clause reads, and how to show their values.

Provenance (what values a clause used), `explain` (what a condition read) and
`diff` (which clauses a changed field affects) all need the same answer: the
field paths read by the clause's body or condition, with derived names
(« nom.du », « prochaine_revision ») traced back to the fields they come from.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from ..french import long_date
from ..orgfile.schema import OrganisationFile
from .context import DERIVED_FROM
from .language import environment, referenced_paths
from .schema import Clause

FieldPath = tuple[str, ...]
FILE_SECTIONS = frozenset(OrganisationFile.model_fields)


def _file_fields(chains: set[FieldPath]) -> frozenset[FieldPath]:
    fields: set[FieldPath] = set()
    for chain in chains:
        if chain[0] in FILE_SECTIONS:
            fields.add(chain)
        fields.update(DERIVED_FROM.get(chain[0], ()))
    # `revision` inside `revision.numero` says nothing more: keep the longest chains.
    return frozenset(f for f in fields if not any(len(o) > len(f) and o[:len(f)] == f for o in fields))


@cache
def _fields_of_source(source: str) -> frozenset[FieldPath]:
    return _file_fields(referenced_paths(environment().parse(source)))


def condition_fields(clause: Clause) -> frozenset[FieldPath]:
    return _fields_of_source(f"{{{{ {clause.meta.when} }}}}")


def body_fields(clause: Clause) -> frozenset[FieldPath]:
    """What the body reads, the renderings of the rules it prints included."""
    return _fields_of_source(clause.body).union(*(_fields_of_source(text) for text in clause.rule_sources))


def fields_read(clause: Clause) -> frozenset[FieldPath]:
    """Every organisation-file field the clause reads, in its body or its condition."""
    return _file_fields(set(body_fields(clause) | condition_fields(clause)))


def touches(field: FieldPath, read: frozenset[FieldPath]) -> bool:
    """True when a change at `field` can change what a clause reading `read` sees."""
    return any(f[:len(field)] == field or field[:len(f)] == f for f in read)


def value_at(data: Any, path: FieldPath) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
        if data is None:
            return None
    return data


EMPTY = ("(vide)", "(liste vide)")


def shown(value: Any) -> str:
    """A value as a reviewer reads it, in French: « 27 avril 2018 », « oui », « a ; b »."""
    if value is None:
        return EMPTY[0]
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, (dt.date, dt.datetime)):
        return long_date(value)
    if isinstance(value, dict):
        return ", ".join(shown(v) for v in value.values() if v not in (None, [], {}))
    if isinstance(value, list):
        return " ; ".join(shown(v) for v in value) if value else EMPTY[1]
    return str(value)
