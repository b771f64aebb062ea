"""Hostile organisation files: every bound refuses in French, located, fast and in little memory.

Each case runs the real CLI in a subprocess under a 200 Mo address-space limit, so a
file that would hang or exhaust memory fails the test instead of the machine, with the
fixture library (the file is what is refused; the shipped library's load and lint would cost
each process ~1.5 s of CPU more).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policygen.orgfile.yamlsource import LIMITS, load_yaml, read_yaml

MEMORY = 200 * 2**20
POLICYGEN = [sys.executable, "-m", "policygen"]
LIBRARY = ["--bibliotheque", str(Path(__file__).resolve().parents[1] / "fixtures" / "library")]

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))

CASES = {
    # name: (file text, expected code, expected line, words of the message)
    "alias-bomb": (BOMB, "organisation.limit", 5, "alias"),
    "alias-of-big-value": ("a: &a " + "mot " * 1200 + "\nb: [" + ", ".join(["*a"] * 200) + "]\n",
                           "organisation.limit", 2, "alias"),
    "self-alias": ("a: &x [1, *x]\n", "organisation.limit", 1, "lui-même"),
    "nesting": ("a: " + "[" * 500 + "]" * 500 + "\n", "organisation.limit", 1, f"{LIMITS.depth} niveaux"),
    "long-list": ("a:\n" + "  - x\n" * (LIMITS.items + 1), "organisation.limit", LIMITS.items + 2, f"{LIMITS.items} éléments"),
    "long-value": (f"a: \"{'mot ' * 2000}\"\n", "organisation.limit", 1, f"au plus {LIMITS.scalar}"),
    "long-word": ("organisation:\n  mission: " + "a" * 5000 + "\n", "organisation.limit", 2, "Mot trop long"),
    "huge-number": ("organisation:\n  membres_nombre: " + "9" * 4300 + "\n", "organisation.limit", 2,
                    "Mot trop long"),
    "year-9999": ("revision:\n  en_vigueur: 9999-12-31\n", "organisation.limit", 2, "1900 à 2099"),
    "year-1": ("revision:\n  en_vigueur: \"0001-01-01\"\n", "organisation.limit", 2, "1900 à 2099"),
    "escaped-control": ('organisation:\n  nom: "a\\0b"\n', "organisation.control", 2, "U+0000"),
    "escaped-escape": ('organisation:\n  nom: "\\e[31mrouge"\n', "organisation.control", 2, "U+001B"),
    "escaped-noncharacter": ('organisation:\n  nom: "a\\uFFFE"\n', "organisation.control", 2, "U+FFFE"),
    "raw-control": ("organisation:\n  nom: a\x07b\n", "organisation.control", 2, "U+0007"),
    "tag": ("organisation:\n  nom: !!str 007\n", "organisation.tag", 2, "Étiquette YAML"),
    "local-tag": ("organisation: !chose\n  nom: x\n", "organisation.tag", 1, "Étiquette YAML"),
    "complex-key": ("? [a, b]\n: c\n", "organisation.yaml", 1, "simple mot"),
}


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_limited(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*POLICYGEN, *args, *LIBRARY], cwd=cwd, capture_output=True, text=True, timeout=60,
                          preexec_fn=_limited, env={**os.environ, "PYTHONWARNINGS": "ignore"})


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> subprocess.CompletedProcess:
    """`policygen check` on every hostile file at once (<case>.yaml), in one limited process: each
    file is refused on its own, and one interpreter start instead of one per case (2 s of CPU each)."""
    folder = tmp_path_factory.mktemp("hostile")
    for name, (text, *_) in CASES.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return run_limited("check", *(f"{name}.yaml" for name in CASES), cwd=folder)


@pytest.mark.parametrize("name", CASES)
def test_hostile_file_is_refused_in_french_with_its_line(name, tmp_path, checked):
    text, code, line, words = CASES[name]
    (tmp_path / "hostile.yaml").write_text(text, encoding="utf-8")
    started = time.process_time()  # CPU, not wall: a loaded machine must not fail it
    located, problems = read_yaml(tmp_path / "hostile.yaml", "hostile.yaml")
    assert time.process_time() - started < 1
    assert located is None or problems
    assert problems[0].code == code and words in problems[0].message
    if line is not None:
        assert problems[0].line == line
    assert checked.returncode == 3, checked.stderr
    where = f"{name}.yaml" if line is None else f"{name}.yaml:{line}"
    assert f"{where}: erreur [{code}]" in checked.stderr
    assert "Traceback" not in checked.stderr and "\x1b" not in checked.stderr


def test_large_file_is_refused_before_it_is_read(tmp_path):
    (tmp_path / "gros.yaml").write_text("a: \"" + "x " * 5_000_000 + "\"\n", encoding="utf-8")
    result = run_limited("check", "gros.yaml", cwd=tmp_path)
    assert result.returncode == 3
    assert f"gros.yaml: erreur [organisation.limit]\n  Fichier trop gros : plus de {LIMITS.file_bytes // 1000} Ko" \
        in result.stderr


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_only_regular_files_are_read(special, tmp_path):
    if special == "fifo":
        os.mkfifo(tmp_path / "fifo.yaml")
        special = "fifo.yaml"
    result = run_limited("check", special, cwd=tmp_path)
    assert result.returncode == 6
    assert "ce n’est pas un fichier ordinaire" in result.stderr


@pytest.mark.parametrize(("typed", "kept"), [("007", "007"), ("0450", "0450"), ("1.10", "1.10"),
                                             ("1.5", "1.5"), ("+3", "+3"), ("22898", 22898)])
def test_numbers_keep_the_text_typed(typed, kept):
    located, problems = load_yaml(f"a: {typed}\n", "f.yaml")
    assert problems == [] and located.data["a"] == kept


def test_line_breaks_are_folded_in_organisation_values_only():
    text = "a: \"premier\\n===\\n| b |\"\nb: |\n  un\n  - deux\n"
    located, _ = load_yaml(text, "f.yaml")
    assert located.data == {"a": "premier === | b |", "b": "un - deux"}
    library, _ = load_yaml(text, "f.yaml", "library")
    assert library.data["b"] == "un\n- deux\n"


@pytest.mark.parametrize("quote", ["« Santé » : bien-être", "“Santé” : bien-être", "‘Santé’ : bien-être"])
def test_typographic_quotes_get_the_character_to_type(quote):
    _, problems = load_yaml(f"organisation:\n  nom: {quote}\n", "f.yaml")
    assert problems[0].line == 2 and problems[0].code == "organisation.yaml"
    assert "guillemets droits \"" in problems[0].hint and quote[0] in problems[0].hint


def test_windows_line_ends_are_accepted():
    located, problems = load_yaml("a: 1\r\nb: deux\r\n", "f.yaml")
    assert problems == [] and located.data == {"a": 1, "b": "deux"}
