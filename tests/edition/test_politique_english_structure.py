"""The English politique of a recognised establishment, read back next to its French original, for the
sections from « Règles éditoriales » to « Mécanisme de suivi et de révision » (issue 22, second half of
the politique's clauses): each section carries the same number and the same clauses under the same
numbers, each clause as many paragraphs and list items as the French, and one sentence of each section
reads back in English, in its section, with no French left in it.
"""

import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from conftest import FIXTURES

FIXTURE = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"

# One sentence of each section, as the English edition prints it for this body.
SENTENCES = {
    "regles-officielles": "The person authorized to post must be respectful in everything they write: they must "
                          "tolerate neither insults nor personal attacks",
    "regles-personnelles": "Social media give the word “friend” a very broad meaning, which covers every kind of "
                           "acquaintance.",
    "roles": "This policy cannot be applied without everyone’s cooperation.",
    "procedures": "To post on an official account, the person authorized to post must:",
    "revision": "It may be revised at any time, as needed, in particular when the laws on which it rests change",
}
FRENCH_WORDS = ("la présente politique", "personne visée", " des médias sociaux ", "l’établissement")


class _Clauses(HTMLParser):
    """Per section: its heading, text and clause titles, and per clause its number, paragraphs and list items."""

    def __init__(self):
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.section = self.clause = None
        self.reading: str | None = None  # « heading » or « num » while inside one
        self.titled = False  # inside a clause's title (its number included)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id", "").startswith("s-"):
            self.section = {"heading": "", "clauses": [], "text": "", "titles": []}
            self.sections[attrs["id"].removeprefix("s-")] = self.section
        elif tag == "div" and "clause" in (attrs.get("class") or "").split() and self.section is not None:
            self.clause = {"id": attrs.get("id"), "num": "", "p": 0, "li": 0}
            self.section["clauses"].append(self.clause)
        elif tag == "h2" and self.section is not None:
            self.reading = "heading"
        elif tag == "h3" and self.clause is not None:
            self.titled = True
            self.section["titles"].append("")
        elif tag == "span" and attrs.get("class") == "num" and self.clause is not None:
            self.reading = "num"
        elif tag in ("p", "li") and self.clause is not None:
            self.clause[tag] += 1

    def handle_endtag(self, tag):
        if tag in ("h2", "span"):
            self.reading = None
        self.titled = self.titled and tag != "h3"

    def handle_data(self, data):
        if self.section is None:
            return
        self.section["text"] += data
        if self.reading == "heading":
            self.section["heading"] += data
        elif self.reading == "num":
            self.clause["num"] += data
        if self.titled:
            self.section["titles"][-1] += data


def _read(path):
    parser = _Clauses()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.sections


def _build(text, work):
    """The French and English politique of the fixture body written as `text`: the folder of their HTML."""
    path = work / FIXTURE.name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(work / "out"), "--format", "html",
                                       "--document", "politique", "-j", "1", "--silencieux"],
                                env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.exit_code == 0, result.output
    return work / "out" / FIXTURE.stem


@pytest.fixture(scope="module")
def politiques(tmp_path_factory):
    """The French and English politique of the recognised establishment, read back from their HTML."""
    work = tmp_path_factory.mktemp("politique-en")
    text = FIXTURE.read_text(encoding="utf-8")
    if "politique]" not in text:  # the fixture may already ask for it
        text = text.replace("documents_anglais: [netiquette, fiche-synthese]",
                            "documents_anglais: [netiquette, fiche-synthese, politique]")
    folder = _build(text, work)
    return _read(folder / "politique.html"), _read(folder / "politique.en.html")


@pytest.mark.parametrize("section", SENTENCES)
def test_the_section_has_the_french_numbers_and_list_lengths(politiques, section):
    french, english = politiques
    assert section in english, f"no section {section} in the English politique"
    number = french[section]["heading"].split()[0]
    assert english[section]["heading"].split()[0] == number
    assert [(c["id"], c["num"], c["p"], c["li"]) for c in english[section]["clauses"]] == \
           [(c["id"], c["num"], c["p"], c["li"]) for c in french[section]["clauses"]]


