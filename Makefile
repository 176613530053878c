# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install lint bench e2e-prod messages clean chromium

$(VENV)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

run: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(PY) manage.py load_demo
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Chromium comes from Debian (a test tool's own browser download does not work everywhere).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; \
	  else echo "Chromium is missing: install Debian's 'chromium' package (the browser tests fail without it; deselect them with -m 'not browser')"; fi; }

test: install chromium
	$(PY) -m pytest $(PYTEST_ARGS)

# The public pages under load (gunicorn, PostgreSQL and Redis on 127.0.0.1; see bench/run.py and README.md).
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else echo "wrk is missing: install Debian's 'wrk' package"; exit 1; fi; }
	$(PY) bench/run.py

# gunicorn + a real Celery worker against PostgreSQL and Redis (database 3), DEBUG off: a participant registers
# over HTTP and follows the e-mailed confirmation link (occupy/production_tests/).
e2e-prod: install
	E2E_PROD=1 DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/occupy} \
	  $(PY) -m pytest -m e2e -q occupy/production_tests

lint: install
	$(VENV)/bin/ruff check occupy bench
	$(VENV)/bin/ruff format --check occupy bench

messages: install
	cd occupy && ../$(PY) ../manage.py makemessages -l ro -l uk --no-obsolete && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
