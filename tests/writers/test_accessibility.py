"""WCAG 2.1 A/AA (SGQRI 008) checked by axe-core in headless Chromium, on the intranet
site's index and HTML documents of every layout (`sample_files`: one of each kind, each
from another organisation); and no page fetches anything from outside its own folder."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
import pytest

from browsing import FIRST_SCREEN, fresh_page
from conftest import sample_files

AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _audit(browser, path: Path, root: Path, width: int = 1280,
           phone: int | None = None) -> tuple[list[dict], list[str], int]:
    """axe's violations, the requests that left `root` and the page's scroll width, on a page of its own
    (`browsing.fresh_page`: it asks for every resource, as a first visit does); with `phone`, the width is
    measured once the window is narrowed to `phone` CSS pixels after the audit (the page laid out again
    for that window: one opening of the page for both checks)."""
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(root.resolve().as_uri()):
            route.continue_()
        else:
            outside.append(url)
            route.abort()
    with fresh_page(browser, width, guard) as page:
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.evaluate(AXE.read_text(encoding="utf-8"))
        options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
        violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
        if phone is not None:
            page.set_viewport_size({"width": phone, "height": FIRST_SCREEN})
        width_used = page.evaluate("document.documentElement.scrollWidth")
    return violations, outside, width_used


def _summary(violations: list[dict]) -> str:
    return json.dumps([{"id": v["id"], "impact": v["impact"], "help": v["help"],
                        "nodes": [n["html"][:120] for n in v["nodes"][:3]]} for v in violations],
                      ensure_ascii=False, indent=1)


def _check(browser, pages: list[Path], root: Path, audits: dict | None = None) -> None:
    """Every page passes axe and asks for nothing outside `root`: audited now, or read from `audits`."""
    problems = {}
    for path in pages:
        violations, outside, _ = audits[path] if audits is not None else _audit(browser, path, root)
        if violations or outside:
            problems[str(path.relative_to(root))] = {"axe": _summary(violations), "outside": outside}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def registers(site: Path) -> list[Path]:
    """A body's register page of each kind, the pages being one template: one listing English editions
    (the most rows), one without."""
    pages = sorted(site.glob("*/index.html"))
    english = [page for page in pages if (page.parent / "netiquette.en.html").exists()]
    assert english and len(english) < len(pages)
    return [english[0], next(page for page in pages if page not in english)]


PHONE = 320  # CSS pixels: WCAG 1.4.10's reflow width


@pytest.fixture(scope="module")
def audits(browser, site, built, sample_outputs) -> dict[Path, tuple[list[dict], list[str], int]]:
    """Each page's audit (`_audit`) with its width on a phone, measured in the same opening: the site's
    home, a register of each kind and a document of each kind, each kind of document as built, the
    hand-built samples."""
    pages = {path: site for path in [site / "index.html", *registers(site), *sample_files(site, "html")]}
    pages |= {path: built for path in sample_files(built, "html")}
    pages |= {path: sample_outputs for path in sorted(sample_outputs.glob("*.html"))}
    return {path: _audit(browser, path, root, phone=PHONE) for path, root in pages.items()}


def test_site_pages_pass_axe_and_stay_inside_the_site(browser, audits, site):
    _check(browser, [site / "index.html", *registers(site), *sample_files(site, "html")], site, audits)


def test_html_documents_pass_axe_and_are_standalone(browser, audits, built, sample_outputs):
    _check(browser, sample_files(built, "html"), built, audits)
    _check(browser, sorted(sample_outputs.glob("*.html")), sample_outputs, audits)


def test_pages_reflow_on_a_phone(audits, site, sample_outputs):
    """WCAG 1.4.10: at 320 CSS pixels nothing scrolls sideways."""
    for path in [site / "index.html", *registers(site)[:1], *sample_files(site, "html"),
                 sample_outputs / "rich.html"]:
        width = audits[path][2]
        assert width <= PHONE, (path, width)


def test_axe_finds_a_violation_when_there_is_one(browser, tmp_path):
    """The audit is not blind: an image without alternative text and a page without language fail."""
    page = tmp_path / "mauvais.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><main><img src='x.png'>"
                    "</main></body></html>", encoding="utf-8")
    violations, _, _ = _audit(browser, page, tmp_path)
    assert {"image-alt", "html-has-lang"} <= {v["id"] for v in violations}


def test_requests_outside_the_site_are_caught(browser, tmp_path):
    page = tmp_path / "externe.html"
    page.write_text('<!DOCTYPE html><html lang="fr-CA"><head><title>x</title>'
                    '<link rel="stylesheet" href="https://cdn.example.com/x.css"></head><body></body></html>',
                    encoding="utf-8")
    _, outside, _ = _audit(browser, page, tmp_path)
    assert set(outside) == {"https://cdn.example.com/x.css"}
