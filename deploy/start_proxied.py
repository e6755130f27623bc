"""`make start-proxied`: Debian's nginx in front of several app instances on one machine.

    python -m deploy.start_proxied [--host 127.0.0.1] [--port 8050] [--instances 2]

Starts the instances (gunicorn, gunicorn.conf.py) on the ports after `--port`, waits until each
answers /healthz, then runs nginx on `--port` with deploy/nginx.conf.template, in the
foreground. Ctrl-C or SIGTERM stops all of them. Scaling out to several machines is the same
configuration with their addresses in the upstream block.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def nginx_config(listen: str, upstreams: list[str], run: Path) -> str:
    servers = "\n".join(f"        server {address} max_fails=1 fail_timeout=5s;" for address in upstreams)
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in {"listen": listen, "servers": servers, "run": str(run), "assets": str(ROOT / "assets")}.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def _wait_healthy(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if process.poll() is not None:
            raise SystemExit(f"{url} exited with {process.returncode} before it was ready")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"{url} did not answer within {seconds:g} s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8050)))
    parser.add_argument("--instances", type=int, default=int(os.environ.get("INSTANCES", 2)))
    args = parser.parse_args(argv)

    run = Path(tempfile.mkdtemp(prefix="dashboard-nginx-"))
    env = {**os.environ, "DASHBOARD_PUBLIC_URL": os.environ.get("DASHBOARD_PUBLIC_URL", f"http://{args.host}:{args.port}"),
           # Two instances share the cores: a worker each per core between them.
           "WORKERS": os.environ.get("WORKERS", str(max(2, (os.cpu_count() or 2) // args.instances + 1)))}
    processes: list[subprocess.Popen] = []

    def stop(*_):
        for process in reversed(processes):
            if process.poll() is None:
                process.send_signal(signal.SIGQUIT if process.args[0] == NGINX else signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(run, ignore_errors=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        ports = [args.port + 1 + i for i in range(args.instances)]
        for port in ports:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py", "--no-control-socket"],
                cwd=ROOT, env={**env, "HOST": "127.0.0.1", "PORT": str(port)}, start_new_session=True))
        print(f"instances: {','.join(str(p.pid) for p in processes)}", flush=True)  # each its own process group
        for port, process in zip(ports, processes):
            _wait_healthy(f"http://127.0.0.1:{port}/healthz", process)
        config = run / "nginx.conf"
        config.write_text(nginx_config(f"{args.host}:{args.port}", [f"127.0.0.1:{p}" for p in ports], run), encoding="utf-8")
        nginx = subprocess.Popen([NGINX, "-p", str(run), "-c", str(config), "-g", "daemon off;"], cwd=run)
        processes.append(nginx)
        _wait_healthy(f"http://{args.host}:{args.port}/healthz", nginx, 30)
        print(f"Innovationsbarometeret (nginx in front of {args.instances} instances): "
              f"http://{args.host}:{args.port}/", flush=True)
        return nginx.wait()
    except (KeyboardInterrupt, SystemExit) as end:
        return end.code if isinstance(end, SystemExit) and isinstance(end.code, int) else 0
    finally:
        stop()


if __name__ == "__main__":
    raise SystemExit(main())
