"""A real ``tidings serve`` (uvicorn) on 127.0.0.1, started as a subprocess for the tests that need one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, token: str | None = None, startup_s: float = 60.0) -> Iterator[str]:
    """Run ``tidings serve --db DB`` on a free port; yields its base URL; stops it afterwards."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_TOKEN"}
    if token:
        env["TIDINGS_TOKEN"] = token
    cmd = [sys.executable, "-m", "tidings.cli.main", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, cwd=db.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"tidings serve exited {proc.returncode}: {proc.stdout.read().decode()[-2000:]}")
            try:
                if httpx.get(f"{base}/api/documents?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("tidings serve did not answer in time")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
