"""The build and what it writes: the one build service every command calls
(`service`, grading `findings` with one table), the incremental parallel build
(`build`, `cache`), documents in every format with their manifest (`outputs`,
`manifest`), installed whole (`staging`), the register (`register`) and the
intranet site (`site`).
"""
