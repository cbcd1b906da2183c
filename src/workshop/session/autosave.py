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

A key press changes a few lines of a file that can hold 170 KB of comments, and the writer
holds the GIL while it serialises (the UI thread waits meanwhile), so the writer keeps the
TOML of each part of the last snapshot (`SnapshotText`) and serialises again only the parts
that changed: a vote re-serialises the votes of one commitment and the header, not every
comment. The bytes are exactly `session_bytes` of the snapshot (tests/unit/test_autosave_parts.py).
While a save is under way the interpreter hands the GIL over more often (`HURRIED_SWITCH_SECONDS`):
the writer needs it between its system calls, and the UI thread is drawing the key meanwhile.
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

HURRIED_SWITCH_SECONDS = 0.0005
"""How soon a thread waiting for the GIL gets it while a save is under way (Python's default
is 5 ms). The writer takes the GIL back after each system call of a save (temp file, write,
fsync, rename, fsync of the folder) while the UI thread draws the key that caused it, so at 5 ms
a save of a small session waited for the GIL longer than it wrote (benchmarks/keys.py). The
default comes back once the writer is idle."""


class _Hurry:
    """Process-wide: the GIL's switch interval is short while any autosaver has work."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = 0
        self._before = 0.005

    def start(self) -> None:
        with self._lock:
            if not self._busy:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(min(self._before, HURRIED_SWITCH_SECONDS))
            self._busy += 1

    def stop(self) -> None:
        with self._lock:
            self._busy -= 1
            if not self._busy:
                sys.setswitchinterval(self._before)


_HURRY = _Hurry()


def session_bytes(data: dict) -> bytes:
    """The bytes a save writes for a snapshot taken with `session_to_dict`."""
    return dumps_toml(data).encode("utf-8")


def same(a: object, b: object) -> bool:
    """True if `a` and `b` are the same data, written the same way: types and key order
    included (`1 == 1.0 == True`, `0.0 == -0.0`, and one instant in two time zones are equal but
    written differently). Snapshots share their values, so most checks are `is`."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is dict:
        if len(a) != len(b):
            return False
        for (key_a, x), (key_b, y) in zip(a.items(), b.items(), strict=True):
            if key_a != key_b or x is not y and not same(x, y):
                return False
        return True
    if kind is list or kind is tuple:
        if len(a) != len(b):
            return False
        for x, y in zip(a, b, strict=True):
            if x is not y and not same(x, y):
                return False
        return True
    return a == b and (kind is not float and kind is not datetime or str(a) == str(b))


class SnapshotText:
    """The TOML of successive snapshots of one session, each part serialised again only when
    it changed: a top-level key, or one key of a top-level table (a commitment's votes or
    comments). Parts are put together by the writer's own layout rules (tomli_w's, which
    `dumps_toml` keeps): a table's literals first, then its sub-tables, a blank line before
    each sub-table that follows something. Parts are kept as UTF-8, so putting 170 KB together
    is a copy. Not thread-safe: one writer uses it."""

    def __init__(self) -> None:
        self._parts: dict[tuple[str, ...], tuple[object, bytes]] = {}
        self._seen: set[tuple[str, ...]] = set()

    def bytes_of(self, data: dict) -> bytes:
        """The file's bytes for the snapshot `data`: exactly `session_bytes(data)`."""
        self._seen = set()
        literals, tables = [], []
        for key, value in data.items():
            part = (self._table(key, value) if type(value) is dict and value
                    else self._part((key,), value, {key: value}))
            (tables if part.startswith(b"[") else literals).append(part)
        for gone in self._parts.keys() - self._seen:
            del self._parts[gone]
        return _joined(b"", literals, tables)

    def _table(self, key: str, table: dict) -> bytes:
        """A non-empty top-level table, from one part per key."""
        header = self._part((key, "", "header"), None, {key: {}})  # `[key]\n`, quoted if need be
        literals, tables = [], []
        for sub, value in table.items():
            part = self._part((key, sub), value, {key: {sub: value}})
            if part.startswith(header):
                literals.append(part[len(header):])
            else:
                tables.append(part)
        return _joined(header, literals, tables)

    def _part(self, path: tuple[str, ...], value: object, data: dict) -> bytes:
        """The TOML of `data`, which holds `value` at `path`: kept from the last snapshot if
        `value` has not changed."""
        self._seen.add(path)
        found = self._parts.get(path)
        if found is not None and same(found[0], value):
            return found[1]
        text = session_bytes(data)
        self._parts[path] = (value, text)
        return text


def _joined(header: bytes, literals: list[bytes], tables: list[bytes]) -> bytes:
    """A table from its parts, laid out as tomli_w lays it out: the header (when it has
    literals, or nothing else), the literals, then each sub-table after a blank line (but
    the first, when nothing came before it)."""
    out = [header] if header and (literals or not tables) else []
    out += literals
    for table in tables:
        if out:
            out.append(b"\n")
        out.append(table)
    return b"".join(out)


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
        self._text = SnapshotText()  # used under _write_lock
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._hurrying = False  # guarded by _hurry_lock
        self._hurry_lock = threading.Lock()
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
        with self._hurry_lock:
            if not self._hurrying:
                self._hurrying = True
                _HURRY.start()
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
                self._settled()
                traceback.print_exc(file=sys.stderr)

    def _write_pending(self) -> bool:
        with self._write_lock:
            with self._lock:
                data = self._pending
            if data is None:
                self._settled()
                return True
            try:
                atomic_write(self.path, self._text.bytes_of(data))
            except Exception as exc:  # noqa: BLE001 - every failure is a NOT SAVED, not a crash
                return self._report(SaveResult(False, self._now(), describe_failure(exc)))
            with self._lock:
                settled = self._pending is data  # nothing newer arrived meanwhile
                if settled:
                    self._pending = None
            if settled:
                self._settled()
            return self._report(SaveResult(True, self._now()))

    def _settled(self) -> None:
        """Nothing more to write for now (or a failure to retry later)."""
        with self._hurry_lock:
            if self._hurrying:
                self._hurrying = False
                _HURRY.stop()
        self._idle.set()

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
            self._settled()
        try:
            self.on_result(result)
        except Exception:  # noqa: BLE001
            traceback.print_exc(file=sys.stderr)
        return result.ok
