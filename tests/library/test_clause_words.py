"""No clause hard-codes a body's own words: they come from `termes` and the file."""

import re

from policygen.library.loader import load_library

# Words that belong to one kind of body, or one body, and that the file can change.
# « l’Ordre » with its capital only: « l’ordre public » is the Charte's own term (art. 9.1).
HARD_CODED = re.compile(r"(?-i:l’Ordre)|bureau du syndic|au syndic|commissaire aux plaintes|\bpatients?\b",
                        re.IGNORECASE)


def test_no_clause_hard_codes_a_body_s_words():
    found = [f"{clause.id}: {match.group(0)}" for clause in load_library().clauses
             for text in (clause.meta.title, clause.body) for match in HARD_CODED.finditer(text)]
    assert found == []
