"""« (à confirmer) » is found at the end of a value only, in any case, with or without the accent —
and the value is read once from its last « ( », so a long run of spaces costs no more than its length."""

from __future__ import annotations

import pytest

from policygen.orgfile.confirm import _without_mention, unmark
from policygen.orgfile.yamlsource import Located


@pytest.mark.parametrize(("value", "expected"), [
    ("514 355-8540 (à confirmer)", "514 355-8540"),
    ("x ( A  Confirmer ) ", "x"),
    ("(à confirmer)", ""),
    ("a (b) (a confirmer)", "a (b)"),
    ("a(à confirmer)\n", "a"),
    ("a (à confirmer) b", None),
    ("a (àconfirmer)", None),
    ("a (à confirmer", None),
    ("a" + " " * 100_000 + "b", None),
    (" " * 100_000 + "(à confirmer)", ""),
])
def test_the_mention_is_recognised_at_the_end_only(value, expected):
    assert _without_mention(value) == expected


def test_many_long_runs_of_spaces_are_read_as_values_without_a_mention():
    values = ["a" + " " * 4_990 + "b"] * 100
    located = Located({"liste": values})
    assert unmark(located) == []
    assert located.data == {"liste": values}
