"""`policygen diff`: two versions of an organisation file -> redlines and HTML diffs.

Both files go through the normal pipeline (same library); each document pair
gives `<document>.redline.docx` (Word tracked changes) and `<document>.diff.html`,
and the field changes of the organisation file are tied to the clauses they touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..assembly.assemble import documents_for
from ..assembly.edition import is_edition
from ..assembly.inputs import Loaded, load_all
from ..diagnostics import DiagnosticError, plural
from ..library.schema import Library
from ..model.nodes import Document
from ..publishing.service import Progress, Silent
from ..publishing.staging import stage
from ..model.diff import diff
from .htmldiff import render_diff
from .orgdiff import FieldChange, field_changes
from .redline import Redline, redline


@dataclass(frozen=True)
class DocumentComparison:
    kind: str
    status: dict[str, str]  # clause id -> « ajoutée », « retirée », « modifiée »
    redline: Redline
    html: str


@dataclass(frozen=True)
class Comparison:
    changes: list[FieldChange]
    documents: list[DocumentComparison]


def compare(old: Loaded, new: Loaded, library: Library, kinds: list[str],
            progress: Progress = Silent()) -> Comparison:
    """Raises DiagnosticError when either version cannot be built. `progress` is told of each
    file made (a redline, an HTML diff), as a build tells of each document it writes."""
    # the French texts, which prevail: an English edition follows them (and may come or go between versions)
    old_docs = [d for d in documents_for(old, library, kinds) if not is_edition(d)]
    new_docs = [d for d in documents_for(new, library, kinds) if not is_edition(d)]
    pairs: list[tuple[Document, Document]] = list(zip(old_docs, new_docs))
    diffs = [diff(o, n) for o, n in pairs]  # the one diff each document's renderings show
    changes = field_changes(old.organisation.model_dump(), new.organisation.model_dump(),
                            old.located, new.located, library, diffs)
    documents = []
    progress.start(2 * len(pairs), "Comparaison des documents")
    try:
        for d, (o, n) in zip(diffs, pairs):
            marked = redline(d, o, n)
            progress.advance(f"{n.kind} (redline DOCX)")
            page = render_diff(d, o, n, changes, old.path.name, new.path.name)
            progress.advance(f"{n.kind} (comparaison HTML)")
            documents.append(DocumentComparison(n.kind, d.status(), marked, page))
    finally:
        progress.stop()
    return Comparison(changes, documents)


def compare_files(old: Path, new: Path, library: Library, kinds: list[str],
                  progress: Progress = Silent()) -> tuple[Comparison, str, str]:
    """The comparison of two organisation files, and how each is named; raises DiagnosticError
    with every problem of both."""
    loaded, problems = load_all([old, new], library)
    if problems:
        raise DiagnosticError(problems)
    return compare(loaded[0], loaded[1], library, kinds, progress), loaded[0].display, loaded[1].display


def write_comparison(comparison: Comparison, target: Path) -> list[Path]:
    def produce(staging: Path) -> None:
        for document in comparison.documents:
            (staging / f"{document.kind}.redline.docx").write_bytes(document.redline.data)
            (staging / f"{document.kind}.diff.html").write_text(document.html, encoding="utf-8")
    return stage(target, produce)


def summary(comparison: Comparison, old_name: str, new_name: str, target: Path) -> str:
    """What the terminal shows: field changes with the clauses they touched, then each document."""
    lines = [f"Modifications de {old_name} à {new_name} :"]
    if not comparison.changes:
        lines.append("  aucun champ modifié.")
    for change in comparison.changes:
        where = f" (ligne {change.line})" if change.line else ""
        lines.append(f"  {change.describe()}{where}")
        if change.clauses:
            touched = ", ".join(f"{ident} ({kind}, {status})" for ident, kind, status in change.clauses)
            lines.append(f"    clauses touchées : {touched}")
        else:
            lines.append("    aucune clause touchée.")
    lines.append("Documents :")
    for document in comparison.documents:
        counts = {s: sum(1 for v in document.status.values() if v == s) for s in ("modifiée", "ajoutée", "retirée")}
        detail = ", ".join(f"{plural(n, 'clause')} {s}{'s' if n > 1 else ''}" for s, n in counts.items() if n) \
            or "aucune différence"
        lines.append(f"  {document.kind} : {detail} → {target / document.kind}.redline.docx, "
                     f"{target / document.kind}.diff.html")
    return "\n".join(lines)
