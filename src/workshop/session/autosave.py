"""Autosave: every change goes to disk at once, off the UI thread, and a failed save is retried.

The UI calls `submit(session)` after each change. A snapshot of the session's data is taken
right there (a fraction of a millisecond: new containers around the same immutable values), and
a single writer thread turns the newest snapshot into TOML and writes it atomically through the
store; bursts of changes coalesce into one write. Serialising a big session takes over half a
frame (benchmarks/autosave.py), which is why it happens in the writer, not the UI thread. If a
write fails (disk full, permission, USB stick pulled out) the data is kept and retried every
`retry_seconds` until a write succeeds; every outcome is reported through `on_result`, from the
writer thread. Any exception at all counts as a failed save (reported, kept, retried): the writer
thread must never die, or nothing would be saved again while the screen still said "Saved".
`flush()` writes whatever is pending from the calling thread (used on quit and on signals).
`session_bytes` is exactly what a save writes (a copy saved elsewhere uses it too).
Nothing here imports Textual.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workshop.errors import StoreError
from workshop.session.file_format import session_to_dict
from workshop.session.model import Session
from workshop.toml.atomic import atomic_write
from workshop.toml.io import dumps_toml


def session_bytes(data: dict) -> bytes:
    """The bytes a save writes for a snapshot taken with `session_to_dict`."""
    return dumps_toml(data).encode("utf-8")


def describe_failure(exc: BaseException) -> str:
    """A failed save in words: a StoreError already says what happened; anything else is a bug,
    named by its type so it can be reported."""
    if isinstance(exc, StoreError):
        return str(exc)
    return f"could not be saved: unexpected {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class SaveResult:
    """What happened to the latest save."""

    ok: bool
    when: datetime
    error: str = ""


class Autosaver:
    """Keeps one session file up to date with the session in memory."""

    def __init__(
        self,
        path: Path,
        on_result: Callable[[SaveResult], None] = lambda result: None,
        clock: Callable[[], datetime] = datetime.now,
        retry_seconds: float = 2.0,
    ) -> None:
        self.path = Path(path)
        self.on_result = on_result
        self.clock = clock
        self.retry_seconds = retry_seconds
        self.last: SaveResult | None = None
        self._pending: dict | None = None
        self._lock = threading.Lock()  # guards _pending
        self._write_lock = threading.Lock()  # one write at a time, in whichever thread
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="workshop-autosave", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> bool:
        """True while a change is in memory but not yet on disk."""
        with self._lock:
            return self._pending is not None

    def submit(self, session: Session) -> None:
        """Queue the session's current state to be written."""
        data = session_to_dict(session)
        with self._lock:
            self._pending = data
            self._idle.clear()
        self._wake.set()

    def flush(self) -> bool:
        """Write anything pending now, in this thread. True if the file is up to date."""
        self._write_pending()
        return not self.pending

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until the writer has nothing left to do (or has failed); for tests and quitting."""
        return self._idle.wait(timeout)

    def close(self) -> bool:
        """Flush and stop the writer thread. True if everything reached the disk."""
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=5)
        return self.flush()

    @property
    def alive(self) -> bool:
        """True while the writer thread runs (until `close`)."""
        return self._thread.is_alive()

    def _run(self) -> None:
        failing = False
        while not self._stopping:
            # While a save is failing, wake up by ourselves to retry; otherwise wait for a change.
            self._wake.wait(self.retry_seconds if failing else None)
            self._wake.clear()
            if self._stopping:
                return
            try:
                failing = not self._write_pending()
            except BaseException:  # noqa: BLE001 - the writer must outlive any bug
                failing = True
                self._idle.set()
                traceback.print_exc(file=sys.stderr)

    def _write_pending(self) -> bool:
        with self._write_lock:
            with self._lock:
                data = self._pending
            if data is None:
                self._idle.set()
                return True
            try:
                atomic_write(self.path, session_bytes(data))
            except Exception as exc:  # noqa: BLE001 - every failure is a NOT SAVED, not a crash
                return self._report(SaveResult(False, self._now(), describe_failure(exc)))
            with self._lock:
                if self._pending is data:  # nothing newer arrived meanwhile
                    self._pending = None
                    self._idle.set()
            return self._report(SaveResult(True, self._now()))

    def _now(self) -> datetime:
        try:
            return self.clock()
        except Exception:  # noqa: BLE001 - a broken clock must not stop saving
            return datetime.now()

    def _report(self, result: SaveResult) -> bool:
        """Keep and report a save's outcome; True if it worked. A listener that raises is not
        allowed to end the writer (the outcome is kept in `last` either way)."""
        self.last = result
        if not result.ok:
            self._idle.set()
        try:
            self.on_result(result)
        except Exception:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
        return result.ok
