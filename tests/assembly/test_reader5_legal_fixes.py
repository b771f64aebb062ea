"""What the fifth legal reading found (notes/reader5.md), read back on the documents of the bodies
new users wrote (tests/orgfile/corps) and of the shipped and fixture bodies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

CORPS = Path(__file__).resolve().parents[1] / "orgfile" / "corps"
LINE = "  loi_renseignements_sante: (à confirmer)\n"


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def library():
    return load_library()


def _build(library, path: Path, kinds=("politique",)):
    loaded, problems = load_all([path], library)
    assert not problems, problems
    item = loaded[0]
    return {d.kind: _text(d) for d in documents_for(item, library, list(library.documents)) if d.kind in kinds}


def _with(tmp_path: Path, slug: str, line: str) -> Path:
    text = (CORPS / f"{slug}.yaml").read_text(encoding="utf-8")
    assert LINE in text
    path = tmp_path / f"{slug}.yaml"
    path.write_text(text.replace(LINE, line), encoding="utf-8")
    return path


HYPOTHESIS = "Si Kinetika est un tel organisme"


@pytest.mark.parametrize("answer", ["oui", "non"])
def test_a_decided_body_prints_one_privacy_regime(library, tmp_path, answer):
    """X1/K1: the politique left its own health-information regime as a hypothesis (« Si … est un tel
    organisme »); the file now says it, and the politique prints that regime only."""
    text = _build(library, _with(tmp_path, "kinetika", f"  loi_renseignements_sante: {answer}\n"),
                  ("politique", "politique.en"))
    politique = text["politique"]
    assert HYPOTHESIS not in politique and "Toutefois, si Kinetika" not in politique
    if answer == "oui":
        assert "Kinetika est un organisme du secteur de la santé et des services sociaux au sens de l’article 4" \
            in politique
        assert "Toutefois, comme Kinetika est un organisme du secteur de la santé" in politique
    else:
        assert "Kinetika n’est pas un organisme du secteur de la santé et des services sociaux" in politique
        assert "suit plutôt les articles 108 et 110" not in politique
    assert "(à confirmer)" not in politique.split("Protection des renseignements personnels")[-1].split(".")[0]
    if "politique.en" in text:
        assert "If Kinetika is such a body" not in text["politique.en"]


def test_an_undecided_body_keeps_the_question_marked(library):
    """« (à confirmer) »: the question stays open in print, and marked, so that a final build refuses it."""
    politique = _build(library, CORPS / "kinetika.yaml")["politique"]
    assert f"{HYPOTHESIS} (à confirmer)" in politique
    assert "Toutefois, si Kinetika est un organisme du secteur de la santé et des services sociaux (à confirmer)" \
        in politique


def test_a_wrong_answer_is_a_located_french_error(library, tmp_path):
    loaded, problems = load_all([_with(tmp_path, "kinetika", "  loi_renseignements_sante: peut-être\n")], library)
    assert not loaded and problems
    problem = next(p for p in problems if "loi_renseignements_sante" in str(p.field))
    assert problem.line == 13 and "oui" in f"{problem.message} {problem.hint}"


@pytest.mark.parametrize("answer, status", [("oui", None), ("non", "non applicable"), ("(à confirmer)", "à examiner")])
def test_the_legal_table_follows_the_answer(library, tmp_path, answer, status):
    """The R-22.1 rows were « à examiner » for every « autre » body; the file's answer now settles them."""
    from policygen.assembly.conformity import conformity

    loaded, problems = load_all([_with(tmp_path, "kinetika", f"  loi_renseignements_sante: {answer}\n")], library)
    assert not problems
    documents = {d.kind: d for d in documents_for(loaded[0], library, list(library.documents))}
    rows = {row.obligation.id: row for row in conformity(loaded[0], documents["politique"], library)}
    incident = rows["sante-incident"]
    if status is None:
        assert incident.status not in ("non applicable", "à examiner"), incident
    else:
        assert incident.status == status, incident


@pytest.fixture(scope="module")
def ordre(library):
    return _build(library, CORPS / "ordre-infirmier.yaml", ("politique", "fiche-synthese"))


