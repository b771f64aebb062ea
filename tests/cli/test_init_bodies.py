"""`policygen init` driven as a person would, with piped answers, for four kinds of body:
each file passes `check`, and its documents name the right law and employer. Then the
answers `check` would refuse are refused when typed (issue 21), and the file is opened
without following a link."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import NamedTuple

import pytest

from readback import html_text
from reviewkit import run_cli


# One answer per line, in the order asked; "" takes the default offered.
CISSS = [
    "Centre intégré de santé et de services sociaux de l’Essai", "CISSS de l’Essai",
    "", "",            # genre (masculin, from « CISSS »), an article: yes
    "", "",            # appellation « CISSS » and its gender
    "",                # type: etablissement_sante, from « Centre »
    "",                # part of Santé Québec: yes
    "",                # secteur: public, from Santé Québec
    "Soigner la population de l’Essai.", "",
    "",                # publishes in French
    "",                # the usual categories
    "", "", "la direction des communications", "l’équipe des communications",
    "",                # platforms: Facebook, LinkedIn
    "", "communications@essai.qc.ca",
    "", "", "1 866 963-7770", "",          # complaints: no e-mail, a telephone number
    "", "vie.privee@essai.qc.ca (à confirmer)",
    "", "", "", "",      # moderation days, hours, no on-call team
    "POL-2026-1", "2026-10-01 (à confirmer)", "Conseil d’administration de Santé Québec", "",
    "",                # revised every 3 years
]
ORDRE = [
    "Ordre des infirmières et infirmiers de l’Essai", "OIIE", "", "",
    "", "",            # appellation « Ordre », from the name
    "", "",            # type ordre_professionnel, secteur prive
    "Protéger le public en veillant à la qualité de l’exercice infirmier.", "", "",
    "les infirmières et infirmiers", "une infirmière ou un infirmier", "la profession infirmière",
    "infirmière ou infirmier", "",
    "",
    "Direction des communications", "féminin", "la directrice des communications", "l’équipe des communications",
    "Facebook", "",
    "", "communications@oiie.example.qc.ca",
    "", "syndic@oiie.example.qc.ca",
    "",                # complaints on the Ordre's own services: the communications contact
    "", "prp@oiie.example.qc.ca",
    "", "", "", "",      # moderation days, hours, no on-call team
    "OIIE-2026-1", "2026-10-01", "Conseil d’administration", "", "5",
]
CLINIQUE = [
    "Kinetika physiothérapie inc.", "Kinetika", "féminin", "non",
    "", "", "féminin",  # appellation « Kinetika » (the name, without article), no article, feminine
    "", "",            # type autre, secteur prive
    "Offrir des soins de physiothérapie.", "https://www.kinetika.example.ca", "français", "anglais", "",
    "soins", "la clientèle", "une personne de la clientèle",   # what it offers, to whom
    "",
    "Service du marketing", "", "la directrice du marketing", "l’équipe du marketing",
    "Facebook", "Instagram", "",
    "", "marketing@kinetika.example.ca",
    "Service à la clientèle", "clientele@kinetika.example.ca",
    "", "",            # how a sentence names it: « Service à la clientèle », masculine (offered)
    "", "prp@kinetika.example.ca",
    "", "", "", "",      # moderation days, hours, no on-call team
    "oui",             # its accounts make its paid services known
    "",                # responders sign with their name
    "KIN-2026-1", "2026-09-01", "Direction générale", "", "",
]
COMMUNAUTAIRE = [
    "Ligne d’écoute de l’Essai", "", "féminin", "",
    "Ligne", "féminin",  # no word offered: « Ligne » is typed
    "", "",
    "Écouter les personnes en détresse, jour et nuit.", "", "",
    "", "",            # accompagnement, « les personnes desservies » (offered)
    "",
    "", "", "la coordonnatrice", "l’équipe des communications",
    "", 
    "", "info@ligne.example.org",
    "Responsable des plaintes", "", "", "https://www.ligne.example.org/plaintes",
    "", "prp@ligne.example.org",
    "", "", "", "l’intervenante ou l’intervenant de garde",   # moderation days, hours, the on-call team
    "une intervenante ou un intervenant de la Ligne", "1 800 263-2266", "", "jour et nuit, tous les jours",
    "",                                                       # no promotion of services
    "prenom_ou_pseudonyme",                                   # volunteers sign with a first name or a pseudonym
    "LE-2026-1", "2026-09-01", "Conseil d’administration", "", "",
]

# A public body outside Santé Québec whose name takes no article and whose appellation does.
CORPORATION = [
    "Corporation d’urgences-santé de l’Essai", "Urgences-santé", "féminin", "non",
    "", "", "",        # appellation « Corporation » (from the name), with its article, feminine
    "", "public",      # type autre, a public body
    "Répondre aux appels d’urgence médicale et transporter les patients.", "", "",
    "soins", "les patients", "un patient",
    "non",             # its own categories
    "les paramédics et les autres membres du personnel", "",
    "", "les médecins", "", "", "", "", "le public qui commente nos pages", "",
    "Direction des communications", "", "la Direction des communications", "la Direction des communications",
    "Facebook", "",
    "", "communications@us.example.qc.ca",
    "Commissaire aux plaintes et à la qualité des services", "plaintes@us.example.qc.ca",
    "", "",            # « commissaire aux plaintes… », masculine (offered)
    "", "prp@us.example.qc.ca",
    "", "", "", "", "",
    "US-2026-1", "2026-09-01", "Conseil d’administration", "", "",
]


class Ran(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def _policygen(folder: Path, *args: str, answers: list[str] | None = None) -> Ran:
    """`policygen` in-process from `folder`, the answers piped (tests/cli/test_init.py keeps one
    real process with a piped terminal)."""
    with contextlib.chdir(folder):
        result = run_cli(*args, input=None if answers is None else "\n".join(answers) + "\n")
    return Ran(result.exit_code, result.stdout, result.stderr)


def _init(folder: Path, answers: list[str], name: str = "organisme.yaml") -> Ran:
    return _policygen(folder, "init", name, answers=answers)


def _built(folder: Path, name: str = "organisme.yaml") -> str:
    check = _policygen(folder, "check", name)
    assert check.returncode == 0, check.stdout + check.stderr
    build = _policygen(folder, "build", name, "--format", "html", "--document", "politique,netiquette", "--silencieux")
    assert build.returncode == 0, build.stderr
    stem = name.removesuffix(".yaml")
    return " ".join(" ".join(html_text(folder / "output" / stem / f"{d}.html").replace("\u00a0", " ")
                             .replace("\u202f", " ").split()) for d in ("politique", "netiquette"))


def test_an_etablissement_of_sante_quebec(tmp_path):
    result = _init(tmp_path, CISSS)
    assert result.returncode == 0, result.stderr
    assert "[CISSS]" in result.stdout and "[Centre]" not in result.stdout
    text = (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
    assert "sante_quebec: oui" in text and "secteur: public" in text and "telephone: 1 866 963-7770" in text
    assert "Un ordre professionnel" not in text
    assert "# Santé Québec est l’employeur et l’organisme public visé par la Loi sur l’accès." in text
    # the editor's schema written beside it: the one `schema` prints, whichever `init` of the process made it
    assert (tmp_path / "organisation.schema.json").read_text(encoding="utf-8") == run_cli("schema").stdout
    built = _built(tmp_path)
    assert "Au sein de Santé Québec, organisme public auquel s’applique la Loi sur l’accès" in built
    assert "l’employeur, Santé Québec," in built


def test_an_ordre_with_its_vocabulary(tmp_path):
    result = _init(tmp_path, ORDRE)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
    assert "vocabulaire:\n" in text and "profession: la profession infirmière" in text
    assert "cadence_annees: 5" in text
    assert "membres_appellation" not in text and "\n  profession:" not in text.split("vocabulaire:")[0]
    built = _built(tmp_path)
    assert "Loi sur la protection des renseignements personnels dans le secteur privé" in built
    assert "la pratique infirmière" in built and "Nul ne peut exercer la profession infirmière" in built
    assert "Prochaine révision Au plus tard le 1er octobre 2031" in built


def test_a_private_clinic_without_article(tmp_path):
    result = _init(tmp_path, CLINIQUE)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
    assert "secteur: prive" in text and "article: non" in text
    assert "Un organisme communautaire ou une clinique privée relève de la loi sur le secteur privé." in text
    assert "services: soins" in text and "usagers: la clientèle" in text
    assert "plaintes:\n    nom: Service à la clientèle\n    genre: masculin" in text
    built = _built(tmp_path)
    assert "Loi sur la protection des renseignements personnels dans le secteur privé" in built
    assert "de Kinetika" in built and "du Kinetika" not in built and "la Kinetika" not in built
    assert "adressez la vôtre au Service à la clientèle de Kinetika" in built
    assert "langues_publication:\n    - français\n    - anglais" in text and "promotion_services: oui" in text
    assert "Elle écrit en français, dans une langue claire, accessible à tous les publics. Une version en anglais peut s’y ajouter." in built
    assert "font connaître ses services, y compris ceux qu’elle offre contre paiement" in built
    assert "une personne de la clientèle" in built and "personnes desservies" not in built


def test_a_public_body_outside_sante_quebec_with_a_name_without_article(tmp_path):
    result = _init(tmp_path, CORPORATION)
    assert result.returncode == 0, result.stderr
    assert "[Corporation]" in result.stdout
    text = (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
    assert "appellation_article: oui" in text and "secteur: public" in text
    assert "# Le texte dira « la Corporation », « de la Corporation », « à la Corporation »." in text
    assert "# Un organisme public relève de la Loi sur l’accès (RLRQ, c. A-2.1)." in text
    assert "clinique privée" not in text
    assert "  - categorie: les médecins\n    regime: professionnel_independant" in text
    built = _built(tmp_path)
    assert "selon la Loi sur l’accès aux documents des organismes publics" in built and "Santé Québec" not in built
    assert "adressez la vôtre au commissaire aux plaintes et à la qualité des services d’Urgences-santé" in built
    assert "des patients" in built and "de Corporation" not in built and "la Urgences" not in built


def test_a_community_organisation_is_offered_no_common_noun(tmp_path):
    result = _init(tmp_path, COMMUNAUTAIRE)
    assert result.returncode == 0, result.stderr
    assert "[Ligne]" not in result.stdout
    assert "les bénévoles (benevole)" in result.stdout and "les stagiaires (stagiaire)" in result.stdout  # the usual categories, shown
    text = (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
    assert "adresse_web: https://www.ligne.example.org/plaintes" in text
    assert "secteur: prive" in text
    built = _built(tmp_path)
    assert "elle alerte aussitôt l’intervenante ou l’intervenant de garde" in built
    assert "Qui vous répond signe de son prénom ou d’un pseudonyme" in built
    assert ("composez le 911. Pour parler à une intervenante ou un intervenant de la Ligne, appelez le "
            "1 800 263-2266, jour et nuit, tous les jours.") in built


def _with(answers: list[str], index: int, *wrong: str) -> list[str]:
    """The answers with wrong ones typed first at `index`, each refused and asked again."""
    return answers[:index] + list(wrong) + answers[index:]


MISSION = CLINIQUE.index("Offrir des soins de physiothérapie.")
EN_VIGUEUR = CLINIQUE.index("2026-09-01")
FIN = EN_VIGUEUR - 5  # the end hour of moderation (then the on-call team, promotion and the signature)


@pytest.mark.parametrize(("index", "wrong", "message"), [
    (MISSION, "x" * 1_000_000, "Valeur trop longue"),
    (MISSION, "Offrir des soins\x07 de physiothérapie.", "Caractère de contrôle ou invisible interdit"),
    (MISSION, "Offrir des soi\u200bns.", "Caractère de contrôle ou invisible interdit"),
    (MISSION, "Offrir des soins\ue000 (à confirmer)", "Caractère de contrôle ou invisible interdit"),
    (MISSION, "Оffrir des soins.", "mêle des lettres de deux alphabets"),  # a Cyrillic О
    (MISSION, "(à confirmer)", "Du texte était attendu"),
    (EN_VIGUEUR, "2126-09-01 (à confirmer)", "Date hors limites"),
    (EN_VIGUEUR, "1899-12-31", "Date hors limites"),
    (FIN, "7 h", "L’heure de fin (7 h) ne vient pas après l’heure de début (8 h 30)"),
])
def test_what_check_refuses_is_refused_when_typed(tmp_path, index, wrong, message):
    result = _init(tmp_path, _with(CLINIQUE, index, wrong))
    assert result.returncode == 0, result.stderr
    assert message in result.stderr and "Recommencez." in result.stderr
    check = _policygen(tmp_path, "check", "organisme.yaml")
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_date_before_a_cited_law_is_asked_again(tmp_path):
    early = CISSS[:-4] + ["2020-01-01", "Conseil d’administration", "", ""] + ["2026-10-01", ""]
    result = _init(tmp_path, early)
    assert result.returncode == 0, result.stderr
    assert "en vigueur" in result.stderr
    assert "en_vigueur: 2026-10-01" in (tmp_path / "organisme.yaml").read_text(encoding="utf-8")


def test_a_dangling_link_is_not_followed(tmp_path):
    (tmp_path / "organisme.yaml").symlink_to(tmp_path / "ailleurs.yaml")
    result = _init(tmp_path, CLINIQUE)
    assert result.returncode == 2 and "existe déjà" in result.stderr
    assert not (tmp_path / "ailleurs.yaml").exists()
    assert os.path.islink(tmp_path / "organisme.yaml")


def test_any_answer_may_be_marked_to_confirm(tmp_path):
    answers = list(CLINIQUE)
    answers[7:9] = ["autre (à confirmer)", "prive (à confirmer)"]   # type and secteur
    result = _init(tmp_path, answers)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
    assert "type: autre (à confirmer)" in text and "secteur: prive (à confirmer)" in text
    check = _policygen(tmp_path, "check", "organisme.yaml")
    assert check.returncode == 0 and "Valeur à confirmer : « prive »" in check.stderr + check.stdout


def test_a_character_the_font_lacks_is_asked_again_once_the_file_is_whole(tmp_path):
    answers = ["Kinetika physiothérapie inc. 漢", *CLINIQUE[1:], "Kinetika physiothérapie inc."]
    result = _init(tmp_path, answers)
    assert result.returncode == 0, result.stderr
    assert "n’existe pas dans la police Lato" in result.stderr
    assert "nom: Kinetika physiothérapie inc.\n" in (tmp_path / "organisme.yaml").read_text(encoding="utf-8")