@pytest.mark.parametrize("section, sentence", SENTENCES.items())
def test_one_sentence_of_the_section_reads_back_in_english(politiques, section, sentence):
    _, english = politiques
    text = " ".join(english[section]["text"].split())
    assert sentence in text
    for french in FRENCH_WORDS:
        assert french not in text


def test_roles_and_phrases_of_the_file_read_in_english_or_tagged_french(tmp_path):
    """An office holder is named by the English title the glossary gives, the French after it; a unit by its
    French name and gloss; a phrase of the file the glossary gives in English (a subject, the communications
    unit's hours) prints in English, one it does not stays French, tagged lang="fr-CA" (never guessed); the
    publication languages are named in English."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("  approbation_publications: la Direction des communications et des affaires publiques\n",
                        "  approbation_publications: la directrice générale adjointe\n")
    text = text.replace("netiquette:\n", "ligne_editoriale:\n  sujets: [la vie des installations, la recherche]\n"
                                         "netiquette:\n", 1)
    text = text.replace("  glossaire:\n", "  glossaire:\n    directrice générale adjointe: Assistant Executive Director\n"
                                          "    la recherche: research\n")
    text = text.replace("    courriel: communications@ciusss-essai.qc.ca\n",
                        "    courriel: communications@ciusss-essai.qc.ca\n    heures: en semaine, de 8 h 30 à 16 h 30\n", 1)
    text = text.replace("  glossaire:\n", "  glossaire:\n    en semaine, de 8 h 30 à 16 h 30: weekdays, 8:30 a.m. to 4:30 p.m.\n")
    english = _build(text, tmp_path) / "politique.en.html"
    page, sections = english.read_text(encoding="utf-8"), _read(english)
    procedures = " ".join(sections["procedures"]["text"].split())
    assert ("await the approval of the Assistant Executive Director (directrice générale adjointe), given after an "
            "assessment") in procedures
    assert "the Direction des communications et des affaires publiques" in procedures
    assert "(Communications and Public Affairs)" not in procedures  # glossed once, in the identification block
    editorial = " ".join(sections["regles-officielles"]["text"].split())
    assert "must relate to one of the following subjects: la vie des installations or research." in editorial
    assert '<span lang="fr-CA">la vie des installations</span>' in page
    # French always; English only in addition, as the Charter allows (r3fix U3)
    assert "They must write in French, in clear language" in editorial
    assert "They may add a version in English, never on its own" in editorial
    assert "reported directly to the Direction des communications et des affaires publiques, at " \
           "communications@ciusss-essai.qc.ca, weekdays, 8:30 a.m. to 4:30 p.m." in procedures


def test_a_cross_reference_names_a_heading_of_the_english_politique(politiques):
    """« (see “…”) » in the second half's sections names a clause title the English edition prints."""
    _, english = politiques
    headings = {" ".join(t.split()).split(" ", 1)[-1] for section in english.values() for t in section["titles"]}
    cited = [title for section in SENTENCES for title in re.findall(r"see “([^”]+)”", english[section]["text"])]
    assert cited, "no cross-reference read back"
    for title in cited:
        assert title in headings


def test_check_names_the_french_words_the_english_politique_would_print(tmp_path):
    """An office holder's title and a subject with no English in the glossary: `check` warns, naming each
    and how to give its English; a unit (kept by its French name) and a glossed word are not named."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace("  approbation_publications: la Direction des communications et des affaires publiques\n",
                        "  approbation_publications: la directrice générale adjointe\n")
    text = text.replace("netiquette:\n", "ligne_editoriale:\n  sujets: [la vie des installations, la recherche]\n"
                                         "netiquette:\n", 1)
    text = text.replace("  glossaire:\n", "  glossaire:\n    la recherche: research\n")
    text = text.replace("    courriel: communications@ciusss-essai.qc.ca\n",
                        "    courriel: communications@ciusss-essai.qc.ca\n    heures: en semaine\n", 1)
    path = tmp_path / FIXTURE.name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)], env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.exit_code == 0, result.output
    assert "avertissement [organisation.glossary]" in result.output
    warning = result.output[result.output.index("[organisation.glossary]"):]
    assert "« la directrice générale adjointe », « la vie des installations », « en semaine »." in warning
    assert "la recherche" not in warning.split("\n")[0] and "Direction des communications" not in warning
    assert "glossaire:" in warning
