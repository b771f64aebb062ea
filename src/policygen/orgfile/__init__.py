"""Stage 1 — the organisation file.

Takes a YAML file typed by a communications advisor; gives a validated,
typed `OrganisationFile` with the line of every value (`yamlsource`,
`schema`, `validation`), or every problem as a located French diagnostic.
`cadence` says when the documents are due for review.
"""
