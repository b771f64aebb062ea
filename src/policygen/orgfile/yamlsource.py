"""YAML loading that remembers where every value stands in the file.

PyYAML's composed node tree carries line numbers; we build plain Python values
from it ourselves so that (1) each value's path maps to its line, (2) duplicate
keys are reported instead of silently overwritten, and (3) YAML 1.1 surprises
do not reach the user: « 08:30 » stays a string (not 510 minutes), « oui » and
« non » stay words for the schema to interpret, « 007 » and « 1.10 » keep the text
typed.

A file comes from a person, by e-mail or from a shared drive: before and while
parsing, every file (organisation file, clause, outline, data) is held to the
`LIMITS` below — size, nesting, list length, value and word length, aliases
expanded — and refused with a located French message, in well under a second,
instead of hanging or exhausting memory. Control characters and YAML tags are
refused; in an organisation file a line break inside a value is folded into a
space, so a value never becomes document structure.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Diagnostic, os_reason, visible

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Limits:
    """What one input file may hold; beyond it the file is refused, not parsed further."""

    file_bytes: int = 256_000  # an organisation file is about 6 Ko, the largest library file 31 Ko
    depth: int = 12  # nesting of sections and lists
    items: int = 500  # entries in one list or section
    scalar: int = 5_000  # characters in one value
    word: int = 200  # characters between two spaces (a long address still fits; hyphenation stays fast)
    nodes: int = 20_000  # values once aliases are expanded
    characters: int = 500_000  # characters once aliases are expanded
    first_year: int = 1900  # dates (adoption, revision, next review) stay in a sensible range
    last_year: int = 2099


LIMITS = Limits()

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)\Z")
# A date, alone or marked « (à confirmer) » (`confirm`): its year is held to the limits either way.
_DATE = re.compile(r"([0-9]{4})-[0-9]{2}-[0-9]{2}(?:\s*\(\s*[àa]\s+confirmer\s*\))?\s*\Z", re.I)
_BOOLS = {"true": True, "false": False}
_NULLS = {"", "~", "null"}
# C0 and C1 controls but tab and line feed, DEL, non-characters, lone surrogates, the
# bidirectional overrides (they reorder what a reader sees), the line/paragraph separators,
# the zero-width characters (invisible, they split or join words a reader sees as one) and
# the private-use area (policygen marks a value to confirm with two of its characters:
# typed in a value, they would forge a mark).
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                        "\u202a-\u202e\u2066-\u2069\u2028\u2029\u200b-\u200f\u2060-\u2064\ufeff"
                        "\ue000-\uf8ff]")
_LETTERS = re.compile(r"[^\W\d_]+")
_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC")
_LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")
_WORD = re.compile(r"\S{%d,}" % (LIMITS.word + 1))
_TYPOGRAPHIC_QUOTES = ("«", "»", "“", "”", "‘", "’")


class _Refused(Exception):
    """A limit or rule broken while reading events: (line, message, hint, code detail)."""

    def __init__(self, line: int | None, message: str, hint: str, detail: str):
        super().__init__(message)
        self.line, self.message, self.hint, self.detail = line, message, hint, detail


def _character(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" ({unicodedata.name(char)})" if unicodedata.name(char, "") else "")


def mixed_script(text: str) -> str | None:
    """The first word that mixes alphabets (a Cyrillic « а » among Latin letters looks the
    same and reads otherwise: a forged address or name), or None."""
    for word in _LETTERS.findall(text):
        scripts = {next((s for s in _SCRIPTS if unicodedata.name(c, "").startswith(s)), "") for c in word}
        if len(scripts - {""}) > 1:
            return word
    return None


def control_problem(text: str) -> tuple[int, str] | None:
    """(line, French message) of the first forbidden character in `text`, or None."""
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return line, f"Caractère de contrôle ou invisible interdit : {_character(match.group())}."


_CONTROL_HINT = "Retirez ce caractère (souvent collé depuis un autre logiciel)."


def _raw_controls(text: str, display: str, domain: str) -> list[Diagnostic]:
    """The first forbidden character typed raw in a file, located before any parser reads it."""
    control = control_problem(text)
    return [] if control is None else [Diagnostic(display, control[0], "", control[1], _CONTROL_HINT,
                                                  code=f"{domain}.control")]


class _Guard:
    """Checks every event against `LIMITS` as the composer reads it (mixed into a loader)."""

    def __init__(self, text: str):
        super().__init__(text)
        self._open: list[list] = []  # per open collection: [anchor, entries allowed, nodes, characters]
        self._anchors: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, characters) it expands to
        self._total = [0, 0]

    def get_event(self):
        event = super().get_event()
        self._guard(event)
        return event

    def _count(self, nodes: int, characters: int, line: int) -> None:
        self._total[0] += nodes
        self._total[1] += characters
        for frame in self._open:
            frame[2] += nodes
            frame[3] += characters
        if self._total[0] > LIMITS.nodes or self._total[1] > LIMITS.characters:
            raise _Refused(line, f"Le fichier, une fois ses alias YAML (*nom) développés, dépasse "
                                 f"{LIMITS.nodes} valeurs ou {LIMITS.characters} caractères.",
                           "Écrivez les valeurs sans alias (&nom, *nom).", "limit")
        if self._open:
            self._open[-1][1] -= 1
            if self._open[-1][1] < 0:
                raise _Refused(line, f"Une liste ou une section compte plus de {LIMITS.items} éléments.",
                               "Gardez l’essentiel ; une liste aussi longue ne tient pas dans un document.",
                               "limit")

    def _guard(self, event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else None
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise _Refused(line, f"Étiquette YAML refusée : « {visible(tag)} ».",
                           "Retirez l’étiquette ; pour garder une valeur telle quelle, mettez-la "
                           "entre guillemets droits \"…\".", "tag")
        if isinstance(event, yaml.ScalarEvent):
            self._scalar(event.value, line)
            self._count(1, len(event.value), line)
            if event.anchor:
                self._anchors[event.anchor] = (1, len(event.value))
        elif isinstance(event, yaml.AliasEvent):
            if any(frame[0] == event.anchor for frame in self._open):
                raise _Refused(line, f"L’alias « *{visible(event.anchor)} » se contient lui-même.",
                               "Écrivez la valeur sans alias.", "limit")
            self._count(*self._anchors.get(event.anchor, (1, 0)), line)
        elif isinstance(event, yaml.CollectionStartEvent):
            self._count(1, 0, line)
            # a section's entries are a key and a value each
            entries = LIMITS.items * (2 if isinstance(event, yaml.MappingStartEvent) else 1)
            self._open.append([event.anchor, entries, 1, 0])
            if len(self._open) > LIMITS.depth:
                raise _Refused(line, f"Imbrication trop profonde : plus de {LIMITS.depth} niveaux.",
                               "Vérifiez l’indentation : chaque section n’a que quelques niveaux.", "limit")
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, _items, nodes, characters = self._open.pop()
            if anchor:
                self._anchors[anchor] = (nodes, characters)

    @staticmethod
    def _scalar(value: str, line: int | None) -> None:
        if len(value) > LIMITS.scalar:
            raise _Refused(line, f"Valeur trop longue : {len(value)} caractères (au plus {LIMITS.scalar}).",
                           "Abrégez-la.", "limit")
        if (word := _WORD.search(value)) is not None:
            raise _Refused(line, f"Mot trop long : « {visible(word.group()[:40])}… » compte {len(word.group())} "
                                 f"caractères sans espace (au plus {LIMITS.word}).",
                           "Ajoutez les espaces qui manquent.", "limit")
        if (control := control_problem(value)) is not None:
            raise _Refused(line, control[1], _CONTROL_HINT, "control")
        if (word := mixed_script(value)) is not None:
            raise _Refused(line, f"Le mot « {visible(word[:40])} » mêle des lettres de deux alphabets (par exemple "
                                 "un « а » cyrillique parmi des lettres latines).",
                           "Retapez ce mot au clavier.", "control")
        if (date := _DATE.match(value)) and not LIMITS.first_year <= int(date.group(1)) <= LIMITS.last_year:
            raise _Refused(line, f"Date hors limites : {value} (années {LIMITS.first_year} à {LIMITS.last_year}).",
                           "Vérifiez l’année.", "limit")


class _BoundedLoader(_Guard, yaml.SafeLoader):
    """PyYAML's own parser, in Python: what decides on a file libyaml refuses (its messages, which
    `_YAML_PROBLEMS` translates, and its line), and the parser where PyYAML was built without libyaml."""


try:
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML's wheels carry libyaml
    _FastLoader = _BoundedLoader
else:
    class _CComposer(yaml.composer.Composer, CParser, yaml.resolver.Resolver):
        def __init__(self, text: str):
            CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    class _FastLoader(_Guard, _CComposer):
        """The same guarded composer over libyaml's parser (the C one PyYAML's wheels carry): the
        library's YAML read in 0.20 s instead of 0.53. The composer is PyYAML's, in Python, so that
        every event goes through `_Guard` (libyaml's own composer would build the whole tree
        first, aliases expanded); a plain scalar's style is '' instead of None (`_scalar`)."""


