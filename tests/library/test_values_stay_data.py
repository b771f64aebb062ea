"""An address from the organisation's folder is data: printed as a link, it is one link whose text
is the value as typed — never a second link, bold text or raw markup (issue 21), whatever it holds."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from policygen.assembly.parse import parse_markdown
from policygen.library.language import contact_card, link
from policygen.model.nodes import Link, Strong, inline_text

HOSTILE = [
    "x<[Formulaire](https://evil.example/phish)**URGENT**@x.ca",
    "a>b](javascript:alert(1))",
    "https://x.ca/<[a](https://evil.example)>**b**",
    "https://x.ca/a b\\<c>\n- item",
    "x@x.ca> **gras** <https://evil.example>",
]


def kinds(inlines) -> list[type]:
    found = []
    for node in inlines:
        found.append(type(node))
        found += kinds(getattr(node, "children", ()))
    return found


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_address_is_one_link_whose_text_is_the_value(value):
    [paragraph] = parse_markdown(link(value, value))
    [node] = paragraph.inlines
    assert isinstance(node, Link)
    assert inline_text(node.children) == " ".join(value.split())  # a line break inside reads as a space
    assert unquote(node.href) == value  # the whole value is the destination, as typed
    assert Strong not in kinds(paragraph.inlines)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_contact_card_keeps_its_lines_whatever_the_addresses(value):
    blocks = parse_markdown(contact_card({"titre": "Service", "courriel": value, "adresse_web": value,
                                          "politique_web": value}))
    [paragraph] = blocks
    links = [n for n in paragraph.inlines if isinstance(n, Link)]
    assert [inline_text(n.children) for n in links] == [" ".join(value.split())] * 3
    assert kinds(paragraph.inlines).count(Strong) == 1  # the title only
    assert [unquote(n.href) for n in links] == [f"mailto:{value}", value, value]
