"""The progress of a long command on a terminal, in French: what is being made, count, time elapsed.

The same display for every command that writes documents (`build`, `publish`, `diff`), drawn
with `rich` (imported only when drawn), on the error stream, and only when that stream
is a terminal and `--silencieux` was not given: a run piped or run by a script prints
its result lines and nothing else.
"""

from __future__ import annotations

import sys


class TerminalProgress:
    """`publishing.service.Progress` on a terminal."""

    def __init__(self, shown: bool):
        self.shown = shown
        self.bar = None

    def start(self, total: int, what: str) -> None:
        if self.shown and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("fichiers, écoulé :"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task(what, total=total)
            self.bar.start()

    def advance(self, label: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=label)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
