"""The document model: the one contract between assembly and the writers.

`nodes` holds the frozen tree (document, sections, clauses, blocks, inlines);
the transforms return a new tree: `numbering`, `typography`.
"""
