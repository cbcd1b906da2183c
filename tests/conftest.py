"""Shared fixtures: the shipped protocol, a fixed clock, and sessions built on them."""

from __future__ import annotations

import pytest

from helpers import REPO, FixedClock
from workshop.protocol.load import load_protocol
from workshop.protocol.model import Protocol
from workshop.session.model import Session


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
