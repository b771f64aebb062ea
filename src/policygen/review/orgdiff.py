"""What changed between two organisation files, and which clauses it touched.

Field changes are computed on the validated files (defaults filled in, hours
normalised), so « 8 h 30 » and « 08:30 » are not a change. Each change is tied
to the clauses that read the field and whose text, or presence, differs
between the two versions' documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..library.reads import fields_read, shown, touches
from ..library.schema import Library
from ..model.nodes import Document, block_texts
from ..orgfile.yamlsource import Located, dotted

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldChange:
    path: Path_
    old: Any
    new: Any
    line: int | None  # in the new file (in the old one for a removed field)
    clauses: tuple[tuple[str, str, str], ...] = field(default=())  # (clause id, document, « modifiée »…)

    def describe(self) -> str:
        old = "(absent)" if self.old is None else f"« {shown(self.old)} »"
        new = "(absent)" if self.new is None else f"« {shown(self.new)} »"
        return f"{dotted(self.path)} : {old} → {new}"


def _flatten(old: Any, new: Any, path: Path_, out: list[tuple[Path_, Any, Any]]) -> None:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            _flatten(old.get(key), new.get(key), path + (key,), out)
    elif (isinstance(old, list) and isinstance(new, list)
          and all(isinstance(v, dict) for v in old + new) and old and new):
        # Lists of sections (platforms, versions): item by item, added or removed items whole.
        for index in range(max(len(old), len(new))):
            _flatten(old[index] if index < len(old) else None, new[index] if index < len(new) else None,
                     path + (index,), out)
    else:
        out.append((path, old, new))


def clause_texts(document: Document) -> dict[str, tuple[str, ...]]:
    """Each clause's words (title and body), by clause id."""
    return {c.id: (c.title, *(t for b in c.blocks for t in block_texts(b)))
            for s in document.sections for c in s.clauses}


def clause_status(old: Document, new: Document) -> dict[str, str]:
    """« ajoutée », « retirée » or « modifiée » for each clause that differs."""
    before, after = clause_texts(old), clause_texts(new)
    status = {}
    for ident in [*before, *(i for i in after if i not in before)]:
        if ident not in after:
            status[ident] = "retirée"
        elif ident not in before:
            status[ident] = "ajoutée"
        elif before[ident] != after[ident]:
            status[ident] = "modifiée"
    return status


def field_changes(old: dict[str, Any], new: dict[str, Any], old_located: Located, new_located: Located,
                  library: Library, documents: list[tuple[Document, Document]]) -> list[FieldChange]:
    """Every changed field, with the clauses it touched in each (old, new) document pair."""
    flat: list[tuple[Path_, Any, Any]] = []
    _flatten(old, new, (), flat)
    statuses = [(new_doc.kind, clause_status(old_doc, new_doc)) for old_doc, new_doc in documents]
    result = []
    for path, before, after in flat:
        line = (new_located if after is not None else old_located).line_of(path)
        field_path = tuple(p for p in path if isinstance(p, str))
        touched = tuple((clause.id, kind, status[clause.id])
                        for clause in library.clauses
                        for kind, status in statuses
                        if clause.id in status and touches(field_path, fields_read(clause)))
        result.append(FieldChange(path, before, after, line, touched))
    return result
