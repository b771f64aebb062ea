"""The README is the advisors' reference: it must name every key of the file."""

import re

from pydantic import BaseModel

from policygen.orgfile.schema import OrganisationFile
from policygen.orgfile.validation import model_at
from conftest import ROOT


def keys(model: type[BaseModel], prefix: tuple[str, ...] = ()):
    for name in model.model_fields:
        path = prefix + (name,)
        yield path
        inner = model_at(path)
        if inner is not None and len(path) < 2:
            yield from keys(inner, path)


def test_every_key_of_the_organisation_file_is_documented():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    def documented(path):
        name = re.escape(path[-1])
        # a section is named as the prefix of its keys; a key alone or after its section
        return re.search(rf"`{name}[.`]" if len(path) == 1 else rf"[`.]{name}`", readme)

    missing = [".".join(path) for path in keys(OrganisationFile) if not documented(path)]
    assert missing == []


def test_quick_start_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Démarrage rapide", 1)[1].split("##", 1)[0]
    assert "make build" in quick and "make test" in quick


def test_the_readme_examples_are_valid_organisation_files(tmp_path):
    """The two complete examples (an ordre, an établissement) pass the validation as typed."""
    from policygen.orgfile.validation import load_organisation

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = [block for block in re.findall(r"```yaml\n(.*?)```", readme, flags=re.S) if "organisation:" in block
                and "revision:" in block]
    assert len(examples) == 2
    types = set()
    for index, example in enumerate(examples):
        path = tmp_path / f"exemple-{index}.yaml"
        path.write_text(example, encoding="utf-8")
        organisation, _ = load_organisation(path)
        types.add(organisation.organisation.type)
    assert types == {"ordre_professionnel", "etablissement_sante"}
