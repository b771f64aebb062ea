"""Checks on the clause library as a whole, run every time it is loaded.

Each problem points at the line of the front-matter value at fault (the body's
first line for what the body reads).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Diagnostic, display_path
from ..orgfile.validation import suggest
from ..orgfile.yamlsource import Located
from .budget import lint_budgets
from .context import context_schema, path_exists
from .language import environment, referenced_paths
from .reads import FILE_SECTIONS  # fields read from the file must be declared; derived names need not
from .schema import Clause, Library, Local

ORGANISATION_SOURCE = "organisation"  # the source of an organisation's own clause: itself
RULEBOOK = "templates/data/regles.yaml"
# The laws an ordre may hold its members to for their own speech: the Code des professions and the
# codes de déontologie made under it (C. prof. art. 87). A politique adopted by the ordre's board
# can remind members of them; it cannot add to them.
MEMBER_LAWS = "code-professions"
DEONTOLOGY_LAWS = "code-deontologie-"
BINDING = ("doit", "ne doit pas")
# How the politique's third person says advice; a rule « il est recommandé » whose text says none of
# these reads as a duty (the privacy-settings rule read « Toute personne visée règle… »).
ADVICE = re.compile(r"recommand|conseill|invitée? à|mieux vaut|préférable")


def _lint_clause(clause: Clause, library: Library, schema: dict) -> list[Diagnostic]:
    where = display_path(clause.path)
    meta = clause.meta
    problems: list[Diagnostic] = []

    def report(code: str, at: tuple[str | int, ...], message: str) -> None:
        """`at`: the front-matter value at fault; ("corps",) for the body."""
        line = clause.body_line if at == ("corps",) else clause.line_of(at)
        problems.append(Diagnostic(where, line, f"{meta.id}: {at[0]}", message, code=code))

    for document, section in meta.documents.items():
        outline = library.outlines.get(document)
        if outline is None:
            report("library.document", ("documents", document),
                   f"Document inconnu « {document} » ; connus : {', '.join(sorted(library.outlines))}.")
        elif section not in {s.id for s in outline.sections}:
            report("library.document", ("documents", document),
                   f"Le plan « {document} » n’a pas de section « {section} ».")

    env = environment()
    declared = [tuple(v.split(".")) for v in meta.variables]
    for index, variable in enumerate(declared):
        if not path_exists(schema, variable):
            report("library.variable", ("variables", index),
                   f"« {'.'.join(variable)} » n’existe pas dans le modèle d’organisation.")
    body_paths = referenced_paths(env.parse(clause.body))
    for path in sorted(body_paths):
        dotted = ".".join(path)
        if not path_exists(schema, path):
            report("library.variable", ("corps",),
                   f"Le gabarit lit « {dotted} », qui n’existe pas dans le modèle d’organisation.")
        elif path[0] in FILE_SECTIONS and not any(path[:len(d)] == d for d in declared):
            report("library.variable", ("variables",),
                   f"Le gabarit lit « {dotted} » sans le déclarer dans « variables ».")
    for at, part, source in (("title", "Le titre", meta.title), ("when", "La condition", f"{{{{ {meta.when} }}}}")):
        for path in sorted(referenced_paths(env.parse(source))):
            if not path_exists(schema, path):
                report("library.variable", (at,),
                       f"{part} lit « {'.'.join(path)} », qui n’existe pas dans le modèle d’organisation.")

    own = clause.origin == ORGANISATION_SOURCE  # an organisation's clause may name itself as its source
    _check_sources([(i, r) for i, r in enumerate(meta.sources) if not (own and r.source == ORGANISATION_SOURCE)],
                   library, report, ("sources",))
    _check_laws(meta.legal, library, report, ("legal",), clause.origin == ORGANISATION_SOURCE)
    _check_rule_uses(clause, library, report)
    _check_lists(clause.body, lambda message: report("library.list", ("corps",), message))
    return problems


def _check_sources(refs, library: Library, report, at: tuple) -> None:
    """Each source and section named must be in sources.yaml; `refs`: (index in the file, reference)."""
    sources = {s["id"]: {sec["id"] for sec in s.get("sections", [])} for s in library.sources}
    for index, ref in refs:
        if ref.source not in sources:
            report("library.source", (*at, index, "source"), f"Source inconnue « {ref.source} ».")
            continue
        for position, section in enumerate(ref.sections):
            if section not in sources[ref.source]:
                report("library.source", (*at, index, "sections", position),
                       f"La source {ref.source} n’a pas de section « {section} ».")


def _check_laws(refs, library: Library, report, at: tuple, local: bool = False) -> None:
    for index, ref in enumerate(refs):
        law = library.laws.get(ref.law)
        if law is None:
            report("library.law", (*at, index, "law"),
                   f"Loi inconnue « {ref.law} » (voir templates/data/lois.yaml"
                   + (" et le lois.yaml de l’organisme)." if local else ")."))
            continue
        known = {str(a) for a in (law.get("articles") or {})}
        for position, article in enumerate(ref.articles):
            if article not in known:
                report("library.law", (*at, index, "articles", position),
                       f"L’article {article} n’est pas répertorié pour « {ref.law} ».")


# A list item that swallowed the next one (« …;- autre motif », « ; ; »): a Markdown slip. A list
# item ending with a block tag (« …;{% if x %} ») swallows the next line too: the environment's
# trim_blocks removes the newline after it.
_SWALLOWED = re.compile(r";\s*-\s|;\s*;|%\}\s*$")


# Punctuation the reading found doubled or glued to a printed value: « … ; ; » across a tag, or
# « {{ ';' }} » after a value (« (à confirmer); »: no space where OQLF wants one before « ; »).
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_DOUBLED = re.compile(r";\s*;")
_GLUED = re.compile(r"""\{\{[^}]*['"][;!?][^}]*\}\}""")


# Text ending with a block tag, before an empty line: trim_blocks eats the newline, and the next
# paragraph joins this one. « +%} » keeps it.
_PARAGRAPH_EATEN = re.compile(r"\S.*?[^+]%\}\s*$")


def _check_lists(markdown: str, report) -> None:
    lines = markdown.splitlines()
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("- ", "* ", "> - ")) and _SWALLOWED.search(line):
            report(f"Un élément de liste en contient un autre : « {line.strip()[:60]}… » ; mettez chaque "
                   "élément sur sa ligne, et une balise {% if %} ou {% endif %} seule sur la sienne.")
        elif _DOUBLED.search(_TAGS.sub("", line)):
            report(f"Deux points-virgules de suite : « {line.strip()[:60]}… » ; n’en gardez qu’un.")
        elif _GLUED.search(line):
            report(f"Un « ; », « ! » ou « ? » imprimé par une balise sans espace avant lui : « {line.strip()[:60]}… » ; "
                   "écrivez « ' ;' » (l’espace devient une espace fine insécable).")
        elif (_PARAGRAPH_EATEN.match(line) and not line.lstrip().startswith("{%")
              and index + 1 < len(lines) and not lines[index + 1].strip()):
            report(f"Le paragraphe « …{line.strip()[-50:]} » absorbe le suivant : la balise finale mange le "
                   "saut de ligne ; terminez-la par « +%} ».")


def _check_rule_uses(clause: Clause, library: Library, report) -> None:
    """Each rule the clause prints exists, speaks in the voice of each of its documents,
    and binds every reader of the clause: no employer duty addressed to everyone, no
    member's duty in the public nétiquette."""
    for rule_id in clause.rules:
        rule = library.rules.get(rule_id)
        if rule is None:
            report("library.rule", ("corps",), f"Règle inconnue « {rule_id} » (voir templates/data/regles.yaml)."
                   + (f" {hint}" if (hint := suggest(rule_id, sorted(library.rules))) else ""))
            continue
        for document in clause.meta.documents:
            outline = library.outlines.get(document)
            if outline is None:
                continue
            if document not in rule.meta.textes:
                report("library.rule", ("corps",),
                       f"La règle « {rule_id} » n’a pas de texte pour le document « {document} ».")
            unbound = [r for r in clause.readers(outline) if r not in rule.meta.regimes]
            if unbound:
                report("library.rule", ("destinataires",) if clause.meta.destinataires else ("corps",),
                       f"La règle « {rule_id} » ne lie pas {', '.join(unbound)} : elle lie seulement "
                       f"{', '.join(rule.meta.regimes)}. Elle ne peut figurer dans une clause qui s’adresse "
                       "à ces personnes ; restreignez les destinataires de la clause ou ceux de la règle.")


def _lint_rules(library: Library, schema: dict) -> list[Diagnostic]:
    """The rulebook itself: documents, bases, values read and lists of every rule."""
    problems: list[Diagnostic] = []
    env = environment()
    for rule in library.rules.values():
        meta = rule.meta

        def report(code: str, at: tuple, message: str, rule=rule) -> None:
            problems.append(Diagnostic(RULEBOOK, rule.line, f"{rule.id}: {at[0]}", message, code=code))

        for document in meta.textes:
            if document not in library.outlines:
                report("library.document", ("textes",), f"Document inconnu « {document} ».")
        _check_sources(list(enumerate(meta.fondement.sources)), library, report, ("fondement", "sources"))
        _check_laws(meta.fondement.lois, library, report, ("fondement", "lois"))
        declared = [tuple(v.split(".")) for v in meta.valeurs]
        for variable in declared:
            if not path_exists(schema, variable):
                report("library.variable", ("valeurs",), f"« {'.'.join(variable)} » n’existe pas dans le modèle d’organisation.")
        for document in meta.textes:
            text = meta.rendering(document)
            for path in sorted(referenced_paths(env.parse(text))):
                dotted = ".".join(path)
                if not path_exists(schema, path):
                    report("library.variable", ("textes",), f"Le texte « {document} » lit « {dotted} », "
                           "qui n’existe pas dans le modèle d’organisation.")
                elif path[0] in FILE_SECTIONS and not any(path[:len(d)] == d for d in declared):
                    report("library.variable", ("valeurs",),
                           f"Le texte « {document} » lit « {dotted} » sans le déclarer dans « valeurs ».")
            _check_lists(text, lambda message: report("library.list", ("textes",), message))
        _check_member_duty(meta, report)
        if meta.force == "il est recommandé" and "politique" in meta.textes and not ADVICE.search(meta.textes["politique"]):
            report("library.rule", ("textes",),
                   f"La règle « {meta.id} » est une recommandation, mais son texte de la politique se lit comme un devoir : "
                   "dites-le (« il est recommandé », « mieux vaut »…) ou changez sa force.")
    return problems


def _check_member_duty(meta, report) -> None:
    """A duty or prohibition that binds an ordre's members rests on their code or the Code des
    professions (a reminder), unless it binds only on the body's own pages or when acting for it."""
    if "membre" not in meta.regimes or meta.force not in BINDING or meta.portee == "tribunes":
        return
    if any(ref.law == MEMBER_LAWS or ref.law.startswith(DEONTOLOGY_LAWS) for ref in meta.fondement.lois):
        return
    report("library.rule", ("fondement",),
           f"La règle « {meta.id} » (« {meta.force} ») lie les membres d’un ordre sans reposer sur le Code des "
           "professions ni sur un code de déontologie : un ordre ne peut que leur rappeler ces devoirs. Citez "
           "l’article qui la fonde (fondement.lois), limitez-la aux tribunes de l’organisme et à qui agit en son "
           "nom (portee : tribunes), ou retirez « membre » de ses régimes.")


def _duplicates(clauses: tuple[Clause, ...]) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    seen: dict[str, Clause] = {}
    for clause in clauses:
        if clause.id in seen:
            problems.append(Diagnostic(display_path(clause.path), clause.line_of(("id",)), clause.id,
                                       f"Identifiant déjà utilisé par {display_path(seen[clause.id].path)}.",
                                       code="library.duplicate"))
        seen[clause.id] = clause
    return problems


def lint(library: Library) -> list[Diagnostic]:
    problems = _duplicates(library.clauses)
    schema = context_schema(library)
    for clause in library.clauses:
        problems.extend(_lint_clause(clause, library, schema))
    problems.extend(_lint_rules(library, schema))
    problems.extend(lint_budgets(library))
    if not library.outlines:  # the documents a library writes are its outlines, whatever their number
        problems.append(Diagnostic("outlines", None, "", "La bibliothèque n’a aucun plan de document (outlines/*.yaml).",
                                   code="library.outline"))
    return problems


def lint_local(local: Local, library: Library, retire_file: Path, retire: Located | None) -> list[Diagnostic]:
    """An organisation's own clauses, linted like the library's over the library they join;
    `remplace` and `retire` must name clauses of the library."""
    problems: list[Diagnostic] = []
    known = sorted(c.id for c in library.clauses)
    for index, clause_id in enumerate(local.withdrawn):
        if clause_id not in known:
            problems.append(Diagnostic(display_path(retire_file), retire.line_of(("retire", index)) if retire else None,
                                       f"retire[{index + 1}]",
                                       f"La bibliothèque n’a pas de clause « {clause_id} » à retirer.",
                                       suggest(clause_id, known) or "Les identifiants sont dans « policygen explain ».",
                                       code="library.document"))
    for clause in local.clauses:
        replaced = clause.meta.remplace
        if replaced is not None and replaced not in known:
            problems.append(Diagnostic(display_path(clause.path), clause.line_of(("remplace",)),
                                       f"{clause.id}: remplace",
                                       f"La bibliothèque n’a pas de clause « {replaced} » à remplacer.",
                                       suggest(replaced, known) or "Les identifiants sont dans « policygen explain ».",
                                       code="library.document"))
    layered = local.layered(library)
    schema = context_schema(layered)
    ours = {c.path for c in local.clauses}
    problems += [p for p in _duplicates(layered.clauses) if any(p.path == display_path(o) for o in ours)]
    for clause in local.clauses:
        problems.extend(_lint_clause(clause, layered, schema))
    return problems
