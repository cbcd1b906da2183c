"""Shared test helpers: where the repository is, and a clock that moves one second per reading."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


class FixedClock:
    """A clock that starts at 2026-11-22 10:00 UTC and moves one second per reading."""

    def __init__(self, start: datetime = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)):
        self.now = start

    def __call__(self) -> datetime:
        current = self.now
        self.now += timedelta(seconds=1)
        return current


def renamed_protocol(folder: Path):
    """The shipped protocol with its vote options renamed (ids only; labels and keys kept), for
    checking that nothing depends on what the options are called."""
    from workshop.protocol.load import load_protocol

    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    for old, new in (("agree", "yes"), ("amend", "if-changed"), ("disagree", "no")):
        text = text.replace(f'id = "{old}"', f'id = "{new}"')
    path = folder / "protocol.toml"
    path.write_text(text, encoding="utf-8")
    return load_protocol(path)


def block_saving(path: Path) -> None:
    """The session file's name taken by a folder with something in it: every save fails (the
    tests run as root, so a read-only folder would not stop a save)."""
    path.unlink()
    path.mkdir()
    (path / "blocker").write_text("x")


def unblock_saving(path: Path) -> None:
    """Undo `block_saving`: the next save can write the file again."""
    (path / "blocker").unlink()
    path.rmdir()


@contextmanager
def locked_elsewhere(path: Path) -> Iterator[subprocess.Popen]:
    """The session file `path` locked by another live process on this machine, as another
    workshop window holds it; that process ends on leaving (its lock then goes stale)."""
    from workshop.session import lock

    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock.lock_path(path).write_text(f'pid = {other.pid}\nhost = "{os.uname().nodename}"\n'
                                        'since = "2026-11-22T09:00:00+00:00"\n')
        yield other
    finally:
        other.kill()
        other.wait()
