"""python-docx's style lookups, by compiled XPath queries instead of Python loops.

Every paragraph, run or table given a style by name makes python-docx find that style
by its name, then ask whether it is the default of its type; for the latter it reads the
type and default attributes of all the template's 166 styles in Python, which was half
of a Word file's time. The queries below give the same answers (the first style of that
name; the last default style of the type, in document order, a style without w:type
being a paragraph style), compiled once. Pinned by pyproject's python-docx bound, like
the other internals the writer uses.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsmap
from docx.oxml.styles import CT_Style, CT_Styles
from lxml import etree

_W = {"w": nsmap["w"]}
_BY_NAME = etree.XPath("w:style[w:name/@w:val=$name][1]", namespaces=_W)
_ON = '(@w:default="1" or @w:default="true" or @w:default="on")'
_DEFAULT = etree.XPath(f"w:style[@w:type=$kind and {_ON}]", namespaces=_W)
_DEFAULT_PARAGRAPH = etree.XPath(f'w:style[(@w:type="paragraph" or not(@w:type)) and {_ON}]', namespaces=_W)


def _get_by_name(styles: CT_Styles, name: str) -> CT_Style | None:
    found = _BY_NAME(styles, name=name)
    return found[0] if found else None


def _default_for(styles: CT_Styles, style_type: WD_STYLE_TYPE) -> CT_Style | None:
    if style_type == WD_STYLE_TYPE.PARAGRAPH:
        found = _DEFAULT_PARAGRAPH(styles)
    else:
        found = _DEFAULT(styles, kind=WD_STYLE_TYPE.to_xml(style_type))
    return found[-1] if found else None


CT_Styles.get_by_name = _get_by_name
CT_Styles.default_for = _default_for
