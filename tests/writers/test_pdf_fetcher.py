"""The PDF's URL fetcher serves the library's files only, however the address is spelt."""

import pytest

from policygen.resources import TEMPLATES
from policygen.writers.pdf import ProjectOnlyFetcher


@pytest.mark.parametrize("escape", ["..", "%2e%2e", "%2E%2E", ".%2e"])
def test_an_encoded_parent_folder_does_not_leave_the_library(escape):
    url = (TEMPLATES / "fonts").as_uri() + f"/{escape}/{escape}/{escape}/{escape}/{escape}/{escape}/etc/passwd"
    with pytest.raises(ValueError, match="ressource hors du projet refusée"):
        ProjectOnlyFetcher().fetch(url)


def test_a_library_file_is_served():
    response = ProjectOnlyFetcher().fetch((TEMPLATES / "fonts" / "LICENCE-Lato-OFL.txt").as_uri())
    assert b"Upstream-Name: lato" in response.read()
