"""The clause library: clause files, document outlines and reference data.

A clause is a Markdown file whose YAML front matter says what it is; its body
is Markdown with Jinja variables. `load_library` reads everything under
`templates/` and lints it, reporting a broken library like a broken
organisation file: every problem, with file and line.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from pydantic import ValidationError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..orgfile.confirm import CLOSE, OPEN
from ..orgfile.validation import schema_diagnostics
from ..orgfile.yamlsource import Located, load_yaml, read_text, read_yaml
from ..resources import TEMPLATES
from .english import check_templates, load_english
from .language import LONG_WORD, environment, long_word_message
from .lint import ORGANISATION_SOURCE, lint, lint_local
from .obligations import OBLIGATIONS_FILE, law_problems, lint_obligations, load_obligations
from .rules import Rule, RuleFile, compile_rule, rule_calls
from .schema import Clause, ClauseMeta, LawEntry, LawFile, Library, Local, Outline, Withdrawals


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None without front matter."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    if not match:
        return None
    return match.group(1), text[match.end():], match.group(0).count("\n") + 1


def _load_clause(path: Path, problems: list[Diagnostic], origin: str = "bibliotheque") -> Clause | None:
    """One clause file; an organisation's own clause may omit `sources` (it is its own source)."""
    display = display_path(path)
    text, unreadable = read_text(path, display, "library")
    problems.extend(unreadable)
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts is None:
        problems.append(Diagnostic(display, 1, "",
                                   "La clause doit commencer par un en-tête YAML entre deux lignes « --- ».",
                                   code="library.front-matter"))
        return None
    front, body, body_line = parts
    if (marker := re.search(f"[{OPEN}{CLOSE}]", text)) is not None:  # would forge a value « à confirmer »
        problems.append(Diagnostic(display, text.count("\n", 0, marker.start()) + 1, "",
                                   f"Caractère réservé à policygen : U+{ord(marker.group()):04X}.",
                                   "Retirez-le ; une valeur à confirmer se marque dans le fichier d’organisation.",
                                   code="library.control"))
        return None
    if (word := LONG_WORD.search(body)) is not None:  # PDF layout slows to minutes on such a word
        problems.append(Diagnostic(display, body_line + body.count("\n", 0, word.start()), "",
                                   long_word_message(word.group()), "Ajoutez les espaces qui manquent.",
                                   code="library.limit"))
        return None
    located, yaml_problems = load_yaml(front, display, "library")
    # the front matter starts on line 2, below its « --- »
    problems.extend(dataclasses.replace(d, line=(d.line or 0) + 1) for d in yaml_problems)
    if located is None or yaml_problems:
        return None
    if origin == "organisation" and isinstance(located.data, dict):
        located.data.setdefault("sources", [{"source": ORGANISATION_SOURCE, "sections": [path.name]}])
    try:
        meta = ClauseMeta.model_validate(located.data)
    except ValidationError as exc:
        problems.extend(schema_diagnostics(exc, located, display, ClauseMeta, "library",
                                           "l’en-tête d’une clause voisine", first_line=2))
        return None
    env = environment()
    at = body_line  # where the part being compiled starts; the front matter starts on line 2
    try:
        template = env.template(body)
        at = (located.line_of(("title",)) or 0) + 1  # a title is a template too: refused here, not when rendered
        env.template(meta.title)
        at = (located.line_of(("when",)) or 0) + 1
        condition = env.compile_expression(meta.when, undefined_to_none=False)
    except TemplateSyntaxError as exc:
        line = at + (exc.lineno or 1) - 1
        problems.append(Diagnostic(display, line, "", f"Gabarit Jinja invalide : {exc.message}",
                                   code="library.template"))
        return None
    return Clause(meta, body, path, body_line, template, condition, located, origin,
                  rules=tuple(dict.fromkeys(rule_calls(env.parse(body)))))


def with_rule_sources(clause: Clause, rules: dict[str, Rule]) -> Clause:
    """The clause with the text of the rules it prints, so what they read counts as read by it."""
    if not clause.rules:
        return clause
    texts = tuple(rules[r].meta.rendering(d) for r in clause.rules if r in rules for d in rules[r].meta.textes)
    return dataclasses.replace(clause, rule_sources=texts)


def _load_rules(path: Path, problems: list[Diagnostic]) -> dict[str, Rule]:
    """The rulebook (templates/data/regles.yaml); an id used twice is an error."""
    if not path.is_file():
        return {}
    located = _read_located(path, problems)
    if located is None:
        return {}
    try:
        entries = RuleFile.model_validate(located.data or {}).regles
    except ValidationError as exc:
        problems.extend(schema_diagnostics(exc, located, display_path(path), RuleFile, "library",
                                           "une autre règle de templates/data/regles.yaml"))
        return {}
    rules: dict[str, Rule] = {}
    for index, meta in enumerate(entries):
        line = located.line_of(("regles", index, "id"))
        if meta.id in rules:
            problems.append(Diagnostic(display_path(path), line, meta.id, "Identifiant de règle déjà utilisé.",
                                       code="library.duplicate"))
            continue
        try:
            rules[meta.id] = compile_rule(meta, line or 1)
        except TemplateSyntaxError as exc:
            problems.append(Diagnostic(display_path(path), line, meta.id,
                                       f"Gabarit Jinja invalide dans la règle : {exc.message}",
                                       code="library.template"))
    return rules


