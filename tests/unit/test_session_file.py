"""The session file: every byte of text survives, output is stable, bad files are named."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import FixedClock
from workshop.errors import SessionFileError
from workshop.session.file_format import dumps_session, read_session, session_to_dict
from workshop.session.model import RECOMMENDATIONS, Session
from workshop.toml import io as tomlio

HOSTILE = [
    "[bold]loud[/bold]", "[@click=app.quit]bye[/]", "<script>alert(1)</script>", "=SUM(A1)",
    '"""', "'''", "line one\r\nline two\r\n", "tab\there", "🎉👩‍👩‍👧 emoji", "\x00nul", "\\n not a newline",
    "trailing spaces   ", "# not a comment", "key = value", "+1", "-1", "@user",
]
# Any Unicode a keyboard or a paste can produce: everything but lone surrogates.
any_text = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(blacklist_categories=("Cs",))))
entry_text = any_text.filter(lambda s: s.strip())


@st.composite
def sessions(draw, protocol):
    clock = FixedClock(datetime(2026, 1, 1, tzinfo=timezone.utc)
                       + timedelta(seconds=draw(st.integers(0, 10**8))))
    session = Session.new(
        protocol,
        group=draw(entry_text),
        facilitator=draw(any_text),
        location=draw(any_text),
        on=draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
        participants=draw(st.none() | st.integers(0, 10_000)),
        notes=draw(any_text),
        clock=clock,
    )
    commitments = [c.id for c in protocol.commitments]
    questions = [q.id for q in protocol.questions]
    for _ in range(draw(st.integers(0, 8))):
        cid = draw(st.sampled_from(commitments))
        counts = draw(st.fixed_dictionaries({o: st.integers(0, 500) for o in protocol.option_ids}))
        session.set_votes(cid, counts)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["comment", "amendment", "answer"]))
        if kind == "answer":
            session.add_answer(draw(st.sampled_from(questions)), draw(entry_text))
        elif kind == "comment":
            session.add_comment(draw(st.sampled_from(commitments)), draw(entry_text))
        else:
            session.add_amendment(draw(st.sampled_from(commitments)), draw(entry_text))
    if draw(st.booleans()) and session.comments:
        first = next(iter(session.comments.values()))[0]
        session.edit(first.id, draw(entry_text))
    if draw(st.booleans()):
        session.set_recommendation(draw(st.sampled_from(list(RECOMMENDATIONS))), draw(any_text), draw(any_text))
    session.set_step(draw(st.sampled_from(session.steps())))
    if draw(st.booleans()):
        session.add_elapsed(session.step, draw(st.floats(0, 10**5, allow_nan=False)))
    if draw(st.booleans()):
        session.mark_complete()
    return session


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_round_trip_keeps_everything_byte_for_byte(tmp_path, protocol, data):
    session = data.draw(sessions(protocol))
    raw = dumps_session(session)
    path = tmp_path / "s.toml"
    path.write_bytes(raw)
    loaded = read_session(path, protocol)
    assert loaded == session
    for kind in ("comments", "amendments", "answers"):
        for target, entries in getattr(session, kind).items():
            got = getattr(loaded, kind)[target]
            assert [e.text.encode("utf-8") for e in got] == [e.text.encode("utf-8") for e in entries]
    assert dumps_session(loaded) == raw  # the same session always gives the same bytes


def test_hostile_text_round_trips(tmp_path, session, protocol):
    for text in HOSTILE:
        session.add_comment("share-resources", text)
        session.add_answer("benefits", text)
    session.set_meta(group="[b]Group[/b] <i>", notes="\r\n".join(HOSTILE))
    path = tmp_path / "s.toml"
    path.write_bytes(dumps_session(session))
    loaded = read_session(path, protocol)
    assert [e.text for e in loaded.comments["share-resources"]] == HOSTILE
    assert loaded.meta.notes == "\r\n".join(HOSTILE)


def test_100kb_paste_round_trips(tmp_path, session, protocol):
    pasted = ("Lorem ipsum [dolor] <sit> =amet 🎉\r\n" * 3000)[:100_000]
    session.add_comment("share-resources", pasted)
    path = tmp_path / "s.toml"
    path.write_bytes(dumps_session(session))
    assert read_session(path, protocol).comments["share-resources"][0].text == pasted


def test_output_does_not_depend_on_the_order_changes_were_made(protocol, clock):
    a = Session.new(protocol, group="G", clock=FixedClock(), session_id="x")
    b = Session.new(protocol, group="G", clock=FixedClock(), session_id="x")
    a.set_votes("share-resources", {"agree": 1})
    a.set_votes("public-good", {"disagree": 2})
    b.set_votes("public-good", {"disagree": 2})
    b.set_votes("share-resources", {"agree": 1})
    b.updated = a.updated
    assert dumps_session(a) == dumps_session(b)


