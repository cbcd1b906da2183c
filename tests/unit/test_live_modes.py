"""An assessment's ratings, evidence and actions, and a sign-up's signatories, go through the
live session like every change: applied, saved to the real file at once, or refused unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import FixedClock
from workshop.errors import SessionError
from workshop.session.file_format import read_session
from workshop.session.kinds import Mode
from workshop.session.live import LiveSession
from workshop.session.model import Session
from workshop.session.store import SessionStore


def opened(tmp_path, protocol, mode: Mode) -> LiveSession:
    session = Session.new(protocol, "Board", "Fay", clock=FixedClock(), mode=mode)
    path = SessionStore(tmp_path, protocol).create(session)
    return LiveSession(session, path)


def on_disk(live, protocol) -> Session:
    assert live.wait_saved()
    return read_session(live.path, protocol)


def test_ratings_evidence_and_actions_are_saved_at_once(tmp_path, protocol):
    live = opened(tmp_path, protocol, Mode.ASSESS)
    try:
        live.vote("share-resources", "2")
        live.vote("share-resources", "2")
        live.unvote("share-resources", "2")
        live.set_counts("public-good", {"4": 6, "5": 3})
        live.apply_text("comment", "share-resources", "Board minutes, March")
        live.add_action("share-resources", "Pool the training budget", "Chair",
                        date(2027, 4, 1))
        saved = on_disk(live, protocol)
        assert saved.mode is Mode.ASSESS and saved.scale == protocol.rating_scale
        assert saved.counts("share-resources") == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 0}
        assert saved.counts("public-good")["4"] == 6
        [action] = saved.actions["share-resources"]
        assert (action.text, action.owner, action.due) == (
            "Pool the training budget", "Chair", date(2027, 4, 1))
        live.edit_action(action.id, due=None)
        assert on_disk(live, protocol).actions["share-resources"][0].due is None
        live.delete_action(action.id)
        assert on_disk(live, protocol).actions == {}
        with pytest.raises(SessionError):
            live.vote("share-resources", "agree")  # not a point of the scale
    finally:
        live.close()


def test_signatories_are_saved_at_once(tmp_path, protocol):
    live = opened(tmp_path, protocol, Mode.SIGN_UP)
    try:
        live.add_signatory("NHS Manchester", "Sam", "Director", date(2026, 11, 22),
                           "Not 5.3 [bold]as written[/bold]")
        [signed] = on_disk(live, protocol).signatories
        assert signed.reservations == "Not 5.3 [bold]as written[/bold]"
        live.edit_signatory(signed.id, role="Chief Executive")
        assert on_disk(live, protocol).signatories[0].role == "Chief Executive"
        live.delete_signatory(signed.id)
        assert on_disk(live, protocol).signatories == []
        with pytest.raises(SessionError):
            live.add_signatory("   ")
    finally:
        live.close()
