"""What a caller asks of a writer beyond the model: the review version, the medium, the intranet page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SitePage:
    """What a document's page on the intranet adds: the way home, the downloads, the body's
    other documents and, for a draft, the « Projet » banner."""

    home: str
    home_label: str
    downloads: tuple[tuple[str, str, str], ...]  # (href, label, size)
    stylesheet: str
    related: tuple[tuple[str, str, str], ...] = ()  # (href, title, its language if not the page's) of the body's others
    banner: str = ""  # a draft's banner: shown above the title


@dataclass(frozen=True)
class WriterOptions:
    review: bool = False  # the reviewers' version: a provenance note on every clause, the draft mark
    media: Literal["screen", "print"] = "screen"  # the HTML page for a browser, or for the PDF
    site: SitePage | None = None  # the HTML page as a page of the intranet site
