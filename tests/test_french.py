"""French phrasing: names agree and contract whatever their gender, number, first letter or article."""

import pytest

from policygen.french import Name, agree, contract, every


@pytest.mark.parametrize("typed, feminine, plural, forms", [
    ("Collège", False, False, ("le Collège", "du Collège", "au Collège", "ce Collège", "il")),
    ("Institut", False, False, ("l’Institut", "de l’Institut", "à l’Institut", "cet Institut", "il")),
    ("Secrétariat général", False, False, ("le Secrétariat général", "du Secrétariat général",
                                           "au Secrétariat général", "ce Secrétariat général", "il")),
    ("Services sociaux", False, True, ("les Services sociaux", "des Services sociaux", "aux Services sociaux",
                                       "ces Services sociaux", "ils")),
    ("Le Phare", True, True, ("le Phare", "du Phare", "au Phare", "ce Phare", "il")),  # its article wins
    ("La Maison du Phare", False, False, ("la Maison du Phare", "de la Maison du Phare", "à la Maison du Phare",
                                         "cette Maison du Phare", "elle")),
    ("Les Services", False, False, ("les Services", "des Services", "aux Services", "ces Services", "ils")),
    ("Hôpital Sainte-Anne", False, False, ("l’Hôpital Sainte-Anne", "de l’Hôpital Sainte-Anne",
                                           "à l’Hôpital Sainte-Anne", "cet Hôpital Sainte-Anne", "il")),
    ("Halte du Coin", True, False, ("la Halte du Coin", "de la Halte du Coin", "à la Halte du Coin",
                                    "cette Halte du Coin", "elle")),
    ("la médecine", False, False, ("la médecine", "de la médecine", "à la médecine", "cette médecine", "elle")),
])
def test_a_name_agrees_with_its_article_gender_and_number(typed, feminine, plural, forms):
    name = Name.parse(typed, feminine, plural)
    assert (name.le, name.du, name.au, name.ce, name.il) == forms
    assert str(name) == typed


def test_an_aspirated_h_can_be_declared_by_the_file():
    assert Name.parse("Hublot", aspirated=frozenset({"hublot"})).le == "le Hublot"
    assert Name.parse("Hublot").le == "l’Hublot"


def test_participles_and_verbs_agree():
    assert [agree("tenu", f, p) for f in (False, True) for p in (False, True)] == \
        ["tenu", "tenus", "tenue", "tenues"]
    assert agree("seul", True, False) == "seule" and agree("professionnel", True, True) == "professionnelles"
    assert Name.parse("les Services", plural=True).verbe("est", "sont") == "sont"
    assert Name.parse("Maison", feminine=True).accord("désigné") == "désignée"


@pytest.mark.parametrize("preposition, phrase, expected", [
    ("à", "le syndic", "au syndic"), ("de", "le code de déontologie", "du code de déontologie"),
    ("à", "les usagers", "aux usagers"), ("de", "les usagers", "des usagers"),
    ("à", "la commissaire locale", "à la commissaire locale"), ("de", "un usager", "d’un usager"),
    ("de", "l’Ordre", "de l’Ordre"), ("à", "Santé Québec", "à Santé Québec"),
])
def test_a_preposition_contracts_with_the_article_that_follows(preposition, phrase, expected):
    assert contract(preposition, phrase) == expected


def test_an_epicene_pair_contracts_each_noun():
    """« les résidentes et les résidents » is two nouns: each takes its own contraction."""
    pair = Name.parse("les résidentes et les résidents")
    assert (pair.du, pair.au, pair.le, pair.bare) == (
        "des résidentes et des résidents", "aux résidentes et aux résidents", "les résidentes et les résidents",
        "résidentes et résidents")
    assert contract("de", "les résidentes et les résidents") == "des résidentes et des résidents"
    assert contract("à", "la commissaire ou le commissaire") == "à la commissaire ou au commissaire"
    assert contract("de", "une résidente ou un résident") == "d’une résidente ou d’un résident"
    # A name whose second part takes no article of its own stays one noun.
    assert Name.parse("le CISSS des Laurentides et des Îles").du == "du CISSS des Laurentides et des Îles"


def test_every_one_of_a_pair():
    assert every("une résidente ou un résident") == "toute résidente ou tout résident"
    assert every("un usager") == "tout usager"
