"""The English texts of the library, each kept beside the id of the French text it translates.

`templates/en/` mirrors the French library by id, never by position: a clause file
`en/clauses/<any path>.md` names the clause it translates (`id`) and gives its English
title and body; `en/regles.yaml` gives each rule's English rendering per document;
`en/plans/<document>.yaml` the English title and section titles of an outline. Each
translation records `traduit`, the fingerprint of the French text it was made from: when
the French changes, the fingerprint no longer matches and the English is stale (`stale`),
which `build` reports, `build --final` refuses and `explain` names. Nothing is
translated at run time: a French text with no English is « missing », never guessed.

English clauses keep the French clause's front matter (documents, order, condition,
sources, laws), so an edition selects, orders and numbers exactly what the French does.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import TemplateSyntaxError

from ..diagnostics import Diagnostic, display_path
from ..orgfile.yamlsource import load_yaml, read_text
from .language import Markdown, _carry, contact_card, environment, escape_markdown, link
from .rules import Rule
from .sandbox import bounded_filter
from .schema import Clause, Library, Outline

FOLDER = "en"
LANG = "en-CA"


def fingerprint(text: str) -> str:
    """The fingerprint an English text records of the French it translates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def clause_source(clause: Clause) -> str:
    return f"{clause.meta.title}\n{clause.body}"


def rule_source(rule: Rule, document: str) -> str:
    return rule.meta.rendering(document)


def outline_source(outline: Outline) -> str:
    return "\n".join([outline.title, outline.short_title, *(f"{s.id}: {s.title}" for s in outline.sections)])


# --- English phrasing, for the English templates' filters --------------------------
def english_list(items: list[Any], conjunction: str = "and") -> str:
    """« a, b and c » (no serial comma, as Canadian style mostly writes it); items that hold a comma
    of their own are set apart by semicolons (« a, with b; c; or d »), so none runs into the next."""
    words = [str(i) for i in items]
    if len(words) < 2:
        return words[0] if words else ""
    if any("," in w for w in words):
        return f"{'; '.join(words[:-1])}; {conjunction} {words[-1]}"
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def english_phone(number: str, extension: str | None = None) -> str:
    """« 4504322777 » -> « 450-432-2777 », with « , ext. 22898 »; a long-distance « 1 888 489-2287 » keeps its 1
    (« 1-888-489-2287 »)."""
    digits = re.sub(r"\D", "", number)
    trunk, digits = ("1-", digits[1:]) if len(digits) == 11 and digits[0] == "1" else ("", digits[-10:])
    text = f"{trunk}{digits[:3]}-{digits[3:6]}-{digits[6:]}" if len(digits) == 10 else number
    return text + (f", ext. {extension}" if extension else "")


def english_date(value: Any) -> str:
    return format_date(value, format="MMMM d, y", locale="en_CA")


_CONTACT_LINES = (
    ("courriel", "Email", lambda value, _: link(value, f"mailto:{value}")),
    ("telephone", "Telephone", lambda value, contact: escape_markdown(english_phone(value, contact.get("poste")))),
    ("sans_frais", "Toll-free", lambda value, _: escape_markdown(english_phone(value))),
    ("adresse_web", "Website", lambda value, _: link(value, value)),
    ("politique_web", "Privacy policy", lambda value, _: link(value, value)),
)


def english_card(contact: dict[str, Any]) -> Markdown:
    """A contact card with English labels (« Email: »); the French card gives the title and person lines.
    Office hours are free French text in the file: the English card leaves them out."""
    return contact_card(contact, _CONTACT_LINES, ":")


@cache
def english_environment() -> Any:
    """The clause language with English filters in place of the French ones (same sandbox)."""
    env = environment().overlay()
    env.filters = dict(env.filters)
    ours = dict(liste=english_list, telephone=english_phone, date=english_date, coordonnees=english_card)
    env.filters.update({name: bounded_filter(name, _carry(function)) for name, function in ours.items()})
    return env


# --- The English library ------------------------------------------------------------
@dataclass(frozen=True)
class Translation:
    """Where one English text stands, and the fingerprint of the French it translates."""

    key: str  # « clause netiquette.urgence », « règle blocage (netiquette) », « plan netiquette »
    translated: str
    path: Path
    line: int


