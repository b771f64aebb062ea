"""The organisation file as a JSON Schema (draft 2020-12), for editors.

Generated from the same pydantic model that validates the file, so an editor
(VS Code's YAML extension reads the `# yaml-language-server: $schema=…` line)
completes and checks what `policygen check` will accept. The editor reads
YAML 1.2, where « oui », « 8 h 30 » and « 2018-04-27 » are strings: the
schema describes the file as typed, before our own loader's readings.
Titles and descriptions are the French ones written beside each field.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from .descriptions import DESCRIPTIONS
from .schema import READINGS, OrganisationFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAME = "organisation.schema.json"


class _FrenchSchema(GenerateJsonSchema):
    """pydantic's generator, with the file's own readings and no English docstrings."""

    def generate(self, schema: core_schema.CoreSchema, mode: str = "validation") -> JsonSchemaValue:
        result = super().generate(schema, mode=mode)
        return {"$schema": DIALECT, **result, "title": "Fichier d’organisation policygen"}

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        # A value our loader reads into the field's type (« oui », « 8 h 30 »): the editor
        # must accept what is typed, as `check` does.
        reading = READINGS.get(schema["function"]["function"])
        return reading if reading is not None else super().function_before_schema(schema)

    def str_schema(self, schema: core_schema.StrSchema) -> JsonSchemaValue:
        # Text fields keep numbers as typed (`poste: 22898`), as the loader does.
        result = super().str_schema(schema)
        return {**result, "type": ["string", "number"]}

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        result = super().model_schema(schema)
        result.pop("description", None)  # class docstrings are for developers, in English
        return result

    def get_title_from_name(self, name: str) -> str:
        return name.replace("_", " ").capitalize()


def _describe(properties: dict[str, Any], owner: str) -> None:
    for name, field in properties.items():
        if f"{owner}.{name}" in DESCRIPTIONS:
            field["title"], field["description"] = DESCRIPTIONS[f"{owner}.{name}"]


def organisation_schema() -> dict[str, Any]:
    """The JSON Schema of the organisation file, each key titled and described in French."""
    schema = OrganisationFile.model_json_schema(mode="validation", schema_generator=_FrenchSchema)
    _describe(schema["properties"], OrganisationFile.__name__)
    for owner, definition in schema["$defs"].items():
        _describe(definition.get("properties", {}), owner)
    return schema
