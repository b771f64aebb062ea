"""`policygen schema`: the editor's schema accepts what `check` accepts, and refuses
what it refuses, read as an editor reads YAML (1.2)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from policygen.cli.main import main
from policygen.orgfile.descriptions import DESCRIPTIONS

ROOT = Path(__file__).resolve().parents[2]
VALID_FILES = sorted((ROOT / "organisations").glob("*.yaml")) + [ROOT / "tests/fixtures/organisation.yaml"]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _as_editor_reads(value):
    """ruamel resolves timestamps; YAML 1.2's core schema, which the editor follows, has none."""
    if isinstance(value, dict):
        return {k: _as_editor_reads(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_reads(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _yaml12(text: str):
    return _as_editor_reads(YAML(typ="safe").load(io.StringIO(text)))


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_shipped_files_are_valid_for_the_editor(validator, path: Path) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_yaml12(path.read_text()))]
    assert errors == []


def test_the_editor_flags_what_check_refuses(validator) -> None:
    text = (ROOT / "tests/fixtures/organisation.yaml").read_text()
    data = _yaml12(text)
    data["organisation"]["genre"] = "neutre"
    data["organisation"]["couleur"] = "bleu"
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert len(messages) == 2, messages


def test_the_editor_accepts_french_booleans_and_hours(validator) -> None:
    data = _yaml12((ROOT / "tests/fixtures/organisation.yaml").read_text())
    data["moderation"] = {"jours_feries": "oui", "debut": "8 h 30", "fin": 17}
    assert list(validator.iter_errors(data)) == []
    data["moderation"]["fin"] = "midi"
    assert len(list(validator.iter_errors(data))) == 1
def test_every_field_is_described_in_french() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    undescribed = [f"{section}.{name}" for section, definition in schema["$defs"].items()
                   for name, field in definition.get("properties", {}).items() if not field.get("description")]
    undescribed += [name for name, field in schema["properties"].items() if not field.get("description")]
    assert undescribed == []


def test_no_description_is_left_for_a_key_that_is_gone() -> None:
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    keys = {f"{section}.{name}" for section, definition in schema["$defs"].items()
            for name in definition.get("properties", {})}
    keys |= {f"OrganisationFile.{name}" for name in schema["properties"]}
    assert set(DESCRIPTIONS) - keys == set()


def test_the_schema_beside_the_shipped_files_is_current_and_named_by_each() -> None:
    folder = ROOT / "organisations"
    current = CliRunner().invoke(main, ["schema"]).output
    assert (folder / "organisation.schema.json").read_text(encoding="utf-8") == current, \
        "run: policygen schema > " + str(folder / "organisation.schema.json")
    for path in [p for p in VALID_FILES if p.parent == folder]:
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=./organisation.schema.json\n"), path.name


def test_every_choice_a_field_allows_is_named_in_its_description() -> None:
    """The editor's hover lists every value `check` accepts (hors_lieux was missing)."""
    import typing

    from policygen.orgfile import schema as model

    missing = []
    for section in (model.Choix, model.Netiquette, model.Vocabulaire):
        for name, field in section.model_fields.items():
            choices = typing.get_args(field.annotation) if typing.get_origin(field.annotation) is typing.Literal else ()
            description = DESCRIPTIONS.get(f"{section.__name__}.{name}", ("", ""))[1]
            missing += [f"{section.__name__}.{name}: {choice}" for choice in choices if choice not in description]
    assert missing == []


def test_the_schema_printed_is_the_one_made_afresh_however_often_it_is_asked_for() -> None:
    """`schema` (and `init`, tests/cli/test_init_bodies.py) give the text made once per process
    (`schema_text`): the same as a schema generated afresh, the second time too."""
    from policygen.orgfile.jsonschema import organisation_schema

    fresh = json.dumps(organisation_schema(), ensure_ascii=False, indent=2) + "\n"
    assert CliRunner().invoke(main, ["schema"]).output == fresh
    assert CliRunner().invoke(main, ["schema"]).output == fresh
