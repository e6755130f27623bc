"""gunicorn settings for serving the dashboard in production (`make start`).

Environment: HOST, PORT, WORKERS (default 2 per core), THREADS (default 4).
The app is stateless (every view is its URL), so any number of workers or
machines behind a load balancer serve the same result.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WORKERS", 2 * multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
# Not preloaded: each worker builds the app and, on its first image export, starts its own
# headless Chromium after the fork (kaleido's browser is not fork-safe).
preload_app = False
control_socket_disable = True
timeout = 60
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")


def when_ready(server):
    host, port = bind.rsplit(":", 1)
    print(f"Innovationsbarometeret: http://{host}:{port}/", flush=True)
