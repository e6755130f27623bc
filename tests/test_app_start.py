"""The app refuses to start on invalid data, with the data check's messages and no traceback."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _python(script: str) -> subprocess.CompletedProcess:
    """Run `script` in a fresh interpreter (Dash keeps one page registry per process)."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_app_refuses_invalid_data_without_traceback(tmp_path):
    broken = tmp_path / "data"
    shutil.copytree(ROOT / "data", broken)
    figures = broken / "figures.csv"
    figures.chmod(0o644)
    figures.write_text(figures.read_text(encoding="utf-8").replace(",43,exact,", ",140,exact,"), encoding="utf-8")

    result = _python(f"from dashboard.application import create_app; create_app({str(broken)!r})")
    assert result.returncode == 1
    assert "Refusing to start" in result.stderr
    assert "figures.csv:6: value_pct: 140 is above 100" in result.stderr
    assert "Traceback" not in result.stderr


def test_app_builds_on_the_shipped_data():
    result = _python("import app; print(sorted(p['path'] for p in __import__('dash').page_registry.values()))")
    assert result.returncode == 0, result.stderr
    assert "'/lav-nye-services'" in result.stdout and "'/styr-processen'" in result.stdout


def test_page_shell_is_danish_and_small():
    script = (
        "import app; r = app.server.test_client().get('/styr-processen'); "
        "print(r.status_code, len(r.data)); print(r.get_data(as_text=True))"
    )
    result = _python(script)
    assert result.returncode == 0, result.stderr
    status, size = result.stdout.split("\n", 1)[0].split()
    html = result.stdout
    assert status == "200"
    assert '<html lang="da">' in html and "Indlæser" in html and "Loading..." not in html
    # The page arrives drawn (dashboard/server_view): its content as HTML, not Dash's layouts as
    # JSON (which Dash would inline to validate callbacks), so it stays small.
    assert '<h1>Styr processen</h1>' in html and '"namespace"' not in html
    assert int(size) < 150_000


def test_a_fresh_worker_serves_script_bundles_before_it_served_a_page():
    # gunicorn workers each build the app; a page served by one worker asks another for its scripts.
    # The bundle's name (with Dash's version fingerprint) as a page of another worker lists it.
    with_page = _python("import app; print(app.server.test_client().get('/').get_data(as_text=True))")
    bundle = re.search(r'src="(/_dash-component-suites/dash/deps/react-dom@[^"]+)"', with_page.stdout).group(1)
    script = f"import app; c = app.server.test_client(); print(c.get({bundle!r}).status_code)"
    result = _python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "200"