def test_an_ordre_adds_no_duty_to_its_members_beyond_their_code(ordre):
    """O1/O2: « Nul ne publie … dont l’Ordre ne détient pas les droits » and « nul ne porte atteinte … à la
    réputation de l’Ordre » reached the nurses, whom the politique promised to remind of their code only."""
    politique, fiche = ordre["politique"], ordre["fiche-synthese"]
    assert "Nul ne publie un texte, une image ou une vidéo dont" not in politique
    assert "Sur les plateformes de l’Ordre ou en son nom, nul ne publie un texte, une image ou une vidéo" in politique
    assert "Nul ne publie ni ne diffuse sur les médias sociaux un contenu qui porte atteinte sans droit à la " \
        "réputation, à la vie privée" in politique
    assert "Les personnes visées autres que les membres ne portent pas non plus atteinte sans droit à la " \
        "réputation de l’Ordre" in politique
    assert "art. 59.2" in politique
    assert "réputation de l’Ordre" not in fiche.split("Des comportements interdits")[1].split("Tout peut")[0]


def test_an_ordres_administrators_are_in_its_scope(ordre, library, tmp_path):
    """O3: the ordre's file left out its board and committees, which its politique defines and binds."""
    politique = ordre["politique"]
    assert "les administrateurs et les membres des comités de l’Ordre ;" in politique
    assert "Pour les membres du conseil d’administration et des comités, un manquement est examiné selon le code " \
        "d’éthique des administrateurs" in politique
    text = (CORPS / "ordre-infirmier.yaml").read_text(encoding="utf-8")
    start = text.index("  - categorie: les administrateurs")
    shutil.copytree(CORPS / "ordre-infirmier", tmp_path / "ordre-infirmier")  # its own laws
    path = tmp_path / "ordre-infirmier.yaml"
    path.write_text(text[:start] + text[text.index("  - categorie: les infirmières"):], encoding="utf-8")
    from policygen.orgfile.advice import advice  # noqa: PLC0415
    loaded, problems = load_all([path], library)
    assert not problems
    item = loaded[0]
    found = [d for d in advice(item.organisation, item.located, item.display) if "« administrateur »" in d.message]
    assert found and found[0].line == 10 and found[0].severity == "avertissement"


def test_a_help_lines_netiquette_does_not_ask_for_a_real_name(library):
    """E1: a confidential, anonymous listening line invited the people in distress who comment on its pages to
    give their real identity."""
    texts = _build(library, CORPS / "ligne-ecoute.yaml", ("netiquette", "netiquette.en"))
    assert "véritable identité" not in texts["netiquette"]
    assert "Vous pouvez participer sans vous nommer ; ne donnez aucun détail qui permettrait de vous reconnaître." \
        in texts["netiquette"]
    other = _build(library, CORPS / "kinetika.yaml", ("netiquette",))["netiquette"]
    assert "Nous vous invitons à participer sous votre véritable identité." in other


@pytest.mark.parametrize("slug", ["kinetika", "ordre-infirmier", "rpa-opalia", "ligne-ecoute"])
def test_the_netiquette_promises_no_more_reading_than_the_politique(library, slug):
    """X2: « Nous lisons chaque commentaire après sa parution » promised a full review the politique does not
    make (it reads the pages during its moderation hours and does not check every comment)."""
    texts = _build(library, CORPS / f"{slug}.yaml", ("netiquette", "politique"))
    assert "chaque commentaire après sa parution" not in texts["netiquette"]
    # hours are named only where the file gives them (reader 7, X4)
    assert ("Nous lisons les commentaires pendant nos heures de modération." in texts["netiquette"]
            or "Nous lisons les commentaires après leur publication." in texts["netiquette"])


SERVICES = "Les médias sociaux ne servent pas à offrir des soins ou des services professionnels"


def test_care_is_not_given_on_social_media(library, ordre):
    """X4: source 002's rule survived only for the help line; the bodies whose people give care keep it."""
    for slug in ("kinetika", "rpa-opalia"):
        assert SERVICES in _build(library, CORPS / f"{slug}.yaml")["politique"], slug
    assert "Les médias sociaux ne sont pas des plateformes appropriées pour offrir des services professionnels" \
        in ordre["politique"]
    help_line = _build(library, CORPS / "ligne-ecoute.yaml")["politique"]
    assert SERVICES not in help_line and "Aucune écoute ni intervention ne se fait" in help_line


def test_the_ordres_regulation_has_no_invented_number(ordre):
    """O4: « RLRQ, c. I-8, r. 99 » was never verified (the Ordre is fictitious: its regulation has no number)."""
    assert "r. 99" not in ordre["politique"]
    assert "de l’Essai (RLRQ, c. I-8, r. [numéro à confirmer])" in ordre["politique"]  # reader 6, finding 13
