"""What clause templates and conditions can read: the organisation file plus
a few derived values (names with their articles, words by kind of body, the
legal references, the next review date).

`context_schema` describes the same names for the library lint, so a clause
that reads a field the organisation model lacks fails before any build.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from ..french import NAME_FORMS, Name
from ..orgfile.cadence import next_review
from ..orgfile.schema import OrganisationFile
from .schema import Library

# Top-level names derived from the organisation file, beside its own sections.
DERIVED_NAMES = ("nom", "appellation", "communications")

# The organisation-file fields each derived name is computed from (for provenance and diffs).
DERIVED_FROM: dict[str, tuple[tuple[str, ...], ...]] = {
    "nom": (("organisation", "nom_court"), ("organisation", "genre")),
    "appellation": (("organisation", "appellation"), ("organisation", "appellation_genre")),
    "communications": (("roles", "communications", "nom"), ("roles", "communications", "genre")),
    "termes": (("organisation", "type"),),
    "prochaine_revision": (("revision", "en_vigueur"), ("revision", "derniere_revision"),
                           ("revision", "cadence_annees")),
}


def build_context(org: OrganisationFile, library: Library) -> dict[str, Any]:
    ident = org.organisation
    context: dict[str, Any] = org.model_dump()
    context.update(
        nom=Name(ident.nom_court, ident.genre == "féminin"),
        appellation=Name(ident.appellation, ident.appellation_genre == "féminin"),
        communications=Name(org.roles.communications.nom, org.roles.communications.genre == "féminin"),
        termes=library.terms.get(ident.type, {}),
        lois=library.laws,
        prochaine_revision=next_review(org),
    )
    return context


Schema = dict[str, Any] | None  # None: a leaf, or a value whose inside is not checked


def _model_schema(annotation: Any) -> Schema:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_schema(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _model_schema(arg)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: _model_schema(f.annotation) for name, f in annotation.model_fields.items()}
    return None


def context_schema(library: Library) -> dict[str, Schema]:
    schema = _model_schema(OrganisationFile) or {}
    name_schema = {form: None for form in (*NAME_FORMS, "text")}
    schema.update({name: name_schema for name in DERIVED_NAMES})
    term_keys = [set(terms) for terms in library.terms.values()]
    schema["termes"] = {key: None for key in set.intersection(*term_keys)} if term_keys else {}
    schema["lois"] = {law_id: None for law_id in library.laws}
    schema["prochaine_revision"] = None
    return schema


def path_exists(schema: dict[str, Schema], path: tuple[str, ...]) -> bool:
    node: Schema = schema
    for part in path:
        if node is None:
            return True  # inside a leaf (a list, a law entry): not checked further
        if part not in node:
            return False
        node = node[part]
    return True
