"""The Innovationsbarometeret dashboard. `python app.py` serves it; `app:server` is the WSGI app."""

import argparse

from dashboard.application import create_app

app = create_app()
server = app.server

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the Innovationsbarometeret dashboard.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    args = parser.parse_args()
    print(f"Innovationsbarometeret: http://{args.host}:{args.port}/", flush=True)
    app.run(host=args.host, port=args.port, debug=False)
