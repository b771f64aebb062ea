"""Word counts of each document and the fiche-synthèse's printed body size (run: make bench; not a test).

Issue 17's targets: the nétiquette and the fiche-synthèse at most 900 words each, the
fiche on two pages with a body size of at least 9.5 pt. Words are counted in the
document model (the three formats carry the same text); the fiche's pages and body
size are read back from its PDF: the body size is the size that sets the most
characters.

usage: python benchmarks/words.py [organisation.yaml …]   (default: the shipped and fixture bodies)
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts
from policygen.writers import WRITERS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = sorted((ROOT / "organisations").glob("*.yaml")) + sorted((ROOT / "tests/fixtures/organismes").glob("*.yaml"))
LIMIT = 900
BODY_SIZE = 9.5


def words(document) -> int:
    return sum(len(text.split()) for text in document_texts(document))


def pdf_body(path: Path) -> tuple[int, float]:
    """(pages, the font size in points that sets the most characters)."""
    reader = PdfReader(path)
    sizes: Counter[float] = Counter()

    def visit(text, cm, tm, font, size):
        scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        if text.strip():
            sizes[round(size * scale, 1)] += len(text.strip())
    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return len(reader.pages), (sizes.most_common(1)[0][0] if sizes else 0.0)


def main(paths: list[Path]) -> None:
    library = load_library()
    loaded, problems = load_all(paths, library)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{'organisme':28} {'politique':>9} {'nétiquette':>10} {'fiche':>6} {'pages':>5} {'corps (pt)':>10}")
    over = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in loaded:
            docs = {d.kind: d for d in documents_for(item, library, list(library.documents))}
            pdf = Path(tmp) / f"{item.slug}.pdf"
            WRITERS["pdf"](docs["fiche-synthese"], pdf)
            pages, size = pdf_body(pdf)
            counts = {kind: words(doc) for kind, doc in docs.items()}
            print(f"{item.slug:28} {counts['politique']:9} {counts['netiquette']:10} {counts['fiche-synthese']:6} "
                  f"{pages:5} {size:10.1f}")
            editions = {kind: n for kind, n in counts.items() if "." in kind}  # « netiquette.en »
            if editions:
                print(f"{'':28} " + ", ".join(f"{kind} {n}" for kind, n in sorted(editions.items())))
            # the limit is the short documents' in every language, never the politique's
            over += [f"{item.slug} : {kind} {n} mots" for kind, n in counts.items()
                     if kind.split(".")[0] != "politique" and n > LIMIT]
            if pages > 2:
                over.append(f"{item.slug} : fiche sur {pages} pages")
            if size < BODY_SIZE:
                over.append(f"{item.slug} : corps de la fiche {size} pt")
    print("Cibles (900 mots, 2 pages, corps ≥ 9,5 pt) :", "atteintes" if not over else "manquées — " + " ; ".join(over))


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
