"""Where the shipped library lives: clause files, outlines, data, layouts, styles, fonts.

They are package data (`policygen/templates` in an installed package, the
project's top-level `templates/` in a source checkout, mapped by
pyproject.toml), so `pip install .` works from any folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

TEMPLATES = Path(str(files("policygen.templates")))