@dataclass(frozen=True)
class English:
    clauses: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # id -> (title, body, body line)
    rules: dict[tuple[str, str], str] = field(default_factory=dict)  # (rule id, document) -> text
    outlines: dict[str, dict[str, Any]] = field(default_factory=dict)  # document -> title, short_title, sections
    where: dict[str, Translation] = field(default_factory=dict)  # key -> its place and fingerprint
    paths: dict[str, Path] = field(default_factory=dict)  # clause id -> its English file


def _key(kind: str, ident: str, document: str = "") -> str:
    return f"{kind} {ident}" + (f" ({document})" if document else "")


def load_english(root: Path, problems: list[Diagnostic]) -> English:
    """`root/en/`, or an empty English library when there is none."""
    english = English()
    folder = root / FOLDER
    if not folder.is_dir():
        return english
    for path in sorted((folder / "clauses").rglob("*.md")):
        text, unreadable = read_text(path, display_path(path), "library")
        problems.extend(unreadable)
        parts = text.split("---\n", 2) if text and text.startswith("---\n") else None
        if parts is None or len(parts) < 3:
            problems.append(Diagnostic(display_path(path), 1, "", "La traduction doit commencer par un en-tête "
                                       "YAML entre deux lignes « --- ».", code="library.front-matter"))
            continue
        located, yaml_problems = load_yaml(parts[1], display_path(path), "library")
        problems.extend(yaml_problems)
        data = located.data if located is not None else None
        if not isinstance(data, dict) or not {"id", "title", "traduit"} <= set(data):
            problems.append(Diagnostic(display_path(path), 1, "", "L’en-tête d’une traduction donne « id », "
                                       "« title » et « traduit ».", code="library.schema"))
            continue
        body_line = parts[1].count("\n") + 3
        english.clauses[data["id"]] = (str(data["title"]), parts[2], body_line)
        english.paths[data["id"]] = path
        english.where[_key("clause", data["id"])] = Translation(_key("clause", data["id"]), str(data["traduit"]),
                                                                path, 1)
    rules_path = folder / "regles.yaml"
    if rules_path.is_file():
        text, unreadable = read_text(rules_path, display_path(rules_path), "library")
        problems.extend(unreadable)
        located, yaml_problems = load_yaml(text or "", display_path(rules_path), "library")
        problems.extend(yaml_problems)
        entries = (located.data or {}).get("regles", []) if located and isinstance(located.data, dict) else []
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            line = located.line_of(("regles", index)) or 1
            renderings = {document: rendering for document, rendering in entry.items() if document != "id"} \
                if isinstance(entry, dict) else {}
            if not isinstance(entry, dict) or "id" not in entry or not all(
                    isinstance(r, dict) and {"texte", "traduit"} <= set(r) for r in renderings.values()):
                problems.append(Diagnostic(display_path(rules_path), line, "", "Chaque règle traduite donne son « id » "
                                           "et, pour chaque document, « texte » et « traduit ».", code="library.schema"))
                continue
            for document, rendering in renderings.items():
                key = _key("règle", entry["id"], document)
                english.rules[(entry["id"], document)] = str(rendering["texte"])
                english.where[key] = Translation(key, str(rendering["traduit"]), rules_path,
                                                 located.line_of(("regles", index, "id")) or 1)
    for path in sorted((folder / "plans").glob("*.yaml")):
        text, unreadable = read_text(path, display_path(path), "library")
        problems.extend(unreadable)
        located, yaml_problems = load_yaml(text or "", display_path(path), "library")
        problems.extend(yaml_problems)
        if located is not None and not (isinstance(located.data, dict) and {"id", "traduit"} <= set(located.data)):
            problems.append(Diagnostic(display_path(path), 1, "", "Le plan traduit donne « id » et « traduit ».",
                                       code="library.schema"))
        elif located is not None:
            english.outlines[located.data["id"]] = located.data
            key = _key("plan", located.data["id"])
            english.where[key] = Translation(key, str(located.data["traduit"]), path, 1)
    return english


def current(library: Library, key: str) -> str | None:
    """The fingerprint of the French text a translation key stands for now (None: no such text)."""
    kind, _, rest = key.partition(" ")
    ident, _, document = rest.partition(" (")
    document = document.rstrip(")")
    if kind == "clause":
        clause = next((c for c in library.clauses if c.id == ident), None)
        return fingerprint(clause_source(clause)) if clause else None
    if kind == "règle":
        rule = library.rules.get(ident)
        return fingerprint(rule_source(rule, document)) if rule and document in rule.meta.textes else None
    outline = library.outlines.get(ident)
    return fingerprint(outline_source(outline)) if outline else None


