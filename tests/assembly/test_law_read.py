"""The law's date: `check` warns when a document cites a law whose text was read more than a year before
the document's date, and `conformite` says when the law it rests on was read."""

from __future__ import annotations

from click.testing import CliRunner

from policygen.cli.main import main

LATE = {"  en_vigueur: 2025-03-01": "  en_vigueur: 2026-03-01"}


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": "1767225600"})


def test_check_warns_when_a_cited_law_was_read_over_a_year_before_the_document(org_file):
    result = invoke("check", org_file(LATE))
    assert result.exit_code == 0, result.output
    assert "avertissement [organisation.law-read] — revision.en_vigueur" in result.output
    assert ("Le document « politique », daté du 1er mars 2026, cite (clause politique.") in result.output
    assert ("la loi « Loi sur les renseignements de santé et de services sociaux » (RLRQ, c. R-22.1), dont le "
            "texte consolidé a été lu à jour au 18 novembre 2024, plus d’un an avant.") in result.output
    final = invoke("check", "--final", org_file(LATE))
    assert "organisation.law-read" in final.output and "erreur [organisation.law-read]" not in final.output


def test_a_reading_within_the_year_is_silent(org_file):
    result = invoke("check", org_file())  # dated 1 March 2025: read 18 November 2024
    assert "organisation.law-read" not in result.output


def test_conformite_says_when_the_law_was_read_and_which_readings_are_not_recorded(org_file):
    output = invoke("conformite", org_file()).output
    assert "Droit lu au 18 novembre 2024 : la plus ancienne lecture consignée des lois que cite la politique." \
        in output
    unrecorded = next(line for line in output.splitlines() if line.startswith("Date de lecture non consignée : "))
    assert "RLRQ, c. C-12" in unrecorded and "RLRQ, c. R-22.1 ;" not in unrecorded + " ;"
