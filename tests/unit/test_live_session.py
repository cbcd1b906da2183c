"""The live session: every change is applied, saved to the real file, or refused; steps bank
their time; the lock decides read-only; drafts are kept and discarded; failed saves are news."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from helpers import block_saving, locked_elsewhere
from workshop.errors import SessionError, StoreError
from workshop.session import drafts, emergency, lock
from workshop.session.autosave import SaveResult, session_bytes
from workshop.session.file_format import read_session, session_to_dict
from workshop.session.kinds import EntryKind, Step
from workshop.session.live import (
    READ_ONLY,
    LiveSession,
    SaveNews,
    draft_context,
    draft_label,
    lock_holder,
)
from workshop.session.store import SessionStore

WHEN = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)


class Ticker:
    """A monotonic clock moved by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path, session, protocol):
    return SessionStore(tmp_path / "sessions", protocol).create(session)


@pytest.fixture
def ticker():
    return Ticker()


@pytest.fixture
def live(session, path, ticker):
    opened = LiveSession(session, path, monotonic=ticker)
    opened.go_to(session.step, record=False)
    yield opened
    opened.close()


def on_disk(live, protocol):
    assert live.wait_saved()
    return read_session(live.path, protocol)


def test_votes_and_counts_are_saved(live, protocol):
    live.vote("share-resources", "agree")
    live.vote("share-resources", "agree")
    live.unvote("share-resources", "agree")
    live.set_counts("public-good", {"agree": 30, "amend": 5})
    saved = on_disk(live, protocol)
    assert saved.counts("share-resources") == {"agree": 1, "amend": 0, "disagree": 0}
    assert saved.counts("public-good") == {"agree": 30, "amend": 5, "disagree": 0}


def test_refusals_raise_and_change_nothing(live, protocol):
    with pytest.raises(SessionError):
        live.unvote("share-resources", "agree")  # nothing to take away
    with pytest.raises(SessionError):
        live.vote("no-such-commitment", "agree")
    with pytest.raises(SessionError):
        live.apply_text("comment", "share-resources", "   ")
    with pytest.raises(SessionError):
        live.apply_text("nonsense", "", "text")
    assert on_disk(live, protocol).votes == {}


def test_texts_by_their_draft_kind(live, protocol):
    live.apply_text("comment", "share-resources", "A comment")
    live.apply_text("amendment", "share-resources", "New words")
    live.apply_text("answer", "benefits", "An answer")
    live.recommend("adopt-with-changes")
    live.apply_text("reasons", "", "Plainer words")
    live.apply_text("general-comments", "", "A useful start")
    saved = on_disk(live, protocol)
    comment = saved.comments["share-resources"][0]
    assert comment.text == "A comment"
    assert saved.amendments["share-resources"][0].text == "New words"
    assert saved.answers["benefits"][0].text == "An answer"
    rec = saved.recommendation
    assert (rec.choice, rec.reasons, rec.comments) == ("adopt-with-changes", "Plainer words",
                                                       "A useful start")
    live.apply_text("edit", comment.id, "A better comment")
    assert on_disk(live, protocol).comments["share-resources"][0].text == "A better comment"
    live.delete_entry(comment.id)
    assert "share-resources" not in on_disk(live, protocol).comments
    live.add_entry(EntryKind.ANSWERS, "barriers", "Time")
    assert on_disk(live, protocol).answers["barriers"][0].text == "Time"


def test_finish(live, protocol):
    live.finish()
    assert on_disk(live, protocol).completed is not None


def test_moving_banks_time_and_saves_the_step(live, protocol, ticker):
    assert live.current_step == "introduction"
    ticker.now += 30
    assert live.step_seconds() == 30
    nxt = live.step_after(1)
    assert nxt == Step.principle("achieve-intended-outcomes")
    live.go_to(nxt)
    ticker.now += 12
    assert live.step_seconds() == 12
    assert live.step_after(-1) == "introduction"
    assert live.step_after(-2) is None
    assert live.position(nxt) == "2/10"
    saved = on_disk(live, protocol)
    assert saved.step == nxt
    assert saved.elapsed == {"introduction": 30}
    live.go_to("review")
    assert live.step_after(1) is None
    live.go_to(nxt)  # coming back adds to what was banked
    ticker.now += 3
    assert live.step_seconds() == 15


def test_close_banks_time_writes_and_releases_the_lock(live, protocol, ticker):
    assert lock.lock_path(live.path).exists()
    ticker.now += 5
    live.close()
    live.close()  # twice is harmless
    assert read_session(live.path, protocol).elapsed == {"introduction": 5}
    assert not lock.lock_path(live.path).exists()
    with pytest.raises(SessionError):
        live.vote("share-resources", "agree")


def test_a_session_locked_elsewhere_is_read_only(session, path, protocol, ticker):
    with locked_elsewhere(path) as other:
        assert lock_holder(path).pid == other.pid
        before = path.read_bytes()
        live = LiveSession(session, path, monotonic=ticker)
        assert live.read_only and live.autosaver is None
        live.go_to("introduction", record=False)
        with pytest.raises(SessionError, match=READ_ONLY):
            live.vote("share-resources", "agree")
        ticker.now += 60
        live.go_to("questions")  # moving is allowed, and records nothing
        assert live.current_step == "questions"
        live.write_draft("comment", "share-resources", "words")
        assert drafts.read_draft(path) is None
        live.close()
        assert path.read_bytes() == before
        assert lock.lock_path(path).exists()  # the other window's lock is left alone


