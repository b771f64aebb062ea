"""A help line's number reserved for fiction (555-01xx) is refused by a final version, located, with
the fix; a draft is warned, and a number marked « (à confirmer) » is left to that mark."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policygen.cli.main import main

LIGNE = Path(__file__).resolve().parents[1] / "fixtures" / "organismes" / "ligne-ecoute.yaml"


def _check(tmp_path: Path, old: str | None = None, new: str | None = None, *options: str):
    text = LIGNE.read_text(encoding="utf-8")
    if old is not None:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "ligne-ecoute.yaml"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", *options, str(path)], env={"SOURCE_DATE_EPOCH": "1796083200"})


def test_a_final_version_refuses_a_help_line_number_reserved_for_fiction(tmp_path):
    result = _check(tmp_path, None, None, "--final")
    line = next(i for i, text in enumerate(LIGNE.read_text(encoding="utf-8").splitlines(), 1)
                if "514 555-0199" in text)
    assert result.exit_code == 3, result.output
    assert (f"ligne-ecoute.yaml:{line}: erreur [organisation.fictitious] — netiquette.ligne_aide.telephone"
            in result.output)
    assert "« 514 555-0199 » est un numéro réservé aux exemples (555-0100 à 555-0199)" in result.output
    assert "ajoutez « (à confirmer) » après la valeur" in result.output


def test_a_draft_is_warned_and_a_marked_number_is_left_to_its_mark(tmp_path):
    draft = _check(tmp_path)  # reader 8 S-3: a draft is warned (the documents print the number to confirm)
    assert draft.exit_code == 0 and "avertissement [organisation.fictitious]" in draft.output, draft.output
    marked = _check(tmp_path, "514 555-0199", "514 555-0199 (à confirmer)", "--final")
    assert "organisation.fictitious" not in marked.output
    assert "Valeur à confirmer : « 514 555-0199 »." in marked.output


def test_a_real_number_passes(tmp_path):
    assert "organisation.fictitious" not in _check(tmp_path, "514 555-0199", "1 800 263-2266", "--final").output
