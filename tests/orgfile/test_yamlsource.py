import datetime as dt

from policygen.orgfile.yamlsource import load_yaml

TEXT = """\
organisation:
  nom: Essai
  valeurs:
    - respect
    - collaboration
moderation:
  debut: 08:30
  choix: non
  date: 2018-04-27
  poste: 22898
"""


def test_every_path_knows_its_line():
    located, problems = load_yaml(TEXT, "f.yaml")
    assert problems == []
    assert located.line_of(("organisation", "nom")) == 2
    assert located.line_of(("organisation", "valeurs", 1)) == 5
    assert located.line_of(("moderation", "debut")) == 7


def test_missing_path_falls_back_to_nearest_parent():
    located, _ = load_yaml(TEXT, "f.yaml")
    assert located.line_of(("moderation", "fin")) == 6


def test_yaml_1_1_surprises_are_avoided():
    located, _ = load_yaml(TEXT, "f.yaml")
    moderation = located.data["moderation"]
    assert moderation["debut"] == "08:30"  # not 510 (sexagesimal)
    assert moderation["choix"] == "non"  # left for the schema to read as a French « non »
    assert moderation["date"] == dt.date(2018, 4, 27)
    assert moderation["poste"] == 22898


def test_duplicate_key_is_reported_with_both_lines():
    located, problems = load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert "ligne 1" in problems[0].message
    assert located.data["a"] == 1


def test_syntax_error_names_its_line_in_french():
    located, problems = load_yaml("a: 1\nb:\n  c: 2\n d: 3\n", "f.yaml")
    assert located is None
    assert problems[0].line == 4
    assert "structure" in problems[0].message or "indentation" in problems[0].message


def test_tab_indentation_is_explained():
    _, problems = load_yaml("a:\n\tb: 1\n", "f.yaml")
    assert "tabulation" in problems[0].message
