"""Fonts pinned: a PDF embeds only the bundled Lato, and its bytes do not depend on the
machine's fonts, font configuration, HarfBuzz-Subset or clock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from policygen.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"
# with the fixture library: the fonts are the project's whatever the clauses, and the bare machine's process
# then loads and lints three short documents, not the shipped library (~2 s of CPU)
LIBRARY = ("--bibliotheque", str(FIXTURE.parent / "library"))
# The bare machine: a fresh process, so that fontconfig and WeasyPrint's libraries load under its environment.
BUILD = """
import sys
import weasyprint.pdf.fonts, weasyprint.text.ffi  # as on a machine without HarfBuzz-Subset
weasyprint.pdf.fonts.harfbuzz_subset = weasyprint.text.ffi.harfbuzz_subset = None
from policygen.cli.main import main
sys.argv = ["policygen", *sys.argv[1:]]
main()
"""


def _bare_build(out: Path, env: dict[str, str]) -> bytes:
    # in that process (-j 1): a build's workers start from a fork server, which the patch above does not reach
    subprocess.run([sys.executable, "-c", BUILD, "build", str(FIXTURE), "--format", "pdf", "--document",
                    "fiche-synthese", "--out", str(out), "-j", "1", *LIBRARY], check=True, env=env, capture_output=True)
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
    # the usual machine is this process (its fonts, font configuration and HarfBuzz-Subset as they are)
    result = CliRunner().invoke(main, ["build", str(FIXTURE), "--format", "pdf", "--document", "fiche-synthese",
                                       "--out", str(tmp_path / "usual"), "-j", "1", *LIBRARY],
                           env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 0, result.output
    usual = (tmp_path / "usual" / "organisation" / "fiche-synthese.pdf").read_bytes()
    bare = _bare_build(tmp_path / "bare", {**env, "FONTCONFIG_FILE": str(bare_config)})
    assert usual == bare  # the two builds also ran at different seconds: no clock in the fonts
    names = _font_names(tmp_path / "usual" / "organisation" / "fiche-synthese.pdf")
    assert names and names <= {"Lato", "Lato-Bold", "Lato-Italic", "Lato-BoldItalic"}
