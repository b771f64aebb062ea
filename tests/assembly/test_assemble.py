import pytest

from policygen.assembly.assemble import assemble
from policygen.assembly.select import select
from policygen.library.context import build_context
from policygen.orgfile.cadence import next_review
from policygen.diagnostics import DiagnosticError
from policygen.model.nodes import Link, ListBlock, Paragraph, Text, document_texts, inline_text
from policygen.french import Name
from policygen.orgfile.validation import load_organisation


def make_document(library, path, document="politique"):
    org, located = load_organisation(path)
    return assemble(library, document, build_context(org, library), located, str(path))


def clause_ids(document):
    return [c.id for s in document.sections for c in s.clauses]


def test_selection_follows_conditions_and_order(fixture_library, org_file):
    etab = make_document(fixture_library, org_file())
    assert clause_ids(etab) == ["essai.intro", "essai.regles.etablissement", "essai.regles.contact", "essai.annexe"]
    ordre = make_document(fixture_library, org_file({"type: etablissement_sante": "type: ordre_professionnel"}))
    assert clause_ids(ordre) == ["essai.intro", "essai.regles.ordre", "essai.regles.contact", "essai.annexe"]


def test_select_keeps_outline_order_and_empty_sections(fixture_library, org_file):
    org, _ = load_organisation(org_file())
    sections = select(fixture_library, "netiquette", build_context(org, fixture_library))
    assert [(s.id, [c.id for c in clauses]) for s, clauses in sections] == [("corps", ["essai.intro"])]


def test_rendering_fills_values_with_articles_and_vocabulary(fixture_library, org_file):
    document = make_document(fixture_library, org_file())
    texts = [t.replace("\xa0", " ").replace("\u202f", " ") for t in document_texts(document)]
    assert ("Le CISSS de l’Essai (Centre intégré de santé et de services sociaux de l’Essai) "
            "protège la vie privée de ses usagers.") in texts
    assert "Écrivez à vie.privee@essai.qc.ca, de 8 h 30 à 17 h." in texts
    assert document.title == "Politique d’essai du CISSS de l’Essai"


def test_numbering_of_sections_clauses_and_annexes(fixture_library, org_file):
    document = make_document(fixture_library, org_file())
    assert [s.number for s in document.sections] == ["1", "2", "Annexe 1"]
    assert [c.number for c in document.sections[1].clauses] == ["2.1", "2.2"]


def test_organisation_values_are_data_not_markup(fixture_library, org_file):
    hostile = "Centre *gras* <script>alert(1)</script> [lien](https://mal.example) {{ 7*7 }}"
    document = make_document(fixture_library, org_file({
        "  nom: Centre intégré de santé et de services sociaux de l’Essai": f"  nom: \"{hostile}\""}))
    intro = document.sections[0].clauses[0].blocks[0]
    assert isinstance(intro, Paragraph)
    # No emphasis and no link of the value's own making: only the bare address is linked, to itself.
    assert all(isinstance(node, Text) or isinstance(node, Link) and node.href == "https://mal.example"
               and inline_text(node.children) == "https://mal.example" for node in intro.inlines)
    assert hostile in inline_text(intro.inlines)  # printed as typed; {{ 7*7 }} not evaluated


def test_values_cannot_start_lists(fixture_library, org_file):
    document = make_document(fixture_library, org_file({"  - nom: Facebook": "  - nom: \"1. Facebook\""}))
    annexe = document.sections[-1].clauses[0].blocks[0]
    assert isinstance(annexe, ListBlock)
    assert [inline_text(item[0].inlines) for item in annexe.items] == ["1. Facebook", "LinkedIn"]


def test_empty_value_needed_by_a_clause_names_the_field(fixture_library, org_file):
    path = org_file({"    courriel: vie.privee@essai.qc.ca\n": ""})
    with pytest.raises(DiagnosticError) as info:
        make_document(fixture_library, path)
    [problem] = info.value.diagnostics
    assert problem.field == "contacts.protection_renseignements.courriel"
    assert problem.line == 29  # the section that lacks it
    assert problem.message == "Ce champ est vide, mais la clause « Joindre la personne responsable » en a besoin."


def test_provenance_records_sources_law_and_values(fixture_library, org_file):
    document = make_document(fixture_library, org_file())
    provenance = document.sections[0].clauses[0].provenance
    [source] = provenance.sources
    # resolved from the library's data: titles of the source and its section, title and citation of the law
    assert (source.id, source.title, source.organisation, source.sections) == ("004", "Source d’essai", "", (("1", "Un"),))
    [law] = provenance.legal
    assert (law.id, law.title, law.citation, law.articles) == (
        "charte", "Charte des droits et libertés de la personne", "RLRQ, c. C-12", ("5",))
    # values read directly, and those behind derived names (« nom.Le », « termes.usagers »)
    values = {(v.path, v.shown, v.empty) for v in provenance.values}
    assert ("organisation.nom", "Centre intégré de santé et de services sociaux de l’Essai", False) in values
    assert ("organisation.nom_court", "CISSS de l’Essai", False) in values
    assert ("organisation.type", "etablissement_sante", False) in values


def test_file_dates_come_from_the_organisation_or_source_date_epoch(fixture_library, org_file, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert make_document(fixture_library, org_file()).timestamp.isoformat() == "2025-03-01T12:00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert make_document(fixture_library, org_file()).timestamp.isoformat() == "2023-11-14T22:13:20"


def test_next_review_adds_the_cadence(org_file):
    org, _ = load_organisation(org_file())
    assert next_review(org).isoformat() == "2028-03-01"


@pytest.mark.parametrize("text, feminine, forms", [
    ("CISSS des Laurentides", False, ("le CISSS des Laurentides", "du CISSS des Laurentides", "au CISSS des Laurentides")),
    ("Ordre", False, ("l’Ordre", "de l’Ordre", "à l’Ordre")),
    ("Fondation", True, ("la Fondation", "de la Fondation", "à la Fondation")),
    ("IUCPQ", False, ("l’IUCPQ", "de l’IUCPQ", "à l’IUCPQ")),
])
def test_name_forms(text, feminine, forms):
    name = Name(text, feminine)
    assert (name.le, name.du, name.au) == forms
    assert name.Le[0].isupper()
    assert name.il == ("elle" if feminine else "il")


def test_links_survive_rendering(fixture_library, org_file):
    from policygen.assembly.parse import parse_markdown
    from policygen.library.language import environment
    rendered = environment().from_string("{{ 'Portail' | lien('https://exemple.qc.ca/a_(b)') }}").render()
    [paragraph] = parse_markdown(rendered)
    [link] = paragraph.inlines
    assert isinstance(link, Link) and link.href == "https://exemple.qc.ca/a_(b)"


def test_template_runtime_error_is_a_diagnostic_and_internals_are_sandboxed(fixture_library, org_file):
    import dataclasses

    from policygen.assembly.render import render_clause
    from policygen.library.language import environment
    org, located = load_organisation(org_file())
    clause = fixture_library.clause("essai.intro")
    broken = dataclasses.replace(clause, template=environment().from_string("{{ organisation.nom.__class__ }}"))
    with pytest.raises(DiagnosticError) as info:
        render_clause(broken, build_context(org, fixture_library), located, "essai.yaml")
    [problem] = info.value.diagnostics
    assert problem.message.startswith("Le gabarit de la clause échoue :")
