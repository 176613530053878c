# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install vendor lint check bench e2e-prod messages clean chromium nginx poppler lock

# Installs are reproducible: exact versions with their hashes from the lock files, which `make lock` makes from
# the ranges in requirements.txt (runtime) and requirements-test.txt (runtime + tests).
$(VENV)/.installed: requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

# Browser libraries come from the npm registry at install time (exact versions and hashes in package-lock.json):
# `npm ci` fetches them and their browser builds are copied into the git-ignored static folder that WhiteNoise
# serves. The repository keeps none of their code. zxing-wasm reads QR codes on the check-in page where the
# browser has no BarcodeDetector (Safari, Firefox).
VENDOR := occupy/static/vendor
$(VENDOR)/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js 20 and npm (Debian's 'nodejs' and 'npm')"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/zxing-wasm
	cp node_modules/zxing-wasm/dist/iife/reader/index.js $(VENDOR)/zxing-wasm/reader.js
	cp node_modules/zxing-wasm/dist/reader/zxing_reader.wasm node_modules/zxing-wasm/LICENSE $(VENDOR)/zxing-wasm/
	touch $@

vendor: $(VENDOR)/.installed

install: $(VENV)/.installed $(VENDOR)/.installed

run: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} $(PY) manage.py load_demo --sample
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

# pdftoppm too: a browser test turns the ticket PDF into an image and reads its QR code with the check-in page's
# decoder (occupy/browser_tests/test_checkin_desk.py).
poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; \
	  else echo "pdftoppm is missing: install Debian's 'poppler-utils' package (the ticket's QR test fails without it)"; fi; }

# The suite runs on as many processes as the machine has cores (pytest-xdist; each has its own test database);
# `make test PYTEST_WORKERS=0` runs it in one process.
PYTEST_WORKERS ?= auto
test: install chromium nginx poppler
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

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

# What CI checks besides the tests: lint, and that every model change has its migration.
check: lint
	$(PY) manage.py makemigrations --check --dry-run

messages: install
	cd occupy && ../$(PY) ../manage.py makemessages -l ro -l uk --no-obsolete && ../$(PY) ../manage.py compilemessages

# Refresh the lock files after changing a range: pins that still fit are kept (`make lock UPGRADE=--upgrade` takes
# the newest releases instead). Both pin the same versions: production installs requirements.lock
# (`pip install --require-hashes -r requirements.lock`).
UPGRADE ?=
PIP_COMPILE = $(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock:
	@test -x $(VENV)/bin/pip || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet pip-tools
	$(PIP_COMPILE) $(UPGRADE) --output-file=requirements-test.lock requirements-test.txt
	$(PIP_COMPILE) --constraint=requirements-test.lock --output-file=requirements.lock requirements.txt

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 node_modules $(VENDOR)
