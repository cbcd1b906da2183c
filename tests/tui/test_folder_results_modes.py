"""The start screen's results of every session (`v`) in a folder holding more than one kind of
session: the newest session's kind is shown, the others are named as left out, never merged."""

from __future__ import annotations

from datetime import date, datetime, timezone

from helpers import FixedClock
from modes_helpers import assessment, sign_up
from workshop.session.kinds import Mode
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui.app_results import folder_results


def test_the_newest_kind_is_shown_and_the_others_named(protocol, tmp_path):
    store = SessionStore(tmp_path, protocol)
    older = Session.new(protocol, "Room", on=date(2026, 11, 1),
                        clock=FixedClock(datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)))
    store.save(older, store.path_for(older))
    store.save(signed := sign_up(protocol), store.path_for(signed))
    newest = assessment(protocol)  # rated after the sign-up (both on the same clock): newest
    store.save(newest, store.path_for(newest))
    screen, notice = folder_results(store, protocol)
    assert screen is not None and screen.merged.mode is Mode.ASSESS
    assert list(screen.merged.records) == [newest.id]
    assert notice == ("Showing the assessment sessions, the kind of the newest; left out "
                      "1 consultation, 1 sign-up (workshop merge --mode merges one kind).")
