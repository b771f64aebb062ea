"""The document model as JSON and back: the build cache keeps each document's model, so
`publish` lays out the site from what the build assembled instead of assembling it again.

The cache lives in an output folder, which is untrusted: reading builds only the model's
own node types, field by field, and raises `ValueError` on anything else (the caller then
assembles the document again).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from . import nodes

TYPES = {cls.__name__: cls for cls in (
    nodes.Text, nodes.Emphasis, nodes.Strong, nodes.Link, nodes.LineBreak, nodes.ToConfirm, nodes.Foreign,
    nodes.Paragraph,
    nodes.ListBlock, nodes.Table, nodes.Heading, nodes.Note, nodes.Source, nodes.Law, nodes.Value, nodes.RuleUse,
    nodes.Provenance, nodes.Clause, nodes.Section, nodes.Layout, nodes.Document)}


def to_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and type(value).__name__ in TYPES:
        return {"_": type(value).__name__, **{f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return [to_json(item) for item in value]
    if isinstance(value, dt.datetime):
        return {"_": "datetime", "iso": value.isoformat()}
    if isinstance(value, dt.date):
        return {"_": "date", "iso": value.isoformat()}
    if value is None or isinstance(value, (str, int, bool)):
        return value
    raise TypeError(f"no JSON form for a {type(value).__name__} in the model")


def from_json(data: Any) -> Any:
    """The value `to_json` wrote; raises ValueError on anything else."""
    if isinstance(data, list):
        return tuple(from_json(item) for item in data)
    if isinstance(data, dict):
        kind = data.get("_")
        if kind in ("date", "datetime") and set(data) == {"_", "iso"} and isinstance(data["iso"], str):
            return (dt.datetime if kind == "datetime" else dt.date).fromisoformat(data["iso"])
        cls = TYPES.get(kind) if isinstance(kind, str) else None
        names = {f.name for f in dataclasses.fields(cls)} if cls else set()
        if cls is None or set(data) - {"_"} != names:
            raise ValueError("not a node of the model")
        return cls(**{name: from_json(data[name]) for name in names})
    if data is None or isinstance(data, (str, int, bool)):
        return data
    raise ValueError("not a value of the model")