def _read_located(path: Path, problems: list[Diagnostic]) -> Located | None:
    located, yaml_problems = read_yaml(path, display_path(path), "library")
    problems.extend(yaml_problems)
    return located


def _read_data(path: Path, problems: list[Diagnostic]) -> Any:
    located = _read_located(path, problems)
    return None if located is None else located.data


def _valid_law(entry: Any) -> LawEntry | None:
    """One entry of a lois.yaml that failed as a whole: kept if it is valid by itself,
    so one faulty law does not make every clause citing the others fail too."""
    try:
        return LawEntry.model_validate(entry)
    except ValidationError:
        return None


def _load_laws(path: Path, problems: list[Diagnostic], domain: str = "library",
               known: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """The laws of a lois.yaml file, checked against `LawEntry` (located errors);
    an id already in `known` (the library's laws) is an error."""
    located, yaml_problems = read_yaml(path, display_path(path), domain)
    problems.extend(yaml_problems)
    if located is None or yaml_problems:
        return {}
    if not isinstance(located.data or {}, dict):
        problems.append(Diagnostic(display_path(path), 1, "", "Le fichier doit commencer par la clé « lois: », "
                                   "suivie de la liste des lois.", "Voir l’exemple de README.md.",
                                   code=f"{domain}.schema"))
        return {}
    try:
        laws = LawFile.model_validate(located.data or {}).lois
    except ValidationError as exc:
        problems.extend(schema_diagnostics(exc, located, display_path(path), LawFile, domain,
                                           "une autre entrée de templates/data/lois.yaml"))
        entries = (located.data or {}).get("lois")
        laws = [law for entry in (entries if isinstance(entries, list) else []) if (law := _valid_law(entry))]
    for index, law in enumerate(laws):
        if law.id in (known or {}):
            problems.append(Diagnostic(display_path(path), located.line_of(("lois", index, "id")), "lois.id",
                                       f"La bibliothèque a déjà une loi « {law.id} ».",
                                       "Nommez-la dans fondements.lois sans la redéfinir, "
                                       "ou donnez un autre identifiant à la vôtre.", code=f"{domain}.law"))
    return {law.id: {**law.model_dump(), "le": law.le} for law in laws}  # the title with its article


def load_library(root: Path = TEMPLATES) -> Library:
    """Load and lint the whole library under `root`; cached per process, by the folder itself (the
    default and an explicit `TEMPLATES` are one entry, not two loads of ~1.1 s)."""
    return _load_library(Path(root).resolve())


@cache
def _load_library(root: Path) -> Library:
    problems: list[Diagnostic] = []
    outlines: dict[str, Outline] = {}
    for path in sorted((root / "outlines").glob("*.yaml")):
        data = _read_located(path, problems)
        if data is None:
            continue
        try:
            outline = Outline.model_validate(data.data)
        except ValidationError as exc:
            problems.extend(schema_diagnostics(exc, data, display_path(path), Outline, "library",
                                               "un autre plan de templates/outlines/"))
            continue
        outlines[outline.id] = outline
    data_dir = root / "data"
    rules = _load_rules(data_dir / "regles.yaml", problems)
    clauses = [with_rule_sources(c, rules) for p in sorted((root / "clauses").rglob("*.md"))
               if (c := _load_clause(p, problems))]
    sources = (_read_data(data_dir / "sources.yaml", problems) or {}).get("sources", [])
    laws = _load_laws(data_dir / "lois.yaml", problems)
    terms = _read_data(data_dir / "termes.yaml", problems) or {}
    version = str((_read_data(data_dir / "bibliotheque.yaml", problems) or {}).get("version", "0"))
    obligations, lines = load_obligations(data_dir / OBLIGATIONS_FILE, problems)
    english = load_english(root, problems)
    problems.extend(check_templates(english))
    library = Library(tuple(sorted(clauses, key=lambda c: c.id)), outlines, sources, laws, terms, version, rules,
                      tuple(obligations.obligations), english)
    problems.extend(lint(library))
    if (data_dir / OBLIGATIONS_FILE).is_file():
        problems.extend(lint_obligations(library, obligations, lines, data_dir / OBLIGATIONS_FILE))
    if problems:
        raise DiagnosticError(problems)
    return library


load_library.cache_clear = _load_library.cache_clear  # type: ignore[attr-defined]  # a library edited in place


def organisation_folder(organisation_file: Path) -> Path:
    """organisations/ocq.yaml -> organisations/ocq/: the organisation's own laws and clauses."""
    return organisation_file.with_suffix("")


def _as_organisation(problem: Diagnostic, code: str) -> Diagnostic:
    """A problem in the organisation's own folder is the organisation's to fix (exit 3), not the library's."""
    if problem.code.startswith("io."):
        return problem
    return dataclasses.replace(problem, code="organisation.limit" if problem.code.endswith(".limit") else code)


LAWS_FILE, CLAUSES, WITHDRAWALS = "lois.yaml", "clauses", "retire.yaml"
MAX_OWN_CLAUSES = 100  # each may write a few pages: more would not make a document anyone reads


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root)


