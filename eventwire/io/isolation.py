"""Run a parser on hostile bytes in a worker process that is killed when it takes too long.

A thread cannot be stopped from outside, and a C parser (lxml under trafilatura) does not
look at Python signals while it works, so a page that sends it into a very long parse could
hold an ingest forever. ``TimeLimitedWorker`` keeps one child process (started on first use
as ``python -m eventwire.io.isolation``: a fresh interpreter that shares nothing with the
parent — no threads, no open database, no re-import of the caller's script), sends it one
call at a time and waits at most ``seconds``; past that the child is killed (SIGKILL) and
the next call starts a fresh one. The caller gets ``CallTimedOut`` and records the document.

Calls and results travel as length-prefixed JSON over the child's stdin/stdout (JSON, not
pickle: what comes back from a process that parsed hostile input is data, never code).
The function is named ``"module:function"`` so that the child imports it itself.
"""

from __future__ import annotations

import importlib
import json
import os
import selectors
import struct
import subprocess
import sys
import threading
import time

_HEADER = struct.Struct(">Q")


class CallTimedOut(Exception):
    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s and was stopped")
        self.seconds = seconds


class WorkerFailed(Exception):
    """The call raised in the child (its type and message are kept), or the child died."""


class TimeLimitedWorker:
    def __init__(self):
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None

    def call(self, function: str, args: list, seconds: float):
        """``function(*args)`` in the child; ``CallTimedOut`` after ``seconds``."""
        with self._lock:
            process = self._started()
            deadline = time.monotonic() + seconds
            try:
                _write(process.stdin, {"function": function, "args": args})
                reply = _read(process.stdout, deadline)
            except TimeoutError:
                self._kill()
                raise CallTimedOut(seconds) from None
            except (OSError, EOFError, ValueError) as exc:
                self._kill()
                raise WorkerFailed(f"the worker process died ({type(exc).__name__})") from None
        if "error" in reply:
            raise WorkerFailed(reply["error"])
        return reply["result"]

    def close(self) -> None:
        with self._lock:
            self._kill()

    def _started(self) -> subprocess.Popen:
        if self._process is None or self._process.poll() is not None:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
            self._process = subprocess.Popen(
                [sys.executable, "-m", "eventwire.io.isolation"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        return self._process

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait(10)
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass


def _write(stream, message: dict) -> None:
    data = json.dumps(message, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read(stream, deadline: float | None) -> dict:
    header = _read_exactly(stream, _HEADER.size, deadline)
    (size,) = _HEADER.unpack(header)
    return json.loads(_read_exactly(stream, size, deadline).decode("utf-8", "surrogatepass"))


def _read_exactly(stream, size: int, deadline: float | None) -> bytes:
    chunks, got = [], 0
    fd = stream.fileno()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while got < size:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise TimeoutError
            chunk = os.read(fd, min(size - got, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            got += len(chunk)
    return b"".join(chunks)


def _serve() -> None:  # pragma: no cover - runs in the child
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # anything a library prints must not corrupt the replies
    while True:
        try:
            message = _read(stdin, None)
        except EOFError:
            return
        try:
            module, _, name = message["function"].partition(":")
            result = getattr(importlib.import_module(module), name)(*message["args"])
            _write(stdout, {"result": result})
        except Exception as exc:  # reported to the caller; the worker goes on
            _write(stdout, {"error": f"{type(exc).__name__}: {exc}"})


_shared: TimeLimitedWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> TimeLimitedWorker:
    """The process-wide worker (one child, started on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = TimeLimitedWorker()
        return _shared


if __name__ == "__main__":  # pragma: no cover
    _serve()
