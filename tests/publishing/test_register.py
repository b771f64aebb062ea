"""The site as the body's register, and `policygen registre`: read back as a secretariat would."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.publishing.register import as_of

from conftest import ORGANISATIONS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "organisation.yaml"
KINDS = ("politique", "netiquette", "fiche-synthese")
LATER = "1893456000"  # 2030-01-01: the fixture's next review (2028-03-01) is past
ADOPTED = {"    date: 2025-02-15\n": "    date: 2025-02-15\n    resolution: CA-2025-07\n"
                                     "  consultations:\n    - instance: Conseil multidisciplinaire\n"
                                     "      date: 2025-01-20\n"}


class _Table(HTMLParser):
    """The register tables of a page: rows of cell texts, and every link."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None
        self._in_table = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._in_table = True
        elif tag == "tr" and self._in_table:
            self.rows.append([])
        elif tag in ("td", "th") and self._in_table:
            self._cell = []
        elif tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(re.sub(r"\s+", " ", "".join(self._cell).replace("\u00a0", " ")).strip())
            self._cell = None
        elif tag == "table":
            self._in_table = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def read(path: Path) -> _Table:
    table = _Table()
    table.feed(path.read_text(encoding="utf-8"))
    return table


def _file(tmp_path: Path, name: str, replacements: dict[str, str]) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path / f"{name}.yaml"


@pytest.fixture
def bodies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    adopted = _file(tmp_path, "adopte", ADOPTED)
    # (a value the politique prints with the shipped library and with the fixture library alike)
    draft = _file(tmp_path, "projet", {**ADOPTED, "courriel: vie.privee@essai.qc.ca":
                                       "courriel: vie.privee@essai.qc.ca (à confirmer)"})
    return adopted, draft


def test_registre_csv_and_json_read_back(bodies):
    adopted, draft = bodies
    result = CliRunner().invoke(main, ["registre", str(adopted), str(draft)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["dossier"], r["document"]) for r in rows] == [(b, k) for b in ("adopte", "projet") for k in KINDS]
    first = rows[0]
    assert first["numero"] == "POL-ESSAI-1" and first["statut"] == "en vigueur"
    assert first["approbation_instance"] == "Conseil d’administration"
    assert (first["approbation_date"], first["approbation_resolution"]) == ("2025-02-15", "CA-2025-07")
    assert first["consultations"] == "Conseil multidisciplinaire (2025-01-20)"
    assert (first["en_vigueur"], first["prochaine_revision"], first["revision_en_retard"]) == \
        ("2025-03-01", "2028-03-01", "oui")
    assert first["fichiers"].split() == ["adopte/politique.html", "adopte/politique.docx", "adopte/politique.pdf"]
    assert {r["statut"] for r in rows[3:]} == {"projet"}
    as_json = json.loads(CliRunner().invoke(main, ["registre", "--format", "json", str(adopted), str(draft)]).stdout)
    assert [{k: str(v) for k, v in r.items()} for r in as_json] == \
        [{**r, "revision_en_retard": "True" if r["revision_en_retard"] == "oui" else "False"} for r in rows]
    # what --final refuses, the register refuses with it
    refused = CliRunner().invoke(main, ["registre", "--final", str(draft)])
    assert refused.exit_code == 3 and "organisation.to-confirm" in refused.output


def test_a_consultation_without_a_date_is_a_draft_and_refused_when_final(bodies, tmp_path):
    undated = _file(tmp_path, "sans-date", {"    date: 2025-02-15\n": "    date: 2025-02-15\n  consultations:\n"
                                                                   "    - instance: Comité de direction\n"})
    checked = CliRunner().invoke(main, ["check", str(undated)])
    assert checked.exit_code == 0 and "avertissement [organisation.consultation]" in checked.output
    final = CliRunner().invoke(main, ["build", "--final", str(undated), "--out", "sortie", "--format", "html"])
    assert final.exit_code == 3, final.output
    assert "erreur [organisation.consultation] — revision.consultations[1].date" in final.output
    assert "« Comité de direction » n’a pas de date" in final.output
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(main, ["registre", str(undated)]).stdout)))
    assert {r["statut"] for r in rows} == {"projet"}


