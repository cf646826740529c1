# `make site` builds the default playbook into site/; `make test` runs every test.
# Both create .venv and install into it on first use.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

LOWEST ?= .venv-lowest

.PHONY: site zensical test test-lowest serve lint clean locales locales-extract locales-update locales-compile

site: $(VENV)/.runtime
	$(BIN)/mkdocs build --strict

# The same playbook built with Zensical, which runs no MkDocs plugins: `playbook prepare`
# writes the generated pages and assets into docs/, `playbook pdf` the PDFs after the build,
# `playbook app` the offline copy and the web app manifest.
zensical: $(VENV)/.zensical
	$(BIN)/playbook prepare
	$(BIN)/zensical build --clean
	$(BIN)/playbook pdf
	$(BIN)/playbook app

$(VENV)/.zensical: $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --editable '.[pdf,material,zensical]'
	touch $@

serve: $(VENV)/.runtime
	$(BIN)/mkdocs serve

test: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

# The lowest dependency versions pyproject.toml allows, in a venv of their own; the tests
# that need no browser (the browser tests drive the same code through the same HTML).
test-lowest: $(LOWEST)/.installed
	$(LOWEST)/bin/pytest -q -m "not browser and not zensical" --ignore=tests/browser

$(LOWEST)/.installed: pyproject.toml .ci/lowest-constraints.txt
	test -x $(LOWEST)/bin/python || $(PYTHON) -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet --constraint .ci/lowest-constraints.txt \
		--editable '.[test-core]'
	touch $@

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(VENV)/.runtime: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --editable '.[pdf,material]'
	touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $@

# The reader-facing strings' catalogues (playbook_plugin/i18n/locales/): extract the template
# from render/strings.py, merge it into every language's playbook.po, compile the .mo files
# the build reads. Add a language: $(BIN)/pybabel init -D playbook -d $(LOCALES) -l <lang>
# -i $(LOCALES)/playbook.pot, translate its .po, then `make locales`.
LOCALES := playbook_plugin/i18n/locales

locales: locales-update locales-compile

locales-extract: $(VENV)/.runtime
	$(BIN)/python -m playbook_plugin.i18n.extract

locales-update: locales-extract
	$(BIN)/pybabel update --domain playbook --input-file $(LOCALES)/playbook.pot \
		--output-dir $(LOCALES) --no-fuzzy-matching --width 100

locales-compile: $(VENV)/.runtime
	$(BIN)/pybabel compile --domain playbook --directory $(LOCALES) --statistics

clean:
	rm -rf site $(VENV) $(LOWEST)
