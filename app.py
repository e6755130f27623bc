"""The Innovationsbarometeret dashboard. `python app.py` serves it; `app:server` is the WSGI app.

The data directory is `data/`, or the one named by the environment variable DASHBOARD_DATA.
"""

import argparse
import os
import threading

from dashboard.application import create_app
from dashboard.data import DEFAULT_DIRECTORY

app = create_app(os.environ.get("DASHBOARD_DATA") or DEFAULT_DIRECTORY)
server = app.server

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the Innovationsbarometeret dashboard.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    args = parser.parse_args()
    # The address pages and exports cite, as gunicorn.conf.py sets it (never the request's Host header).
    os.environ.setdefault("DASHBOARD_PUBLIC_URL", f"http://{args.host}:{args.port}")
    print(f"Innovationsbarometeret: http://{args.host}:{args.port}/", flush=True)
    # The charts of every page's default view, drawn for the server-drawn pages while it serves.
    threading.Thread(target=app.server_pages.draw_defaults, name="draw-defaults", daemon=True).start()
    app.run(host=args.host, port=args.port, debug=False)
