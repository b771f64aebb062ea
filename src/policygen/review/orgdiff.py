"""What changed between two organisation files, and which clauses it touched.

Field changes are computed on the validated files (defaults filled in, hours
normalised), so « 8 h 30 » and « 08:30 » are not a change. Each change is tied
to the clauses that read the field and that the documents' diffs found
added, removed or changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..library.reads import fields_read, shown, touches
from ..library.schema import Library
from ..orgfile.yamlsource import Located, dotted
from ..model.diff import DocumentDiff

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


def field_changes(old: dict[str, Any], new: dict[str, Any], old_located: Located, new_located: Located,
                  library: Library, diffs: list[DocumentDiff]) -> list[FieldChange]:
    """Every changed field, with the clauses it touched in each document's diff."""
    flat: list[tuple[Path_, Any, Any]] = []
    _flatten(old, new, (), flat)
    statuses = [(diff.kind, diff.status()) for diff in diffs]
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
