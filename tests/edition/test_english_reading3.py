"""What the third bilingual reading (2026-12-07, E1–E23) found in the recognised establishment's editions,
read back from the built documents: the scope's categories in English and no sub-list that repeats its
heading; one meaning of « users »; an approval line that names who approved under whose delegation; the
complaints commissioner's contact card where the documents promise it; « must » in operative clauses; the
directive's author; English statute titles, headings and terms."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from conftest import FIXTURES

BODY = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"
SLUG = "etablissement-reconnu-en"
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}


def _text(page: Path) -> str:
    """A page's text, one line per paragraph, list item, heading or table row (tags out)."""
    body = re.sub(r"<(style|script).*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"</(p|li|h\d|tr|dt|dd)>|<ul>|<ol>", "\n", body)))
    return re.sub(r"\n\s*\n+", "\n", text)


def _section(text: str, heading: str, following: str) -> str:
    """The text from a section heading in the body (the second occurrence: the first is the contents') to
    the next one."""
    start = text.index(heading, text.index(heading) + 1)
    return text[start:text.index(following, start)]


@pytest.fixture(scope="module")
def built(bodies_built) -> Path:
    """The recognised body's three documents, French and English, in HTML (the run's shared build of the
    fixture bodies: conftest.bodies_built)."""
    return bodies_built / SLUG


@pytest.fixture(scope="module")
def pages(built) -> dict[str, str]:
    return {p.name.removesuffix(".html"): _text(p) for p in built.glob("*.html")}


def _check(tmp_path: Path, *edits: tuple[str, str]) -> str:
    """`check`'s output on the fixture with `edits` (old, new) made; it exits 0 (warnings only)."""
    text = BODY.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / BODY.name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)], env=EPOCH)
    assert result.exit_code == 0, result.output
    return result.output


# E1 — the scope's categories of people


def test_the_english_scope_lists_the_categories_in_english(built, pages):
    scope = _section(pages["politique.en"], "2. Scope", "3. Objectives")
    assert "staff members, pharmacists included, and managers;" in scope and "physicians and dentists;" in scope
    assert "les membres du personnel" not in scope and "les médecins" not in scope
    source = (built / "politique.en.html").read_text(encoding="utf-8")
    scope_html = source[source.index(">2. Scope<", source.index(">2. Scope<") + 1):source.rindex(">3. Objectives<")]
    assert 'lang="fr-CA"' not in scope_html


def test_a_category_that_repeats_its_heading_prints_no_sub_list(pages):
    french = _section(pages["politique"], "2. Champ d’application", "3. Objectifs")
    assert "les bénévoles.\n" in french and not re.search(r"les bénévoles\s*:", french)
    english = _section(pages["politique.en"], "2. Scope", "3. Objectives")
    assert "volunteers.\n" in english and "volunteers:" not in english
    # a category that says more than its heading keeps its sub-list
    assert re.search(r"sans lien d’emploi\s*:\s*les médecins", french)


def test_check_names_a_category_the_english_politique_would_print_in_french(tmp_path):
    output = _check(tmp_path, ("  - categorie: les bénévoles\n", "  - categorie: les bénévoles de l’accueil\n"))
    warning = output[output.index("[organisation.glossary]"):].split("\n")[0:2]
    assert "« les bénévoles de l’accueil »" in " ".join(warning)
    # a category the library proposes, or one the glossary gives, needs no glossary line
    assert "organisation.glossary" not in _check(tmp_path)


# E2 — « users » are the people served; whoever posts is a « social media user » or a « platform user »


def test_users_has_one_meaning_in_the_english_politique(pages):
    english = pages["politique.en"]
    definitions = _section(english, "4. Definitions", "5. Legal")
    assert "social media user means any person who posts on social media" in definitions
    assert "users means the persons who receive or have received services" in definitions
    assert not re.search(r"^user means", definitions, flags=re.M)
    assert "8. Editorial Rules for Authorized Persons" in english and "Authorized Users" not in english
    assert "12.6 Posts by other platform users" in english
    assert "values shared by all platform users" in english and "become a user of the platforms" not in english


def test_the_fiche_says_loved_ones_as_the_politique_does(pages):
    assert "a link with users or their loved ones" in pages["fiche-synthese.en"]
    assert "their families" not in pages["fiche-synthese.en"]


