"""Documents to files: every document in every format, and the manifest, all or nothing."""

from __future__ import annotations

from pathlib import Path

from ..model.nodes import Document
from ..writers import WRITERS
from ..writers.options import WriterOptions
from .manifest import Manifest, listed
from .staging import stage


def write_outputs(target: Path, documents: list[Document], formats: list[str],
                  manifest: Manifest | None = None, options: WriterOptions = WriterOptions()) -> list[Path]:
    """Write every document in every format (and the manifest) into `target`, atomically per file set."""
    def produce(staging: Path) -> None:
        for document in documents:
            for fmt in formats:
                WRITERS[fmt](document, staging / f"{document.kind}.{fmt}", options)
        if manifest is not None:
            manifest.write(staging, documents)
    return stage(target, produce, replaces=listed(target))  # a format no longer built goes
