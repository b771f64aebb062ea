"""Fonts pinned: a PDF embeds only the bundled Lato, and its bytes do not depend on the
machine's fonts, font configuration, HarfBuzz-Subset or clock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"
# Run in a fresh process so fontconfig and WeasyPrint's libraries load under the given environment.
BUILD = """
import sys
if sys.argv[1] == "bare":  # as on a machine without HarfBuzz-Subset
    import weasyprint.pdf.fonts, weasyprint.text.ffi
    weasyprint.pdf.fonts.harfbuzz_subset = weasyprint.text.ffi.harfbuzz_subset = None
from policygen.cli.main import main
sys.argv = ["policygen", *sys.argv[2:]]
main()
"""


def _build(out: Path, machine: str, env: dict[str, str]) -> bytes:
    subprocess.run([sys.executable, "-c", BUILD, machine, "build", str(FIXTURE), "--format", "pdf",
                    "--document", "fiche-synthese", "--out", str(out)], check=True, env=env, capture_output=True)
    return (out / "organisation" / "fiche-synthese.pdf").read_bytes()


def _font_names(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            for descendant in font.get("/DescendantFonts", []):
                names.add(str(descendant.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_the_pdf_is_the_same_without_system_fonts_font_configuration_or_harfbuzz_subset(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "FONTCONFIG_FILE")}
    # A font configuration that knows no font folder: only the @font-face files are there.
    bare_config = tmp_path / "fonts.conf"
    bare_config.write_text(f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path / "cache"}</cachedir>'
                           "</fontconfig>\n", encoding="utf-8")
    usual = _build(tmp_path / "usual", "usual", env)
    bare = _build(tmp_path / "bare", "bare", {**env, "FONTCONFIG_FILE": str(bare_config)})
    assert usual == bare  # the two builds also ran at different seconds: no clock in the fonts
    names = _font_names(tmp_path / "usual" / "organisation" / "fiche-synthese.pdf")
    assert names and names <= {"Lato", "Lato-Bold", "Lato-Italic", "Lato-BoldItalic"}
