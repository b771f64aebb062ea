import yaml

from policygen.library.coverage import coverage
from policygen.library.schema import Library
from policygen.resources import TEMPLATES


def test_coverage_maps_sections_to_clauses(fixture_library):
    entries = {(e.source, e.section): e.clauses for e in coverage(fixture_library)}
    assert entries[("004", "1")] == ("essai.intro",)
    assert entries[("004", "2")] == ("essai.annexe", "essai.regles.contact", "essai.regles.etablissement",
                                     "essai.regles.ordre")
    assert all(entry.clauses for entry in coverage(fixture_library))


def test_uncovered_sections_are_listed(fixture_library):
    sources = [{"id": "004", "sections": [{"id": "1", "title": "Un"}, {"id": "3", "title": "Trois"}]},
               {"id": "domaine", "coverage": False, "sections": [{"id": "x", "title": "X"}]}]
    library = Library(fixture_library.clauses, fixture_library.outlines, sources, fixture_library.laws,
                      fixture_library.terms, fixture_library.version)
    assert [(e.source, e.section, e.title) for e in coverage(library) if not e.clauses] == [("004", "3", "Trois")]


def test_every_section_of_the_five_sources_is_covered():
    from click.testing import CliRunner

    from policygen.cli.main import main
    result = CliRunner().invoke(main, ["sources", "--manquantes"])
    assert result.exit_code == 0, result.output
    # Counted from the inventory itself, so adding a source section does not edit this test.
    sources = yaml.safe_load((TEMPLATES / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    owed = sum(len(source["sections"]) for source in sources if source.get("coverage", True))
    assert owed > 100
    assert result.output.strip() == f"Couverture : {owed} sections sur {owed} ; 0 section sans clause."


def test_sources_lists_covering_clauses():
    from click.testing import CliRunner

    from policygen.cli.main import main
    output = CliRunner().invoke(main, ["sources"]).output
    assert "Source 004 : Centre intégré de santé et de services sociaux des Laurentides" in output
    line = next(l for l in output.splitlines() if l.startswith("  5.3.3 "))
    assert "politique." in line
