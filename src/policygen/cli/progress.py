"""The progress of a build on a terminal, in French: organisation, document, format, time elapsed.

Drawn with `rich` (imported only when drawn), on the error stream, and only when
that stream is a terminal: a build piped or run by a script prints its result lines
and nothing else.
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager
from types import TracebackType


class BuildProgress(AbstractContextManager):
    def __init__(self, total: int, shown: bool):
        self.total = total
        self.bar = None
        if shown and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("fichiers, écoulé :"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("Production des documents", total=total)

    def __enter__(self) -> BuildProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()

    def written(self, organisation: str, document: str, fmt: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=f"{organisation} · {document} ({fmt.upper()})")
