"""`policygen explain`: why each clause is in a document, or not."""

from __future__ import annotations

from reviewkit import CISSS, FIXTURE_LIBRARY, FIXTURE_ORG, edited, run_cli
from policygen.assembly.inputs import load_all
from policygen.library.context import build_context
from policygen.review.explain import explain, report
from policygen.library.loader import load_library


def explained(org):
    library = load_library(FIXTURE_LIBRARY)
    [item], problems = load_all([org], library)
    assert not problems
    context = build_context(item.organisation, library)
    return library, context, explain(library, "politique", context, item.located)


def test_every_clause_of_the_document_is_explained_in_outline_order():
    library, context, explanations = explained(FIXTURE_ORG)
    assert [e.clause_id for e in explanations] == ["essai.entete", "essai.respect", "essai.cyberintervention",
                                                   "essai.contact"]
    assert [e.included for e in explanations] == [True, True, False, True]


def test_an_absent_clause_names_its_condition_and_the_value_read_with_its_line():
    library, context, explanations = explained(FIXTURE_ORG)
    text = report(library, "politique", explanations, context)
    line = next(i for i, t in enumerate(FIXTURE_ORG.read_text(encoding="utf-8").splitlines(), 1)
                if t.strip().startswith("cyberintervention:"))
    assert ("  exclue   essai.cyberintervention — L’intervention en ligne\n"
            "           Condition « choix.cyberintervention » : fausse.\n"
            f"           choix.cyberintervention = « non » (ligne {line})") in text
    assert "  incluse  essai.respect — Le respect des personnes\n" \
           "           Aucune condition : la clause figure toujours dans ce document." in text
    assert text.startswith("Politique d’essai du Centre d’essai (politique) : 3 clauses incluses sur 4")


def test_changing_the_value_changes_the_explanation(tmp_path):
    changed = edited(tmp_path, FIXTURE_ORG, "oui.yaml", ("cyberintervention: non", "cyberintervention: oui"))
    _, _, explanations = explained(changed)
    cyber = next(e for e in explanations if e.clause_id == "essai.cyberintervention")
    assert cyber.included and cyber.readings[0].value == "oui"


def test_a_default_value_is_said_to_be_one(tmp_path):
    without = edited(tmp_path, FIXTURE_ORG, "sans.yaml", ("choix:\n  cyberintervention: non\n", ""))
    library, context, explanations = explained(without)
    assert "choix.cyberintervention = « non » (valeur par défaut)" in report(library, "politique", explanations,
                                                                           context)


def test_explain_command():
    result = run_cli("explain", CISSS, "--document", "politique")
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith("Fichier : ") and first.endswith("cisss-laurentides.yaml")
    assert "  incluse  politique.entete — Fiche d’identification" in result.output
    assert "Nétiquette" not in result.output


def test_explain_bad_input_exits_3_with_file_and_line(tmp_path):
    bad = tmp_path / "mauvais.yaml"
    bad.write_text("organisation:\n\tnom: x\n", encoding="utf-8")
    result = run_cli("explain", bad)
    assert result.exit_code == 3
    assert "mauvais.yaml:2: erreur [organisation.yaml]" in result.output and "Traceback" not in result.output
    result = run_cli("explain", CISSS, "--document", "politiques")
    assert result.exit_code == 2 and "Document inconnu : politiques." in result.output
