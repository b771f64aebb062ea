"""Labels composed in the document's language on the model (not translated afterwards): an English
edition's annexes are « Appendix N: », its version line « Version of April 1, 2018 », its date to
confirm « (to be confirmed) »; the French ones are unchanged."""

import dataclasses
import datetime as dt

from policygen.model.labels import label
from policygen.model.nodes import Document, Section
from policygen.model.numbering import number


def _document(lang: str) -> Document:
    sections = (Section("regles", "Rules", ()), Section("definitions", "Definitions", (), annex=True))
    return Document(kind="essai", title="T", organisation="O", short_title="T", sections=sections, author="O",
                    subject="T", keywords=(), date=dt.date(2018, 4, 1), timestamp=dt.datetime(2018, 4, 1, 12),
                    lang=lang)


def test_an_english_document_is_numbered_and_labelled_in_english():
    english = label(number(_document("en-CA"), numbered=True))
    assert [s.label for s in english.sections] == ["1. Rules", "Appendix 1: Definitions"]
    assert english.version_line == "Version of April 1, 2018"
    unconfirmed = label(dataclasses.replace(english, date_to_confirm=True))
    assert (unconfirmed.version_line, unconfirmed.version_mark) == ("Version of April 1, 2018", "\u00a0(to be confirmed)")


def test_a_french_document_keeps_its_french_labels():
    french = label(number(_document("fr-CA"), numbered=True))
    assert [s.label for s in french.sections] == ["1. Rules", "Annexe 1 : Definitions"]
    assert french.version_line == "Version du 1er avril 2018"