def test_file_layout_is_documented_shape(session):
    session.add_vote("share-resources", "agree", 7)
    data = session_to_dict(session)
    assert data["format"] == "workshop-session" and data["format_version"] == 1
    assert data["votes"] == {"share-resources": {"agree": 7, "amend": 0, "disagree": 0}}
    assert list(data) == ["format", "format_version", "id", "protocol", "meta", "progress",
                          "recommendation", "votes", "comments", "amendments", "answers"]


def write_and_break(tmp_path, session, old, new):
    text = dumps_session(session).decode("utf-8")
    assert old in text, old
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text.replace(old, new, 1)


BAD_FILES = [
    ("format_version = 1", "format_version = 2", "format version 2 is from a newer version"),
    ('format = "workshop-session"', 'format = "something-else"', "not a workshop session file"),
    ("agree = 3", "agree = -3", "a vote count cannot be negative (-3)"),
    ("agree = 3", 'agree = "three"', "must be a whole number, not text"),
    ("[votes.share-resources]", "[votes.no-such-commitment]", "unknown commitment id 'no-such-commitment'"),
    ("agree = 3", "maybe = 3", "unknown vote option 'maybe'"),
    ('group = "Manchester Partnership Board"', "group = 5", "must be text, not a number"),
    ('step = "introduction"', 'step = "principle:nope"', "unknown step 'principle:nope'"),
    ('choice = ""', 'choice = "perhaps"', "unknown recommendation 'perhaps'"),
    ("participants = 12", "participants = -1", "cannot be negative"),
    ("participants = 12", "participants = 12\ncolour = \"red\"", "unknown key 'colour'"),
    ('version = "2010-consultation"', 'version = "2099"', "recorded on protocol 'partnership-behaviour-protocol' "
     "version '2099', but the protocol in use is"),
    ('id = "partnership-behaviour-protocol"', 'id = "other-protocol"', "recorded on protocol 'other-protocol'"),
    ('digest = "sha256:', 'digest = "sha256:0', "has changed since this session was recorded"),
    ("date = 2026-11-22", 'date = "yesterday"', "must be a date, not text"),
    ("started = 2026-11-22 10:00:00+00:00", "started = 2026-11-22 10:00:00", "with a time zone"),
    ('group = "Manchester Partnership Board"', 'group = "Manchester', "not valid TOML"),
]


@pytest.mark.parametrize("old,new,words", BAD_FILES, ids=[b[2][:30] for b in BAD_FILES])
def test_bad_session_files_raise_one_clear_error(tmp_path, session, protocol, old, new, words):
    session.add_vote("share-resources", "agree", 3)
    path, text = write_and_break(tmp_path, session, old, new)
    with pytest.raises(SessionFileError) as caught:
        read_session(path, protocol)
    message = str(caught.value)
    assert "broken.toml" in message
    assert words in message
    changed_line = next(i for i, line in enumerate(text.splitlines(), 1) if new.splitlines()[-1] in line)
    assert f"broken.toml:{changed_line}" in message


def test_empty_and_missing_files(tmp_path, protocol):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    with pytest.raises(SessionFileError, match="empty.toml: is empty"):
        read_session(empty, protocol)
    with pytest.raises(SessionFileError, match="missing.toml: no such file"):
        read_session(tmp_path / "missing.toml", protocol)


def test_empty_tables_may_be_left_out(tmp_path, session, protocol):
    text = dumps_session(session).decode("utf-8")
    for header in ("[votes]", "[comments]", "[amendments]", "[answers]"):
        assert header in text
        text = text.replace(header + "\n", "")
    path = tmp_path / "short.toml"
    path.write_text(text, encoding="utf-8")
    assert read_session(path, protocol) == session


def test_reading_without_a_protocol_skips_protocol_checks(tmp_path, session):
    session.add_vote("share-resources", "agree", 3)
    path, _ = write_and_break(tmp_path, session, "[votes.share-resources]", "[votes.from-another-protocol]")
    loaded = read_session(path)
    assert loaded.votes == {"from-another-protocol": {"agree": 3, "amend": 0, "disagree": 0}}


def test_both_parsers_read_the_same(monkeypatch, tmp_path, session, protocol):
    import tomllib

    session.add_comment("share-resources", HOSTILE[0])
    path = tmp_path / "s.toml"
    path.write_bytes(dumps_session(session))
    fast = read_session(path, protocol)
    monkeypatch.setattr(tomlio, "_parser", tomllib)
    assert read_session(path, protocol) == fast
    path.write_text('format = "workshop-session"\nformat_version = = 1\n')
    with pytest.raises(SessionFileError, match=r"s\.toml:2:18: not valid TOML"):
        read_session(path, protocol)


def test_the_documented_example_is_a_real_session_file(tmp_path, protocol):
    from helpers import REPO

    doc = (REPO / "docs" / "session-format.md").read_text(encoding="utf-8")
    example = doc.split("## Full example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    loaded = read_session(path, protocol)
    assert dumps_session(loaded) == example.encode("utf-8")
    assert loaded.votes and loaded.comments and loaded.amendments and loaded.answers
