"""The language of parts in the tagged PDF: a `<span lang="fr-CA">` (French words inside an English
edition, `model.nodes.Foreign`) becomes a Span structure element with its /Lang, as PDF/UA and
WCAG 3.1.2 ask, so a screen reader switches voice for them.

WeasyPrint tags a span as /Span but drops its `lang`. Its tag builder (`weasyprint.pdf.tags.
_build_box_tree`) is wrapped once: each element it yields for a span box that carries a `lang`
gets /Lang. The wrapper calls the original, so its tagging is otherwise unchanged; if a WeasyPrint
release renames the builder, nothing is wrapped and test_english_politique says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pydyf
from weasyprint.pdf import tags

_BUILDER = "_build_box_tree"


def _with_lang(build: Any) -> Any:
    def build_with_lang(box: Any, *args: Any) -> Iterator[Any]:
        lang = box.element.get("lang") if box.element is not None and box.element_tag == "span" else None
        for element in build(box, *args):
            if lang and isinstance(element, pydyf.Dictionary) and element.get("S") == "/Span":
                element["Lang"] = pydyf.String(lang)
            yield element
    build_with_lang.wrapped = build
    return build_with_lang


def install() -> None:
    """Wrap WeasyPrint's tag builder (once per process)."""
    build = getattr(tags, _BUILDER, None)
    if build is not None and not hasattr(build, "wrapped"):
        setattr(tags, _BUILDER, _with_lang(build))
