"""One session file, one running app: a lock file beside the session says who has it open.

`acquire(path)` creates `<session>.lock` holding the process id, host and time, and where
/proc exists the boot id and the process's start time. If another live process on this machine
holds it, or another machine does (a shared drive), the caller gets a `LockHeld` describing the
holder and can offer read-only. A lock left by a process that no longer exists (a crash,
`kill -9`) is taken over, and so is one whose process id now belongs to another process: after
a reboot, or once the id is reused, the start time (or, for a lock without one, the command
line: not Python, not workshop) tells them apart. Nothing here imports Textual.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workshop.toml.io import dumps_toml, parse_toml, read_text


@dataclass(frozen=True)
class LockHeld:
    """Someone else has the session open."""

    pid: int
    host: str
    since: str
    boot: str = ""
    """The boot id of the machine when the lock was taken ("" if unknown)."""
    started: str = ""
    """The holder's start time, in clock ticks since boot ("" if unknown): with the pid, it
    names one process, where a pid alone may be reused."""

    def describe(self) -> str:
        where = "this computer" if self.host == socket.gethostname() else f"computer '{self.host}'"
        return f"process {self.pid} on {where}, since {self.since}"

    def how_to_take_over(self, session_path: Path) -> str:
        """What to do if the holder is surely gone (a window on a computer that crashed)."""
        return (f"If no workshop window has it open any more, delete {lock_path(session_path)} "
                "and open the session again to take it over.")


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


def _proc(pid: int | str, name: str) -> bytes | None:
    """`/proc/<pid>/<name>`, or None where there is no /proc (or it cannot be read)."""
    try:
        with open(f"/proc/{pid}/{name}", "rb") as f:
            return f.read()
    except OSError:
        return None


def _boot_id() -> str:
    raw = _proc("sys/kernel/random", "boot_id")
    return raw.decode("ascii", "replace").strip() if raw else ""


def _stat_field(pid: int, number: int) -> str:
    """Field `number` (counted from 1, as in proc(5)) of /proc/<pid>/stat; "" if unknown."""
    raw = _proc(pid, "stat")
    if not raw:
        return ""
    fields = raw[raw.rfind(b")") + 2:].split()  # the name in brackets may hold spaces
    return fields[number - 3].decode("ascii", "replace") if len(fields) > number - 3 else ""


def _start_time(pid: int) -> str:
    """When the process started, in clock ticks since boot."""
    return _stat_field(pid, 22)


def _state(pid: int) -> str:
    """R, S, D, Z (exited, not yet reaped), ..."""
    return _stat_field(pid, 3)


def _may_be_workshop(pid: int) -> bool:
    """Whether the process could be a workshop window: its command line mentions workshop or
    runs Python (`python -m workshop`, the `workshop` script). True when it cannot be seen."""
    raw = _proc(pid, "cmdline")
    if raw is None:
        return True
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    if not args:  # a process that has exited (a zombie), or one still starting up
        return _state(pid) != "Z"
    return (Path(args[0]).name.startswith("python")
            or any("workshop" in a.lower() for a in args))


def _same_process(held: LockHeld) -> bool:
    """Whether the live process with the lock's pid is the one that took the lock."""
    if held.boot and _boot_id() and held.boot != _boot_id():
        return False  # the machine has restarted since: every pid is someone else's
    if held.started:
        now = _start_time(held.pid)
        if now:
            return now == held.started
    return _may_be_workshop(held.pid)


def _read(path: Path) -> LockHeld | None:
    try:
        data = parse_toml(read_text(path), str(path))  # read_text: never blocks on a FIFO
        return LockHeld(int(data["pid"]), str(data["host"]), str(data["since"]),
                        str(data.get("boot", "")), str(data.get("started", "")))
    except Exception:  # an unreadable lock is treated as stale  # noqa: BLE001
        return None


def holder(session_path: Path) -> LockHeld | None:
    """Who holds the lock now, if it is held by a live process other than this one."""
    held = _read(lock_path(session_path))
    if held is None:
        return None
    if held.host == socket.gethostname():
        if held.pid == os.getpid() or not _alive(held.pid) or not _same_process(held):
            return None
    return held


def acquire(session_path: Path) -> LockHeld | None:
    """Take the lock; return None on success, or who holds it."""
    path = lock_path(session_path)
    current = holder(session_path)
    if current is not None:
        return current
    since = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    data = dumps_toml({"pid": os.getpid(), "host": socket.gethostname(), "since": since,
                       "boot": _boot_id(), "started": _start_time(os.getpid())})
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
