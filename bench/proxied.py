"""The production front under abuse: nginx in front of two instances (`make start-proxied`).

    python -m bench.proxied [--slow 200] [--clients 50] [--seconds 10]

Prints, in one table: normal clients' page and /healthz latency while `--slow` connections send
their headers a byte every 2 s; and the failed requests while one of the two instances is killed
during the load, and after nginx has left it out. tests/test_proxied.py runs a bounded form.
"""

import argparse
import collections
import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATHS = ("/lav-nye-services", "/healthz", "/", "/samarbejd?periode=2021-2023")


@dataclass
class Server:
    host: str
    port: int
    process: subprocess.Popen
    instances: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


@dataclass
class Result:
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    failures: dict = field(default_factory=dict)  # "path: what went wrong" -> how often


def _free_base_port(count: int) -> int:
    """A port with the `count` ports after it free too."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = probe.getsockname()[1]
        if base + count >= 65535:
            continue
        try:
            sockets = []
            for port in range(base, base + count + 1):
                s = socket.socket()
                s.bind(("127.0.0.1", port))
                sockets.append(s)
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free ports")


class _Instance:
    def __init__(self, pid: int):
        self.pid = pid


@contextlib.contextmanager
def proxied_server(instances: int = 2):
    """`python -m deploy.start_proxied` on free ports, without warming the export browsers."""
    port = _free_base_port(instances)
    env = {**os.environ, "WARM_EXPORTS": "0", "PYTHONUNBUFFERED": "1", "LOG_LEVEL": "warning"}
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.start_proxied", "--port", str(port), "--instances", str(instances)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    server = Server("127.0.0.1", port, process)
    try:
        ends = time.monotonic() + 240
        for line in process.stdout:
            found = re.search(r"instances: ([\d,]+)", line)
            if found:
                server.instances = [_Instance(int(pid)) for pid in found.group(1).split(",")]
            if "http://" in line and "nginx" in line:
                break
            if time.monotonic() > ends:
                raise RuntimeError("start_proxied did not start")
        if process.poll() is not None or not server.instances:
            raise RuntimeError("start_proxied exited before it was ready")
        threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()  # keep the pipe drained
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def slow_header_connections(host: str, port: int, count: int):
    """`count` connections that send a request's headers a byte every 2 s and never finish."""
    stop = threading.Event()
    sockets = []
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        sockets.append(s)

    def drip():
        while not stop.wait(2):
            for s in sockets:
                with contextlib.suppress(OSError):
                    s.sendall(b"X")

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        for s in sockets:
            s.close()


def load(url: str, clients: int, seconds: float, during=None, at: float = 0.0) -> Result:
    """`clients` threads fetching pages and /healthz for `seconds`; `during` runs once at `at` s."""
    latencies, errors, lock = [], [0], threading.Lock()
    failures = collections.Counter()
    started = time.monotonic()
    ends = started + seconds

    def client(index: int):
        n = index
        while time.monotonic() < ends:
            path = PATHS[n % len(PATHS)]
            n += 1
            begun = time.perf_counter()
            failure = None
            try:
                with urllib.request.urlopen(url + path, timeout=10) as response:
                    response.read()
                    failure = None if response.status == 200 else f"HTTP {response.status}"
            except Exception as error:  # noqa: BLE001 - every failure counts, and says what it was
                failure = f"{type(error).__name__}: {error}"[:120]
            with lock:
                latencies.append((time.perf_counter() - begun) * 1000)
                if failure:
                    errors[0] += 1
                    failures[f"{path}: {failure}"] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    if during is not None:
        time.sleep(max(0.0, started + at - time.monotonic()))
        during()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    return Result(len(ordered), errors[0], statistics.median(ordered) if ordered else 0.0,
                  ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0, dict(failures.most_common(8)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args(argv)
    with proxied_server() as server:
        load(server.url, 4, 2)  # warm the connections and the English pages
        quiet = load(server.url, args.clients, args.seconds)
        with slow_header_connections(server.host, server.port, args.slow):
            slowed = load(server.url, args.clients, args.seconds)
        victim = server.instances[0]
        killed = load(server.url, args.clients, args.seconds, during=lambda: os.killpg(victim.pid, signal.SIGKILL),
                      at=args.seconds / 4)
        after = load(server.url, args.clients, args.seconds)
    print(f"| through nginx, {args.clients} clients, {args.seconds:g} s | requests | failed | p50 ms | p95 ms |")
    print("|---|---|---|---|---|")
    for name, result in [("no abuse", quiet), (f"{args.slow} slow-header connections open", slowed),
                         ("one of two instances killed during the run", killed), ("after that", after)]:
        print(f"| {name} | {result.requests} | {result.errors} | {result.p50_ms:.0f} | {result.p95_ms:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
