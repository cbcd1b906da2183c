"""Fixtures for the Pilot and snapshot tests of the facilitator's app."""

from __future__ import annotations

from pathlib import Path

import pytest
import tui_helpers  # noqa: F401  (sets TZ=UTC before any test renders a time)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "sessions"
