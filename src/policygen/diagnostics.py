"""Problems reported to the user as data: file, line, field and a French message.

Every stage collects its problems instead of raising on the first one, so the
user sees all of them at once; the CLI prints them and exits with status 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one input file."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    severity: str = "erreur"  # « erreur » stops the build, « avertissement » does not

    def format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        head = f"{where}: {self.severity}"
        if self.field:
            head += f" — {self.field}"
        text = f"{head}\n  {self.message}"
        if self.hint:
            text += f"\n  {self.hint}"
        return text


class DiagnosticError(Exception):
    """Raised by a stage once it has collected every problem it found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problème(s)")
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.path, d.line or 0, d.field))


def display_path(path: Path) -> str:
    """The path as the user typed it relative to the working directory, if possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 0 erreur », « 1 erreur », « 3 erreurs » (French keeps 0 and 1 singular)."""
    word = singular if count < 2 else (plural_form or singular + "s")
    return f"{count} {word}"
