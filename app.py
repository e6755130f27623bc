"""The Innovationsbarometeret dashboard. `python app.py` serves it; `app:server` is the WSGI app.

The data directory is `data/`, or the one named by the environment variable DASHBOARD_DATA.
"""

import argparse
import os

from dashboard.application import create_app
from dashboard.data import DEFAULT_DIRECTORY

app = create_app(os.environ.get("DASHBOARD_DATA") or DEFAULT_DIRECTORY)
server = app.server

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the Innovationsbarometeret dashboard.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    args = parser.parse_args()
    print(f"Innovationsbarometeret: http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=False)
