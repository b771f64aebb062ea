"""`publish` never deletes a file it did not write, follows a symbolic link, refuses `--site .`.

Most cases publish a site with no organisation (index, styles, fonts): what is tested
is the swap, not the documents, so no PDF is rendered here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.publishing.site import MARKER, NotASiteError, SiteIsWorkingFolderError, publish_site

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"
ON = dt.date(2026, 1, 1)  # the day the (empty) register is judged by


def test_a_file_added_to_a_published_site_is_never_deleted(tmp_path):
    site = tmp_path / "site"
    publish_site(site, [], ON)
    assert "index.html" in (site / MARKER).read_text(encoding="utf-8")
    (site / "notes-de-la-direction.docx").write_bytes(b"a moi")
    with pytest.raises(NotASiteError) as refused:
        publish_site(site, [], ON)
    assert refused.value.args == ("notes-de-la-direction.docx",)
    assert (site / "notes-de-la-direction.docx").read_bytes() == b"a moi"


def test_a_site_of_its_own_is_replaced(tmp_path):
    site = tmp_path / "site"
    publish_site(site, [], ON)
    (site / "index.html").write_text("ancien", encoding="utf-8")
    publish_site(site, [], ON)
    assert (site / "index.html").read_text(encoding="utf-8") != "ancien"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or old copy left


def test_a_symbolic_link_site_is_followed_and_kept(tmp_path):
    real = tmp_path / "partage" / "intranet"
    real.mkdir(parents=True)
    link = tmp_path / "site"
    link.symlink_to(real, target_is_directory=True)
    for _ in range(2):  # the second publication goes through the link again
        publish_site(link, [], ON)
        assert link.is_symlink() and (link / "index.html").is_file() and (real / "index.html").is_file()


def test_a_killed_publication_leaves_nothing_the_next_one_keeps(tmp_path):
    leftover = tmp_path / ".policygen-999999999-site-abc"  # no such process
    leftover.mkdir()
    (leftover / "index.html").write_text("", encoding="utf-8")
    publish_site(tmp_path / "site", [], ON)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("where", [".", ".."])
def test_site_dot_is_refused_cleanly(where, tmp_path, monkeypatch):
    work = tmp_path / "travail"
    work.mkdir()
    (work / "a-garder.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(work)
    with pytest.raises(SiteIsWorkingFolderError):
        publish_site(Path(where), [], ON)
    result = CliRunner().invoke(main, ["publish", str(FIXTURE), "--site", where])
    assert result.exit_code == 6, result.output
    assert "le site ne peut pas être le dossier courant" in result.output and "interne" not in result.output
    assert sorted(p.name for p in work.iterdir()) == ["a-garder.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["travail"]
