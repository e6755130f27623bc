"""A stand-in for the Statbank API on 127.0.0.1, serving the answers in tests/statbank_api/
(see the README there); `server.mode` breaks them in one way or another."""

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from dashboard.data.__main__ import main

ANSWERS = Path(__file__).parent / "statbank_api"


def _selected(request: dict, text: str) -> str:
    """The rows of a recorded whole table that the request's variables select, as the API does."""
    lines = text.splitlines()
    header = lines[0].split(";")
    wanted = {v["code"].upper(): set(v["values"]) for v in request["variables"]}
    rows = [line for line in lines[1:] if all(field in wanted.get(column, {field})
                                             for column, field in zip(header, line.split(";")))]
    return "\r\n".join([lines[0], *rows]) + "\r\n"


class StatbankStandIn(BaseHTTPRequestHandler):
    """Serves the recorded answers; `server.mode` breaks them in one way or another."""

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, request))
        mode = self.server.mode
        if mode == "slow":
            time.sleep(2)
        if mode == "drip":  # a byte every 0.2 s: no read ever times out, the answer never ends
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(100000):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
            return
        if mode == "error500":
            return self._send(500, b"Internal Server Error", "text/plain")
        if self.path == "/v1/tableinfo":
            body = (ANSWERS / f"tableinfo_{request['table']}_{request['lang']}.json").read_bytes()
            return self._send(200, body, "application/json; charset=utf-8")
        if self.path == "/v1/data":
            text = _selected(request, (ANSWERS / f"data_{request['table']}.csv").read_text(encoding="utf-8-sig"))
            if mode == "changed_columns":
                text = text.replace(";INNO;", ";INNOVATIONSTYPE;", 1)
            if mode == "invalid":
                text = text.replace("1010;40;2023;44,5", "1010;40;2023;148")
            if mode == "disagree":
                text = text.replace("1000;30;2016;43", "1000;30;2016;44")
            body = text.encode("utf-8-sig")
            if mode == "truncated":  # the header promises the whole body; half of it arrives
                return self._send(200, body[: len(body) // 2], "text/csv; charset=utf-8", length=len(body))
            return self._send(200, body, "text/csv; charset=utf-8")
        return self._send(404, b"unknown function", "text/plain")


@contextlib.contextmanager
def stand_in_api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatbankStandIn)
    server.daemon_threads, server.block_on_close = True, False  # a dripping answer never holds the tests
    server.mode, server.requests = "ok", []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def refresh(api, data_dir, *extra) -> int:
    """The refresh command against the stand-in, with short timeouts."""
    url = f"http://127.0.0.1:{api.server_address[1]}/v1"
    return main(["refresh-statbank", "--out", str(data_dir), "--api", url, "--timeout", "0.5", "--retries", "1", *extra])