# E3 — the approval line of an establishment of Santé Québec


def _approval(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(label))


def test_the_approval_line_names_the_delegate_and_the_delegation(pages):
    assert _approval(pages["politique"], "Approbation") == (
        "ApprobationPrésidente-directrice générale du CIUSSS de l’Ouest-de-l’Essai, le 15\u00a0août 2026, en vertu "
        "d’une délégation de pouvoirs de Santé Québec")
    assert _approval(pages["politique.en"], "Approval") == (
        "ApprovalPresident and Executive Director of the CIUSSS de l’Ouest-de-l’Essai (Présidente-directrice "
        "générale du CIUSSS de l’Ouest-de-l’Essai), August 15, 2026, under a delegation of powers from Santé Québec")


def test_santé_québec_as_approver_takes_no_delegation_and_check_warns(tmp_path):
    edit = ("    instance: Présidente-directrice générale du CIUSSS de l’Ouest-de-l’Essai\n",
            "    instance: Santé Québec\n")
    assert "sa propre délégataire" not in _check(tmp_path)
    output = _check(tmp_path, edit)
    assert "revision.approbation.instance" in output and "sa propre délégataire" in output
    result = CliRunner().invoke(main, ["build", str(tmp_path / BODY.name), "--out", str(tmp_path / "out"),
                                       "--format", "html", "--document", "politique", "-j", "1"], env=EPOCH)
    assert result.exit_code == 0, result.output
    french = _approval(_text(tmp_path / "out" / SLUG / "politique.html"), "Approbation")
    english = _approval(_text(tmp_path / "out" / SLUG / "politique.en.html"), "Approval")
    assert french == "ApprobationSanté Québec, le 15\u00a0août 2026"
    assert english == "ApprovalSanté Québec, August 15, 2026"


# E4 / E6 — the complaints commissioner's contact card, where the documents promise it


@pytest.mark.parametrize("document, title", [("politique", "Commissariat aux plaintes"),
                                             ("politique.en", "Office of the Service Quality and Complaints"),
                                             ("netiquette", "Commissariat aux plaintes"),
                                             ("netiquette.en", "Office of the Service Quality and Complaints")])
def test_the_complaints_card_gives_the_means_to_reach_the_commissioner(pages, document, title):
    text = pages[document]
    card = text[text.rindex(title):]
    card = card[:card.index("\n")]
    assert "plaintes@ciusss-essai.qc.ca" in card and re.search(r"514\W555-0142", card)


def test_the_politique_promises_contact_details_only_when_the_file_gives_them(pages, tmp_path):
    promise = "qualité des services, dont les coordonnées figurent à la fin de la présente politique"
    promised = "complaints commissioner of the institution, whose contact details appear at the end"
    assert promise in pages["politique"] and promised in pages["politique.en"]
    edit = ("    courriel: plaintes@ciusss-essai.qc.ca\n    telephone: 514 555-0142\n", "")
    output = _check(tmp_path, edit)
    assert "avertissement [organisation.contact] — contacts.plaintes" in output
    assert "ni courriel, ni téléphone, ni formulaire" in output
    assert "organisation.contact" not in _check(tmp_path)
    _check(tmp_path, edit)
    result = CliRunner().invoke(main, ["build", str(tmp_path / BODY.name), "--out", str(tmp_path / "out"),
                                       "--format", "html", "--document", "politique", "-j", "1"], env=EPOCH)
    assert result.exit_code == 0, result.output
    french = _text(tmp_path / "out" / SLUG / "politique.html")
    assert promise not in french and "qualité des services et l’utilisateur autorisé l’y dirige" in french
    assert promised not in _text(tmp_path / "out" / SLUG / "politique.en.html")


# E5 — operative clauses say « must », « must not », « may », never a bare present


