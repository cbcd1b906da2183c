"""Fixtures for the Pilot and snapshot tests of the facilitator's app."""

from __future__ import annotations

from pathlib import Path

import pytest
import tui_helpers  # noqa: F401  (sets TZ=UTC before any test renders a time)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "sessions"


@pytest.fixture(autouse=True)
def copies_stay_in_tmp(tmp_path, monkeypatch) -> Path:
    """Copies of sessions that cannot be saved go to, and are looked for in, a temporary
    folder, never the real home or /tmp (a stray copy there would show on the start screen)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr("workshop.session.emergency.fallback_folders", lambda: [elsewhere])
    return elsewhere
