"""One diff: the redline and the HTML diff show the same changed clauses, and any
pair of valid organisation files diffs without error, Accept All giving the new
version and Reject All the old one."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree
from lxml import html as lxml_html

from reviewkit import CISSS, FIXTURE_ORG, ROOT, W, content_texts, fixture_documents, run_cli
from policygen.assembly.assemble import documents_for
from policygen.assembly.edition import is_edition
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.review.compare import compare
from policygen.model.diff import diff
from policygen.review.redline import redline
from policygen.model.nodes import Document
from policygen.writers.common import table_of_contents
from policygen.writers.docx.document import build_docx
from trackchanges import accept_all, reject_all

# The CISSS file first: Hypothesis's first draw is its simplest, a file diffed with itself, whose layouts
# the tests before it in this process have made (`pdf.page_numbers`, `placement`: kept per model).
ORGANISATIONS = [CISSS, *sorted(p for p in (ROOT / "organisations").glob("*.yaml") if p != CISSS)]
KINDS = ("politique", "netiquette", "fiche-synthese")
CHOICES = {"usage_personnel_au_travail": ["interdit", "hors_heures", "permis"],
           "amitie_usagers": ["interdite", "deconseillee"],
           "cyberintervention": ["oui", "non"], "comptes_separes": ["oui", "non"],
           "partage_fichiers_internes": ["oui", "non"]}


# Everyday edits, on the parsed file ------------------------------------------------

def nom_court(name: str):
    def edit(data: dict) -> None:
        data["organisation"]["nom_court"] = name
    return edit


def without_annex(key: str):
    def edit(data: dict) -> None:
        data.get("annexes", {}).pop(key, None)
    return edit


def without_history(data: dict) -> None:
    data["revision"].pop("historique", None)


def choice(key: str, value: str):
    def edit(data: dict) -> None:
        data.setdefault("choix", {})[key] = value
    return edit


def write(data: dict, path: Path) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def edited(source: Path, path: Path, *edits) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for edit in edits:
        edit(data)
    return write(data, path)


# Reading the outputs back -----------------------------------------------------------

def body_of(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def redline_changed_clauses(body: etree._Element) -> list[bool]:
    """For each clause, in order, whether the redline tracks a change inside it (between its bookmarks)."""
    changed, current = [], None
    for element in body:
        if element.tag == f"{W}bookmarkStart" and element.get(f"{W}name", "").startswith("_Clause_"):
            current = element.get(f"{W}id")
            changed.append(False)
        elif element.tag == f"{W}bookmarkEnd" and element.get(f"{W}id") == current:
            current = None
        elif current is not None and next(element.iter(f"{W}ins", f"{W}del"), None) is not None:
            changed[-1] = True
    return changed


def html_clauses(html: str) -> list[tuple[str, bool]]:
    """(clause id, whether an <ins> or <del> is inside) for each clause of the HTML diff, in order."""
    page = lxml_html.fromstring(html)
    return [(div.get("data-clause"), bool(div.xpath(".//ins | .//del"))) for div in page.xpath("//div[@data-clause]")]


# The versions compared, assembled and written in Word once per content in this module: most tests compare
# the CISSS file as it is with an edited copy (each diff, in the product's code, still does its own).
_DOCUMENTS: dict[tuple[Path, str], dict[str, Document]] = {}
_WORD_TEXTS: dict[Document, list[str]] = {}


def french_documents(path: Path, library) -> dict[str, Document]:
    """The documents of the organisation file at `path` that `diff` compares (the French texts: an English
    edition follows its original), by kind."""
    key = (path, path.read_text(encoding="utf-8"))
    if key not in _DOCUMENTS:
        loaded, problems = load_all([path], library)
        assert not problems, problems
        _DOCUMENTS[key] = {document.kind: document for document in documents_for(loaded[0], library, list(KINDS))
                           if not is_edition(document)}
    return _DOCUMENTS[key]


def word_texts(document: Document) -> list[str]:
    """`content_texts` of the Word file the writer makes of `document`."""
    if document not in _WORD_TEXTS:
        _WORD_TEXTS[document] = content_texts(build_docx(document).element.body)
    return _WORD_TEXTS[document]


def check_comparison(old: Path, new: Path, library) -> None:
    """Compare as `policygen diff` does; Accept All gives the new version, Reject All the old one,
    and the redline and the HTML diff report the same changed clauses as the summary."""
    loaded, problems = load_all([old, new], library)
    assert not problems, problems
    comparison = compare(loaded[0], loaded[1], library, list(KINDS))
    before, after = french_documents(old, library), french_documents(new, library)
    assert [document.kind for document in comparison.documents] == list(KINDS)
    for document in comparison.documents:
        body = body_of(document.redline.data)
        assert content_texts(accept_all(body)) == word_texts(after[document.kind])
        assert content_texts(reject_all(body)) == word_texts(before[document.kind])
        clauses = html_clauses(document.html)
        assert [changed for _, changed in clauses] == redline_changed_clauses(body)
        assert [ident for ident, changed in clauses if changed] == list(document.status)


@pytest.fixture(scope="module")
def library():
    return load_library()


# Tests ------------------------------------------------------------------------------

# The first everyday edit: a new short name and the references annex removed. Its diff (every
# document) is run once: the redline/HTML-diff test reads its politique, the everyday test reads all three.
RENAMED = [nom_court("CISSS des Hautes-Laurentides"), without_annex("references")]


@pytest.fixture(scope="module")
def renamed_diff(tmp_path_factory) -> tuple[Path, Path, str]:
    """`policygen diff` of the CISSS file and its RENAMED copy: (the copy, the outputs' folder, the output)."""
    folder = tmp_path_factory.mktemp("renamed")
    changed = edited(CISSS, folder / "nouveau.yaml", *RENAMED)
    result = run_cli("diff", CISSS, changed, "--out", folder / "cmp")
    assert result.exit_code == 0, result.output
    return changed, folder / "cmp", result.output


def test_the_redline_and_the_html_diff_report_the_same_changed_clauses(renamed_diff):
    _, out, output = renamed_diff
    html = html_clauses((out / "politique.diff.html").read_text(encoding="utf-8"))
    with zipfile.ZipFile(out / "politique.redline.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    redlined = redline_changed_clauses(body)
    assert len(redlined) == len(html) > 0
    changed_in_html = [ident for ident, changed in html if changed]
    assert [ident for (ident, _), changed in zip(html, redlined) if changed] == changed_in_html
    # The terminal summary names the same clauses.
    summary = re.findall(r"(politique\.[\w.-]+) \(politique, modifiée\)", output)
    assert "politique.annexe-references" in summary
    assert set(summary) <= set(changed_in_html)
    assert re.search(rf"politique : {len(changed_in_html)} clauses modifiées", output)


# Each diff lays out the new version's politique and fiche (the Word file's contents and columns): the
# edits of one sitting — annexes withdrawn, the history cleared, two choices changed — are diffed together.
EVERYDAY = {
    "nom_court": (CISSS, RENAMED),  # diffed once, by `renamed_diff`
    "annexes retirées, historique retiré, choix": (
        CISSS, [*(without_annex(k) for k in ("outils_internes", "outils_externes", "references")), without_history,
                choice("usage_personnel_au_travail", "permis"), choice("amitie_usagers", "deconseillee")]),
    "autre organisme": (ROOT / "organisations" / "ocq.yaml", []),
}


@pytest.mark.parametrize("name", EVERYDAY)
def test_everyday_edits_diff_through_the_cli(tmp_path, name, request):
    source, edits = EVERYDAY[name]
    if edits is RENAMED:
        changed, out, output = request.getfixturevalue("renamed_diff")
    else:
        changed = edited(source, tmp_path / "nouveau.yaml", *edits)
        out = tmp_path / "cmp"
        result = run_cli("diff", CISSS, changed, "--out", out)
        assert result.exit_code == 0, result.output
        output = result.output
    assert "Traceback" not in output
    library = load_library()
    versions = [french_documents(path, library) for path in (CISSS, changed)]
    for kind in KINDS:
        with zipfile.ZipFile(out / f"{kind}.redline.docx") as archive:
            body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        old, new = (documents[kind] for documents in versions)
        assert content_texts(accept_all(body)) == word_texts(new), kind
        assert content_texts(reject_all(body)) == word_texts(old), kind


def test_the_fixture_file_diffs_against_a_real_one(tmp_path, library):
    # Two different bodies, two different sets of sections and clauses.
    check_comparison(write(yaml.safe_load(FIXTURE_ORG.read_text(encoding="utf-8")), tmp_path / "a.yaml"),
                     CISSS, library)


# Random pairs of valid files ----------------------------------------------------------

EDITS = st.one_of(
    st.sampled_from(["CISSS du Nord", "l’Ordre", "Institut", "OCQ"]).map(nom_court),
    st.sampled_from(["outils_internes", "outils_externes", "references"]).map(without_annex),
    st.just(without_history),
    st.sampled_from(sorted(CHOICES)).flatmap(lambda k: st.sampled_from(CHOICES[k]).map(lambda v: choice(k, v))),
)


# Each example builds six documents twice (the redline and the reference DOCX): two fixed ones in the
# normal run; POLICYGEN_HYPOTHESIS=long draws 20 fresh ones (POLICYGEN_DIFF_EXAMPLES=200 for more).
LONG = os.environ.get("POLICYGEN_HYPOTHESIS") == "long"


@settings(max_examples=int(os.environ.get("POLICYGEN_DIFF_EXAMPLES", "20" if LONG else "2")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=st.sampled_from(ORGANISATIONS), new=st.sampled_from(ORGANISATIONS),
       old_edits=st.lists(EDITS, max_size=3), new_edits=st.lists(EDITS, max_size=3))
def test_any_pair_of_valid_files_diffs_and_round_trips(tmp_path, library, old, new, old_edits, new_edits):
    check_comparison(edited(old, tmp_path / "ancien.yaml", *old_edits),
                     edited(new, tmp_path / "nouveau.yaml", *new_edits), library)


def test_a_last_section_removed_moves_the_page_break_after_the_table_of_contents():
    # The page break ends the table of contents' last entry: Reject All must put it back where it was. The
    # small fixture politique (its table of contents lists its sections, as every politique's does): one short
    # layout for the new version instead of the CISSS politique's ~4 s.
    _, [whole] = fixture_documents()
    shorter = dataclasses.replace(whole, sections=whole.sections[:-1])
    assert len(table_of_contents(shorter)) == len(table_of_contents(whole)) - 1 > 0  # another last entry
    old, new = whole, shorter
    body = body_of(redline(diff(old, new), old, new).data)
    assert content_texts(accept_all(body)) == content_texts(build_docx(new).element.body)
    assert content_texts(reject_all(body)) == content_texts(build_docx(old).element.body)
