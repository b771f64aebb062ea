"""Each nétiquette choice, both ways, read back from the built HTML and DOCX."""

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from readback import docx_text, html_text

DEFAULTS = ""  # no « netiquette: » section: every default applies
FLIPPED = """netiquette:
  langues: [Français, anglais]
  comptes_anonymes: permis
  lecture: avant_publication
  corrections: non
  retrait: masquer
  motifs: {majuscules: non, repetitions: non, desinformation: non}
  urgence: {heures_prolongees: non, echanges_suspendus: non}
"""

# (what the default nétiquette says, what the flipped one says instead)
CHOICES = {
    "langues": ("Nous répondons en français.", "Nous répondons en français ; nous pouvons aussi répondre en anglais."),
    "comptes_anonymes": ("Nous vous invitons à participer sous votre véritable identité.",
                         "Vous pouvez participer sous un pseudonyme"),
    "lecture": ("lisons les commentaires pendant nos heures de modération", "lisons chaque commentaire avant qu’il paraisse"),
    "corrections": ("Nous corrigeons ou retirons nos informations inexactes", None),
    "retrait": ("Nous pouvons masquer ou supprimer un commentaire",
                "Seuls les contenus illégaux sont supprimés"),
    "majuscules": ("entièrement en majuscules", None),
    "repetitions": ("les messages répétés", None),
    "desinformation": ("une information manifestement fausse qui présente un risque pour la santé ou la sécurité du public",
                       "nous y répondons par l’information juste"),
    "urgence": ("au-delà des heures habituelles", None),
    "echanges": ("les autres échanges peuvent attendre", None),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The nétiquette of the fixture with every default, and with every choice flipped."""
    from conftest import FIXTURES
    root = tmp_path_factory.mktemp("netiquettes")
    texts = {}
    for name, section, days in (("defauts", DEFAULTS, "[lundi, mardi, mercredi, jeudi, vendredi]"),
                                ("inverses", FLIPPED, "[Lundi, mercredi, vendredi]")):
        text = (FIXTURES / "organisation.yaml").read_text(encoding="utf-8")
        text = text.replace("\nrevision:\n", f"\n{section}revision:\n").replace(
            "  debut: 8 h 30", f"  jours: {days}\n  debut: 8 h 30")
        path = root / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["build", str(path), "--out", str(root / "out"), "--format",
                                           "html,docx", "--document", "netiquette"])
        assert result.exit_code == 0, result.output
        folder = root / "out" / name
        texts[name] = {fmt: " ".join(reader(folder / f"netiquette.{fmt}").split())
                       for fmt, reader in (("html", html_text), ("docx", docx_text))}
    return texts


@pytest.mark.parametrize("fmt", ["html", "docx"])
@pytest.mark.parametrize("choice", sorted(CHOICES))
def test_each_choice_both_ways(built, choice, fmt):
    default, flipped = CHOICES[choice]
    assert default in built["defauts"][fmt]
    assert default not in built["inverses"][fmt]
    if flipped:
        assert flipped in built["inverses"][fmt]
        assert flipped not in built["defauts"][fmt]


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_days_read_right_and_the_distress_lines_are_given(built, fmt):
    assert "Nous suivons nos pages du lundi au vendredi, de 8 h 30 à 17 h" in built["defauts"][fmt]
    assert "Nous suivons nos pages les lundis, mercredis et vendredis, de 8 h 30 à 17 h" in built["inverses"][fmt]
    for text in (built["defauts"][fmt], built["inverses"][fmt]):
        assert "composez le 911" in text
        assert "Info-Santé ou Info-Social au 811" in text
        assert "appelez ou textez le 9-8-8" in text
