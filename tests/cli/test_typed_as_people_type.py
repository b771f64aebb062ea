"""`policygen check` on values typed as people type them: accepted, or one exact French
message with its file, line and field, and what to type instead."""

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.orgfile import renames


@pytest.fixture
def check(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the fixture is not overdue

    def invoke(path):
        return CliRunner().invoke(main, ["check", str(path)], prog_name="policygen")

    return invoke


def test_choices_in_any_case_and_accents(check, org_file):
    path = org_file({"  secteur: public": "  secteur: Public\n  genre: Masculin\n  appellation_genre: Féminin",
                     "  type: etablissement_sante": "  type: Établissement santé",
                     "\nrevision:\n": "\nnetiquette:\n  comptes_anonymes: Refusés\n  lecture: Après publication\n"
                                      "  corrections: Oui\nrevision:\n"})
    result = check(path)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("essai.yaml : aucun problème.\n")


def test_an_unknown_choice_is_still_an_error(check, org_file):
    result = check(org_file({"  secteur: public": "  secteur: publique"}))
    assert result.exit_code == 3
    assert "essai.yaml:7: erreur [organisation.schema] — organisation.secteur" in result.output
    assert "Vouliez-vous dire « public » ?" in result.output


def test_day_month_year_date_gets_the_iso_form(check, org_file):
    result = check(org_file({"en_vigueur: 2025-03-01": "en_vigueur: 27/04/2018"}))
    assert result.exit_code == 3
    assert ("essai.yaml:34: erreur [organisation.schema] — revision.en_vigueur\n"
            "  Une date au format AAAA-MM-JJ était attendue ; trouvé : « 27/04/2018 ».\n"
            "  Vouliez-vous dire 2018-04-27 ?") in result.output


def test_an_ambiguous_date_offers_both_readings(check, org_file):
    result = check(org_file({"en_vigueur: 2025-03-01": "en_vigueur: 04/05/2018"}))
    assert "Vouliez-vous dire 2018-05-04 (4 mai 2018) ou 2018-04-05 (5 avril 2018) ?" in result.output


def test_a_day_that_does_not_exist(check, org_file):
    result = check(org_file({"en_vigueur: 2025-03-01": "en_vigueur: 2025-09-31"}))
    assert result.exit_code == 3
    assert ("essai.yaml:34: erreur [organisation.schema] — revision.en_vigueur\n"
            "  Cette date n’existe pas : « 2025-09-31 » (septembre 2025 n’a que 30 jours).\n"
            "  Vérifiez le jour : le dernier jour du mois est 2025-09-30.") in result.output


def test_international_phone_form_is_accepted(check, org_file):
    path = org_file({"    courriel: communications@essai.qc.ca":
                     "    courriel: communications@essai.qc.ca\n    telephone: +1 514 933-4441\n"
                     "    sans_frais: 1-514-933-4441"})
    assert check(path).exit_code == 0


def test_end_hour_before_start_hour(check, org_file):
    result = check(org_file({"  fin: \"17:00\"": "  fin: 8 h"}))
    assert result.exit_code == 3
    assert ("essai.yaml:21: erreur [organisation.schema] — moderation.fin\n"
            "  L’heure de fin (8 h) ne vient pas après l’heure de début (8 h 30).\n"
            "  Écrivez une heure de fin plus tardive que celle du début, par exemple « fin: 16 h 30 ».") \
        in result.output


def test_moderation_days_as_a_list_and_a_misspelt_day(check, org_file):
    assert check(org_file({"  debut: 8 h 30": "  jours: [lundi, mercredi, vendredi]\n  debut: 8 h 30"})).exit_code == 0
    result = check(org_file({"  debut: 8 h 30": "  jours: [lundi, mecredi]\n  debut: 8 h 30"}))
    assert result.exit_code == 3
    assert "erreur [organisation.schema] — moderation.jours" in result.output
    assert "« mecredi » n’est pas un jour de la semaine. Vouliez-vous dire « mercredi » ?" in result.output


def test_missing_contact_points_to_the_readme_example(check, org_file):
    path = org_file({"  plaintes:\n    titre: Commissaire aux plaintes et à la qualité des services\n": ""})
    result = check(path)
    assert result.exit_code == 3
    assert ("essai.yaml:22: erreur [organisation.schema] — contacts.plaintes\n"
            "  Ce champ est obligatoire et il est absent.\n"
            "  Ajoutez-le (voir l’exemple de README.md#les-contacts (section « Les contacts »)).") in result.output


def test_readme_has_the_contacts_example():
    from pathlib import Path
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "\n### Les contacts\n" in readme and "  plaintes:\n" in readme


def test_a_moved_value_is_validated_at_its_new_place(check, org_file, monkeypatch):
    monkeypatch.setattr(renames, "RENAMED", {"roles.moderation": "netiquette.moderateurs"})
    # the schema has no « netiquette.moderateurs »: the moved value must still be validated there
    result = check(org_file())
    assert result.exit_code == 3
    assert "netiquette.moderateurs" in result.output and "Clé inconnue : « moderateurs »." in result.output


def test_a_moved_key_keeps_building(check, org_file, monkeypatch):
    monkeypatch.setattr(renames, "RENAMED", {"moderation.jours_ouvrables": "moderation.jours"})
    path = org_file({"  debut: 8 h 30": "  jours_ouvrables: [lundi, mardi, mercredi]\n  debut: 8 h 30"})
    result = check(path)
    assert result.exit_code == 0, result.output
    assert ("essai.yaml:20: avertissement [organisation.renamed-key] — moderation.jours_ouvrables\n"
            "  La clé « moderation.jours_ouvrables » s’appelle maintenant « moderation.jours ». "
            "Sa valeur est acceptée à ce nouvel endroit.\n"
            "  Renommez-la « moderation.jours » (voir README.md#cles-renommees).") in result.output
    assert "essai.yaml : aucune erreur, 1 avertissement." in result.output
