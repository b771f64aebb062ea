import pytest

from policygen.diagnostics import DiagnosticError
from policygen.orgfile.validation import load_organisation


def errors(path):
    with pytest.raises(DiagnosticError) as info:
        load_organisation(path)
    return info.value.diagnostics


def test_fixture_is_valid(org_file):
    org, _ = load_organisation(org_file())
    assert org.organisation.nom_court == "CISSS de l’Essai"
    assert org.moderation.debut == "08:30"
    assert org.moderation.fin == "17:00"


def test_unknown_key_suggests_the_right_one(org_file):
    # one slip, one error: « mission » is not reported missing beside its misspelling
    [unknown] = errors(org_file({"  mission:": "  misison:"}))
    assert (unknown.field, unknown.line) == ("organisation.misison", 8)
    assert unknown.message == "Clé inconnue : « misison »."
    assert unknown.hint == "Vouliez-vous dire « mission » ?"


def test_a_missing_field_without_a_look_alike_is_still_reported(org_file):
    missing, unknown = errors(org_file({"  mission:": "  raison_d_etre:"}))
    assert (missing.field, missing.message) == ("organisation.mission", "Ce champ est obligatoire et il est absent.")
    assert unknown.field == "organisation.raison_d_etre" and unknown.hint.startswith("Clés permises ici :")


def test_every_problem_is_reported_at_once_with_its_line(org_file):
    path = org_file({
        "type: etablissement_sante": "type: etablissement",
        "courriel: communications@essai.qc.ca": "courriel: communications-essai.qc.ca",
        "en_vigueur: 2025-03-01": "en_vigueur: 01/03/2024",
    })
    problems = errors(path)
    assert [(p.line, p.field) for p in problems] == [
        (6, "organisation.type"),
        (25, "contacts.communications.courriel"),
        (34, "revision.en_vigueur"),
    ]
    assert "Valeurs permises : « etablissement_sante », « ordre_professionnel » ou « autre »" in problems[0].message
    assert problems[0].hint == "Vouliez-vous dire « etablissement_sante » ?"
    assert "adresse courriel" in problems[1].message and "« communications-essai.qc.ca »" in problems[1].message
    assert "AAAA-MM-JJ" in problems[2].message and "« 01/03/2024 »" in problems[2].message


def test_missing_required_field(org_file):
    [problem] = errors(org_file({"  numero: POL-ESSAI-1\n": ""}))
    assert problem.field == "revision.numero"
    assert problem.message == "Ce champ est obligatoire et il est absent."
    assert problem.line == 32  # the « revision: » section that lacks it


def test_french_yes_no_and_hours(org_file):
    org, _ = load_organisation(org_file({"  fin: \"17:00\"": "  fin: 17 h\n  jours_feries: oui"}))
    assert org.moderation.fin == "17:00"
    assert org.moderation.jours_feries is True


def test_bad_hour_and_phone(org_file):
    problems = errors(org_file({"  fin: \"17:00\"": "  fin: midi",
                                "    titre: Service des communications\n    courriel":
                                "    titre: Service des communications\n    telephone: 432-2777\n    courriel"}))
    fields = {p.field: p.message for p in problems}
    assert "« 8 h 30 »" in fields["moderation.fin"]
    assert "dix chiffres" in fields["contacts.communications.telephone"]


def test_empty_list_is_refused(org_file):
    [problem] = errors(org_file({"plateformes:\n  - nom: Facebook\n  - nom: LinkedIn": "plateformes: []"}))
    assert problem.message == "Cette liste ne peut pas être vide."


def test_unreadable_files(tmp_path):
    [absent] = errors(tmp_path / "absent.yaml")
    assert (absent.code, absent.message) == ("io.read", "Lecture impossible : fichier introuvable.")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("nom: Québec".encode("latin-1"))
    assert "UTF-8" in errors(bad)[0].message
    scalar = tmp_path / "scalar.yaml"
    scalar.write_text("bonjour\n")
    assert "sections" in errors(scalar)[0].message


def test_a_category_without_its_regime_says_how_to_write_it(org_file):
    [problem] = errors(org_file({"  - {categorie: le personnel, regime: employeur}": "  - le personnel"}))
    assert problem.field == "personnes_visees[1]"
    assert "« regime: membre »" in problem.message and "README.md" in problem.message
