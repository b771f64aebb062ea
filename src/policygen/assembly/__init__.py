"""Stage 3 — assembly.

Takes an organisation file and the library; gives one document model per
document: the clauses that apply (`select`), filled with the organisation's
values (`render`), parsed from Markdown (`parse`), with their provenance
(`provenance`), with the outline's layout, numbered, labelled and typeset (`assemble`).
"""
