"""A short load test of the production server (gunicorn) on 127.0.0.1: no request may fail."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_filter_callback_under_concurrent_load_has_no_errors():
    result = subprocess.run(
        [sys.executable, "-m", "bench.callback_load", "--seconds", "3", "--clients", "1,10,25"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| 25 |")]
    assert rows and rows[0].rstrip().endswith("| 0 |"), result.stdout
