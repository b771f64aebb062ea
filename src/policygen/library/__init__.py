"""Stage 2 — the clause library.

Takes the library folder (clause files, outlines, reference data); gives a
linted `Library` (`loader`, `schema`, `lint`). Also the clause language
(`language`: the sandboxed Jinja environment and its filters), what a clause
can read (`context`), which organisation fields it reads (`reads`) and which
source sections it covers (`coverage`).
"""