def test_the_duties_of_the_english_politique_read_must_or_may(pages):
    text = pages["politique.en"]
    operative = text[text.index("7. Statements", text.index("7. Statements") + 1):text.rindex("14. ")]
    verbs = re.findall(r"\b(?:Staff members|[Ee]very person covered|No person covered(?: by this policy)?|[Nn]o one"
                       r"|[Ee]veryone|The other persons covered|No such person)\b,? (\w+)", operative)
    assert len(verbs) > 15
    # « enjoys » a right, « is » answerable, « everyone thus keeps » (a consequence), « whatever their status »
    assert set(verbs) <= {"must", "may", "owe", "enjoys", "is", "are", "who", "had", "thus", "whatever"}, verbs
    for duty in ("Staff members must obtain the authorization", "Staff members must not post any photo",
                 "staff members must exchange internal information",
                 "Every person covered:\nmust read this policy", "the person authorized to post must:\nprepare",
                 "The person authorized to post must adopt a tone", "must make no statement about the institution"):
        assert duty in operative, duty
    # what the French now only recommends (« il est recommandé », rule lint) reads as advice
    assert "Every person covered is advised to set the privacy" in operative


# E7 / E22 — the directive's notice names its author under s. 29.15; a mark stays outside the French span


def test_the_notice_names_whose_directive_applies(pages):
    for document in ("politique.en", "netiquette.en", "fiche-synthese.en"):
        # the basis just before has named the Charter of the French language
        assert ("Directive applied (same Charter, s. 29.15): “Directive sur l’emploi d’une autre "
                "langue que le français” (author: ministère de la Santé et des Services sociaux), adopted on March 1, "
                "2024.") in pages[document]
        assert "29.16" not in pages[document]


def test_check_warns_when_the_directive_names_no_author(tmp_path):
    output = _check(tmp_path, ("    auteur: ministère de la Santé et des Services sociaux\n", ""))
    assert "avertissement [organisation.directive] — langues.directive.auteur" in output
    assert "organisation.directive" not in _check(tmp_path)


def test_a_mark_to_confirm_is_read_in_english_outside_the_french_span(tmp_path):
    from conftest import ROOT
    result = CliRunner().invoke(main, ["build", str(ROOT / "organisations" / "cisss-laurentides.yaml"), "--out",
                                       str(tmp_path), "--format", "html", "--document", "netiquette", "-j", "1"],
                                env=EPOCH)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "cisss-laurentides" / "netiquette.en.html").read_text(encoding="utf-8")
    notice = page[page.index("Directive applied"):]
    notice = notice[:notice.index("</p>")]
    # the directive by its English version's title (reader 4, S2), then its author, the one French name
    assert notice.count('<span lang="fr-CA">') == 1 and "(author: <mark" in notice
    for span in re.findall(r'<span lang="fr-CA">(.*?)</span>', notice):
        assert "to be confirmed" not in span
    assert '</span></mark><span class="mention-a-confirmer">\u00a0(to be confirmed)</span>' in notice


# E8, E10, E13, E14 — English statute titles and pages, the institution's codes, « the institution »


def test_statutes_read_by_their_english_titles_and_link_to_english_pages(built, pages):
    english = pages["politique.en"]
    assert "under the Act to facilitate the disclosure of wrongdoings relating to public bodies (CQLR, c. D-11.1)" \
           in english
    assert "the Act respecting protection against reprisals related to the disclosure of wrongdoings (CQLR, c. " \
           "P-33.01) protects" in english
    assert "Loi sur la protection contre les représailles" not in english
    page = (built / "politique.en.html").read_text(encoding="utf-8")
    assert 'href="https://www.legisquebec.gouv.qc.ca/en/document/cs/C-12"' in page
    assert 'href="https://laws-lois.justice.gc.ca/eng/acts/C-42/"' in page
    assert "/fr/document/" not in page and "/fra/lois/" not in page
    assert "/fr/document/lc/C-12" in pages["politique"]


def test_the_english_politique_defines_the_institution_once_then_uses_it(pages):
    english = pages["politique.en"]
    body = english[english.index("1. Preamble", english.index("1. Preamble") + 1):]
    assert ("The CIUSSS de l’Ouest-de-l’Essai keeps official accounts on the following platforms: Facebook and "
            "LinkedIn. In this policy, the CIUSSS de l’Ouest-de-l’Essai is referred to as “the institution”.") in body
    assert body.count("CIUSSS de l’Ouest-de-l’Essai") <= 4
    assert body.count("the institution") + body.count("The institution") > 60
    assert "Responsible for implementation" in english
    # the nétiquette, a short public page, keeps the body's name
    assert "the institution" not in pages["netiquette.en"]


