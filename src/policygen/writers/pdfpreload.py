"""What the build's fork server loads before it forks the workers that write PDF and Word files
(publishing/build.py): the PDF writer, its fonts registered and a first line laid out (`pdf.warm`)."""

from __future__ import annotations

from .pdf import warm

warm()