def stale(library: Library, english: English, keys: list[str] | None = None) -> list[Translation]:
    """The translations (of `keys`, or all) whose French has changed since they were made."""
    chosen = english.where.values() if keys is None else [english.where[k] for k in keys if k in english.where]
    return [t for t in chosen if current(library, t.key) != t.translated]


# --- The library as an edition sees it -------------------------------------------------
def clause_keys(clause: Clause, document: str) -> list[str]:
    """The translation keys an edition of `document` needs for `clause`: the clause and its rules."""
    return [_key("clause", clause.id), *(_key("règle", r, document) for r in clause.rules)]


def outline_key(document: str) -> str:
    return _key("plan", document)


@cache
def _compiled(body: str, rule: bool = False) -> Any:
    """An English body compiled once per process (bounded loops, as the French clauses)."""
    env = english_environment()
    return env.from_string(body) if rule else env.template(body)


def english_library(library: Library, english: English, document: str) -> Library:
    """`library` with the English texts of `document` in place of the French (the French kept
    where no English exists: the edition checks `clause_keys` first)."""
    clauses = []
    for clause in library.clauses:
        if clause.id in english.clauses:
            title, body, line = english.clauses[clause.id]
            clause = dataclasses.replace(clause, meta=clause.meta.model_copy(update={"title": title}), body=body,
                                         path=english.paths[clause.id], body_line=line,
                                         template=_compiled(body))
        clauses.append(clause)
    rules = {}
    for rule_id, rule in library.rules.items():
        text = english.rules.get((rule_id, document))
        rules[rule_id] = rule if text is None else dataclasses.replace(
            rule, templates={**rule.templates, document: _compiled(text, rule=True)})
    outlines = dict(library.outlines)
    if (plan := english.outlines.get(document)) is not None:
        outline = library.outlines[document]
        outlines[document] = outline.model_copy(update={
            "title": plan["title"], "short_title": plan["short_title"],
            "sections": [s.model_copy(update={"title": plan["sections"].get(s.id, s.title)})
                         for s in outline.sections]})
    return dataclasses.replace(library, clauses=tuple(clauses), rules=rules, outlines=outlines)


def check_templates(english: English) -> list[Diagnostic]:
    """Every English body and rule compiles in the clause language."""
    found = []
    for ident, (_, body, line) in english.clauses.items():
        try:
            _compiled(body)
        except TemplateSyntaxError as exc:
            found.append(Diagnostic(display_path(english.paths[ident]), line + (exc.lineno or 1) - 1, ident,
                                    f"Le gabarit anglais est invalide : {exc.message}.", code="library.template"))
    for (ident, document), text in english.rules.items():
        try:
            _compiled(text, rule=True)
        except TemplateSyntaxError as exc:
            where = english.where[_key("règle", ident, document)]
            found.append(Diagnostic(display_path(where.path), where.line, f"{ident} ({document})",
                                    f"Le gabarit anglais est invalide : {exc.message}.", code="library.template"))
    return found


# --- Keeping the translations in step (python -m policygen.library.english) ------------
def report(library: Library) -> list[str]:
    """One line per English text whose French has changed or is gone, with the fingerprint it should record."""
    english = library.english or English()
    return [f"{display_path(t.path)}:{t.line}: {t.key} — traduit {t.translated}, français actuel "
            f"{current(library, t.key) or 'absent'}" for t in stale(library, english)]


def sign(library: Library, keys: list[str]) -> list[Path]:
    """Record the current French fingerprint in the translations of `keys` (once a person has
    brought their English up to date). Returns the files rewritten."""
    english, changed = library.english or English(), []
    for path in sorted({english.where[k].path for k in keys if k in english.where}):
        lines, ident, document = path.read_text(encoding="utf-8").split("\n"), "", ""
        for index, line in enumerate(lines):
            if match := re.match(r"^(?:  - )?id: (\S+)", line):
                ident, document = match.group(1), ""
            elif match := re.match(r"^    ([a-z-]+):\s*$", line):
                document = match.group(1)
            elif match := re.match(r"^(\s*)traduit: ", line):
                kind = "règle" if path.name == "regles.yaml" else "plan" if path.parent.name == "plans" else "clause"
                key = _key(kind, ident, document)
                if key in keys and (now := current(library, key)):
                    lines[index] = f"{match.group(1)}traduit: {now}"
        path.write_text("\n".join(lines), encoding="utf-8")
        changed.append(path)
    return changed

