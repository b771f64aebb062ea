"""Where a cold build's CPU goes, by stage, in the build's own process and in its workers (not a test).

usage: python benchmarks/profile_build.py [organisation.yaml …]   (default: the five shipped bodies)

Runs `policygen build` cold under py-spy (a sampling profiler that follows the fork server's
workers: `pip install py-spy` in the virtual environment; it is not a dependency of policygen),
then sorts each sample by the innermost stage it is in. A process is sampled at a fixed rate
while it runs or waits for a processor (not while it sleeps or waits for a worker): on a loaded
machine the seconds grow with the load, the shares hold; the load is printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATE = 50  # samples a second
# Innermost frame first: the first rule a frame matches names the sample's stage.
STAGES = (
    ("importations", r"^_find_and_load"),
    ("sous-ensembles de polices", r"fontsubset\.py"),
    ("réparation PDF/UA", r"pdfua\.py"),
    ("ramasse-miettes", r"release_layouts|gc_collect"),
    ("WeasyPrint : dessin du PDF", r"^Document\.write_pdf|^write_pdf \(weasyprint|weasyprint/pdf/|weasyprint/draw"),
    ("WeasyPrint : styles et boîtes", r"weasyprint/css/|weasyprint/formatting_structure|^HTML\.__init__|tinyhtml5"),
    ("WeasyPrint : mise en page", r"weasyprint/layout"),
    ("HTML", r"writers/html\.py|webfonts|writers/preload"),
    ("Word", r"writers/docx/"),
    ("assemblage", r"policygen/assembly"),
    ("bibliothèque (chargement + vérification)", r"policygen/library"),
    ("fichier d’organisme", r"policygen/orgfile"),
    ("cache, manifeste, installation", r"publishing/(cache|manifest|staging)\.py|^(stage|install) \(policygen"),
    ("écriture des fichiers", r"publishing/outputs\.py"),
    ("échanges entre processus", r"multiprocessing/(reduction|connection|queues)"),
)


def stage(frames: list[str]) -> str:
    for frame in reversed(frames):
        for name, pattern in STAGES:
            if re.search(pattern, frame):
                # the fiche's fit lays its boxes out to measure them: apart from the final layout
                return name + (" (mesures de la fiche)" if name.startswith("WeasyPrint") and
                               any(f.startswith("fit (policygen") for f in frames) else "")
    return "autre"


def main(paths: list[str]) -> None:
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(spy).exists():
        raise SystemExit("py-spy est introuvable : pip install py-spy (dans l’environnement virtuel).")
    with tempfile.TemporaryDirectory(prefix="policygen-profil-") as folder:
        raw = Path(folder) / "echantillons.txt"
        command = [sys.executable, "-m", "policygen", "build", *paths, "--out", str(Path(folder) / "sortie"),
                   "--silencieux"]
        subprocess.run([spy, "record", "--subprocesses", "--nonblocking", "-r", str(RATE), "-f", "raw",
                        "-o", str(raw), "--", *command], check=True, capture_output=True,
                       env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})
        counts: Counter[tuple[str, str]] = Counter()
        for line in raw.read_text(encoding="utf-8").splitlines():
            stack, number = line.rsplit(" ", 1)
            frames = stack.split(";")
            where = "travail" if len(frames) > 1 and frames[1].startswith("process ") else "principal"
            counts[(where, stage(frames))] += int(number)
    total = sum(counts.values())
    print(f"{'processus':<11}{'étape':<52}{'secondes':>9}{'part':>7}")
    for (where, name), number in counts.most_common():
        print(f"{where:<11}{name:<52}{number / RATE:8.1f} s{100 * number / total:6.1f} %")
    print(f"{total / RATE:.1f} s d’activité échantillonnées (sur un processeur ou en attente d’un) ; charge moyenne sur 1 min : "
          f"{Path('/proc/loadavg').read_text().split()[0]}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(p) for p in sorted((ROOT / "organisations").glob("*.yaml"))])
