"""`policygen diff`: files written, terminal summary, HTML diff, bad input."""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

from reviewkit import CISSS, FIXTURE_LIBRARY, FIXTURE_ORG, W, docx_part, edited, paragraph_texts, plain, run_cli
from policygen.library.loader import load_library
from policygen.review.compare import compare_files
from trackchanges import accept_all, reject_all


def cisss_changed(tmp_path):
    return edited(tmp_path, CISSS, "cisss-v2.yaml",
                  ("courriel: mrpc.cissslau@ssss.gouv.qc.ca", "courriel: relations.cissslau@ssss.gouv.qc.ca"),
                  ("en_vigueur: 2026-10-01 (à confirmer)", "en_vigueur: 2026-11-02"),
                  # the version's history line follows its date, or no command would build it
                  ("      date: 2026-10-01 (à confirmer)", "      date: 2026-11-02"))


@pytest.fixture(scope="module")
def compared(tmp_path_factory):
    """`policygen diff` of the CISSS file and its edited copy (cisss-v2.yaml), once for the two tests
    that read it: (the folder of the copy, the run); the outputs are in the folder's cmp/."""
    folder = tmp_path_factory.mktemp("diff")
    result = run_cli("diff", CISSS, cisss_changed(folder), "--out", folder / "cmp")
    assert result.exit_code == 0, result.output
    return folder, result


