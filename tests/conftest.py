"""Shared fixtures: the shipped protocol, a fixed clock, and sessions built on them.

The cache folder (the index of big merged files: consultation/merged_index.py) is a temporary
folder of the test run's own, for every test and every command a test starts, so the suite never
writes into the user's ~/.cache nor reads what is there."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

from helpers import REPO, FixedClock
from workshop.protocol.load import load_protocol
from workshop.protocol.model import Protocol
from workshop.session.model import Session

os.environ["WORKSHOP_CACHE_DIR"] = tempfile.mkdtemp(prefix="workshop-test-cache-")
atexit.register(shutil.rmtree, os.environ["WORKSHOP_CACHE_DIR"], ignore_errors=True)


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
