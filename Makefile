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

.PHONY: build test check bench clean publish

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

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

test: $(STAMP) | $(CHROMIUM) $(SOFFICE)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/words.py

clean:
	rm -rf output $(VENV)
