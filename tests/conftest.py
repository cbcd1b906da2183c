"""Shared fixtures: the shipped protocol, a fixed clock, and sessions built on them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workshop.protocol import Protocol, load_protocol
from workshop.session import Session

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


@pytest.fixture(scope="session")
def protocol() -> Protocol:
    return load_protocol(REPO / "protocol.toml")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def session(protocol: Protocol, clock: FixedClock) -> Session:
    return Session.new(
        protocol,
        group="Manchester Partnership Board",
        facilitator="Tonya Meers",
        location="Town Hall, Room 2",
        participants=12,
        clock=clock,
        session_id="0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
    )