def test_the_site_is_each_bodys_register(bodies, tmp_path):
    """Published with the fixture library: the register is the site's, whatever the clauses."""
    adopted, draft = bodies
    library = ["--bibliotheque", str(FIXTURES / "library"), "--jobs", "1"]  # (no pool: its workers import the writers)
    result = CliRunner().invoke(main, ["publish", str(adopted), str(draft), "--site", "site", "--out", "sortie",
                                       *library])
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    for body, status in (("adopte", "en vigueur"), ("projet", "projet")):
        page = read(site / body / "index.html")
        header, *rows = page.rows
        assert header == ["Document", "Numéro", "Version", "Statut", "Approbation", "En vigueur",
                          "Dernière révision", "Prochaine révision", "Formats"]
        assert [row[3] for row in rows] == [status] * 3
        assert rows[0][4] == ("Conseil d’administration, le 15 février 2025 (résolution CA-2025-07)"
                              "Consultations : Conseil multidisciplinaire (le 20 janvier 2025)")
        assert rows[0][5] == "1er mars 2025"
        late = "(en retard)" in rows[0][7]
        assert late == (status != "projet")
        for kind in KINDS:
            for fmt in ("html", "docx", "pdf"):
                assert f"{kind}.{fmt}" in page.links and (site / body / f"{kind}.{fmt}").is_file()
            document = (site / body / f"{kind}.html").read_text(encoding="utf-8")
            assert ("Projet — ce document n’est pas adopté" in document) == (status == "projet")
            others = [f"{other}.html" for other in KINDS if other != kind]
            assert all(f'href="{other}"' in document for other in others)  # the three link to each other
            assert 'href="index.html"' in document
        if status == "projet":
            assert '<mark class="a-confirmer">' in (site / body / "politique.html").read_text(encoding="utf-8")
    network = read(site / "index.html")
    assert [row[3] for row in network.rows if row[0] != "Document"] == ["en vigueur"] * 3 + ["projet"] * 3
    assert "Révision en retard" in (site / "index.html").read_text(encoding="utf-8")
    assert {"adopte/index.html", "projet/index.html", "adopte/politique.pdf"} <= set(network.links)
    # publish --final refuses the draft, as build --final does, and the site stays as it was
    before = (site / "index.html").read_bytes()
    refused = CliRunner().invoke(main, ["publish", "--final", str(adopted), str(draft), "--site", "site",
                                        "--out", "sortie", *library])
    assert refused.exit_code == 3 and "organisation.to-confirm" in refused.output
    assert (site / "index.html").read_bytes() == before


def test_shipped_bodies_registers(site):
    for path in ORGANISATIONS:
        rows = read(site / path.stem / "index.html").rows[1:]
        draft = "(à confirmer)" in path.read_text(encoding="utf-8")
        assert {row[3] for row in rows if row[0]} >= ({"projet"} if draft else {"en vigueur"}), path
        page = (site / path.stem / "politique.html").read_text(encoding="utf-8")
        assert ("Projet — ce document n’est pas adopté" in page) == draft


def test_without_source_date_epoch_the_register_is_judged_on_the_files_latest_date(bodies, tmp_path, monkeypatch):
    """Never the clock: the same files give the same register, the day after as the year after."""
    adopted, _ = bodies
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    later = _file(tmp_path, "revise", {**ADOPTED, "  en_vigueur: 2025-03-01\n":
                                       "  en_vigueur: 2025-03-01\n  derniere_revision: 2031-06-01\n"})
    loaded, problems = load_all([adopted, later], load_library())
    assert not problems and as_of(loaded[:1]) == dt.date(2025, 3, 1) and as_of(loaded) == dt.date(2031, 6, 1)
    result = CliRunner(env={"SOURCE_DATE_EPOCH": None}).invoke(main, ["registre", str(adopted)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # judged on 2025-03-01 (its entry into force), not on today's date: in force, its review not overdue
    assert {(r["statut"], r["revision_en_retard"]) for r in rows[:3]} == {("en vigueur", "non")}
    # and with a body reviewed in 2031 beside it, judged on that day: the first body's review (2028) is overdue
    both = CliRunner(env={"SOURCE_DATE_EPOCH": None}).invoke(main, ["registre", str(adopted), str(later)])
    assert [r["revision_en_retard"] for r in csv.DictReader(io.StringIO(both.stdout))][:3] == ["oui"] * 3