def test_diff_writes_redlines_and_html_and_summarises(compared):
    folder, result = compared
    out = folder / "cmp"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{kind}.{ext}" for kind in ("politique", "netiquette", "fiche-synthese")
        for ext in ("redline.docx", "diff.html"))
    lines = result.output.splitlines()
    assert re.search(r"contacts\.communications\.courriel : « mrpc\.cissslau@ssss\.gouv\.qc\.ca » → "
                     r"« relations\.cissslau@ssss\.gouv\.qc\.ca » \(ligne \d+\)", result.output)
    date = next(i for i, line in enumerate(lines) if line.startswith("  revision.en_vigueur : "))
    assert lines[date].startswith("  revision.en_vigueur : « 1er octobre 2026 » → « 2 novembre 2026 » (ligne ")
    assert "politique.entete (politique, modifiée)" in lines[date + 1]
    assert re.search(r"^  politique : \d+ clauses? modifiées? → ", result.output, re.M)
    assert "politique.contacts (politique, modifiée)" in result.output  # the e-mail change reaches the contacts

    with zipfile.ZipFile(out / "politique.redline.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    inserted = [plain("".join(t.text for t in c.iter(f"{W}t"))) for c in body.iter(f"{W}ins")]
    deleted = [plain("".join(t.text for t in c.iter(f"{W}delText"))) for c in body.iter(f"{W}del")]
    # « 1er » is raised: its « er » is a run of its own, so the deleted runs are read together
    assert "2 novembre" in inserted and "1er octobre" in "".join(deleted)
    html = plain((out / "politique.diff.html").read_text(encoding="utf-8"))
    assert '<html lang="fr-CA">' in html
    # the words keep the document's typesetting: « 1er » raised, as the HTML writer writes it
    assert "<del><span class=\"sr\">[début de la suppression : </span>1<sup>er</sup> octobre" in html
    assert "<ins><span class=\"sr\">[début de l’ajout : </span>2 novembre" in html
    assert "revision.en_vigueur : « 1er octobre 2026 » → « 2 novembre 2026 »" in html
    assert "text-decoration: line-through" in html and "text-decoration: underline" in html
    assert "<script" not in html and "<link" not in html and 'src="' not in html  # self-contained


def test_diff_of_identical_files_says_so(tmp_path):
    # The small fixture body: what is said of two identical files holds for any body (a real one compared with
    # itself is test_one_diff's first random pair, every document's redline and HTML diff read back).
    result = run_cli("diff", FIXTURE_ORG, FIXTURE_ORG, "--out", tmp_path / "cmp", "--bibliotheque", FIXTURE_LIBRARY)
    assert result.exit_code == 0
    assert "aucun champ modifié." in result.output
    assert "politique : aucune différence" in result.output
    assert "Le texte est identique." in (tmp_path / "cmp" / "politique.diff.html").read_text(encoding="utf-8")


def test_diff_with_a_bad_file_reports_every_problem_and_writes_nothing(tmp_path):
    broken = edited(tmp_path, CISSS, "casse.yaml", ("en_vigueur: 2026-10-01 (à confirmer)", "en_vigueur: 1er octobre"),
                    ("  secteur: public", "  secteur: publique"))
    result = run_cli("diff", CISSS, broken, "--out", tmp_path / "cmp")
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert re.search(r"casse\.yaml:\d+: erreur \[organisation\.schema\] — revision\.en_vigueur", result.output)
    assert re.search(r"casse\.yaml:\d+: erreur \[organisation\.schema\] — organisation\.secteur", result.output)
    assert "aucune comparaison n’a été produite." in result.output
    assert not (tmp_path / "cmp").exists()


def test_diff_of_a_missing_file(tmp_path):
    result = run_cli("diff", CISSS, tmp_path / "absent.yaml", "--out", tmp_path / "cmp")
    assert result.exit_code == 6
    assert "absent.yaml: erreur [io.read]\n  Lecture impossible : fichier introuvable." in result.output


def test_diff_outputs_are_reproducible_and_dated_by_source_date_epoch(compared, tmp_path):
    folder, _ = compared  # the first run, "a"; a second one, "b", and one dated by the variable
    changed, runs = folder / "cisss-v2.yaml", {"a": folder / "cmp", "b": tmp_path / "b", "epoch": tmp_path / "epoch"}
    assert run_cli("diff", CISSS, changed, "--out", runs["b"]).exit_code == 0
    # (the dated run: a small body's politique, its redline's dates read; the date comes from the variable
    # whatever the body, and the CISSS politique would be laid out twice more, for dates of its own)
    small = edited(tmp_path, FIXTURE_ORG, "nouveau.yaml", ("450 555-1234", "450 555-9876"))
    assert run_cli("diff", FIXTURE_ORG, small, "--out", runs["epoch"], "--document", "politique",
                   "--bibliotheque", FIXTURE_LIBRARY, env={"SOURCE_DATE_EPOCH": "1700000000"}).exit_code == 0
    for path in sorted(runs["a"].iterdir()):
        assert path.read_bytes() == (runs["b"] / path.name).read_bytes(), path.name
    dates = {}
    for name in ("a", "epoch"):
        with zipfile.ZipFile(runs[name] / "politique.redline.docx") as archive:
            body = etree.fromstring(archive.read("word/document.xml"))
        dates[name] = {c.get(f"{W}date") for c in body.iter(f"{W}ins", f"{W}del")}
    assert dates == {"a": {"2026-11-02T12:00:00Z"}, "epoch": {"2023-11-14T22:13:20Z"}}


class Recorded:
    """A progress display that keeps what it is told."""

    def __init__(self):
        self.told: list[tuple] = []

    def start(self, total, what):
        self.told.append(("start", total, what))

    def advance(self, label):
        self.told.append(("advance", label))

    def stop(self):
        self.told.append(("stop",))


def test_diff_tells_its_progress_file_by_file_and_is_quiet_on_demand(tmp_path):
    progress = Recorded()
    library = load_library(FIXTURE_LIBRARY)
    changed = edited(tmp_path, FIXTURE_ORG, "nouveau.yaml", ("450 555-1234", "450 555-9876"))
    compare_files(FIXTURE_ORG, changed, library, ["politique"], progress)
    assert progress.told == [("start", 2, "Comparaison des documents"), ("advance", "politique (redline DOCX)"),
                             ("advance", "politique (comparaison HTML)"), ("stop",)]
    quiet = run_cli("diff", FIXTURE_ORG, changed, "--out", tmp_path / "cmp", "--silencieux",
                    "--bibliotheque", FIXTURE_LIBRARY)
    assert quiet.exit_code == 0 and "politique :" in quiet.output
    assert "--silencieux" in run_cli("diff", "--help").output


def test_accept_all_gives_the_new_politique_and_reject_all_the_old_one_as_build_writes_them(compared, built, tmp_path):
    # The old one's is the session's build of CISSS; the new one's politique is built here, last in this
    # file and in this process (-j 1): the diffs above laid its pages out, a build lets its layouts go.
    folder, _ = compared
    with zipfile.ZipFile(folder / "cmp" / "politique.redline.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    new = tmp_path / "nouveau"
    assert run_cli("build", folder / "cisss-v2.yaml", "--out", new, "--format", "docx",
                   "--document", "politique", "-j", "1").exit_code == 0
    new_docx, old_docx = next(new.glob("*/politique.docx")), built / "cisss-laurentides" / "politique.docx"
    # (a build marks the draft « Projet » above its title; the comparison compares the texts)
    built_texts = [paragraph_texts(docx_part(path).find(f"{W}body")) for path in (new_docx, old_docx)]
    assert [texts[0] for texts in built_texts] == ["Projet", "Projet"]
    assert paragraph_texts(accept_all(body)) == built_texts[0][1:]
    assert paragraph_texts(reject_all(body)) == built_texts[1][1:]
