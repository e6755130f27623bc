"""Memory and time under two cheap attacks on the callback endpoint, on the production server
with one worker:

    .venv/bin/python -m bench.abuse_memory [--amplified 150] [--chunked 20]

1. callback bodies naming the page's charts over and over (the answer-cache amplification:
   ~170 kB each), and 2. chunked bodies of 20 MB (no Content-Length). Prints the worker's
   resident memory before and after, and each kind's slowest answer and status codes.
Targets (issue »Stays up under abuse«): RSS grows <= 50 MB; each answered <= 100 ms with 400/413
(or 204: the amplified request is not the page's own and gets no answer).
"""

import argparse
import http.client
import json
import socket
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

from bench.callback_request import PATH, filter_request
from bench.common import print_table, production_server
from dashboard.data import load_dataset


def _worker_rss_mb(master_pid: int) -> float:
    """Resident memory of the master's (one) worker."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
                    status = (entry / "status").read_text()
                    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
                    return kb / 1024
            except (OSError, ValueError, StopIteration):
                continue
    raise RuntimeError("no worker found")


def amplified_body() -> bytes:
    theme = load_dataset().theme("lav-nye-services")
    body = json.loads(filter_request(theme, ["2015-2016"], ["service"]))
    body["outputs"] = [[*outputs] * 100 for outputs in body["outputs"][:5]] + body["outputs"][5:]
    return json.dumps(body).encode("utf-8")


def chunked_post(host: str, port: int, megabytes: int) -> tuple[int, float]:
    """POST a chunked body of `megabytes` MB; the status and seconds until the answer came."""
    sock = socket.create_connection((host, port), timeout=30)
    begun = time.perf_counter()
    sock.sendall(f"POST {PATH} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                 "Transfer-Encoding: chunked\r\n\r\n".encode())
    chunk = b"[" + b"0," * 32767 + b"0"
    status = 0
    try:
        for _ in range(megabytes * 16):
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server answered and closed before the body ended: what it should do
    try:
        first = sock.recv(64).decode("latin-1")
        status = int(first.split()[1]) if first.startswith("HTTP/") else 0
    except OSError:
        status = 0
    took = time.perf_counter() - begun
    sock.close()
    return status, took


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--amplified", type=int, default=150)
    parser.add_argument("--chunked", type=int, default=20)
    args = parser.parse_args(argv)
    body = amplified_body()
    with production_server(workers=1) as (url, process):
        host, port = urlparse(url).hostname, urlparse(url).port
        before = _worker_rss_mb(process.pid)
        statuses, slowest = Counter(), 0.0
        connection = http.client.HTTPConnection(host, port, timeout=30)
        for _ in range(args.amplified):
            begun = time.perf_counter()
            connection.request("POST", PATH, body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            slowest = max(slowest, time.perf_counter() - begun)
            statuses[response.status] += 1
        after_amplified = _worker_rss_mb(process.pid)
        chunked_statuses, chunked_slowest = Counter(), 0.0
        for _ in range(args.chunked):
            status, took = chunked_post(host, port, 20)
            chunked_statuses[status] += 1
            chunked_slowest = max(chunked_slowest, took)
        after = _worker_rss_mb(process.pid)
    print_table("Cheap attacks on the callback endpoint (one worker)", ["attack", "answers", "slowest", "worker RSS"], [
        [f"{args.amplified} amplified bodies ({len(body) // 1024} kB)", dict(statuses), f"{slowest * 1000:.0f} ms",
         f"{before:.0f} → {after_amplified:.0f} MB"],
        [f"{args.chunked} chunked 20 MB bodies", dict(chunked_statuses), f"{chunked_slowest * 1000:.0f} ms",
         f"{after_amplified:.0f} → {after:.0f} MB"],
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
