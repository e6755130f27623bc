# The two commands of the README: `make start` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: start start-proxied test install install-test chromium libreoffice nginx translations

$(PY):
	python3 -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .

install-test: $(PY) chromium libreoffice nginx
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Slide tests render the PowerPoint decks with LibreOffice Impress (headless soffice).
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends libreoffice-impress; }

# The production front: Debian's nginx (deploy/nginx.conf.template). Installed, never started as a service.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nginx; }

# Production server: gunicorn with several workers (gunicorn.conf.py).
start: install
	$(PY) -m dashboard.data check
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn app:server --config gunicorn.conf.py --no-control-socket

test: install-test
	$(PY) -m dashboard.data check
	$(PY) -m pytest

# The English catalogue: extract the Danish messages from the code, merge them into
# dashboard/locale/en/LC_MESSAGES/messages.po (translate what is new or fuzzy there), compile.
LOCALE := dashboard/locale
translations: install
	$(VENV)/bin/pybabel extract --mapping-file=pyproject.toml --keyword=N_ --keyword=n_:1,2 \
		--add-location=file --sort-by-file --no-wrap --project=innovationsbarometer-dashboard \
		--output-file=$(LOCALE)/messages.pot .
	$(VENV)/bin/pybabel update --input-file=$(LOCALE)/messages.pot --output-dir=$(LOCALE) --locale=en --no-wrap --ignore-obsolete
	$(VENV)/bin/pybabel compile --directory=$(LOCALE) --locale=en --statistics

# Production behind Debian's nginx: nginx on PORT in front of two app instances (PORT+1, PORT+2),
# which buffers slow clients, serves the assets from disk and balances with passive health checks.
start-proxied: install nginx
	$(PY) -m dashboard.data check
	HOST=$(HOST) PORT=$(PORT) $(PY) -m deploy.start_proxied
