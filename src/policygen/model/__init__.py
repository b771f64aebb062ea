"""The document model: the one contract between assembly and the writers.

`nodes` holds the frozen tree (document, sections, clauses, blocks, inlines);
the transforms return a new tree, applied in this order: `numbering`, `labels`
(heading labels, version line), `typography`. `diff` compares two versions of
a document (on `textdiff`'s alignment of units and words): the one
`DocumentDiff` every rendering of a comparison shows.
"""
