"""A revision is a revision: a document cannot be dated before a law it cites came into force,
and the version history reads its dates in French."""

from __future__ import annotations

from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts

EARLY = {"  en_vigueur: 2025-03-01": "  en_vigueur: 2024-03-01"}


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": "1767225600"})


def test_check_final_refuses_a_document_dated_before_a_law_it_cites(org_file):
    org = org_file(EARLY)
    assert "avertissement [organisation.law-in-force]" in invoke("check", org).output  # as build warns
    result = invoke("check", "--final", org)
    assert result.exit_code == 3, result.output
    line = next(i for i, t in enumerate(org.read_text(encoding="utf-8").splitlines(), 1)
                if t.startswith("  en_vigueur:"))
    assert (f"essai.yaml:{line}: erreur [organisation.law-in-force] — revision.en_vigueur\n"
            "  Le document « politique » serait daté du 1er mars 2024, avant le 1er juillet 2024, date d’entrée "
            "en vigueur de la loi « Loi sur les renseignements de santé et de services sociaux » (RLRQ, c. R-22.1) "
            "que cite sa clause ") in result.output
    assert "Une nouvelle révision porte sa propre date : inscrivez-la dans revision.en_vigueur " \
           "(le 1er juillet 2024 ou après) et ajoutez sa ligne à revision.historique." in result.output
    assert "RLRQ, c. G-1.021" in result.output  # Santé Québec, 1 December 2024


def test_a_law_the_body_does_not_cite_does_not_count(org_file):
    # a private clinic cites neither nor G-1.021, which bind public establishments
    result = invoke("check", org_file({**EARLY, "secteur: public": "secteur: prive"}))
    assert "organisation.law-in-force" not in result.output


def test_a_normal_build_only_warns(org_file, tmp_path):
    result = invoke("build", org_file(EARLY), "--out", tmp_path, "--format", "html", "--document", "politique")
    assert result.exit_code == 0, result.output
    assert "avertissement [organisation.law-in-force]" in result.output


def test_build_final_refuses_it(org_file, tmp_path):
    result = invoke("build", org_file(EARLY), "--out", tmp_path, "--format", "html", "--final")
    assert result.exit_code == 3 and "erreur [organisation.law-in-force]" in result.output
    assert not (tmp_path / "essai").exists()


def test_the_version_history_reads_its_dates_in_french(org_file):
    org = org_file({"revision:\n": "revision:\n  historique:\n    - version: \"1.10\"\n      date: 2025-06-01\n"
                                   "      description: Révision complète.\n"})
    library = load_library()
    [item], problems = load_all([org], library)
    assert not problems, problems
    [politique] = documents_for(item, library, ["politique"])
    [history] = [c for s in politique.sections for c in s.clauses if c.id == "politique.annexe-historique"]
    assert ["1.10", "1er\u00a0juin 2025", "Révision complète."] == block_texts(history.blocks[0])[3:]


def test_the_version_produced_has_its_own_history_line_at_the_documents_date(org_file):
    missing = invoke("check", org_file({"  numero: POL-ESSAI-1": "  numero: POL-ESSAI-1\n  version: \"2.0\""}))
    assert missing.exit_code == 3
    assert "erreur [organisation.revision] — revision.version\n  La version 2.0 n’a pas sa ligne dans " \
           "revision.historique." in missing.output
    history = "  historique:\n    - version: \"2.0\"\n      date: {}\n      description: Nouvelle version.\n"
    wrong = invoke("check", org_file({"  numero: POL-ESSAI-1": "  numero: POL-ESSAI-1\n  version: \"2.0\"\n"
                                      + history.format("2025-02-01").rstrip("\n")}))
    assert wrong.exit_code == 3
    assert "La ligne de la version 2.0 est datée du 1er février 2025, mais les documents le sont du " \
           "1er mars 2025." in wrong.output
    right = invoke("check", org_file({"  numero: POL-ESSAI-1": "  numero: POL-ESSAI-1\n  version: \"2.0\"\n"
                                      + history.format("2025-03-01").rstrip("\n")}))
    assert right.exit_code == 0, right.output
