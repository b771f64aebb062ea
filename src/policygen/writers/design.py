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


def sizes(compact: bool) -> dict[str, Any]:
    return design()["layouts"]["compact" if compact else "regular"]


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
def stylesheet(name: str) -> str:
    """A stylesheet of templates/styles with the design values filled in."""
    values = design()
    return _stylesheets().get_template(name).render(
        **values, regular=values["layouts"]["regular"], compact=values["layouts"]["compact"],
        page_counter=page_counter_css(), css_string=_css_string)
