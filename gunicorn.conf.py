"""gunicorn settings for serving the dashboard in production (`make start`).

Environment: HOST, PORT, WORKERS (default cores + 1), THREADS (default 4), WARM_EXPORTS (default 1:
each worker starts its image-export browser right after it starts; 0 leaves that to the first export),
DASHBOARD_PUBLIC_URL (the address exported charts cite; default the server's own, http://HOST:PORT).
The app is stateless (every view is its URL), so any number of workers or
machines behind a load balancer serve the same result.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
# The address exported charts cite; behind a proxy, set the public one. (raw_env: set in the
# server's environment when gunicorn starts, not when this file is read.)
raw_env = [] if os.environ.get("DASHBOARD_PUBLIC_URL") else [f"DASHBOARD_PUBLIC_URL=http://{bind}"]
# cores + 1 measured best on 2 cores (bench/RESULTS.md): more workers only contend for the CPU.
workers = int(os.environ.get("WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
# Idle keep-alive connections are closed after 2 s; nginx lets its own go after 1 s, before this
# (deploy/nginx.conf.template), so it never sends a request on one being closed.
keepalive = 2
# Preloaded: the master builds the app and computes every filter state once (when_ready);
# the forked workers share those caches. Each worker starts its own headless Chromium for image
# exports after the fork (kaleido's browser is not fork-safe), in the background (post_fork).
preload_app = True
control_socket_disable = True
timeout = 60
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")


def post_fork(server, worker):
    """Start this worker's export browser in the background, so the first export is not a long wait."""
    if os.environ.get("WARM_EXPORTS", "1") == "0":
        return
    import threading

    from app import app

    threading.Thread(target=app.image_renderer.warm, name="warm-exports", daemon=True).start()


def when_ready(server):
    import time

    from app import app
    from dashboard.warm_up import warm_filter_answers
    from dashboard.export.images import ExportUnavailable
    from dashboard.static_compression import warm as warm_static_files

    started = time.perf_counter()
    count = warm_filter_answers(app.dataset)
    server.log.info("computed %d filter states in %.1f s", count, time.perf_counter() - started)
    started = time.perf_counter()
    count = warm_static_files(app.server)
    server.log.info("compressed %d script and style files in %.1f s", count, time.perf_counter() - started)
    started = time.perf_counter()
    try:
        count = app.server_pages.draw_defaults()
        server.log.info("drew %d charts of the default views and their presenter views in %.1f s", count, time.perf_counter() - started)
    except ExportUnavailable as error:  # the pages go out with placeholders the live page fills
        server.log.warning("could not draw the default views' charts: %s", error)
    app.image_renderer.close()  # the master's browser: each worker starts its own after the fork
    host, port = bind.rsplit(":", 1)
    print(f"Innovationsbarometeret: http://{host}:{port}/", flush=True)
