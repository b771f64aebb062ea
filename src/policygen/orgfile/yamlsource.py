"""YAML loading that remembers where every value stands in the file.

PyYAML's composed node tree carries line numbers; we build plain Python values
from it ourselves so that (1) each value's path maps to its line, (2) duplicate
keys are reported instead of silently overwritten, and (3) YAML 1.1 surprises
do not reach the user: « 08:30 » stays a string (not 510 minutes), « oui » and
« non » stay words for the schema to interpret.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Diagnostic, os_reason

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_BOOLS = {"true": True, "false": False}
_NULLS = {"", "~", "null"}


@dataclass
class Located:
    """Plain data plus the line of every path in it (1-based)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            prefix = tuple(path[:end])
            if prefix in self.key_lines:
                return self.key_lines[prefix]
            if prefix in self.lines:
                return self.lines[prefix]
        return None


def _scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style is not None:  # quoted or block scalar: always text
        return value
    lowered = value.lower()
    if lowered in _NULLS:
        return None
    if lowered in _BOOLS:
        return _BOOLS[lowered]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
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
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (i,), located, out_path, diagnostics, domain)
                for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
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
    """Parse `text`; return the located data and the problems found.

    `domain` (« organisation » or « library ») is the kind of file, which names
    the diagnostics' codes and so the exit status.
    """
    diagnostics: list[Diagnostic] = []
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        return None, [Diagnostic(display, line, "", _yaml_message(exc),
                                 "Vérifiez l’indentation (des espaces, pas de tabulations), "
                                 "les deux-points après chaque clé et les guillemets.",
                                 code=f"{domain}.yaml")]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [Diagnostic(display, None, "", f"Le fichier n’est pas du YAML valide : {exc}",
                                 code=f"{domain}.yaml")]
    located = Located(None)
    if node is None:
        located.data = {}
        return located, diagnostics
    located.data = _build(node, (), located, display, diagnostics, domain)
    return located, diagnostics


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token":
        "Une tabulation a été trouvée ; le YAML n’accepte que des espaces pour l’indentation.",
    "mapping values are not allowed here":
        "Deux-points inattendu : une valeur qui contient « : » doit être entre guillemets, "
        "ou l’indentation de cette ligne est incorrecte.",
    "could not find expected ':'":
        "Il manque le deux-points « : » après une clé.",
    "found undefined alias": "Alias YAML non défini.",
}


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, french in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return french
    if "expected <block end>" in problem or "expected" in problem:
        return "La structure du fichier est incorrecte à cet endroit (indentation ou liste mal alignée)."
    return "Le fichier n’est pas du YAML valide à cet endroit."


def read_text(path: Path, display: str, domain: str = "organisation") -> tuple[str | None, list[Diagnostic]]:
    """The text of a UTF-8 file; an unreadable file is a diagnostic too (`io.read`)."""
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError:
        return None, [Diagnostic(display, None, "",
                                 "Le fichier n’est pas encodé en UTF-8.",
                                 "Enregistrez-le en UTF-8 dans votre éditeur.", code=f"{domain}.encoding")]
    except OSError as exc:
        return None, [Diagnostic(display, None, "", f"Lecture impossible : {os_reason(exc)}.", code="io.read")]


def read_yaml(path: Path, display: str, domain: str = "organisation") -> tuple[Located | None, list[Diagnostic]]:
    """Read and parse a YAML file."""
    text, problems = read_text(path, display, domain)
    return (None, problems) if text is None else load_yaml(text, display, domain)
