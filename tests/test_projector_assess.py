"""The projector for the other two modes: an assessment's principle step shows the highlighted
commitment's ratings per point of the scale in the scale's tones and the room's mean; a
sign-up step lists the organisations signed so far with their signatories' roles, never a name.
Checked in the frame (the web page's JSON) and on `workshop follow`'s screen."""

from __future__ import annotations

import json
import os
import time

import pytest

from helpers import FixedClock
from modes_helpers import SIGNATORIES, assessment, sign_up, write
from workshop.projector.source import ProjectorSource
from workshop.projector.view import TONE_FILLS, build_view
from workshop.session.model import Session
from workshop.session.projector_state import ProjectorState, write_state
from workshop.tui.projector.app import ProjectorApp

STEP = "principle:achieve-intended-outcomes"
ASSESS_ID = "1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
SIGN_UP_ID = "2f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
NAMES = [s["name"] for s in SIGNATORIES]


def rated(protocol) -> Session:
    """An assessment on its first principle; the first commitment rated 1 ×4, 2 ×5, 3 ×1."""
    session = assessment(protocol, principles=2, session_id=ASSESS_ID)
    session.set_step(STEP)
    return session


def signing(protocol) -> Session:
    session = sign_up(protocol, session_id=SIGN_UP_ID)
    session.set_step("sign-up")
    return session


def test_an_assessment_shows_the_scale_and_the_mean(protocol):
    view = build_view(protocol, rated(protocol), ProjectorState(step=STEP))
    assert view.mode == "assess" and view.heading == "Commitment 1 of 7"
    bars = view.votes.bars
    assert [(b.label, b.count, b.share) for b in bars] == [
        ("1 Not at all", 4, 40), ("2 Rarely", 5, 50), ("3 Sometimes", 1, 10),
        ("4 Mostly", 0, 0), ("5 Consistently", 0, 0)]
    assert [b.tone for b in bars] == ["oppose", "neutral", "qualified", "alternative",
                                      "support"]  # the highest point reads as support
    assert [b.fill for b in bars] == [TONE_FILLS[b.tone] for b in bars]
    assert [b.width for b in bars] == [40, 50, 10, 0, 0]  # of the head count, 10
    assert view.votes.summary == "10 of 10 rated · mean 1.7"  # 17 / 10


def test_an_unrated_commitment_has_no_mean(protocol):
    session = rated(protocol)
    session.set_votes("share-resources", {})
    votes = build_view(protocol, session, ProjectorState(step=STEP)).votes
    assert votes.summary == "0 of 10 rated" and [b.share for b in votes.bars] == [None] * 5


def test_a_blanked_assessment_hides_the_ratings_and_the_mean(protocol):
    view = build_view(protocol, rated(protocol), ProjectorState(blanked=True, step=STEP))
    data = json.dumps(view.to_json())
    assert view.votes is None and '"votes": null' in data
    assert "mean" not in data and "rated" not in data


def test_a_sign_up_lists_organisations_and_roles_never_names(protocol):
    view = build_view(protocol, signing(protocol), ProjectorState())
    assert (view.kind, view.step_title, view.heading) == ("sign-up", "Sign-up",
                                                          "3 organisations signed")
    assert [(s.organisation, s.role) for s in view.signed] == [
        ("Manchester City Council", "Chief Executive"), ("NHS Manchester", "Director"),
        ("Greater Manchester Police", "Superintendent")]
    data = json.dumps(view.to_json(), ensure_ascii=False)
    for name in NAMES:
        assert name not in data
    assert "reservations" not in data and "5.3" not in data


# -- workshop follow -----------------------------------------------------------------------------


async def shown(pilot, check, seconds: float = 3.0) -> None:
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < seconds, "not shown in time"
        await pilot.pause(0.05)
    await pilot.pause()
    await pilot.pause()


def screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_follow_an_assessment_then_a_sign_up_in_the_same_folder(protocol, tmp_path):
    """Following the folder: a consultation's three rows give way to the scale's five when
    an assessment is the newest session, and to the list of organisations for a sign-up."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    consultation = Session.new(protocol, "Leeds Board", "Fay", clock=FixedClock(),
                               participants=12)
    consultation.set_step(STEP)
    consultation.set_votes("share-resources", {"agree": 7, "amend": 3, "disagree": 2})
    write(folder, consultation)
    app = ProjectorApp(ProjectorSource(protocol, None, folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await shown(pilot, lambda: app.shown is not None and app.shown.view is not None)
        assert "Agree if amended" in screen_text(app) and "12 of 12 voted" in screen_text(app)
        path = write(folder, rated(protocol))
        write_state(path, ProjectorState(step=STEP, item="share-resources"))
        newer = time.time() + 5
        os.utime(path, (newer, newer))
        await shown(pilot, lambda: app.shown.view.mode == "assess")
        text = screen_text(app)
        for words in ("1 Not at all", "5 Consistently", "10 of 10 rated · mean 1.7", "40%"):
            assert words in text, words
        assert "Agree" not in text
        counts = [row.query_one(".option-small-count").content for row in
                  app.screen.query(".option-row")]
        assert [str(c) for c in counts] == ["4", "5", "1", "0", "0"]
        path = write(folder, signing(protocol))
        newest = time.time() + 10
        os.utime(path, (newest, newest))
        await shown(pilot, lambda: app.shown.view.kind == "sign-up")
        text = screen_text(app)
        assert "1. Manchester City Council · Chief Executive" in text
        assert "3. Greater Manchester Police · Superintendent" in text
        for name in NAMES:
            assert name not in text


@pytest.mark.parametrize("which", ["assess", "sign-up"])
def test_follow_snapshots(snap_compare, protocol, tmp_path, which):
    """`workshop follow` at 80x24 on an assessment's first principle, or a sign-up step.

    A reviewer should see, for the assessment: the top bar "Manchester Partnership Board · 22
    November 2026" and "2/8 Achieve intended outcomes"; "Commitment 1 of 7", the commitment in
    bold and the principle's statement in italics; five one-line rows "1 Not at all" (red,
    cross-hatched ╳, 4, 40%), "2 Rarely" (▌, 5, 50%), "3 Sometimes" (▀, 1, 10%), "4 Mostly" and
    "5 Consistently" (empty, 0, 0%); then "10 of 10 rated · mean 1.7". For the sign-up: "2/3
    Sign-up", "3 organisations signed", the protocol's title in bold, the group in italics, and
    "1. Manchester City Council · Chief Executive", "2. NHS Manchester · Director", "3. Greater
    Manchester Police · Superintendent": no person's name anywhere.
    """
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = write(folder, rated(protocol) if which == "assess" else signing(protocol))
    if which == "assess":
        write_state(path, ProjectorState(step=STEP, item="share-resources"))
    app = ProjectorApp(ProjectorSource(protocol, path, folder))

    async def first_frame(pilot) -> None:
        await shown(pilot, lambda: app.shown is not None)

    assert snap_compare(app, terminal_size=(80, 24), run_before=first_frame)
