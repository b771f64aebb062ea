"""Validate an organisation file and explain every problem in French.

pydantic reports all errors at once with their paths; this module turns each
into a `Diagnostic` with the line from the YAML file, what was expected, what
was found, and a « vouliez-vous dire … ? » suggestion where one fits.
`schema_diagnostics` does the same for any schema: the library uses it for
clause front matter and outlines.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..french import hour, long_date
from .renames import apply_renames
from .schema import OrganisationFile
from .weekdays import fold
from .yamlsource import Located, dotted, read_yaml

# Where the README shows each required contact, for « ajoutez-le » hints.
_CONTACTS_EXAMPLE = "l’exemple de README.md#les-contacts (section « Les contacts »)"


def _shown(value: Any) -> str:
    if value is None:
        return "une valeur vide"
    if isinstance(value, bool):
        return "« oui »" if value else "« non »"
    if isinstance(value, dict):
        return "une liste de clés (section)"
    if isinstance(value, list):
        return "une liste"
    return f"« {value} »"


def _alternatives(words: list[str]) -> str:
    quoted = [f"« {w} »" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " ou " + quoted[-1]


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"Vouliez-vous dire « {close[0]} » ?" if close else ""


def _unwrap(annotation: Any) -> Any:
    """The model class inside `X | None`, `list[X]` or `Annotated[X, …]`, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
    return annotation