def own_files(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The files of an organisation's folder that policygen reads — lois.yaml, obligations.yaml, clauses/*.md
    (`MAX_OWN_CLAUSES` at most), clauses/retire.yaml — and the refusal of any that resolves
    outside the folder.

    The folder is on a shared drive: a link in it to a file elsewhere (another body's
    files, a system file) is refused, never read, and its content never printed. A
    link that stays inside is followed, and the files listed here are exactly those
    read, so the build cache hashes what the documents are made of."""
    if folder.name in ("", ".", "..") or not folder.is_dir():  # « ...yaml » has no folder of its own
        return [], []
    root = folder.parent.resolve() / folder.name
    if folder.resolve() != root:  # the folder itself is a link elsewhere
        return [], [_outside(folder)]
    clauses = folder / CLAUSES
    candidates = [folder / LAWS_FILE, folder / OBLIGATIONS_FILE]
    too_many = []
    if _inside(clauses, root) and clauses.is_dir():
        own = sorted(clauses.glob("*.md"))
        if len(own) > MAX_OWN_CLAUSES:
            own, too_many = [], [Diagnostic(display_path(clauses), None, "",
                                            f"Le dossier compte {len(own)} clauses ; il en faut au plus "
                                            f"{MAX_OWN_CLAUSES}.", "Regroupez ou retirez des clauses.",
                                            code="organisation.limit")]
        candidates += own + [clauses / WITHDRAWALS]
    elif clauses.is_symlink() or clauses.exists():
        candidates.append(clauses)
    present = [path for path in candidates if path.exists() or path.is_symlink()]
    return ([path for path in present if _inside(path, root)],
            too_many + [_outside(path) for path in present if not _inside(path, root)])


def _outside(path: Path) -> Diagnostic:
    return Diagnostic(display_path(path), None, "", "Ce lien mène hors du dossier de l’organisme : il n’est pas lu.",
                      "Copiez le fichier lui-même dans le dossier de l’organisme, à la place du lien.",
                      code="organisation.clause")


def _own_obligations(path: Path, files: list[Path], laws: dict[str, Any], library: Library,
                     problems: list[Diagnostic]) -> tuple[Any, ...]:
    """The obligations the body's own laws add (its obligations.yaml, in the form of the library's)."""
    if path not in files:
        return ()
    found: list[Diagnostic] = []
    data, lines = load_obligations(path, found)
    taken = {o.id for o in library.obligations}
    for obligation in data.obligations:
        found += law_problems(obligation, laws, display_path(path), lines.get(obligation.id))
        if obligation.id in taken:
            found.append(Diagnostic(display_path(path), lines.get(obligation.id), "obligations.id",
                                    f"La bibliothèque a déjà une obligation « {obligation.id} ».",
                                    "Donnez un autre identifiant à la vôtre.", code="library.obligation"))
    problems += [_as_organisation(p, "organisation.law") for p in found]
    return tuple(data.obligations)


def load_local(folder: Path, library: Library) -> Local:
    """The organisation's own laws (lois.yaml) and clauses (clauses/*.md, clauses/retire.yaml),
    linted against `library`; a small step on top of the shared, cached library."""
    files, problems = own_files(folder)
    if not files and not problems:
        return Local()
    laws_file, retire_file = folder / LAWS_FILE, folder / CLAUSES / WITHDRAWALS
    law_problems: list[Diagnostic] = []
    laws = _load_laws(laws_file, law_problems, "organisation", library.laws) if laws_file in files else {}
    problems += [_as_organisation(p, "organisation.law") for p in law_problems]
    clause_problems: list[Diagnostic] = []
    clauses = tuple(with_rule_sources(c, library.rules) for p in files
                    if p.suffix == ".md" and (c := _load_clause(p, clause_problems, "organisation")))
    withdrawn: tuple[str, ...] = ()
    retire_located = _read_located(retire_file, clause_problems) if retire_file in files else None
    if retire_located is not None:
        try:
            withdrawn = tuple(Withdrawals.model_validate(retire_located.data or {}).retire)
        except ValidationError as exc:
            clause_problems.extend(schema_diagnostics(exc, retire_located, display_path(retire_file), Withdrawals,
                                                      "library", "l’exemple de README.md"))
    obligations = _own_obligations(folder / OBLIGATIONS_FILE, files, {**library.laws, **laws}, library, problems)
    local = Local(laws, clauses, withdrawn, obligations)
    clause_problems.extend(lint_local(local, library, retire_file, retire_located))
    problems += [_as_organisation(p, "organisation.clause") for p in clause_problems]
    if problems:
        raise DiagnosticError(problems)
    return local
