"""Resident memory (RSS) per gunicorn worker: after start, after serving every filter state,
and the worker's Chromium for image export.

    .venv/bin/python -m bench.memory
"""

import urllib.request
from pathlib import Path

from bench.callback_load import _bodies, run
from bench.common import print_table, production_server


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def _tree_kb(pid: int) -> int:
    return _rss_kb(pid) + sum(_tree_kb(child) for child in _children(pid))


def main() -> None:
    with production_server(workers=2) as (url, process):
        workers = _children(process.pid)
        started = {pid: _rss_kb(pid) for pid in workers}
        bodies = _bodies()
        run(url, 8, 20, bodies)  # every filter state, through both workers' caches
        loaded = {pid: _rss_kb(pid) for pid in workers}
        for _ in range(4):
            urllib.request.urlopen(url + "/export/forloeb.png", timeout=120).read()
        exported = {pid: (_rss_kb(pid), _tree_kb(pid) - _rss_kb(pid)) for pid in workers}
    rows = [[pid, f"{started[pid] / 1024:.0f} MB", f"{loaded[pid] / 1024:.0f} MB",
             f"{exported[pid][0] / 1024:.0f} MB", f"{exported[pid][1] / 1024:.0f} MB"] for pid in workers]
    print_table("Resident memory per worker",
                ["worker", "after start", "after all filter states", "after image exports", "its Chromium (if started)"], rows)


if __name__ == "__main__":
    main()
