"""One library serves every body: articles and pronouns agree with the name."""

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

from conftest import ROOT


def test_a_feminine_body_is_elle_not_il(tmp_path):
    text = (ROOT / "organisations" / "cisss-laurentides.yaml").read_text(encoding="utf-8")
    text = text.replace("  appellation: établissement ", "  appellation: Corporation ")
    text = text.replace("  appellation_genre: masculin", "  appellation_genre: féminin")
    path = tmp_path / "corporation.yaml"
    path.write_text(text, encoding="utf-8")
    library = load_library()
    loaded, problems = load_all([path], library)
    assert not problems
    [politique] = documents_for(loaded[0], library, ["politique"])
    body = " ".join(document_texts(politique)).replace("\u202f", " ").replace("\xa0", " ")
    assert "la Corporation" in body and "de la Corporation" in body
    assert "qu’elle juge utiles" in body and "qu’il juge utiles" not in body
    assert "la Corporation" in body and "le Corporation" not in body and "du Corporation" not in body