@dataclass
class Located:
    """Plain data plus the line of every path in it (1-based)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)
    # Lines whose value is followed by a comment that says « à confirmer »: the documents cannot see it.
    commented_marks: dict[int, str] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            prefix = tuple(path[:end])
            if prefix in self.key_lines:
                return self.key_lines[prefix]
            if prefix in self.lines:
                return self.lines[prefix]
        return None


def _scalar(node: yaml.ScalarNode, fold: bool) -> Any:
    value = node.value
    if fold and "\n" in value.strip():
        value = _LINE_BREAKS.sub(" ", value.strip())
    if node.style:  # quoted or block scalar: always text (plain: None from PyYAML, '' from libyaml)
        return value
    lowered = value.lower()
    if lowered in _NULLS:
        return None
    if lowered in _BOOLS:
        return _BOOLS[lowered]
    # a number is a number only if reading it back gives the text typed: « 007 », « 0450 »
    # and « 1.10 » stay text, for the schema to take as text (or to convert, for a number field)
    if _INT.match(value) and len(value) <= 18 and str(int(value)) == value:
        return int(value)
    if _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _build(node: yaml.Node, path: Path_, located: Located, out_path: str,
           diagnostics: list[Diagnostic], domain: str) -> Any:
    located.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, fold=domain == "organisation")
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), located, out_path, diagnostics, domain)
                for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                diagnostics.append(Diagnostic(
                    out_path, key_node.start_mark.line + 1, dotted(path),
                    "Une clé doit être un simple mot, pas une liste ni une section.",
                    "Retirez le « ? » ou les crochets devant la clé.", code=f"{domain}.yaml"))
                continue
            key = str(key_node.value)
            child = path + (key,)
            if key in result:
                diagnostics.append(Diagnostic(
                    out_path, key_node.start_mark.line + 1, dotted(child),
                    f"La clé « {key} » apparaît deux fois ; la première occurrence est "
                    f"à la ligne {located.key_lines[child]}.",
                    "Gardez une seule de ces lignes.", code=f"{domain}.duplicate-key"))
                continue
            located.key_lines[child] = key_node.start_mark.line + 1
            result[key] = _build(value_node, child, located, out_path, diagnostics, domain)
        return result
    raise TypeError(f"unexpected YAML node {node!r}")


def dotted(path: Path_) -> str:
    """('contacts', 'plaintes', 0) -> 'contacts.plaintes[1]' (items counted from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_yaml(text: str, display: str, domain: str = "organisation") -> tuple[Located | None, list[Diagnostic]]:
    """Parse `text` within `LIMITS`; return the located data and the problems found.

    `domain` (« organisation » or « library ») is the kind of file, which names
    the diagnostics' codes and so the exit status.
    """
    text = text.replace("\r\n", "\n")
    if raw := _raw_controls(text, display, domain):  # before the parser's English message without a line
        return None, raw
    try:
        node = _node(text)
    except _Refused as exc:
        return None, [Diagnostic(display, exc.line, "", exc.message, exc.hint, code=f"{domain}.{exc.detail}")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        source_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
        return None, [Diagnostic(display, line, "", _yaml_message(exc), _yaml_hint(source_line),
                                 code=f"{domain}.yaml")]
    except yaml.YAMLError:  # pragma: no cover - unmarked errors are rare
        return None, [Diagnostic(display, None, "", "Le fichier n’est pas du YAML valide.",
                                 code=f"{domain}.yaml")]
    located = Located(None)
    if node is None:
        located.data = {}
        return located, []
    diagnostics: list[Diagnostic] = []
    located.data = _build(node, (), located, display, diagnostics, domain)
    source = text.splitlines()
    for line in sorted(set(located.lines.values())):
        found = _COMMENTED_MARK.search(source[line - 1]) if line <= len(source) else None
        if found and not _MARKED_VALUE.search(source[line - 1][:found.start(1)]):
            located.commented_marks[line] = found.group(1).strip()
    return located, diagnostics


def _node(text: str) -> yaml.Node | None:
    """The file's node tree, composed under the guard; a file libyaml refuses is parsed again by
    PyYAML's own parser, whose messages (`_YAML_PROBLEMS`) and lines the user has always been given."""
    try:
        return _compose(_FastLoader, text)
    except yaml.YAMLError:
        return _compose(_BoundedLoader, text)


def _compose(loader_class: type, text: str) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


# A value, then a comment that says « à confirmer » (« langues: [fr, en]   # (à confirmer) »).
_COMMENTED_MARK = re.compile(r"\S\s+(#.*\b[àa]\s+confirmer\b.*)$", re.I)
_MARKED_VALUE = re.compile(r"\(\s*[àa]\s+confirmer\s*\)", re.I)


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token":
        "Une tabulation a été trouvée ; le YAML n’accepte que des espaces pour l’indentation.",
    "mapping values are not allowed here":
        "Deux-points inattendu : une valeur qui contient « : » doit être entre guillemets, "
        "ou l’indentation de cette ligne est incorrecte.",
    "could not find expected ':'":
        "Il manque le deux-points « : » après une clé.",
    "found undefined alias": "Alias YAML non défini.",
    "found character": "Un caractère ne peut pas commencer une valeur à cet endroit (« @ », « ` », « % »…).",
    "found unknown escape character": "Séquence d’échappement inconnue après une barre oblique inverse « \\ ».",
}


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, french in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return french
    if "expected" in problem:
        return "La structure du fichier est incorrecte à cet endroit (indentation ou liste mal alignée)."
    return "Le fichier n’est pas du YAML valide à cet endroit."


def _yaml_hint(source_line: str) -> str:
    """The fix, naming the characters to type when typographic quotes were used as YAML quotes."""
    quotes = [q for q in _TYPOGRAPHIC_QUOTES if q in source_line]
    if quotes:
        return (f"Les guillemets {' '.join(quotes)} font partie du texte pour le YAML, ils n’entourent pas "
                "la valeur : entourez toute la valeur de guillemets droits \" (touche Maj+2 ou Maj+\") "
                "au début et à la fin de la valeur, par exemple : nom: \"« Mon texte » : suite\".")
    return ("Vérifiez l’indentation (des espaces, pas de tabulations), les deux-points après chaque "
            "clé et les guillemets.")


def read_text(path: Path, display: str, domain: str = "organisation") -> tuple[str | None, list[Diagnostic]]:
    """The text of a regular UTF-8 file within `LIMITS.file_bytes`; any other is a diagnostic.

    The file is checked before it is read (a FIFO or /dev/zero would be read forever) and
    read no further than the limit (it may grow meanwhile).
    """
    def refused(message: str, hint: str = "", code: str = "io.read") -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(display, None, "", message, hint, code=code)]
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return refused(f"Lecture impossible : {os_reason(exc)}.")
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            return refused("Lecture impossible : c’est un dossier, pas un fichier.")
        if not stat.S_ISREG(mode):
            return refused("Lecture impossible : ce n’est pas un fichier ordinaire (tube, périphérique…).",
                           "Donnez le chemin d’un fichier .yaml.")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(LIMITS.file_bytes + 1)
    except OSError as exc:
        return refused(f"Lecture impossible : {os_reason(exc)}.")
    finally:
        os.close(descriptor)
    if len(data) > LIMITS.file_bytes:
        return refused(f"Fichier trop gros : plus de {LIMITS.file_bytes // 1000} Ko (la limite).",
                       "Vérifiez qu’il s’agit du bon fichier.", code=f"{domain}.limit")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return refused("Le fichier n’est pas encodé en UTF-8.", "Enregistrez-le en UTF-8 dans votre éditeur.",
                       code=f"{domain}.encoding")
    raw = _raw_controls(text, display, domain)
    return (None, raw) if raw else (text, [])


def read_yaml(path: Path, display: str, domain: str = "organisation") -> tuple[Located | None, list[Diagnostic]]:
    """Read and parse a YAML file."""
    text, problems = read_text(path, display, domain)
    return (None, problems) if text is None else load_yaml(text, display, domain)
