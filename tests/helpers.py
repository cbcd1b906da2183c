"""Shared test helpers: where the repository is, and a clock that moves one second per reading."""

from __future__ import annotations

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
