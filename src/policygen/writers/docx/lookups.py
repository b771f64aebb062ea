"""python-docx's style lookups, by compiled XPath queries instead of Python loops.

Every paragraph, run or table given a style by name makes python-docx find that style
by its name, then ask whether it is the default of its type; for the latter it reads the
type and default attributes of all the template's 166 styles in Python, which was half
of a Word file's time. The queries below give the same answers (the first style of that
name; the last default style of the type, in document order, a style without w:type
being a paragraph style), compiled once. Whether a style is its type's default is asked of
that style alone (is it marked default, with no later default of its type?) rather than by
finding the default among all styles. Pinned by pyproject's python-docx bound, like the
other internals the writer uses.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import nsmap
from docx.oxml.styles import CT_Style, CT_Styles
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles
from lxml import etree

_W = {"w": nsmap["w"]}
_BY_NAME = etree.XPath("w:style[w:name/@w:val=$name][1]", namespaces=_W)
_ON = '(@w:default="1" or @w:default="true" or @w:default="on")'
_DEFAULT = etree.XPath(f"w:style[@w:type=$kind and {_ON}]", namespaces=_W)
_DEFAULT_PARAGRAPH = etree.XPath(f'w:style[(@w:type="paragraph" or not(@w:type)) and {_ON}]', namespaces=_W)
_IS_DEFAULT = etree.XPath(f"{_ON} and not(following-sibling::w:style[@w:type=$kind and {_ON}])", namespaces=_W)
_IS_DEFAULT_PARAGRAPH = etree.XPath(
    f'{_ON} and not(following-sibling::w:style[(@w:type="paragraph" or not(@w:type)) and {_ON}])', namespaces=_W)


def _get_by_name(styles: CT_Styles, name: str) -> CT_Style | None:
    found = _BY_NAME(styles, name=name)
    return found[0] if found else None


def _default_for(styles: CT_Styles, style_type: WD_STYLE_TYPE) -> CT_Style | None:
    if style_type == WD_STYLE_TYPE.PARAGRAPH:
        found = _DEFAULT_PARAGRAPH(styles)
    else:
        found = _DEFAULT(styles, kind=WD_STYLE_TYPE.to_xml(style_type))
    return found[-1] if found else None


def _style_id_from_style(self: Styles, style: BaseStyle, style_type: WD_STYLE_TYPE) -> str | None:
    """The id of `style`, None for its type's default (what python-docx writes for it)."""
    if style.type != style_type:
        raise ValueError(f"assigned style is type {style.type}, need type {style_type}")
    if style_type == WD_STYLE_TYPE.PARAGRAPH:
        default = _IS_DEFAULT_PARAGRAPH(style.element)
    else:
        default = _IS_DEFAULT(style.element, kind=WD_STYLE_TYPE.to_xml(style_type))
    return None if default else style.style_id


CT_Styles.get_by_name = _get_by_name
CT_Styles.default_for = _default_for
Styles._get_style_id_from_style = _style_id_from_style
