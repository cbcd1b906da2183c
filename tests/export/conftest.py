"""Fixtures for the export tests: sessions full of hostile text, saved as a session file and
as a merged file and read back the way `workshop export` reads them (export_helpers.py holds the
data and the expected figures)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from export_helpers import Source, full_session, partial_session, save_merged, save_session

from workshop.consultation.inputs import read_result
from workshop.session.model import Session

START = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def sessions(protocol) -> list[Session]:
    return [
        full_session(protocol, "Manchester Partnership Board", START, 0,
                     "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"),
        full_session(protocol, "=cmd|' /C calc'!A0 <script>x</script> | Group",
                     START + timedelta(days=3), 1, "9a8b7c6d-4b5a-4978-8a9b-0c1d2e3f4a5b"),
    ]


@pytest.fixture(params=["session", "merged"])
def source(request, tmp_path, protocol, sessions) -> Source:
    """A finished session's file, and a merged file of two sessions."""
    if request.param == "session":
        path = save_session(tmp_path / "sessions", sessions[0], protocol)
        used = sessions[:1]
    else:
        path = save_merged(tmp_path / "all-workshops.toml", sessions, protocol)
        used = sessions
    return Source(request.param, path, read_result(path, protocol), used)


@pytest.fixture
def partial(tmp_path, protocol) -> Source:
    session = partial_session(protocol)
    path = save_session(tmp_path / "sessions", session, protocol)
    return Source("session", path, read_result(path, protocol), [session])


@pytest.fixture
def council(tmp_path, protocol) -> Source:
    """A merged file of four workshops with grouped proposals, notes and one still in progress
    (export_helpers.council_sessions)."""
    from export_helpers import council_sessions
    sessions = council_sessions(protocol)
    path = save_merged(tmp_path / "council.toml", sessions, protocol)
    return Source("merged", path, read_result(path, protocol), sessions)


@pytest.fixture
def themed(tmp_path, protocol):
    """The council's merged file with an analyst's theme file beside it: a two-level codebook
    with hostile names, tags on wordings, comments and answers from several workshops
    (themed_helpers.py)."""
    from themed_helpers import save_themed
    return save_themed(tmp_path, protocol)
