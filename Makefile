# ChatwootAI for Odoo 19 — developer entry points.
# Prerequisite: Odoo 19.0 importable by python3 (see README.md). Everything else is installed here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
DB ?= chatwoot_ai
TEST_DB ?= chatwoot_ai_test
SCALE ?= small
SEED ?= 42
BENCH ?=
RUNS ?= 3
BENCH_ARGS ?=
ADDONS := chatwoot_ai_base,chatwoot_ai_analytics,chatwoot_ai_social,chatwoot_ai_content,chatwoot_ai_campaign
comma := ,
space := $(empty) $(empty)
ADDON_DIRS := $(subst $(comma),$(space),$(ADDONS))
ODOO_RC := $(CURDIR)/.local/odoo.cfg
TEST_RC := $(CURDIR)/.local/odoo-test.cfg
ODOO := $(CURDIR)/.local/odoo-bin -c $(ODOO_RC)
PSQL = $(PYTHON) .ci/odoo_db.py --config $(ODOO_RC)

.PHONY: help bootstrap run test lint seed bench readme

help:
	@echo "make run                   install/update database '$(DB)' with demo data and serve http://localhost:8069"
	@echo "make test                  fresh database, install the five addons, run every test"
	@echo "make lint                  ruff + pylint-odoo (OCA 19.0 settings)"
	@echo "make seed SCALE=small|medium|large   load the demo shop into '$(DB)'"
	@echo "make bench [BENCH=name] [RUNS=3]   run tests/benchmarks/*.py RUNS times each, write docs/benchmarks.md"

bootstrap:
	@bash .ci/dev.sh odoo requirements postgres config launcher

run: bootstrap
	@if $(PSQL) exists $(DB); then \
		echo "[chatwoot-ai] Updating database $(DB)"; \
		$(ODOO) -d $(DB) -u $(ADDONS) --stop-after-init --log-level=warn; \
	else \
		echo "[chatwoot-ai] Creating database $(DB) with demo data"; \
		$(ODOO) -d $(DB) -i $(ADDONS) --with-demo --stop-after-init --log-level=warn; \
	fi
	@$(PSQL) banner $(DB)
	$(ODOO) -d $(DB) --db-filter='^$(DB)$$' --workers=2 --http-interface=0.0.0.0

test: bootstrap
	@$(PSQL) drop $(TEST_DB)
	@echo "[chatwoot-ai] Installing the five addons with demo data in a fresh database '$(TEST_DB)'"
	@start=$$(date +%s); \
	$(ODOO) -d $(TEST_DB) -i $(ADDONS) --with-demo --stop-after-init --log-level=warn || exit 1; \
	echo "[chatwoot-ai] Install took $$(( $$(date +%s) - start )) s"
	$(PYTHON) -m pytest --odoo-config=$(TEST_RC) --odoo-database=$(TEST_DB) --odoo-http \
		$(foreach a,$(ADDON_DIRS),$(a)/tests) tests $(PYTEST_ARGS)

lint:
	@bash .ci/dev.sh odoo requirements
	ruff check --no-fix .
	ruff format --check .
	$(PYTHON) .ci/gen_readme.py --check
	pylint --rcfile=.pylintrc-mandatory $(ADDON_DIRS)
	pylint --rcfile=.pylintrc --exit-zero $(ADDON_DIRS)

readme:
	$(PYTHON) .ci/gen_readme.py

seed: bootstrap
	@$(PSQL) exists $(DB) || $(ODOO) -d $(DB) -i $(ADDONS) --stop-after-init --log-level=warn
	@start=$$(date +%s); \
	echo "env['chatwoot.demo.seed']._seed('$(SCALE)', $(SEED)); env.cr.commit()" | \
		$(CURDIR)/.local/odoo-bin shell -c $(ODOO_RC) -d $(DB) --no-http --log-level=info 2>&1 | \
		grep -E "chatwoot|ERROR|Traceback" ; \
	echo "[chatwoot-ai] Seed $(SCALE) loaded in $$(( $$(date +%s) - start )) s"

bench: bootstrap
	@$(PYTHON) tests/benchmarks/_runner.py --config $(ODOO_RC) --runs $(RUNS) $(if $(BENCH_ARGS),--args "$(BENCH_ARGS)") $(BENCH)
