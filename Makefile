# Two commands on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The accessibility tests drive Debian's Chromium (never a browser downloaded by playwright).
CHROMIUM := /usr/bin/chromium
# The Word files are laid out by LibreOffice (a stand-in for Word) to compare their page counts with the PDFs'.
SOFFICE := /usr/bin/soffice
SYSTEM_PACKAGES := chromium libreoffice-writer-nogui
# Every version the tests passed with, with their hashes. `make lock` adds what pyproject.toml
# gained and keeps the other pins (delete the file first to move them all to the newest within
# pyproject.toml's bounds); tests/test_lock.py fails when the installed versions leave it.
LOCK := requirements.lock
LOCK_TOOLS := .lock-tools

.PHONY: build test check bench clean publish lock

# The lock is installed by uv (pinned, bootstrapped by pip into the venv): the same pinned,
# hash-checked wheels pip installed, fetched and unpacked in parallel: 74 s -> 32 s wall and
# 28 s -> 7 s of CPU at load 8 (pip's own upgrade dropped too). Their bytecode is compiled at
# install (uv, on every core): left to the first import, it is never written where
# PYTHONDONTWRITEBYTECODE is set (as on our machines and many CI images), and every Python process
# of `make test` (each test worker, forkserver, `python -m policygen` child) compiled WeasyPrint,
# fontTools, pydantic and python-docx again: 3.2 s of CPU to import them instead of 1.2 s.
# policygen's own (editable) bytecode likewise, 0.2 s a process; a module edited since is compiled
# again in memory, as Python checks each file's time.
UV_VERSION := 0.13.9
UV_INSTALL := $(BIN)/uv pip install --quiet --python $(BIN)/python
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(UV_INSTALL) --require-hashes --compile-bytecode -r $(LOCK)
	$(UV_INSTALL) --no-deps -e .
	$(BIN)/python -m compileall -q src
	touch $@

lock:
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install --quiet uv
	$(LOCK_TOOLS)/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--generate-hashes --quiet -o $(LOCK)

build: $(STAMP)
	$(BIN)/policygen build organisations/*.yaml

publish: $(STAMP)
	$(BIN)/policygen publish organisations/*.yaml --site site

check: $(STAMP)
	$(BIN)/policygen check organisations/*.yaml

# Installed when absent and we are root; otherwise the accessibility tests say so and
# skip (or fail on CI, where CI=true).
$(CHROMIUM) $(SOFFICE):
	@if [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null) \
		|| echo "Paquets système non installés ($(SYSTEM_PACKAGES)) : les tests qui en dépendent seront sautés (hors CI)."; \
	else \
		echo "$@ absent et pas de droits root : installez $(SYSTEM_PACKAGES)."; \
	fi

# The editor's checker (VS Code's YAML extension runs it): tests/orgfile/test_editor.py drives it
# over the shipped files with the generated schema. Pinned; skipped with a message where npm is absent.
YAML_LS_VERSION := 1.25.0
.npm/installed:
	@if command -v npm >/dev/null; then 		npm install --prefix .npm --no-audit --no-fund --silent yaml-language-server@$(YAML_LS_VERSION) && touch $@; 	else 		echo "npm absent : le test de l’éditeur (yaml-language-server) sera sauté (hors CI)."; 	fi

# The suite runs in one pytest-xdist worker per core: the documents every test reads are built
# once for all workers (tests/conftest.py, `shared_output`), the rest splits across the cores,
# a test file at a time (its module fixtures, such as the LibreOffice conversions, made once).
# TEST_WORKERS=0 runs it in one process. Its CPU is not what time(1) reports: the build workers are
# children of a multiprocessing forkserver that no one waits for, so their CPU is never counted
# (7 December 2026: 605 s by time(1), 910 s by a cpuacct cgroup around the same run, at load 7): on
# two cores the suite cannot take less than half its real CPU.
TEST_WORKERS ?= auto
test: $(STAMP) | $(CHROMIUM) $(SOFFICE) .npm/installed
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

# P, the pandoc route, needs pandoc: installed here when absent and we are root.
bench: $(STAMP)
	@command -v pandoc >/dev/null || [ "$$(id -u)" != 0 ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null) || \
		echo "pandoc non installé : le rapport P sera absent."
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/words.py

clean:
	rm -rf output $(VENV) $(LOCK_TOOLS)