def model_at(path: tuple[str | int, ...], root: type[BaseModel] = OrganisationFile) -> type[BaseModel] | None:
    """The schema class that describes the mapping at `path`."""
    model: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)) or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _choices(annotation: Any) -> tuple[str, ...]:
    """The values of a `Literal` field (inside `Annotated`, `X | None`), or ()."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return tuple(str(v) for v in typing.get_args(annotation))
    if origin is typing.Annotated:
        return _choices(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return tuple(v for arg in typing.get_args(annotation) for v in _choices(arg))
    return ()


def fold_choices(data: Any, model: type[BaseModel]) -> Any:
    """`data` with every choice written as the schema spells it, whatever its case and accents.

    « Féminin », « feminin » and « féminin » all stand for `féminin`; « privé » for `prive`;
    « Ordre professionnel » for `ordre_professionnel`. A value that matches no choice is
    left as typed, for the schema to report.
    """
    if not isinstance(data, dict):
        return data
    result = dict(data)
    for key, value in data.items():
        field = model.model_fields.get(key) if isinstance(key, str) else None
        if field is None:
            continue
        choices = {fold(c).replace(" ", "_").replace("-", "_"): c for c in _choices(field.annotation)}
        inner = _unwrap(field.annotation)
        if choices and isinstance(value, str):
            result[key] = choices.get(fold(value).replace(" ", "_").replace("-", "_"), value)
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            result[key] = ([fold_choices(item, inner) for item in value] if isinstance(value, list)
                           else fold_choices(value, inner))
    return result


_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_problem(found: Any) -> tuple[str, str] | None:
    """A precise (message, hint) for a date typed another way, or that does not exist."""
    text = str(found).strip()
    if match := _DATE_ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            return (f"Le mois {month} n’existe pas (« {text} »).",
                    "Écrivez la date au format AAAA-MM-JJ, le mois entre 01 et 12.")
        if _valid(year, month, day) is None:
            last = calendar.monthrange(year, month)[1]
            month_name = long_date(dt.date(year, month, 1)).split(" ", 1)[1]
            return (f"Cette date n’existe pas : « {text} » ({month_name} n’a que {last} jours).",
                    f"Vérifiez le jour : le dernier jour du mois est {year}-{month:02d}-{last:02d}.")
        return None
    if match := _DATE_DMY.match(text):
        first, second, year = (int(g) for g in match.groups())
        readings = [d for d in (_valid(year, second, first), _valid(year, first, second)) if d]
        expected = f"Une date au format AAAA-MM-JJ était attendue ; trouvé : « {text} »."
        if not readings or readings[0] == readings[-1]:
            return expected, f"Vouliez-vous dire {readings[0].isoformat()} ?" if readings else ""
        return expected, (f"Vouliez-vous dire {readings[0].isoformat()} ({long_date(readings[0])}) "
                          f"ou {readings[1].isoformat()} ({long_date(readings[1])}) ?")
    return None


_DATE_ERRORS = {"date_type", "date_parsing", "date_from_datetime_parsing"}

_FIXED = {
    "string_type": "Du texte était attendu.",
    "int_parsing": "Un nombre entier était attendu.",
    "int_type": "Un nombre entier était attendu.",
    "int_from_float": "Un nombre entier était attendu.",
    "bool_parsing": "« oui » ou « non » était attendu.",
    "bool_type": "« oui » ou « non » était attendu.",
    "list_type": "Une liste était attendue (une ligne par élément, chacune commençant par « - »).",
    "model_type": "Une section était attendue (des clés indentées sous celle-ci).",
    "dict_type": "Une section était attendue (des clés indentées sous celle-ci).",
    "date_type": "Une date au format AAAA-MM-JJ était attendue (par exemple 2018-04-27).",
    "date_parsing": "Une date au format AAAA-MM-JJ était attendue (par exemple 2018-04-27).",
    "date_from_datetime_parsing": "Une date au format AAAA-MM-JJ était attendue (par exemple 2018-04-27).",
    "date_from_datetime_inexact": "Une date sans heure était attendue (AAAA-MM-JJ).",
    "heure_invalide": "Une heure était attendue, par exemple « 8 h 30 » ou « 16:30 ».",
    "courriel_invalide": "Une adresse courriel était attendue, par exemple « communications@exemple.qc.ca ».",
    "telephone_invalide": "Un numéro de téléphone à dix chiffres était attendu, par exemple « 450 432-2777 » "
                          "(le poste va dans le champ « poste »).",
    "url_invalide": "Une adresse Web complète était attendue, commençant par « https:// ».",
    "string_pattern_mismatch": "Cette valeur n’a pas la forme attendue.",
    "personne_sans_regime": "Chaque personne visée s’écrit avec sa catégorie et son régime : "
                            "« - categorie: les membres » puis, en dessous, « regime: membre » "
                            "(voir « Qui est visé, et comment » dans README.md).",
}


def expected(error_type: str) -> str:
    """What a value of the kind `error_type` refuses should look like (for the editor's schema)."""
    return _FIXED[error_type]


def _message(error: dict[str, Any], path: tuple[str | int, ...], root: type[BaseModel],
             reference: str) -> tuple[str, str]:
    """French (message, hint) for one pydantic error against the schema `root`."""
    kind = error["type"]
    found = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        where = _CONTACTS_EXAMPLE if path[:1] == ("contacts",) and root is OrganisationFile else reference
        return "Ce champ est obligatoire et il est absent.", f"Ajoutez-le (voir {where})."
    if kind in _DATE_ERRORS and (precise := _date_problem(found)):
        return precise
    if kind == "heures_inversees":
        return (f"L’heure de fin ({hour(ctx['fin'])}) ne vient pas après l’heure de début "
                f"({hour(ctx['debut'])}).",
                "Écrivez une heure de fin plus tardive que celle du début, par exemple « fin: 16 h 30 ».")
    if kind == "jour_invalide":
        return (f"Jours de modération non reconnus. {ctx['day']}",
                "Écrivez une liste, par exemple « jours: [lundi, mercredi, vendredi] », "
                "ou une phrase, par exemple « jours: du lundi au vendredi ».")
    if kind == "value_error":  # a validator of the library's models, which words its reason in French
        return f"{ctx.get('error', found)}", ""
    if kind == "extra_forbidden":
        parent = model_at(path[:-1], root)
        known = sorted(parent.model_fields) if parent else []
        hint = suggest(str(path[-1]), known) or (
            f"Clés permises ici : {_alternatives(known)}." if known else "")
        return f"Clé inconnue : « {path[-1]} ».", hint
    if kind == "literal_error":
        expected = [w.strip(" '") for w in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        expected = [w for w in expected if w]
        return (f"Valeur non reconnue : {_shown(found)}. Valeurs permises : {_alternatives(expected)}.",
                suggest(str(found), expected))
    if kind in ("too_short", "string_too_short"):
        if isinstance(found, list):
            return "Cette liste ne peut pas être vide.", "Ajoutez au moins un élément."
        return "Ce champ ne peut pas être vide.", ""
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        relation = {"greater_than_equal": "au moins", "less_than_equal": "au plus",
                    "greater_than": "plus que", "less_than": "moins que"}[kind]
        return f"La valeur doit être {relation} {bound} ; trouvé : {_shown(found)}.", ""
    expected = _FIXED.get(kind, "Valeur invalide.")
    return f"{expected} Trouvé : {_shown(found)}.", ""


def error_message(error: dict[str, Any], root: type[BaseModel]) -> str:
    """One pydantic error as a French sentence with its fix, for a value typed at a prompt."""
    message, hint = _message(error, tuple(error["loc"]), root, "README.md")
    return f"{message} {hint}".strip()


def _misspelt(errors: list[dict[str, Any]]) -> set[tuple[str | int, ...]]:
    """Missing fields that a misspelt key beside them stands for: « misison » for « mission ».

    The unknown key's message already says « vouliez-vous dire « mission » ? »; reporting
    « mission » as missing too would count one slip as two errors.
    """
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    covered = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            path = tuple(error["loc"])
            siblings = [str(m[-1]) for m in missing if m[:-1] == path[:-1]]
            close = difflib.get_close_matches(str(path[-1]), siblings, n=1, cutoff=0.6)
            if close:
                covered.add(path[:-1] + (close[0],))
    return covered


def schema_diagnostics(exc: ValidationError, located: Located, display: str, root: type[BaseModel],
                       domain: str, reference: str, first_line: int = 1) -> list[Diagnostic]:
    """One French diagnostic per error of `root.model_validate(located.data)`.

    `domain` (« organisation » or « library ») prefixes the codes
    (`<domain>.schema`, `<domain>.unknown-key`); `reference` says where the
    schema is documented; `first_line` is the file line of the YAML's first
    line (2 for front matter below its « --- »).
    """
    errors = exc.errors()
    skipped = _misspelt(errors)
    result = []
    for error in errors:
        path = tuple(error["loc"])
        if path in skipped:
            continue
        if error["type"] == "heures_inversees":  # a check of the section, shown at its end hour
            path += ("fin",)
        message, hint = _message(error, path, root, reference)
        line = located.line_of(path)
        code = f"{domain}.unknown-key" if error["type"] == "extra_forbidden" else f"{domain}.schema"
        result.append(Diagnostic(display, None if line is None else line + first_line - 1, dotted(path),
                                 message, hint, code=code))
    return result


def typed(data: dict[str, Any]) -> OrganisationFile:
    """The organisation file's data read as `check` reads it: renamed keys at their new
    place, choices in any case and accents; pydantic's `ValidationError` otherwise."""
    return OrganisationFile.model_validate(fold_choices(apply_renames(data), OrganisationFile))


def validate(located: Located, display: str) -> OrganisationFile:
    """The typed organisation, or `DiagnosticError` with every problem."""
    if not isinstance(located.data, dict):
        raise DiagnosticError([Diagnostic(display, 1, "", "Le fichier doit contenir des sections "
                                          "(« organisation: », « contacts: »…), pas une valeur seule.",
                                          code="organisation.schema")])
    try:
        return typed(located.data)
    except ValidationError as exc:
        raise DiagnosticError(schema_diagnostics(exc, located, display, OrganisationFile, "organisation",
                                                 "le modèle dans README.md")) from None


def load_organisation(path: Path) -> tuple[OrganisationFile, Located]:
    """Read, parse and validate one organisation file."""
    display = display_path(path)
    located, problems = read_yaml(path, display)
    if located is None:
        raise DiagnosticError(problems)
    try:
        organisation = validate(located, display)
    except DiagnosticError as exc:
        raise DiagnosticError(problems + exc.diagnostics) from None
    if problems:
        raise DiagnosticError(problems)
    return organisation, located
