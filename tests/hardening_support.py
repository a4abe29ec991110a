"""Helpers for the hardening tests (issue 9): live servers on loopback, slow stand-ins.

Importable by the worker processes the tests start (the tests folder is on their path).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def slow_on_marker_extract(html: str):
    """An HTML extractor that never finishes on a page carrying SLOWMARKER (case 5)."""
    if "SLOWMARKER" in html:
        time.sleep(3600)
    from eventwire.io.readers import extract_html

    return extract_html(html)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start in time")


def start_cli_server(db: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """``eventwire serve --db DB`` on 127.0.0.1 and a free port, as a subprocess."""
    return _serve_on_free_port(lambda port: [sys.executable, "-c", "from eventwire.cli import main; main()", "serve",
                                             "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *options])


def start_fake_ingest_server(db: Path, delay_s: float = 0.0, marker: Path | None = None,
                             query_timeout: float = 5.0) -> tuple[subprocess.Popen, str]:
    """A server that ingests (``serve --ingest``) with the fast fake pipeline, as a subprocess."""
    return _serve_on_free_port(lambda port: [sys.executable, str(TESTS / "hardening_support.py"), "fake-ingest-server",
                                             str(db), str(port), str(delay_s), str(marker or ""), str(query_timeout)])


def _serve_on_free_port(command_for_port) -> tuple[subprocess.Popen, str]:
    """Start a server subprocess on a free loopback port and wait until it answers."""
    port = free_port()
    process = subprocess.Popen(command_for_port(port), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process)
    except Exception:
        stop(process)
        raise
    return process, base


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
    if process.stderr:
        process.stderr.close()


class MarkedFakePipeline:
    """corpus_fakes.FakePipeline for the API's writer (``__call__``), noting each article stored."""

    def __init__(self, delay_s: float, marker: str):
        from corpus_fakes import FakePipeline

        self._inner = FakePipeline(delay_s=delay_s)
        self.marker = marker

    def pipe(self, articles, on_failure=None):
        return self._inner.pipe(articles, on_failure)

    def __call__(self, article):
        return next(iter(self._inner.pipe([article], on_failure=_raise)))


def _raise(failure):
    from eventwire.errors import StageError

    raise StageError(f"{failure.origin}: stage '{failure.stage}' failed: {failure.reason}")


def _fake_ingest_server(db: str, port: str, delay_s: str, marker: str, query_timeout: str) -> None:
    import uvicorn

    from eventwire.api import create_app

    app = create_app(db, ingest=True, pipeline=MarkedFakePipeline(float(delay_s), marker),
                     query_timeout=float(query_timeout), ingest_wait=30)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning", limit_concurrency=64)


def post_json(base: str, path: str, body: dict, timeout: float = 30) -> tuple[int, dict]:
    request = urllib.request.Request(f"{base}{path}", data=json.dumps(body).encode(),
                                     headers={"content-type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def get_json(base: str, path: str, timeout: float = 30) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"{base}{path}", timeout=timeout) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


if __name__ == "__main__":
    sys.path.insert(0, str(TESTS))
    if sys.argv[1] == "fake-ingest-server":
        _fake_ingest_server(*sys.argv[2:7])


class ThreadServer:
    """A uvicorn server for ``app`` on 127.0.0.1 in a thread of this process (for tests that
    patch the library)."""

    def __init__(self, app):
        import threading

        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                limit_concurrency=64)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ThreadServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.should_exit = True
        self.thread.join(10)
