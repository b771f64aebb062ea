# Two commands on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The accessibility tests drive Debian's Chromium (never a browser downloaded by playwright).
CHROMIUM := /usr/bin/chromium

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
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "Chromium n’a pas pu être installé : les tests d’accessibilité seront sautés (hors CI)."; \
	else \
		echo "Chromium absent ($(CHROMIUM)) et pas de droits root : les tests d’accessibilité seront sautés."; \
	fi

test: $(STAMP) | $(CHROMIUM)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/stages.py

clean:
	rm -rf output $(VENV)
