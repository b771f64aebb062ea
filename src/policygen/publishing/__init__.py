"""Writing to disk: documents in every format with their manifest (`outputs`,
`manifest`), all or nothing (`staging`), and the intranet site (`site`).
"""
