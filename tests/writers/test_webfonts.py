"""The WOFF2 faces a web page carries are shipped made (templates/fonts/web): they must be what
the pinned subsetter and fontTools make from the shipped Lato, or a page would carry faces with
other characters than those the code promises."""

from __future__ import annotations

from policygen.writers.webfonts import FACES, make, shipped


def test_the_shipped_web_faces_are_those_lato_and_the_pinned_tools_make():
    for filename, _, _ in FACES:
        assert shipped(filename).read_bytes() == make(filename), (
            f"{shipped(filename).name} est périmée : python -c "
            "'from policygen.writers.webfonts import ship; ship()'")