def test_drafts_are_kept_offered_and_discarded(live, protocol):
    assert live.pending_draft() is None
    live.write_draft("amendment", "share-resources", "half-typed")
    draft = live.pending_draft()
    assert (draft.kind, draft.target, draft.text) == ("amendment", "share-resources", "half-typed")
    assert draft_label(draft.kind) == "proposed wording"
    assert draft_context(protocol, draft) == protocol.commitment("share-resources").text
    assert draft_context(protocol, drafts.Draft("answer", "nope", "x", WHEN)) == ""
    live.discard_draft()
    assert live.pending_draft() is None


def test_save_results_say_when_the_facilitator_must_hear(live):
    assert live.record_save(SaveResult(True, WHEN)) is None
    assert live.record_save(SaveResult(False, WHEN, "disk full")) is SaveNews.FAILED
    assert live.record_save(SaveResult(False, WHEN, "disk full")) is None  # said once
    assert live.save_result.error == "disk full"
    assert live.record_save(SaveResult(True, WHEN)) is SaveNews.RECOVERED


def test_on_saved_hears_every_save(session, path, ticker):
    heard = []
    live = LiveSession(session, path, monotonic=ticker, on_saved=heard.append)
    live.vote("share-resources", "agree")
    assert live.wait_saved()
    live.close()
    assert heard and all(result.ok for result in heard)


# -- when the file cannot be saved: copies elsewhere (session/emergency.py) ----------------------


@pytest.fixture
def fallbacks(tmp_path, monkeypatch):
    home, temp = tmp_path / "home", tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    monkeypatch.setattr(emergency, "fallback_folders", lambda: [home, temp])
    return home, temp


def test_saving_now_and_closing_say_whether_the_file_is_up_to_date(live, protocol):
    live.vote("share-resources", "agree")
    assert live.save_now() and not live.unsaved
    block_saving(live.path)
    live.vote("share-resources", "agree")
    assert not live.save_now() and live.unsaved
    assert live.close() is False
    assert live.close() is False  # asked again: the same answer


def test_a_copy_is_the_session_as_an_autosave_would_write_it(live, protocol, tmp_path, fallbacks):
    live.vote("share-resources", "agree")
    # The vote's save runs in the writer thread: let it finish first, or it can write the file
    # again between block_saving's unlink and mkdir (seen once in 7 runs under xdist).
    assert live.wait_saved()
    block_saving(live.path)
    copy = live.save_copy(tmp_path / "home")
    assert copy.parent == tmp_path / "home" and copy.name.startswith(live.path.stem + ".copy-")
    assert copy.read_bytes() == session_bytes(session_to_dict(live.session))
    assert read_session(copy, protocol).counts("share-resources")["agree"] == 1
    again = live.save_copy(tmp_path / "home")  # a second copy in the same second: both kept
    assert again != copy and again.exists() and copy.exists()
    assert live.copies() == sorted([copy, again], key=lambda p: p.name, reverse=True)
    with pytest.raises(StoreError):
        live.save_copy(tmp_path / "no such folder")


def test_an_emergency_copy_goes_beside_the_file_then_home_then_temp(live, protocol, fallbacks,
                                                                   monkeypatch):
    home, temp = fallbacks
    live.vote("share-resources", "agree")
    beside = live.write_emergency_copy()
    assert beside.parent == live.path.parent and emergency.is_copy(beside)
    assert read_session(beside, protocol).counts("share-resources")["agree"] == 1
    real = emergency.atomic_write
    refused = {live.path.parent}

    def atomic_write(path, data):  # tests run as root: a folder "refuses" by a fault instead
        if path.parent in refused:
            raise StoreError(f"{path}: could not be saved: No space left on device")
        real(path, data)

    monkeypatch.setattr(emergency, "atomic_write", atomic_write)
    assert live.write_emergency_copy().parent == home
    refused.add(home)
    assert live.write_emergency_copy().parent == temp
    refused.add(temp)
    assert live.write_emergency_copy() is None  # nowhere: the caller is told


def test_copies_are_found_by_name_only_for_their_session(tmp_path, fallbacks):
    home, temp = fallbacks
    session = tmp_path / "s" / "2026-11-22_a_[x]1.toml"
    session.parent.mkdir()
    session.write_text("")
    mine = emergency.write_copy(b"x", session, temp, emergency.EMERGENCY)
    emergency.write_copy(b"x", tmp_path / "s" / "other.toml", home)
    assert emergency.copies_of(session) == [mine]
    assert emergency.copies_in([session, mine]) == {session: [mine]}


def test_copies_in_finds_what_copies_of_finds_for_each_session(tmp_path, fallbacks):
    """The start screen lists each place once for all its sessions (not once per session):
    it must find exactly what `copies_of` finds, glob characters and near names included."""
    home, temp = fallbacks
    folder = tmp_path / "s"
    folder.mkdir()
    stems = ["2026-11-22_a_[x]1", "2026-11-22_a", "b*?", "b", "c.d"]
    sessions = []
    for n, stem in enumerate(stems):
        path = folder / f"{stem}.toml"
        path.write_text("")
        sessions.append(path)
        for place, kind in ((folder, emergency.COPY), (home, emergency.EMERGENCY),
                            (temp, emergency.COPY))[: n % 3 + 1]:
            emergency.write_copy(b"x", path, place, kind)
    (folder / "2026-11-22_a.copy-notes.txt").write_text("not a copy: not .toml")
    found = emergency.copies_in(sessions)
    assert found == {p: emergency.copies_of(p) for p in sessions if emergency.copies_of(p)}
    assert len(found) == len(stems)
