"""The design values (templates/styles/design.yaml), read once, for every writer.

Colours, sizes, margins and the labels a reader sees outside the clauses (« Table des
matières », « Page X de Y », the draft mark) are defined in that one file: the
stylesheets are rendered from it as templates (`stylesheet`), the Word styles, table of
contents and page fields read it here, and the HTML layout receives its labels.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..resources import TEMPLATES

STYLES = TEMPLATES / "styles"
# Lato's own line height (ascent + descent over the em): Word's « multiple » line spacing is a
# multiple of it, CSS's line-height a multiple of the font size.
LATO_LINE = 1.2


@cache
def design() -> dict[str, Any]:
    return yaml.safe_load((STYLES / "design.yaml").read_text(encoding="utf-8"))


def labels(lang: str = "fr-CA") -> dict[str, str]:
    """The writers' own words; an English edition's over the French (`labels_en`)."""
    return design()["labels"] if lang.startswith("fr") else {**design()["labels"], **design()["labels_en"]}


def colour(name: str) -> str:
    """A colour as Word writes it: « 0B5394 »."""
    return design()["colours"][name].lstrip("#").upper()


Step = tuple[float, float]  # a compact layout's body size (points) and line height (CSS, times the size)


def sizes(compact: bool, step: Step | None = None) -> dict[str, Any]:
    """A layout's sizes; a compact layout's at `step` (one of its `steps`, writers/columns.py): the
    headings and the spaces around them grow with the body, the title block and margins do not."""
    values = design()["layouts"]["compact" if compact else "regular"]
    if step is None:
        return values
    text, line = step
    scale = text / values["text"]
    scaled = {key: {k: round(v * scale, 2) for k, v in values[key].items()} for key in ("section", "clause", "subheading")}
    return {**values, **scaled, "text": text, "line": line, "after": round(values["after"] * scale, 2)}


def word_line(compact: bool, line: float | None = None) -> float:
    """Word's line spacing (a multiple of Lato's line) for the CSS line-height of the layout (or `line`)."""
    return round((line or sizes(compact)["line"]) / LATO_LINE, 3)


def page_label_parts(lang: str = "fr-CA") -> tuple[str, str, str]:
    """« Page {page} de {pages} » split around its two numbers: (« Page  », «  de  », « »)."""
    label = labels(lang)["page"]
    before, rest = label.split("{page}")
    middle, after = rest.split("{pages}")
    return before, middle, after


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_counter_css(lang: str = "fr-CA") -> str:
    """The page label as CSS generated content: "Page " counter(page) " de " counter(pages)."""
    before, middle, after = page_label_parts(lang)
    parts = [_css_string(before), "counter(page)", _css_string(middle), "counter(pages)"]
    return " ".join(parts + ([_css_string(after)] if after else []))


@cache
def _stylesheets() -> Environment:
    # Only {{ … }} is used in the stylesheets; the block and comment markers are moved out of
    # CSS's way (« {# » could open a comment in a selector).
    return Environment(loader=FileSystemLoader(STYLES), autoescape=False, undefined=StrictUndefined,
                       block_start_string="<%", block_end_string="%>", comment_start_string="<#",
                       comment_end_string="#>", keep_trailing_newline=True)


@cache
def stylesheet(name: str, step: Step | None = None) -> str:
    """A stylesheet of templates/styles with the design values filled in; the compact layout's at
    `step` (`sizes`)."""
    values = design()
    return _stylesheets().get_template(name).render(
        **values, regular=values["layouts"]["regular"], compact=sizes(True, step),
        page_counter=page_counter_css(), css_string=_css_string)
