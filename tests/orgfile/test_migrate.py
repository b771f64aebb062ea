"""`policygen check --migrer`: a file in last month's form (tests/orgfile/anciens/ocq.yaml,
the OCQ file of 2026-11-24) is written in the current form beside it, keeps its values
and comments, lists the decisions to make, passes check and builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from policygen.cli.main import main
from readback import html_text

OLD = Path(__file__).parent / "anciens" / "ocq.yaml"


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": "1790000000"})


def test_an_old_file_migrates_keeps_its_comments_and_lists_decisions(tmp_path):
    old = shutil.copy(OLD, tmp_path / "ocq.yaml")
    before = Path(old).read_text(encoding="utf-8")
    result = _invoke("check", "--migrer", old)
    assert result.exit_code == 0, result.output
    assert Path(old).read_text(encoding="utf-8") == before  # the old file is left as it was
    new = (tmp_path / "ocq-migre.yaml").read_text(encoding="utf-8")
    assert "# plausible : déduit de l’adresse courriel du syndic" in new
    assert "  - categorie: les membres de l’Ordre\n    regime: membre (à confirmer)\n" in new
    assert ("  - categorie: les employés de l’Ordre, y compris les consultants, les étudiants et les stagiaires\n"
            "    regime: employeur (à confirmer)\n") in new
    assert "vocabulaire:\n  profession: chiropratique\n  membres: les chiropraticiens et chiropraticiennes\n" in new
    assert "membres_appellation" not in new
    output = " ".join(result.output.split())
    assert "ocq.yaml → " in output and "9 décisions à prendre" in output
    assert "« organisation.membres_appellation » s’appelle maintenant « vocabulaire.membres »" in output
    assert "ocq.yaml:52 : le commentaire dit cette valeur incertaine (« # plausible »)" in output
    # Every regime is offered, the administrators' one it proposes included.
    assert ("régime proposé « administrateur » (à confirmer) : employeur, administrateur, membre, "
            "professionnel_independant, etudiant, benevole, stagiaire ou public") in output
    assert "ocq-migre.yaml : aucune erreur" in output
    build = _invoke("build", tmp_path / "ocq-migre.yaml", "--out", tmp_path / "out", "--format", "html",
                    "--document", "politique", "--silencieux")
    assert build.exit_code == 0, build.output
    politique = " ".join(html_text(tmp_path / "out" / "ocq-migre" / "politique.html").split())
    assert "les chiropraticiens et chiropraticiennes" in politique


def test_a_migrated_file_is_never_written_over_another(tmp_path):
    old = shutil.copy(OLD, tmp_path / "ocq.yaml")
    (tmp_path / "ocq-migre.yaml").write_text("# le mien\n", encoding="utf-8")
    result = _invoke("check", "--migrer", old)
    assert result.exit_code != 0 and "Impossible d’écrire le fichier migré" in result.output
    assert (tmp_path / "ocq-migre.yaml").read_text(encoding="utf-8") == "# le mien\n"


def test_old_keys_are_reported_as_renamed(org_file):
    path = org_file({"  mission: Soigner": "  profession: soins\n  membres_appellation: soignants\n  mission: Soigner"})
    result = _invoke("check", path)
    assert result.exit_code == 0, result.output
    assert "La clé « organisation.profession » s’appelle maintenant « vocabulaire.profession »" in result.output
    assert ("La clé « organisation.membres_appellation » s’appelle maintenant « vocabulaire.membres ». "
            "Sa valeur est acceptée à ce nouvel endroit, précédée de « les ».") in result.output


def test_a_category_no_word_of_which_names_a_regime_is_still_given_one_to_confirm(tmp_path):
    text = OLD.read_text(encoding="utf-8").replace("  - les membres de l’Ordre\n",
                                                   "  - les membres de l’Ordre\n  - les partenaires\n")
    (tmp_path / "ocq.yaml").write_text(text, encoding="utf-8")
    result = _invoke("check", "--migrer", tmp_path / "ocq.yaml")
    assert result.exit_code == 0, result.output
    assert "  - categorie: les partenaires\n    regime: employeur (à confirmer)\n" in (
        tmp_path / "ocq-migre.yaml").read_text(encoding="utf-8")
    assert "« les partenaires » — régime proposé « employeur » (à confirmer), aucun de ses mots n’en suggérant un" \
        in " ".join(result.output.split())
