"""The organisation file as a JSON Schema (draft 2020-12), for editors.

Generated from the same pydantic model that validates the file, so an editor
(VS Code's YAML extension reads the `# yaml-language-server: $schema=…` line)
completes and checks what `policygen check` will accept, and flags what it
refuses. The editor reads YAML 1.2, where « oui », « 8 h 30 » and
« 2018-04-27 » are strings: the schema describes the file as typed, before our
own loader's readings — a choice in any case and accents (« Féminin »,
« privé »), a list of days, and any value followed by « (à confirmer) ».
Titles and descriptions are the French ones written beside each field.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from . import schema as schema_module
from .descriptions import DESCRIPTIONS
from .schema import FORMS, READINGS, OrganisationFile
from .validation import expected
from .weekdays import fold
from .yamlsource import LIMITS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAME = "organisation.schema.json"

# Letters a typed choice may use for each letter of its folded form (case and accents).
_LETTERS = [chr(c) for c in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180)) if chr(c).isalpha()]


def _any_case(text: str) -> str:
    """A regular expression for `text` whatever its case and accents, as `fold_choices`
    compares choices; « _ » also matches a space or a hyphen."""
    parts = []
    for char in fold(text):
        if char in "_ -":
            parts.append("[_ -]")
        elif char.isalpha():
            variants = sorted({c for c in _LETTERS if fold(c) == char} | {char})
            parts.append("[" + "".join(variants) + "]")
        else:
            parts.append("\\" + char if char in ".^$*+?()[]{}|\\/" else char)
    return "".join(parts)


MARK = r"\s*\(\s*" + _any_case("a") + r"\s+" + _any_case("confirmer") + r"\s*\)\s*"
# A required text reduced to the mention alone is empty for `check`.
_MENTION_ALONE = {"pattern": "^" + MARK + "$"}
_DATE = r"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
# Characters the loader refuses in any value (yamlsource: controls, invisible, private use).
_FORBIDDEN = {"pattern": "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029"
                         "\u2060-\u2064\u2066-\u2069\ufeff\ue000-\uf8ff]"}


_MARKED = " Elle peut être suivie de « (à confirmer) »."


def _or_marked(schema: JsonSchemaValue, text_form: str, message: str = "") -> JsonSchemaValue:
    """`schema`, or its text form followed by « (à confirmer) » (the editor shows `message`, in French)."""
    marked = {"type": "string", "pattern": f"^(?:{text_form}){MARK}$"}
    if message:
        schema, marked = ({**schema, "patternErrorMessage": message}, {**marked, "patternErrorMessage": message})
    return {"anyOf": [schema, marked]}


class _FrenchSchema(GenerateJsonSchema):
    """pydantic's generator, with the file's own readings and no English docstrings."""

    def generate(self, schema: core_schema.CoreSchema, mode: str = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode=mode)
        return {"$schema": DIALECT, **result, "title": "Fichier d’organisation policygen"}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        # A value our loader reads into the field's type (« oui », « 8 h 30 »): the editor
        # must accept what is typed, as `check` does.
        reading = READINGS.get(schema["function"]["function"])
        return _or_marked(*reading) if reading is not None else super().function_before_schema(schema)

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        form = FORMS.get(getattr(schema["function"]["function"], "accepts", None))
        if form is None:
            return super().function_after_schema(schema)
        typed, text_form = form
        message = expected(schema["function"]["function"].error_type) + _MARKED
        return _or_marked({"type": "string", **typed, "pattern": f"^(?:{text_form})$"}, text_form, message)

    def str_schema(self, schema: core_schema.StrSchema) -> JsonSchemaValue:
        # Text fields keep numbers as typed (`poste: 22898`), as the loader does; a value holds
        # no character the loader refuses, and a required one is more than the mention alone.
        result = {**super().str_schema(schema), "type": ["string", "number"], "maxLength": LIMITS.scalar}
        refused = [_FORBIDDEN, _MENTION_ALONE] if schema.get("min_length") else [_FORBIDDEN]
        return {**result, "not": {"anyOf": [{"type": "string", **r} for r in refused]}}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "pattern": f"^{_DATE}(?:{MARK})?$",
                "patternErrorMessage": "Une date au format AAAA-MM-JJ, de 1900 à 2099, était attendue (par exemple "
                                       "2018-04-27)." + _MARKED}

    def int_schema(self, schema: core_schema.IntSchema) -> JsonSchemaValue:
        digits = "[1-9][0-9]*" if schema.get("ge", schema.get("gt", -1)) >= 0 else "-?[0-9]+"
        return _or_marked(super().int_schema(schema), digits)

    def literal_schema(self, schema: core_schema.LiteralSchema) -> JsonSchemaValue:
        # The choices as the schema spells them (the editor completes them), or in any case
        # and accents, or marked: `check` folds all of these to the choice.
        choices = [str(v) for v in schema["expected"]]
        accepted = [{"enum": choices},
                    {"type": "string", "pattern": "^(?:" + "|".join(map(_any_case, choices)) + f")(?:{MARK})?$"}]
        # A choice that is itself « à confirmer » is typed as the mark alone: « (à confirmer) ».
        if "à confirmer" in choices:
            accepted.append({"type": "string", "pattern": f"^{MARK}$"})
        return {"anyOf": accepted}

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        result = super().model_schema(schema)
        result.pop("description", None)  # class docstrings are for developers, in English
        return result

    def get_title_from_name(self, name: str) -> str:
        return name.replace("_", " ").capitalize()


def _describe(properties: dict[str, Any], owner: str) -> None:
    # A class that extends another (AutrePlainte a Contact) takes its parent's descriptions.
    model = getattr(schema_module, owner, None)
    owners = [c.__name__ for c in model.__mro__] if isinstance(model, type) else [owner]
    for name, field in properties.items():
        described = next((f"{o}.{name}" for o in owners if f"{o}.{name}" in DESCRIPTIONS), None)
        if described:
            field["title"], field["description"] = DESCRIPTIONS[described]


def organisation_schema() -> dict[str, Any]:
    """The JSON Schema of the organisation file, each key titled and described in French."""
    schema = OrganisationFile.model_json_schema(mode="validation", schema_generator=_FrenchSchema)
    _describe(schema["properties"], OrganisationFile.__name__)
    for owner, definition in schema["$defs"].items():
        _describe(definition.get("properties", {}), owner)
    return schema


@cache
def schema_text() -> str:
    """The schema as `policygen schema` prints it and `init` writes it, made once per process: pydantic's
    generation takes ~0.2 s of CPU, and a process that runs `init` several times (the test suite's) needs
    the same text each time. A string, so no caller can change what the next one gets."""
    return json.dumps(organisation_schema(), ensure_ascii=False, indent=2)
