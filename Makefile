# kommunlager — the two commands: `make run` and `make test` (see README.md).
# Needs only Python 3.11 and make; everything else is installed into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
MANIFEST := dbt_project/target/manifest.json

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export GX_ANALYTICS_ENABLED := false
export DAGSTER_DISABLE_TELEMETRY := 1
export DO_NOT_TRACK := 1
# `make run` and `make ui` load the product's sample reports besides the inbox.
export KOMMUNLAGER_REPORT_SOURCES ?= $(CURDIR)/data/samples/reports

.PHONY: install manifest run test chromium tesseract ui eval pool bench bench-national docs clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "kommunlager needs Python 3.11")'
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# dbt's manifest: dagster-dbt reads it when the definitions load (outside `dagster dev`).
$(MANIFEST): $(STAMP) $(shell find dbt_project -name '*.sql' -o -name '*.yml' -o -name '*.csv' | grep -v target/)
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .
	@touch $(MANIFEST)

manifest: $(MANIFEST)

run: $(MANIFEST) tesseract
	$(BIN)/kommunlager run

test: $(MANIFEST) chromium tesseract
	$(BIN)/python -m pytest -q -n 2 --durations=20

# Headless Chromium for the report-page test (tests/test_pages.py): Debian's package,
# installed when missing (as root directly, else through sudo).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y chromium || { apt-get update && apt-get install -y chromium; }; \
		else sudo apt-get install -y chromium || { sudo apt-get update && sudo apt-get install -y chromium; }; fi; }

# Tesseract OCR with Swedish for tables pasted as pictures (pipelines/reports/read/ocr.py):
# Debian's packages (tesseract 5.3.0 tested), installed when missing. Without it pictures
# are warned about and skipped.
tesseract:
	@{ command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx swe; } || { \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y tesseract-ocr tesseract-ocr-swe || { apt-get update && apt-get install -y tesseract-ocr tesseract-ocr-swe; }; \
		else sudo apt-get install -y tesseract-ocr tesseract-ocr-swe || { sudo apt-get update && sudo apt-get install -y tesseract-ocr tesseract-ocr-swe; }; fi; }

# Extractor against the hand-made gold files (tests/gold); the table goes to docs/extraction.md.
eval: $(MANIFEST) tesseract
	$(BIN)/python -m tools.evaluate --write-doc docs/extraction.md

# Gold-free figures over ../shared/corpus/pool (crashes, facts from non-reports, facts
# without period, keys with two values, identities); read in place. Slow: ~30 min on 2 cores.
pool: $(STAMP) tesseract
	$(BIN)/python -m tools.pool --jobs 2 --out $(or $(POOL_OUT),data/pool.json)

ui: $(MANIFEST) tesseract
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/data/dagster} $(BIN)/python -c 'from pipelines.config import Settings, prepare_dagster_home; prepare_dagster_home(Settings.from_env())'
	DAGSTER_HOME=$${DAGSTER_HOME:-$(CURDIR)/data/dagster} $(BIN)/dagster dev -m pipelines.definitions

# dbt docs (every model and column, lineage), offline: `make docs`, then open
# $(DOCS_DIR)/static_index.html. The catalog (column types, row counts) is read from a copy
# of the published warehouse when there is one, so a running load is never disturbed;
# without one the docs come from the project files alone (--empty-catalog).
DATA_DIR ?= $(or $(KOMMUNLAGER_DATA_DIR),$(CURDIR)/data)
DOCS_DIR ?= $(DATA_DIR)/docs/dbt
docs: $(MANIFEST)
	@mkdir -p "$(DOCS_DIR)"
	@rm -f "$(DOCS_DIR)/katalog.duckdb" "$(DOCS_DIR)/katalog.duckdb.wal"
	@if [ -f "$(DATA_DIR)/warehouse/kommunlager.duckdb" ]; then \
		cp "$(DATA_DIR)/warehouse/kommunlager.duckdb" "$(DOCS_DIR)/katalog.duckdb"; katalog=""; \
	else katalog="--empty-catalog"; fi; \
	cd dbt_project && ../$(BIN)/dbt docs generate --quiet --static --profiles-dir . $$katalog \
		--target-path "$(abspath $(DOCS_DIR))" --vars '{warehouse_path: "$(abspath $(DOCS_DIR))/katalog.duckdb"}'
	@rm -f "$(DOCS_DIR)/katalog.duckdb" "$(DOCS_DIR)/katalog.duckdb.wal"
	@echo "dbt docs: $(abspath $(DOCS_DIR))/static_index.html"

# Benchmarks: every bench/*.py script writes its section of docs/benchmarks.md.
bench: $(STAMP) tesseract
	@for f in bench/[!_]*.py; do case $$f in bench/generate.py|bench/national.py) continue;; esac; \
		echo "== $$f"; $(BIN)/python $$f --write || exit 1; done
	@$(MAKE) --no-print-directory bench-national

# The national year (bench/national.py, bench/generate.py): `kommunlager run` over generated
# reports with known facts plus pool files, at three scales and a line fitted to the full year.
# NATIONAL_FIT=1 for the full year (2 900 documents).
NATIONAL_FIT ?= 0.025,0.05,0.1
bench-national: $(STAMP) tesseract
	nice -n 10 $(BIN)/python bench/national.py --fit $(NATIONAL_FIT) --write

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs .pytest_cache
