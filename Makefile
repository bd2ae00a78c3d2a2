# ChatwootAI for Odoo 19 — developer entry points.
# Prerequisite: Odoo 19.0 importable by python3 (see README.md). Everything else is installed here.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
DB ?= chatwoot_ai
TEST_DB ?= chatwoot_ai_test
TEST_ODOO_DB ?= $(TEST_DB)_odoo
# `make test STOCK=1`: the shop as most run it, with sale_stock, in a database of its own; runs
# the tests whose outcome depends on stock (quantities, deliveries, the seed, every view, every
# screen clicked in the browser).
ifeq ($(STOCK),1)
TEST_DB := $(TEST_DB)_stock
TEST_ADDONS = $(ADDONS),sale_stock
PYTEST_SELECT := -k "Stock or Smoke or Seed or DemoShop or TestContextCustomer or TestContextProductSearch or EveryScreenOpens"
else
TEST_ADDONS = $(ADDONS)
PYTEST_SELECT :=
endif
SCREENSHOTS_DB ?= $(TEST_DB)_screenshots
TOUR_TESTS = $(wildcard chatwoot_ai_*/tests/test_*tours.py)
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

.PHONY: help bootstrap run test test-odoo screenshots lint seed bench readme

help:
	@echo "make run                   install/update database '$(DB)' with demo data and serve http://localhost:8069"
	@echo "make test                  fresh database, install the five addons, run every test (pytest-odoo)"
	@echo "make test STOCK=1          the same with sale_stock installed: the tests that depend on stock"
	@echo "make test-odoo             the same tests under Odoo's own runner (--test-enable), as OCA CI"
	@echo "make screenshots           run the browser tours on a fresh demo database, keep docs/screenshots/*.png"
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
	bash .ci/serve.sh $(DB)

test: bootstrap
	@bash .ci/dev.sh browser
	@$(PSQL) drop $(TEST_DB)
	@echo "[chatwoot-ai] Installing $(TEST_ADDONS) with demo data in a fresh database '$(TEST_DB)'"
	@start=$$(date +%s); \
	$(ODOO) -d $(TEST_DB) -i $(TEST_ADDONS) --with-demo --stop-after-init --log-level=warn || exit 1; \
	echo "[chatwoot-ai] Install took $$(( $$(date +%s) - start )) s"
	$(PYTHON) -m pytest --odoo-config=$(TEST_RC) --odoo-database=$(TEST_DB) --odoo-http \
		$(foreach a,$(ADDON_DIRS),$(a)/tests) tests $(PYTEST_SELECT) $(PYTEST_ARGS)

test-odoo: bootstrap
	@bash .ci/dev.sh browser
	@$(PSQL) drop $(TEST_ODOO_DB)
	@echo "[chatwoot-ai] Installing the five addons with --test-enable in a fresh database '$(TEST_ODOO_DB)'"
	$(PYTHON) .ci/odoo_tests.py --odoo-bin $(CURDIR)/.local/odoo-bin --config $(TEST_RC) \
		--database $(TEST_ODOO_DB) --addons $(ADDONS) --log .local/test-odoo.log

screenshots: bootstrap
	@bash .ci/dev.sh browser
	@$(PSQL) drop $(SCREENSHOTS_DB)
	@echo "[chatwoot-ai] Installing the five addons with demo data in a fresh database '$(SCREENSHOTS_DB)'"
	@$(ODOO) -d $(SCREENSHOTS_DB) -i $(ADDONS) --with-demo --stop-after-init --log-level=warn
	CHATWOOT_AI_SCREENSHOTS=$(CURDIR)/docs/screenshots $(PYTHON) -m pytest --odoo-config=$(TEST_RC) \
		--odoo-database=$(SCREENSHOTS_DB) --odoo-http -p no:warnings -q $(TOUR_TESTS)
	@$(PSQL) drop $(SCREENSHOTS_DB)
	@ls docs/screenshots/*.png

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
