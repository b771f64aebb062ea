"""`policygen check --migrer`: a file written for an earlier form, rewritten in the current one.

The file is rewritten line by line, so every value and comment stays where it was:
renamed keys move into their new section (`renames.RENAMED`), a category of people
typed alone (the first edition's form) gets the regime its words suggest, and the
keys that now matter (`sante_quebec` for an établissement) are added. What the tool
guesses is marked « (à confirmer) », so `check` and `build` accept the new file
while `build --final` refuses it until a person has decided; each decision is listed.
A comment that called a value « plausible » or « à valider » is pointed out: that is
what « (à confirmer) » now says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, display_path, os_reason
from ..french import french_list
from .advice import regime_of
from .confirm import MENTION
from .renames import ARTICLE, RENAMED
from .schema import REGIMES
from .yamlsource import Located, read_yaml

_DOUBTFUL = re.compile(r"#.*\b(plausibles?|à valider|a valider|à vérifier|hypoth[eè]se|PLAUSIBLE)\b", re.I)
_ENGLISH = re.compile(r"\b(english|anglophones?|anglais|bilingue|jewish|st\.? mary|mcgill)\b", re.I)


@dataclass(frozen=True)
class Migration:
    """The file in the current form, and what a person has to decide (French, with lines)."""

    text: str
    decisions: list[str]


def _split_comment(line: str) -> tuple[str, str]:
    """(the line without its comment, the comment with its spaces) — a « # » inside a value is rare
    in these files and always after a space when it starts a comment."""
    match = re.search(r"\s+#", line)
    return (line[:match.start()], line[match.start():]) if match else (line, "")


def migrate(text: str, located: Located, display: str) -> Migration:
    """`text` (the file, read into `located`) in the current form, with the decisions left."""
    lines = text.splitlines()
    data = located.data if isinstance(located.data, dict) else {}
    ident = data.get("organisation") if isinstance(data.get("organisation"), dict) else {}
    decisions: list[str] = []
    replaced: dict[int, list[str]] = {}   # line index -> its new lines
    moved: list[str] = []                 # lines for the `vocabulaire` section

    for old, new in RENAMED.items():
        section, key = old.split(".")
        if section == "organisation" and key in ident and (line := located.lines.get(("organisation", key))):
            value = ARTICLE.get(old, "") + str(ident[key])
            comment = _split_comment(lines[line - 1])[1]
            replaced[line - 1] = []
            moved.append(f"  {new.split('.')[1]}: {value}{comment}")
            decisions.append(f"{display}:{line} : « {old} » s’appelle maintenant « {new} » ; "
                             f"sa valeur y est reprise (« {value} »).")

    for index, person in enumerate(data.get("personnes_visees") or []):
        line = located.lines.get(("personnes_visees", index))
        if not isinstance(person, str) or line is None:
            continue
        body, comment = _split_comment(lines[line - 1])
        indent = body[:len(body) - len(body.lstrip())]
        suggested = regime_of(person, ident.get("type") == "ordre_professionnel")
        regime = suggested or "employeur"
        replaced[line - 1] = [f"{indent}- categorie: {body.strip()[1:].strip()}{comment}",
                              f"{indent}  regime: {regime} {MENTION}"]
        why = "" if suggested else ", aucun de ses mots n’en suggérant un"
        decisions.append(f"{display}:{line} : « {person} » — régime proposé « {regime} » (à confirmer){why} : "
                         f"{french_list(list(REGIMES), 'ou')} (README, « Qui est visé, et comment »).")

    if ident.get("type") == "etablissement_sante" and "sante_quebec" not in ident:
        line = located.lines.get(("organisation", "type"))
        if line is not None:
            replaced.setdefault(line - 1, [lines[line - 1]]).append(f"  sante_quebec: oui {MENTION}")
            decisions.append(f"{display}:{line} : « organisation.sante_quebec » est ajoutée : oui pour un "
                             "établissement de Santé Québec (CISSS, CIUSSS, établissement non fusionné), "
                             "non pour un établissement privé ; Santé Québec est alors l’employeur.")

    netiquette = data.get("netiquette") if isinstance(data.get("netiquette"), dict) else {}
    if "langues" not in netiquette and _ENGLISH.search(text):
        decisions.append(f"{display} : l’organisme semble servir aussi une population anglophone : dites dans "
                         "« netiquette.langues » les langues des commentaires acceptés (par exemple "
                         "[français, anglais]).")

    for number, line in enumerate(lines, 1):
        if _DOUBTFUL.search(line) and not line.lstrip().startswith("#"):
            decisions.append(f"{display}:{number} : le commentaire dit cette valeur incertaine "
                             f"(« {_split_comment(line)[1].strip()} ») : écrivez « {MENTION} » après elle "
                             "jusqu’à ce qu’elle soit confirmée.")

    out: list[str] = []
    for index, line in enumerate(lines):
        if moved and line.startswith("roles:") and "vocabulaire" not in data:
            out += ["# Les mots de l’organisme (clés déplacées par « policygen check --migrer »).",
                    "vocabulaire:", *moved, ""]
            moved = []
        out += replaced.get(index, [line])
    if moved:  # no `roles:` line to stand before, or a `vocabulaire` of its own: at the end
        out += ["", "vocabulaire:", *moved] if "vocabulaire" not in data else []
        if "vocabulaire" in data:
            decisions.append(f"{display} : le fichier a déjà une section « vocabulaire » : ajoutez-y "
                             + " ; ".join(m.strip() for m in moved) + ".")
    return Migration("\n".join(out) + "\n", decisions)


def target(path: Path) -> Path:
    """Where the migrated file is written: beside the old one."""
    return path.with_name(f"{path.stem}-migre{path.suffix}")


def migrate_file(path: Path) -> tuple[Path | None, list[str], list[Diagnostic]]:
    """Write `path` migrated beside it: (the new file, the decisions left, problems that stopped it)."""
    display = display_path(path)
    located, problems = read_yaml(path, display)
    if located is None or problems:
        return None, [], problems
    new = target(path)
    migration = migrate(path.read_text(encoding="utf-8"), located, display)
    try:
        with open(new, "x", encoding="utf-8") as file:  # never over a file, never through a link
            file.write(migration.text)
    except OSError as exc:
        return None, [], [Diagnostic(display_path(new), None, "", f"Impossible d’écrire le fichier migré : "
                                     f"{os_reason(exc)}.", "Déplacez ou supprimez ce fichier, puis relancez.",
                                     code="io.write")]
    folder = path.with_suffix("")
    if folder.is_dir():
        migration.decisions.append(f"{display_path(new)} : renommez-le {path.name} une fois les décisions prises : "
                                   f"le dossier {display_path(folder)}/ de ses lois et clauses suit le nom du fichier.")
    return new, migration.decisions, []
