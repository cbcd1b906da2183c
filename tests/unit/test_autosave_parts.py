"""The autosave writer serialises again only the parts of a session that changed
(autosave.SnapshotText), and what it writes is still exactly `session_bytes` of the snapshot:
after every kind of change, in every mode, and for data that is equal but written differently."""

from __future__ import annotations

import sys
import threading
from datetime import date, datetime, timedelta, timezone

import pytest

import workshop.session.autosave as autosave
from workshop.session.autosave import Autosaver, SnapshotText, same, session_bytes
from workshop.session.file_format import session_to_dict
from workshop.session.model import Session
from workshop.session.store import SessionStore

LONG = "a comment long enough that its table is not written inline, " * 3


def consultation_changes(protocol):
    first, second = protocol.commitments[0].id, protocol.commitments[1].id
    question = protocol.questions[0].id
    return [
        lambda s: s.add_vote(first, "agree"),
        lambda s: s.add_vote(first, "agree"),
        lambda s: s.add_vote(second, "disagree"),
        lambda s: s.remove_vote(second, "disagree"),  # its votes table goes away
        lambda s: s.add_comment(first, LONG),
        lambda s: s.add_comment(second, "short"),
        lambda s: s.add_comment(first, 'quotes " and \\ and\nlines [bold]x[/bold]'),
        lambda s: s.add_amendment(first, "new wording"),
        lambda s: s.add_answer(question, LONG),
        lambda s: s.edit(s.comments[first][0].id, "edited in place"),
        lambda s: s.delete(s.comments[second][0].id),  # the commitment's comments go away
        lambda s: s.set_recommendation("adopt-with-changes", reasons="because", comments=""),
        lambda s: s.set_step(s.steps()[2]),
        lambda s: s.add_elapsed(s.steps()[2], 12.5),
        lambda s: s.add_elapsed(s.steps()[2], 0.5),
        lambda s: s.set_meta(participants=20),
        lambda s: s.mark_complete(),
        lambda s: s.add_vote(first, "amend", 120),
    ]


def check_each(session, changes):
    """After each change, the text from parts is the text of the whole snapshot."""
    text = SnapshotText()
    assert text.bytes_of(session_to_dict(session)) == session_bytes(session_to_dict(session))
    for change in changes:
        change(session)
        data = session_to_dict(session)
        assert text.bytes_of(data) == session_bytes(data)


def test_every_change_to_a_consultation_writes_the_bytes_of_the_whole(session, protocol):
    check_each(session, consultation_changes(protocol))


def test_every_change_to_an_assessment_writes_the_bytes_of_the_whole(protocol, clock):
    session = Session.new(protocol, "Assessment group", participants=8, clock=clock,
                          mode="assess", session_id="1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")
    first, second = protocol.commitments[0].id, protocol.commitments[3].id
    key = session.options[0].id
    check_each(session, [
        lambda s: s.add_vote(first, key),
        lambda s: s.add_vote(second, session.options[-1].id),
        lambda s: s.add_comment(first, LONG),
        lambda s: s.add_action(first, "publish the minutes", "Clerk", date(2027, 3, 31)),
        lambda s: s.add_action(second, LONG, ""),
        lambda s: s.edit_action(s.actions[first][0].id, owner="Chair"),
        lambda s: s.delete_action(s.actions[second][0].id),
        lambda s: s.remove_vote(first, key),
    ])


def test_a_sign_up_with_signatories_writes_the_bytes_of_the_whole(protocol, clock):
    session = Session.new(protocol, "Sign-up group", clock=clock, mode="sign-up",
                          session_id="2f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b")
    check_each(session, [
        lambda s: s.add_signatory("Org A", "Ann", "Chair", date(2026, 11, 22)),
        lambda s: s.add_signatory("Org B", reservations=LONG),
        lambda s: s.edit_signatory(s.signatories[0].id, role="Director"),
        lambda s: s.delete_signatory(s.signatories[1].id),
    ])


UTC = timezone.utc
AN_HOUR_EAST = timezone(timedelta(hours=1))


@pytest.mark.parametrize(("before", "after"), [
    (1, 1.0), (1, True), (0.0, -0.0), (2.50, 2.5000001),
    (datetime(2026, 1, 1, 10, tzinfo=UTC), datetime(2026, 1, 1, 11, tzinfo=AN_HOUR_EAST)),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}), ({"a": 1, "b": 1}, {"b": 1, "a": 1}),
    ([1, 2], (1, 2)), ("x", "y"),
])
def test_data_equal_but_written_otherwise_is_written_again(before, after):
    """`==` would call these the same; their TOML differs, so the part is written again."""
    first = {"n": 1, "table": {"value": before, "sub": {"value": before}}, "top": before}
    second = {"n": 1, "table": {"value": after, "sub": {"value": after}}, "top": after}
    text = SnapshotText()
    assert text.bytes_of(first) == session_bytes(first)
    assert text.bytes_of(second) == session_bytes(second)
    assert not same(before, after)


def test_tables_of_every_shape_are_laid_out_as_the_whole_is():
    """Literals after tables in the data, quoted keys, an empty table, a table of tables only,
    inline and non-inline arrays of tables, at the top and one level down."""
    shapes = [
        {"table": {"t": {"x": 1}}, "late literal": 2, "aot": [{"text": LONG}],
         "inline": [{"a": 1}], "empty": {}},
        {"only tables": {"a": {"x": 1}, "b": {"y": 2}}},
        {"mixed": {"sub": {"x": 1}, "literal": "after", "aot": [{"t": LONG}, {"t": "x"}]}},
        {"mixed": {"literal": "only"}, "x": []},
        {"mixed": {"sub": {}}, "a.b": {"c d": 1}},
        {},
    ]
    text = SnapshotText()
    for data in shapes + shapes[::-1]:
        assert text.bytes_of(data) == session_bytes(data)


def test_the_autosaver_writes_the_snapshot_bytes_after_many_changes(tmp_path, session,
                                                                     protocol):
    path = SessionStore(tmp_path, protocol).create(session)
    saver = Autosaver(path)
    try:
        for change in consultation_changes(protocol):
            change(session)
            saver.submit(session)
            assert saver.wait_idle()
            assert path.read_bytes() == session_bytes(session_to_dict(session))
    finally:
        saver.close()


def test_the_gil_is_handed_over_sooner_only_while_a_save_is_under_way(tmp_path, session,
                                                                         protocol, monkeypatch):
    """While the writer has work, a thread waiting for the GIL gets it within
    HURRIED_SWITCH_SECONDS; once the file is written the interpreter's interval is back."""
    path = SessionStore(tmp_path, protocol).create(session)
    before = sys.getswitchinterval()
    writing, release = threading.Event(), threading.Event()
    real = autosave.atomic_write

    def slow_write(target, data, *args, **kwargs):
        writing.set()
        release.wait(5)
        return real(target, data, *args, **kwargs)

    monkeypatch.setattr(autosave, "atomic_write", slow_write)
    saver = Autosaver(path)
    try:
        session.add_vote(protocol.commitments[0].id, "agree")
        saver.submit(session)
        assert writing.wait(5)
        assert sys.getswitchinterval() == pytest.approx(autosave.HURRIED_SWITCH_SECONDS)
        release.set()
        assert saver.wait_idle()
        assert sys.getswitchinterval() == pytest.approx(before)
        assert path.read_bytes() == session_bytes(session_to_dict(session))
    finally:
        release.set()
        saver.close()
    assert sys.getswitchinterval() == pytest.approx(before)
