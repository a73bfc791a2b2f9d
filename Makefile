# Overdracht — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's login service (a test OpenID Connect provider) for trying single sign-on.
SSO_PORT ?= 9400
PYTEST_ARGS ?=

.PHONY: demo test install migrate lint typecheck check smoke browser-deps hooks requirements messages clean

$(STAMP): requirements/base.txt requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt -r requirements/dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(MANAGE) migrate --no-input
	$(MANAGE) migrate --no-input --database=audit

# Links in e-mails and calendar items point to where the demo runs.
demo: export OVERDRACHT_BASE_URL ?= http://$(HOST):$(PORT)
# The product's own 404 and 500 pages, as a school would see them (static files from the source).
demo: export DJANGO_DEBUG ?= false
demo: migrate
	$(MANAGE) load_demo --login-service-port $(SSO_PORT)
	@echo ""
	@echo "Overdracht runs on http://$(HOST):$(PORT)/ — stop with Ctrl+C."
	@# The background worker (OSO import batches, roster imports) and the demo's login service
	@# run beside the web server and stop with it; first, imports a stopped worker left
	@# unfinished are queued again.
	$(MANAGE) import_batches_resume
	$(MANAGE) roster_imports_resume
	$(MANAGE) rollovers_resume
	$(MANAGE) db_worker --no-reload --interval 1 & worker=$$!; \
	  $(MANAGE) demo_login_service --port $(SSO_PORT) & login=$$!; \
	  trap 'kill $$worker $$login 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

# The whole suite, in random order, on SQLite; on PostgreSQL when DATABASE_URL is set. The
# browser journeys are part of it: `browser-deps` gets what they need, or stops saying what
# is missing. (OVERDRACHT_BROWSER_TESTS=skip leaves them out on purpose, and says so.)
test: install browser-deps
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck: install
	$(VENV)/bin/mypy src tests bench

check: install
	DATABASE_URL=sqlite://:memory: DJANGO_SETTINGS_MODULE=overdracht.conf.test $(MANAGE) makemigrations --check --dry-run
	@# Production refuses to start without the OSO standard's files; where this machine has
	@# none (they are not part of the project), that one check is named as skipped.
	@standard="$${OSO_STANDARD_DIR:-../shared/oso}"; required=true; \
	if [ ! -f "$$standard/OSO_gegevensset_2019.1.xsd" ]; then required=false; \
	  echo "The OSO standard is not at $$standard: the check oso.E001/E002 is skipped."; fi; \
	OSO_STANDARD_REQUIRED=$$required DJANGO_SETTINGS_MODULE=overdracht.conf.production \
	  DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
	  OVERDRACHT_ENCRYPTION_KEYS=$$($(PY) -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  DJANGO_ALLOWED_HOSTS=overdracht.example $(MANAGE) check --deploy --fail-level WARNING

# The production server (manage.py serve, production settings) on a throwaway database:
# health, readiness, a login and the start page. CI runs it too.
smoke: install
	$(PY) .ci/smoke.py

# The pre-commit hook in .githooks (ruff and mypy strict, as CI runs them).
hooks:
	git config core.hooksPath .githooks

# Test-only browser tooling: Debian's Chromium and axe-core (no lock file is kept). As root it
# installs Chromium; otherwise it says how to.
CHROMIUM ?= /usr/bin/chromium
browser-deps:
	@[ "$${OVERDRACHT_BROWSER_TESTS:-}" = skip ] && exit 0; \
	if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser journeys need Chromium at $(CHROMIUM): install it (Debian/Ubuntu: sudo apt-get install chromium), or run make test OVERDRACHT_BROWSER_TESTS=skip to leave them out." >&2; exit 1; \
	  fi; \
	fi; \
	if [ ! -f .cache/node/node_modules/axe-core/axe.min.js ]; then \
	  command -v npm >/dev/null || { echo "The browser journeys need axe-core, installed with npm: install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm)." >&2; exit 1; }; \
	  npm install --silent --no-save --no-package-lock --prefix .cache/node axe-core@4; \
	fi

requirements:
	cd requirements && ../$(VENV)/bin/pip-compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --no-strip-extras -o base.txt base.in
	cd requirements && ../$(VENV)/bin/pip-compile -q --generate-hashes --no-emit-index-url --no-emit-find-links --allow-unsafe --no-strip-extras -o dev.txt dev.in

messages: install
	cd src/overdracht && ../../$(PY) ../../manage.py makemessages -l nl -l en --no-obsolete --add-location file
	cd src/overdracht && ../../$(PY) ../../manage.py compilemessages

clean:
	rm -rf var staticfiles .cache
