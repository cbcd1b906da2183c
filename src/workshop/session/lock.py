"""One session file, one running app: a lock file beside the session says who has it open.

`acquire(path)` creates `<session>.lock` holding the process id, host and time. If another
live process on this machine holds it, or another machine does (a shared drive), the caller
gets a `LockHeld` describing the holder and can offer read-only. A lock left by a process that
no longer exists (a crash, `kill -9`) is taken over. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workshop.toml.io import dumps_toml, parse_toml


@dataclass(frozen=True)
class LockHeld:
    """Someone else has the session open."""

    pid: int
    host: str
    since: str

    def describe(self) -> str:
        where = "this computer" if self.host == socket.gethostname() else f"computer '{self.host}'"
        return f"process {self.pid} on {where}, since {self.since}"


def lock_path(session_path: Path) -> Path:
    return session_path.with_name(session_path.name + ".lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _read(path: Path) -> LockHeld | None:
    try:
        data = parse_toml(path.read_text(encoding="utf-8"), str(path))
        return LockHeld(int(data["pid"]), str(data["host"]), str(data["since"]))
    except Exception:  # an unreadable lock is treated as stale  # noqa: BLE001
        return None


def holder(session_path: Path) -> LockHeld | None:
    """Who holds the lock now, if it is held by a live process other than this one."""
    held = _read(lock_path(session_path))
    if held is None:
        return None
    if held.host == socket.gethostname():
        if held.pid == os.getpid() or not _alive(held.pid):
            return None
    return held


def acquire(session_path: Path) -> LockHeld | None:
    """Take the lock; return None on success, or who holds it."""
    path = lock_path(session_path)
    current = holder(session_path)
    if current is not None:
        return current
    since = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    data = dumps_toml({"pid": os.getpid(), "host": socket.gethostname(), "since": since})
    try:
        path.unlink(missing_ok=True)  # stale or ours
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:  # someone took it between our look and our create
        return holder(session_path) or LockHeld(-1, "unknown", "just now")
    except OSError:
        return None  # a read-only folder: locking is best effort, saving will report the error
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(data)
    return None


def release(session_path: Path) -> None:
    """Drop our lock (only if it is ours)."""
    path = lock_path(session_path)
    held = _read(path)
    if held is not None and held.pid == os.getpid() and held.host == socket.gethostname():
        path.unlink(missing_ok=True)
