"""Same input, same bytes; SOURCE_DATE_EPOCH sets the file dates; the manifest
says what went into the outputs."""

from __future__ import annotations

import hashlib
import json
import zipfile

import docx
import yaml
from pypdf import PdfReader

from policygen.resources import TEMPLATES
from reviewkit import CISSS, FIXTURE_LIBRARY, FIXTURE_ORG, ROOT, run_cli

SMALL_BODY = ROOT / "tests" / "fixtures" / "organisation.yaml"
SMALL_LIBRARY = ROOT / "tests" / "fixtures" / "library"
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC


def build(out, epoch=None, *extra, organisation=CISSS):
    # in this process (--jobs 1): a pool would start worker processes that import the writers again, ~2 s of CPU
    result = run_cli("build", organisation, "--out", out, "--jobs", "1", *extra, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code == 0, result.output
    return out / organisation.stem


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path, cisss_builds):
    """A shipped body's nétiquette and its English edition, built again in this process, have the bytes of the
    run's shared build (made in another process): every format, and the manifest's entry. (Its politique and
    fiche: test_incremental's three builds of the fixture library's documents, with 1, 2 and 8 processes.)"""
    again = build(tmp_path / "again", None, "--document", "netiquette")
    first = cisss_builds["plain"]
    names = sorted(p.name for p in again.iterdir())
    assert names == sorted(["manifest.json", *(f"{kind}.{fmt}" for kind in ("netiquette", "netiquette.en")
                                               for fmt in ("docx", "html", "pdf"))])
    for name in names[1:]:  # the manifest aside: it lists the nétiquettes only
        assert (again / name).read_bytes() == (first / name).read_bytes(), name
    manifests = [json.loads((folder / "manifest.json").read_text(encoding="utf-8")) for folder in (again, first)]
    assert manifests[0]["documents"] == {kind: manifests[1]["documents"][kind]
                                         for kind in ("netiquette", "netiquette.en")}


def test_review_builds_are_byte_identical_too(tmp_path):
    """The review fixture (clauses credited to sources and laws, so every clause carries its provenance comment),
    built twice for review."""
    again = [build(tmp_path / name, None, "--review", "--format", "docx,html", "--bibliotheque", FIXTURE_LIBRARY,
                   organisation=FIXTURE_ORG) / "revision" for name in ("first", "again")]
    for name in ("politique.docx", "politique.html"):
        assert (again[0] / name).read_bytes() == (again[1] / name).read_bytes(), name
    assert "w:comment " in zipfile.ZipFile(again[0] / "politique.docx").read("word/comments.xml").decode("utf-8")


def test_source_date_epoch_sets_the_metadata_dates(tmp_path, cisss_builds):
    # The dated build is the small fixture body's politique, with the fixture library: the metadata dates
    # depend on neither the body nor its clauses.
    plain = cisss_builds["plain"]
    dated = build(tmp_path / "dated", EPOCH, "--document", "politique", "--bibliotheque", SMALL_LIBRARY,
                  organisation=SMALL_BODY)
    # Without the variable: the organisation file's date (in force 2026-10-01).
    assert docx.Document(str(plain / "politique.docx")).core_properties.created.isoformat().startswith("2026-10-01")
    assert PdfReader(plain / "politique.pdf").metadata.creation_date.year == 2026
    word = docx.Document(str(dated / "politique.docx")).core_properties
    assert word.created.isoformat().startswith("2023-11-14T22:13:20")
    assert word.modified == word.created
    pdf = PdfReader(dated / "politique.pdf").metadata
    assert pdf.creation_date.isoformat().startswith("2023-11-14T22:13:20")
    assert 'content="2023-11-14T22:13:20Z"' in (dated / "politique.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(dated / "politique.docx") as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_manifest_lists_inputs_clauses_and_output_hashes(cisss_builds):
    folder = cisss_builds["plain"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fichier_organisation"] == {
        "nom": "cisss-laurentides.yaml", "sha256": hashlib.sha256(CISSS.read_bytes()).hexdigest()}
    library = yaml.safe_load((TEMPLATES / "data" / "bibliotheque.yaml").read_text(encoding="utf-8"))
    assert manifest["bibliotheque"]["version"] == library["version"]  # the data file's, not today's number
    assert manifest["revision"] is False
    assert set(manifest["documents"]) == {"politique", "netiquette", "fiche-synthese", "netiquette.en"}
    politique = manifest["documents"]["politique"]
    from policygen.library.loader import load_library
    entete = load_library().clause("politique.entete")
    assert {"id": "politique.entete", "version": entete.meta.version} in politique["clauses"]
    for kind, entry in manifest["documents"].items():
        assert set(entry["fichiers"]) == {f"{kind}.docx", f"{kind}.html", f"{kind}.pdf"}
        for name, digest in entry["fichiers"].items():
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    review = json.loads((cisss_builds["review"] / "manifest.json").read_text(encoding="utf-8"))
    assert review["revision"] is True
