"""The projector's frames (projector/view.py) and how a session is followed (source.py): the
highlighted commitment with labelled, patterned bars, nothing of the counts while blanked, and
a source that reads only when a file changed, never writes, and follows the newest session."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

from workshop.projector.source import ProjectorSource
from workshop.projector.view import BLANKED_NOTE, TONE_FILLS, build_view
from workshop.session.model import Session
from workshop.session.projector_state import ProjectorState, write_state
from workshop.session.store import SessionStore

STEP = "principle:achieve-intended-outcomes"


def on_first_principle(session: Session) -> Session:
    session.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2})
    session.set_votes("monitor-resources", {"agree": 1, "amend": 0, "disagree": 7})
    session.set_step(STEP)
    return session


def test_a_principle_step_shows_the_highlighted_commitment_and_its_bars(protocol, session):
    view = build_view(protocol, on_first_principle(session),
                      ProjectorState(step=STEP, item="monitor-resources"))
    assert (view.kind, view.position, view.step_title) == ("principle", "2/10",
                                                           "Achieve intended outcomes")
    assert view.heading == "Commitment 2 of 7"
    assert view.text == protocol.commitment("monitor-resources").text
    assert view.detail == protocol.principle("achieve-intended-outcomes").statement
    bars = view.votes.bars
    assert [(b.label, b.count, b.share) for b in bars] == [
        ("Agree", 1, 13), ("Agree if amended", 0, 0), ("Disagree", 7, 88)]  # 1/8: half up
    assert [b.width for b in bars] == [8, 0, 58]  # of the head count, 12
    assert [b.fill for b in bars] == [TONE_FILLS["support"], TONE_FILLS["qualified"],
                                      TONE_FILLS["oppose"]]
    assert len(set(TONE_FILLS.values())) == len(TONE_FILLS), "every meaning its own pattern"
    assert view.votes.summary == "8 of 12 voted" and not view.votes.over
    assert not view.blanked and view.note == ""


def test_blanked_means_no_counts_anywhere_in_the_frame(protocol, session):
    view = build_view(protocol, on_first_principle(session),
                      ProjectorState(blanked=True, step=STEP, item="share-resources"))
    assert view.text == protocol.commitment("share-resources").text
    assert view.votes is None and view.blanked and view.note == BLANKED_NOTE
    data = json.dumps(view.to_json())
    assert '"votes": null' in data
    for figure in ('"count"', '"share"', "12 of 12", "58"):
        assert figure not in data


def test_a_row_of_another_step_or_an_unknown_one_gives_the_first(protocol, session):
    on_first_principle(session)
    for state in (ProjectorState(step="questions", item="monitor-resources"),
                  ProjectorState(step=STEP, item="no-such-commitment"), ProjectorState()):
        view = build_view(protocol, session, state)
        assert view.heading == "Commitment 1 of 7", state


def test_more_votes_than_people_and_no_head_count(protocol, session):
    session.set_step(STEP)
    session.set_votes("share-resources", {"agree": 13})
    votes = build_view(protocol, session, ProjectorState()).votes
    assert votes.over and votes.summary == "13 of 12 voted: more than the head count"
    assert votes.bars[0].width == 100
    session.set_meta(participants=None)
    votes = build_view(protocol, session, ProjectorState()).votes
    assert votes.summary == "13 votes (head count not given)" and not votes.over
    session.set_votes("share-resources", {"agree": 0})
    votes = build_view(protocol, session, ProjectorState()).votes
    assert [b.share for b in votes.bars] == [None, None, None]  # nobody voted: no 0%


def test_the_other_steps(protocol, session):
    session.set_step("questions")
    view = build_view(protocol, session, ProjectorState(step="questions",
                                                        item=protocol.questions[2].id))
    assert (view.heading, view.text) == ("Question 3 of 6", protocol.questions[2].text)
    assert view.votes is None
    session.set_step("introduction")
    view = build_view(protocol, session, ProjectorState(blanked=True))
    assert view.text == protocol.title and "Manchester Partnership Board" in view.detail
    assert view.note == "", "no counts to hide on a step without them"
    session.set_step("recommendation")
    view = build_view(protocol, session, ProjectorState())
    assert view.step_title == "Recommendation"
    assert view.text == protocol.recommendation_question  # the published words, as on screen


def test_the_recommendation_reads_the_sessions_authority(protocol, session):
    from dataclasses import replace
    adapted = replace(protocol, recommendation_question="Should {authority} adopt it?")
    session.set_meta(authority="Leeds City Council")
    session.set_step("recommendation")
    assert build_view(adapted, session, ProjectorState()).text == (
        "Should Leeds City Council adopt it?")
    session.set_step("review")
    assert build_view(protocol, session, ProjectorState()).text == "Review"


def test_user_text_is_handed_on_as_typed(protocol, clock):
    session = Session.new(protocol, group="<script>alert(1)</script> [bold]x[/bold]",
                          clock=clock, on=date(2026, 11, 22))
    view = build_view(protocol, session, ProjectorState())
    assert view.group == "<script>alert(1)</script> [bold]x[/bold]"
    session.set_meta(group="🎉" * 100_000)  # a pasted page: the top bar carries its start
    assert build_view(protocol, session, ProjectorState()).group == "🎉" * 200 + "…"


# -- the source ----------------------------------------------------------------------------------


def saved(protocol, folder: Path, session: Session) -> Path:
    return SessionStore(folder, protocol).create(session)


def test_the_source_reads_again_only_when_a_file_changes(protocol, session, tmp_path):
    path = saved(protocol, tmp_path, on_first_principle(session))
    source = ProjectorSource(protocol, path, tmp_path)
    first = source.poll()
    assert first.view.votes.bars[0].count == 7 and first.source.endswith(path.name)
    assert source.poll() is first, "nothing changed: the same frame, nothing read"
    session.set_votes("share-resources", {"agree": 9, "amend": 3, "disagree": 0})
    SessionStore(tmp_path, protocol).save(session, path)
    second = source.poll()
    assert second.version == first.version + 1 and second.view.votes.bars[0].count == 9
    write_state(path, ProjectorState(blanked=True, step=STEP, item="share-resources"))
    third = source.poll()
    assert third.version == second.version + 1 and third.view.votes is None


def test_the_source_never_writes(protocol, session, tmp_path):
    path = saved(protocol, tmp_path, on_first_principle(session))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    stale = tmp_path / f".{path.name}.abcd1234.tmp"  # a killed save's leftover: not ours to tidy
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 3600,) * 2)
    source = ProjectorSource(protocol, path, tmp_path)
    for _ in range(3):
        source.poll()
    ProjectorSource(protocol, None, tmp_path).poll()
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert after == before | {stale.name: after[stale.name]}
    assert not (tmp_path / f"{path.name}.lock").exists()


def test_an_unreadable_change_keeps_the_last_view_and_says_why(protocol, session, tmp_path):
    path = saved(protocol, tmp_path, on_first_principle(session))
    source = ProjectorSource(protocol, path, tmp_path)
    good = source.poll()
    path.write_text("format = [", encoding="utf-8")
    frame = source.poll()
    assert frame.view == good.view and path.name in frame.problem
    path.unlink()
    frame = source.poll()
    assert frame.view == good.view and frame.problem
    SessionStore(tmp_path, protocol).save(session, path)
    frame = source.poll()
    assert frame.problem == "" and frame.view == good.view


def test_without_a_file_the_newest_readable_session_is_followed(protocol, clock, tmp_path):
    source = ProjectorSource(protocol, None, tmp_path / "sessions")
    frame = source.poll()
    assert frame.view is None and "No session yet in" in frame.waiting
    folder = tmp_path / "sessions"
    older = saved(protocol, folder, Session.new(protocol, group="Older", clock=clock))
    os.utime(older, (time.time() - 60,) * 2)
    assert source.poll().view.group == "Older"
    newer = saved(protocol, folder, Session.new(protocol, group="Newer", clock=clock))
    assert source.poll().view.group == "Newer"
    broken = folder / "zz-broken.toml"  # the newest file, but no session: passed over
    broken.write_text("not = [toml", encoding="utf-8")
    (folder / "2026-merged.toml").write_text('format = "workshop-merged"\n', encoding="utf-8")
    assert source.poll().view.group == "Newer"
    os.utime(newer, (time.time() - 120,) * 2)
    os.utime(folder, None)
    assert source.poll().view.group == "Older", "the most recently changed, not the newest name"
