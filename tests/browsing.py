"""Pages opened in the session's Chromium (conftest's `browser`) at less cost than a browser context
each: `browser.new_page()` makes a context, and with it a renderer, for every page (~0.9 s of CPU
to open a document, against ~0.65 s for a new page of a context already open, and ~0.35 s for a
page navigated again).

- `fresh_page`: a new page of the one context kept per browser, for the audits that watch every request
  a page makes (a new page asks again for every font and stylesheet, as a first visit does; a page
  navigated again may take them from its memory, or let the last one's late requests run into this one);
- `reused_page`: one page per browser and width, navigated from document to document, for the
  measures that read where a laid-out element ends and watch nothing else."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import Iterator

FIRST_SCREEN = 900  # CSS pixels: the height a reader sees without scrolling (every page is opened at it)

_contexts: dict[int, tuple[object, object]] = {}  # id(browser) -> (browser, its context), the browser kept alive
_pages: dict[tuple[int, int], object] = {}  # (id(browser), width) -> its page


def _context(browser):
    kept = _contexts.get(id(browser))
    if kept is None or kept[0] is not browser:
        kept = _contexts[id(browser)] = (browser, browser.new_context())
    return kept[1]


@contextmanager
def fresh_page(browser, width: int, route: Callable | None = None) -> Iterator:
    """A new page `width` CSS pixels wide, each of whose requests goes through `route` (Playwright's
    handler: continue or abort), closed after use."""
    page = _new_page(browser, width)
    try:
        if route is not None:
            page.route("**/*", route)
        yield page
    finally:
        page.close()


def reused_page(browser, width: int):
    """The page `width` CSS pixels wide kept for measures, open on whatever it showed last."""
    key = (id(browser), width)
    page = _pages.get(key)
    if page is None or page.is_closed() or _context(browser) is not page.context:
        page = _pages[key] = _new_page(browser, width)
    return page


def _new_page(browser, width: int):
    page = _context(browser).new_page()
    page.set_viewport_size({"width": width, "height": FIRST_SCREEN})
    return page
