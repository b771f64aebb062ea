"""OQLF typography: the rules on strings, and the transform on whole documents."""

from __future__ import annotations

import pytest

from policygen.model.nodes import Emphasis, Link, Paragraph, Section, Text, inline_text
from policygen.model.typography import NBSP, NNBSP, typeset_text

from pdfsample import pdfs_read_back
from readback import docx_text, html_text, pdf_text
from samples import clause, document


@pytest.mark.parametrize("raw, expected", [
    ('Il a dit "bonjour".', f"Il a dit «{NBSP}bonjour{NBSP}»."),
    ("« mot »", f"«{NBSP}mot{NBSP}»"),
    ("«mot»", f"«{NBSP}mot{NBSP}»"),
    ("Note : texte", f"Note{NBSP}: texte"),
    ("Note: texte", f"Note{NBSP}: texte"),
    ("Vraiment ? Oui ! Bien ; ensuite", f"Vraiment{NNBSP}? Oui{NNBSP}! Bien{NNBSP}; ensuite"),
    ("l'usager d'abord", "l’usager d’abord"),
    ("de 8h30 à 16 h 30, puis 17 h", f"de 8{NBSP}h{NBSP}30 à 16{NBSP}h{NBSP}30, puis 17{NBSP}h"),
    ("le 27/04/2018", f"le 27{NBSP}avril 2018"),
    ("le 27 avril 2018", f"le 27{NBSP}avril 2018"),
    ("(450) 432-2777 poste 22898", f"450{NBSP}432-2777, poste{NBSP}22898"),
    ("450-432-2777", f"450{NBSP}432-2777"),
    ("1 800 463-9009", f"1{NBSP}800{NBSP}463-9009"),
    ("RLRQ, c. C-12, art. 3", f"RLRQ, c.{NBSP}C-12, art.{NBSP}3"),
    ("Attendez...", "Attendez…"),
    ("3 500 personnes, 25% et 10 $", f"3{NBSP}500 personnes, 25{NBSP}% et 10{NBSP}$"),
])
def test_rules(raw, expected):
    assert typeset_text(raw) == expected


@pytest.mark.parametrize("untouched", [
    "https://www.santelaurentides.qc.ca", "2018-04-27", "POL 2018 DG 007", "rmpc@ssss.gouv.qc.ca", "08:30",
])
def test_leaves_addresses_iso_dates_and_codes_alone(untouched):
    assert typeset_text(untouched) == untouched


def test_is_idempotent():
    once = typeset_text('« Note » : "x" l\'a dit à 8h30 ; 450 432-2777')
    assert typeset_text(once) == once


def _typeset_paragraph(para: Paragraph) -> Paragraph:
    """A paragraph through the whole-document transform (samples.document applies it)."""
    doc = document("politique", [Section("s", "S", (clause("c", "T", para),))])
    return doc.sections[0].clauses[0].blocks[0]


def test_quotes_spanning_inline_nodes_open_and_close():
    para = _typeset_paragraph(Paragraph((Text('Le mot "'), Emphasis((Text("clic"),)), Text('" suffit.'))))
    assert inline_text(para.inlines) == f"Le mot «{NBSP}clic{NBSP}» suffit."


def test_link_addresses_are_not_typeset():
    para = _typeset_paragraph(Paragraph((Link("https://exemple.qc.ca/a'b?c=1", (Text("l'adresse"),)),)))
    link = para.inlines[0]
    assert link.href == "https://exemple.qc.ca/a'b?c=1"
    assert link.children == (Text("l’adresse"),)


def test_titles_are_typeset_too():
    doc = document("politique", [Section("s", "L'objet : \"clair\"", ())], title="Titre d'essai")
    assert doc.title == "Titre d’essai"
    assert doc.sections[0].title == f"L’objet{NBSP}: «{NBSP}clair{NBSP}»"


def test_built_documents_follow_the_rules(built, sample_outputs, site):
    """Whatever the clauses contain, no format shows a straight quote or apostrophe,
    or a breakable space before a colon (the PDF's text layer cannot tell spaces apart).
    Every web page and Word file; the built PDFs of `pdfs_read_back` (the politiques on a sample of every
    layout: a PDF is its web page's words laid out with the print stylesheet, writers/pdf.py) and the
    hand-built samples'."""
    outputs = [p for p in (*built.glob("*/*"), *sample_outputs.glob("*"), *site.rglob("*.html"))
               if p.suffix in (".html", ".docx")] + pdfs_read_back(built) + sorted(sample_outputs.glob("*.pdf"))
    for path in outputs:
        reader = {".html": html_text, ".docx": docx_text, ".pdf": pdf_text}[path.suffix]
        text = reader(path)
        assert '"' not in text and "'" not in text, path
        assert path.suffix == ".pdf" or " :" not in text, path
