"""Revision cadence: the next review date in the documents, and `check` warning when it is past."""

from __future__ import annotations

import datetime as dt

from reviewkit import FIXTURE_ORG, W, docx_part, edited, fixture_documents, paragraph_texts, plain, run_cli
from policygen.orgfile.cadence import today
from policygen.writers.docx.document import write_docx

def epoch(date: dt.date) -> str:
    return str(int(dt.datetime(date.year, date.month, date.day, 12, tzinfo=dt.timezone.utc).timestamp()))


def line_of(path, start: str) -> int:
    return next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.strip().startswith(start))


def test_today_is_source_date_epoch_when_set_else_the_clock():
    assert today({"SOURCE_DATE_EPOCH": "1700000000"}, lambda: dt.date(1999, 1, 1)) == dt.date(2023, 11, 14)
    assert today({}, lambda: dt.date(1999, 1, 1)) == dt.date(1999, 1, 1)
    assert today({"SOURCE_DATE_EPOCH": ""}, lambda: dt.date(1999, 1, 1)) == dt.date(1999, 1, 1)


def test_documents_show_in_force_and_next_review_dates(tmp_path):
    _, [politique] = fixture_documents()
    write_docx(politique, tmp_path / "p.docx")
    text = plain("\n".join(paragraph_texts(docx_part(tmp_path / "p.docx").find(f"{W}body"))))
    # In force 2025-03-15, reviewed every 2 years.
    assert "en vigueur le 15 mars 2025. Prochaine révision au plus tard le 15 mars 2027." in text


def test_check_warns_when_the_review_date_is_past():
    result = run_cli("check", FIXTURE_ORG, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2027, 3, 16))})
    assert result.exit_code == 0
    line = line_of(FIXTURE_ORG, "en_vigueur:")
    assert f"organisation.yaml:{line}: avertissement [cadence.overdue] — revision.en_vigueur\n" \
           "  Les documents devaient être révisés au plus tard le 15 mars 2027 (entrée en vigueur le " \
           "15 mars 2025, révision tous les 2 ans) : la date est dépassée." in result.output
    assert "organisation.yaml : aucune erreur, 1 avertissement." in result.output


def test_check_is_quiet_on_the_due_date():
    result = run_cli("check", FIXTURE_ORG, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2027, 3, 15))})
    assert result.exit_code == 0
    assert "avertissement" not in result.output and "organisation.yaml : aucun problème." in result.output


def test_the_last_revision_restarts_the_cadence(tmp_path):
    revised = edited(tmp_path, FIXTURE_ORG, "revisee.yaml",
                     ("  cadence_annees: 2", "  cadence_annees: 1\n  derniere_revision: 2025-06-01"))
    result = run_cli("check", revised, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2026, 6, 2))})
    assert result.exit_code == 0
    line = line_of(revised, "derniere_revision:")
    assert f"revisee.yaml:{line}: avertissement [cadence.overdue] — revision.derniere_revision" in result.output
    # The first of the month is an ordinal in French running text (OQLF): « 1er juin », never « 1 juin ».
    assert "(dernière révision le 1er juin 2025, révision chaque année)" in result.output
    quiet = run_cli("check", revised, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2026, 5, 31))})
    assert "avertissement" not in quiet.output


def test_errors_still_stop_with_exit_3(tmp_path):
    broken = edited(tmp_path, FIXTURE_ORG, "casse.yaml", ("secteur: public", "secteur: publique"))
    result = run_cli("check", broken, env={"SOURCE_DATE_EPOCH": epoch(dt.date(2030, 1, 1))})
    assert result.exit_code == 3
    assert "erreur [organisation.schema] — organisation.secteur" in result.output
