"""What the build's fork server loads before it forks the workers that write pages
(publishing/build.py): the HTML writer, with Lato's WOFF2 faces already made."""

from __future__ import annotations

from .webfonts import prepare

prepare()
