# The two commands of the README: `make start` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: start test install install-test chromium

$(PY):
	python3 -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .

install-test: $(PY) chromium
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'

# Browser tests drive Debian's Chromium; Playwright never downloads a browser here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Production server: gunicorn with several workers (gunicorn.conf.py).
start: install
	$(PY) -m dashboard.data check
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn app:server --config gunicorn.conf.py --no-control-socket

test: install-test
	$(PY) -m dashboard.data check
	$(PY) -m pytest
