# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install lint bench messages clean chromium nginx

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

# nginx too: occupy/web/tests/test_nginx.py runs deploy/nginx.conf in front of gunicorn (127.0.0.1 only).
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light openssl; \
	  else echo "nginx is missing: install Debian's 'nginx-light' package (the nginx tests fail without it; deselect them with -m 'not nginx')"; fi; }

test: install chromium nginx
	$(PY) -m pytest $(PYTEST_ARGS)

# The public pages under load (gunicorn, PostgreSQL and Redis on 127.0.0.1; see bench/run.py and README.md).
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else echo "wrk is missing: install Debian's 'wrk' package"; exit 1; fi; }
	$(PY) bench/run.py

lint: install
	$(VENV)/bin/ruff check occupy bench
	$(VENV)/bin/ruff format --check occupy bench

messages: install
	cd occupy && ../$(PY) ../manage.py makemessages -l ro -l uk --no-obsolete && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
