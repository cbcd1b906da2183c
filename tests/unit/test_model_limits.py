"""The documented bounds (docs/session-format.md, protocol-format.md, merged-format.md): counts,
head counts, times and time budgets past them, and `inf`/`nan`, are refused by the session's
operations and by every reader; values at the bound are accepted and read back the same."""

from __future__ import annotations

import math

import pytest

from helpers import REPO
from workshop.cli.main import main
from workshop.errors import SHOWN, Problem, SessionError, WorkshopError, display_path
from workshop.protocol.load import load_protocol
from workshop.protocol.schema import MAX_MINUTES
from workshop.session.file_format import dumps_session, read_session
from workshop.session.model import (
    MAX_ELAPSED_SECONDS,
    MAX_PARTICIPANTS,
    MAX_VOTES,
    Session,
)


def test_the_bounds_are_the_documented_numbers():
    assert (MAX_VOTES, MAX_PARTICIPANTS, MAX_ELAPSED_SECONDS, MAX_MINUTES) == (
        1_000_000, 1_000_000, 366 * 24 * 3600, 24 * 60)
    docs = {name: (REPO / "docs" / name).read_text(encoding="utf-8") for name in
            ("session-format.md", "merged-format.md", "protocol-format.md")}
    assert "1,000,000" in docs["session-format.md"] and "31,622,400" in docs["session-format.md"]
    assert "1,000,000" in docs["merged-format.md"]
    assert "1,440" in docs["protocol-format.md"]


def test_vote_counts_past_the_bound_are_refused(session):
    with pytest.raises(SessionError, match="cannot be more than 1,000,000"):
        session.set_votes("share-resources", {"agree": MAX_VOTES + 1})
    with pytest.raises(SessionError, match="more than 1,000,000"):
        session.add_vote("share-resources", "agree", 10**30)
    session.set_votes("share-resources", {"agree": MAX_VOTES})
    with pytest.raises(SessionError, match="cannot be more than"):
        session.add_vote("share-resources", "agree")
    assert session.counts("share-resources")["agree"] == MAX_VOTES


def test_a_head_count_past_the_bound_is_refused(protocol, session):
    with pytest.raises(SessionError, match="cannot be more than 1,000,000"):
        Session.new(protocol, "G", participants=MAX_PARTICIPANTS + 1)
    with pytest.raises(SessionError, match="cannot be more than"):
        session.set_meta(participants=10**30)
    session.set_meta(participants=MAX_PARTICIPANTS)


def test_elapsed_time_must_be_finite_and_is_capped_at_a_year(session):
    for bad in (math.inf, math.nan, -math.inf):
        with pytest.raises(SessionError):
            session.add_elapsed("introduction", bad)
    session.add_elapsed("introduction", MAX_ELAPSED_SECONDS - 1)
    session.add_elapsed("introduction", 3600)  # a laptop left open: still a readable file
    assert session.elapsed["introduction"] == MAX_ELAPSED_SECONDS


def test_values_at_the_bounds_read_back_the_same(tmp_path, protocol, session):
    session.set_votes("share-resources", {"agree": MAX_VOTES})
    session.set_meta(participants=MAX_PARTICIPANTS)
    session.add_elapsed("introduction", MAX_ELAPSED_SECONDS)
    path = tmp_path / "s.toml"
    path.write_bytes(dumps_session(session))
    back = read_session(path, protocol)
    assert back.votes["share-resources"]["agree"] == MAX_VOTES
    assert back.meta.participants == MAX_PARTICIPANTS
    assert back.elapsed["introduction"] == MAX_ELAPSED_SECONDS


def test_a_time_budget_of_a_day_is_accepted(tmp_path):
    text = (REPO / "protocol.toml").read_text(encoding="utf-8")
    path = tmp_path / "p.toml"
    path.write_text(text.replace("questions_minutes = 30", "questions_minutes = 1440"))
    assert load_protocol(path).questions_minutes == 1440


def test_new_refuses_a_head_count_past_the_bound(tmp_path, capsys):
    with pytest.raises(SystemExit) as done:
        main(["--sessions", str(tmp_path), "new", "--group", "G", "--facilitator", "F",
              "--participants", str(MAX_PARTICIPANTS + 1)])
    assert done.value.code == 2
    assert "is more than 1,000,000" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_an_error_with_many_problems_shows_twenty_and_a_count():
    problems = [Problem("f.toml", f"problem {n}", line=n) for n in range(1, 31)]
    error = WorkshopError(problems, more=1000)
    lines = str(error).splitlines()
    assert len(lines) == SHOWN + 1 and lines[-1] == "… and 1,010 more problems"
    assert error.count == 1030


def test_a_dangling_link_is_named_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.toml").symlink_to("target.toml")
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    assert display_path("link.toml") == "link.toml"
    assert display_path(tmp_path / "loop.toml") == "loop.toml"