def test_the_policy_is_consistent_with_the_institutions_own_code_of_ethics(pages):
    assert ("The policy is consistent with the code of ethics of the institution, the codes of ethics of the "
            "professions practised there and its other policies.") in pages["politique.en"]


# E15 / E20 — moderation hours given where the heading promises them; E19 — the nétiquette's wording


def test_the_moderation_hours_are_given_in_both_languages(pages):
    assert "Nous suivons nos pages du lundi au vendredi, de 8\u00a0h\u00a030 à 16\u00a0h\u00a030" in pages["netiquette"]
    assert "We monitor our pages Monday to Friday, from 8:30 a.m. to 4:30 p.m." in pages["netiquette.en"]
    assert "12.1 Animation et heures de modération" in pages["politique"]
    assert "12.1 Community management and moderation hours" in pages["politique.en"]
    # the French asks an institution's commenters for respect only (the subject rule is an ordre's): so does the English
    assert "criticism is welcome if it targets ideas, not people." in pages["netiquette.en"]
    assert "Comments should relate" not in pages["netiquette.en"]


def test_a_heading_promises_no_hours_the_file_does_not_give(tmp_path):
    _check(tmp_path, ("moderation:\n  jours: du lundi au vendredi\n  debut: 8 h 30\n  fin: 16 h 30\n", ""))
    result = CliRunner().invoke(main, ["build", str(tmp_path / BODY.name), "--out", str(tmp_path / "out"),
                                       "--format", "html", "--document", "politique", "-j", "1"], env=EPOCH)
    assert result.exit_code == 0, result.output
    french, english = (_text(tmp_path / "out" / SLUG / f"politique{e}.html") for e in ("", ".en"))
    assert "12.1 Animation et modération" in french and "heures de modération" not in french
    assert "12.1 Community management and moderation\n" in english and "moderation hours" not in english
    section = english[english.rindex("12.1 Community"):english.rindex("12.2 ")]
    assert section.count("not monitored") + section.count("not continuously monitored") == 1


# E23 — « We reply in French » only as the file decides


def test_check_asks_to_confirm_french_only_replies_on_an_english_netiquette(tmp_path):
    output = _check(tmp_path, ("netiquette:\n  langues: [français, anglais]\n", "netiquette:\n  langues: [français]\n"))
    assert "avertissement [organisation.phrasing] — netiquette.langues" in output
    assert "« We reply in French. »" in output
    assert "netiquette.langues" not in _check(tmp_path)


# E11 — the Word table of contents in the document's language


def test_the_english_word_file_titles_its_contents_in_english(english_politique_built):
    import zipfile
    xml = {name: zipfile.ZipFile(english_politique_built / name).read("word/document.xml").decode()
           for name in ("politique.docx", "politique.en.docx")}
    assert ">Contents<" in xml["politique.en.docx"] and "Table des matières" not in xml["politique.en.docx"]
    assert ">Table des matières<" in xml["politique.docx"]


def test_a_units_gloss_is_given_once_in_the_english_politique(pages):
    english = pages["politique.en"]
    assert english.count("Direction des communications et des affaires publiques (Communications and Public "
                         "Affairs)") == 1
    assert _approval(english, "Responsible for implementation").endswith("(Communications and Public Affairs)")
    assert english.count("Direction des communications et des affaires publiques") > 20


# E9 — one English word for « réserve » (restraint) and for « régime » (status)


def test_reserve_and_regime_have_one_english_word_each(pages):
    english = pages["politique.en"]
    assert "loyalty and restraint" in english and "bound to restraint" in english
    assert "loyalty and discretion" not in english and "bound to discretion" not in english
    assert not re.search(r"\bregime\b", english) and "persons in their category" not in english
    assert "according to their status with the institution" in english


def test_a_hidden_comment_stays_visible_to_its_author_in_both_languages(pages):
    # platform-neutral (r3fix U7/X6): « ses amis » holds on Facebook only, and the pages are on several platforms
    assert "Sur Facebook, un commentaire masqué reste visible pour son auteur" in pages["netiquette"]  # reader 7 X5
    assert "son auteur et ses amis" not in pages["netiquette"]
    assert "On Facebook, a hidden comment remains visible to its author." in pages["netiquette.en"]
