"""Problems reported to the user as data: file, line, field, a code and a French message.

Every stage collects its problems instead of raising on the first one, so the
user sees all of them at once; the CLI prints them and exits with the status
their codes call for (`exit_code`).
"""

from __future__ import annotations

import dataclasses
import errno
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Every status a `policygen` command ends with (documented in README.md)."""

    OK = 0
    FINDING = 1  # `sources`: a section no clause covers — a finding, not a failure
    USAGE = 2  # click's own status for a wrong command line
    ORGANISATION = 3  # an organisation file is invalid
    LIBRARY = 4  # the clause library is invalid
    RENDER = 5  # a clause cannot be rendered for this organisation file
    FILESYSTEM = 6  # a file cannot be read or written
    INTERNAL = 70  # a bug in policygen (EX_SOFTWARE)


# The closed vocabulary of diagnostic codes: « kind.detail », the kind naming the exit status.
CODES = {
    "organisation.yaml": "the organisation file is not valid YAML",
    "organisation.encoding": "the organisation file is not UTF-8",
    "organisation.duplicate-key": "a key appears twice in the same mapping",
    "organisation.schema": "a value is missing, of the wrong type or not allowed",
    "organisation.unknown-key": "a key the schema does not know (often misspelt)",
    "organisation.law": "a law the library does not know, or an invalid law of the organisation's own",
    "organisation.clause": "a clause of the organisation's own folder is invalid (front matter, template, ids)",
    "organisation.to-confirm": "a value still marked « (à confirmer) » (a warning; an error for build --final)",
    "organisation.fictitious": "a help line's telephone number reserved for fiction (555-01xx), unmarked: printed as a value to confirm (an error for build --final)",
    "organisation.revision": "the version being produced has no line of its own in the history, or another date",
    "organisation.law-in-force": "a document would be dated before a law it cites came into force",
    "organisation.consultation": "a declared consultation has no date yet (a warning; an error for --final)",
    "organisation.obligation": "a statutory obligation binding the body is met by no rule or clause of its politique",
    "organisation.obligation-partielle": "a statutory obligation met in part, or with a point the lawyer must check",
    "organisation.law-read": "a document cites a law whose text was last read over a year before its date (a warning)",
    "organisation.law-unread": "a document cites a law whose reading is not recorded: no « Droit à jour au » (a warning)",
    "organisation.renamed-key": "a key that moved or was renamed, accepted at its new place (a warning)",
    "organisation.limit": "the organisation file is over a size, nesting, length or date limit",
    "organisation.control": "a control or invisible character in the organisation file",
    "organisation.tag": "a YAML tag (!!str, !x) in the organisation file",
    "organisation.character": "a value holds a character the documents' font (Lato) cannot draw",
    "organisation.phrasing": "a title the documents print in a sentence needs its form with an article (a warning)",
    "organisation.edition": "an English edition the Charte de la langue française does not allow, or with no basis",
    "organisation.language": "a public body writes in another language with no basis or directive under the Charte de la langue française (a warning; an error for --final)",
    "organisation.directive": "the art. 29.15 directive is over five years older than the documents, or names no "
                              "author (a warning)",
    "organisation.contact": "the complaints contact the documents send people to has no e-mail, telephone or "
                            "web form (a warning)",
    "organisation.glossary": "an English politique prints French words of the file the glossary does not give in "
                             "English (a warning)",
    "organisation.translation": "an English text translates a French text that has changed since, or has no "
                                "English yet and prints the French (a warning; an error for --final)",
    "organisation.output": "two organisation files would write into the same output folder",
    "library.yaml": "a library file (outline, data, front matter) is not valid YAML",
    "library.encoding": "a library file is not UTF-8",
    "library.limit": "a library file is over a size, nesting or length limit",
    "library.control": "a control or invisible character in a library file",
    "library.tag": "a YAML tag in a library file",
    "library.duplicate-key": "a key appears twice in a library file",
    "library.front-matter": "a clause file lacks its front matter",
    "library.schema": "a front-matter or outline value is missing, of the wrong type or not allowed",
    "library.unknown-key": "a front-matter or outline key the schema does not know",
    "library.template": "a clause body or condition is not valid Jinja",
    "library.document": "a clause names an unknown document or outline section",
    "library.variable": "a clause reads a field that does not exist or that it does not declare",
    "library.source": "a clause cites an unknown source document or section",
    "library.law": "a clause cites an unknown law or article",
    "library.duplicate": "two clauses share one identifier",
    "library.character": "a clause holds a character the documents' font (Lato) cannot draw",
    "library.outline": "a document has no outline",
    "library.rule": "a clause prints a rule that is unknown, lacks its document's voice, or does not bind its readers",
    "library.list": "a list item in a clause or rule swallows the next one",
    "library.budget": "the library's own words in a short document exceed the budget its outline sets",
    "library.obligation": "the obligations file disagrees with lois.yaml or with what rules and clauses cite",
    "render.missing": "a clause needs a value the organisation file leaves empty",
    "render.template": "a clause template fails while rendering",
    "render.empty": "no clause of the library applies to a document",
    "io.read": "an input file cannot be read (missing, a folder, permission)",
    "io.write": "an output cannot be written (permission, space, read-only disk, a file in the way)",
    "cadence.overdue": "the documents are past their revision date (a warning)",
}

_EXIT_BY_KIND = {"organisation": ExitCode.ORGANISATION, "library": ExitCode.LIBRARY,
                 "render": ExitCode.RENDER, "io": ExitCode.FILESYSTEM, "cadence": ExitCode.OK}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one input file."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    severity: str = "erreur"  # « erreur » stops the build, « avertissement » does not
    code: str = dataclasses.field(kw_only=True)  # one of CODES

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code!r}")

    @property
    def exit_code(self) -> ExitCode:
        return _EXIT_BY_KIND[self.code.split(".")[0]] if self.severity == "erreur" else ExitCode.OK

    def format(self) -> str:
        """The problem as printed on a terminal: escapes in file names or values are shown, never run."""
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        head = f"{visible(where)}: {self.severity} [{self.code}]"
        if self.field:
            head += f" — {visible(self.field)}"
        text = f"{head}\n  {visible(self.message)}"
        if self.hint:
            text += f"\n  {visible(self.hint)}"
        return text


def exit_code(diagnostics: Iterable[Diagnostic]) -> ExitCode:
    """The status a command ends with after reporting `diagnostics`: the worst kind wins.

    Each error's kind (the part of its code before the dot) maps to a status;
    warnings map to success. « Worst » is the highest status, so the order is
    file system (6) > rendering (5) > library (4) > organisation file (3): the
    further a problem lies from the user's own file, the more it says that
    correcting the file alone will not be enough.
    """
    return max((d.exit_code for d in diagnostics), default=ExitCode.OK)


class DiagnosticError(Exception):
    """Raised by a stage once it has collected every problem it found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(f"{len(diagnostics)} problème(s)")
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.path, d.line or 0, d.field))


_OS_REASONS = {
    errno.ENOENT: "fichier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "permission refusée",
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota d’espace disque est atteint",
    errno.EROFS: "le disque est en lecture seule",
    errno.ENOTDIR: "un fichier porte ce nom à la place d’un dossier",
    errno.EISDIR: "c’est un dossier, pas un fichier",
    errno.EEXIST: "un fichier porte ce nom à la place d’un dossier",  # mkdir where a file stands
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a read or a write, in French (« permission refusée »)."""
    return _OS_REASONS.get(exc.errno, f"erreur du système ({exc.strerror or exc})")


_TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` safe for a terminal: control characters (ANSI, OSC escapes) become « \\x1b »,
    undecodable bytes of a file name « \\xff », so nothing the user did not type is run."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def display_path(path: Path) -> str:
    """The path as the user typed it relative to the working directory, if possible, safe to print."""
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        shown = str(path)
    return visible(shown)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 0 erreur », « 1 erreur », « 3 erreurs » (French keeps 0 and 1 singular)."""
    word = singular if count < 2 else (plural_form or singular + "s")
    return f"{count} {word}"
