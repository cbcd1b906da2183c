"""The merged file: stable bytes, every character kept, and a damaged file caught and named."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, FixedClock
from merge_helpers import HOSTILE, found_lists, merge, record, reread, snapshot
from workshop.consultation.merge_rules import Found
from workshop.consultation.merged_file import dumps_merged, merged_to_dict
from workshop.consultation.records import Merged
from workshop.errors import SessionFileError
from workshop.session.model import Session
from workshop.toml.io import parse_toml


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_write_read_write_gives_the_same_records_and_bytes(protocol, data):
    merged = merge(data.draw(found_lists(protocol)), protocol).merged
    raw = dumps_merged(merged, protocol)
    for reader_protocol in (protocol, None):
        back = reread(raw, reader_protocol)
        assert snapshot(back) == snapshot(merged)
        assert dumps_merged(back, protocol) == raw
    for sid, rec in merged.records.items():  # every character, byte for byte
        for kind in ("comments", "amendments", "answers"):
            got = reread(raw).records[sid].entries(kind)
            assert {t: [e.text.encode() for e in v] for t, v in got.items()} == \
                   {t: [e.text.encode() for e in v] for t, v in rec.entries(kind).items()}


TEXTS = [t for t in HOSTILE if "'''" not in t]
"""The texts the figures in BAD are counted for (three quotes have a test of their own)."""


def two_sessions(protocol, texts=TEXTS):
    a = Session.new(protocol, "Ward <b>3</b>", participants=8, clock=FixedClock(),
                    session_id="bbbb-2")
    a.set_votes("public-good", {"agree": 1, "disagree": 2})
    a.set_votes("share-resources", {"agree": 5, "amend": 1})
    for text in texts:
        a.add_comment("share-resources", text)
    a.add_answer("benefits", "=SUM(A1)")
    b = Session.new(protocol, "[bold]Board[/bold]", participants=4, clock=FixedClock(),
                    session_id="aaaa-1")
    b.set_votes("share-resources", {"agree": 2, "disagree": 2})
    b.add_amendment("share-resources", 'Share "resources"\\ fairly')
    b.set_recommendation("adopt", "Yes.\r\nBut [i]slowly[/i]")
    b.mark_complete()
    return a, b


def written(protocol, *sessions) -> tuple[Merged, str]:
    merged = merge([Found(record(s, f"{s.id}.toml"), f"{s.id}.toml") for s in sessions],
                   protocol).merged
    return merged, dumps_merged(merged, protocol).decode("utf-8")


def test_layout_order_and_summary(protocol):
    a, b = two_sessions(protocol, HOSTILE)
    merged, _ = written(protocol, a, b)
    data = merged_to_dict(merged, protocol)
    assert list(data) == ["format", "format_version", "protocol", "summary", "sessions", "votes",
                          "comments", "amendments", "answers"]
    assert data["format"] == "workshop-merged" and data["format_version"] == 1
    assert data["summary"] == {"sessions": 2, "complete": 1, "participants": 12, "votes": 13,
                               "comments": len(HOSTILE), "amendments": 1, "answers": 1}
    assert [s["id"] for s in data["sessions"]] == ["aaaa-1", "bbbb-2"]  # by id
    assert list(data["votes"]) == ["share-resources", "public-good"]  # protocol order
    assert data["votes"]["share-resources"] == {
        "sessions": 2, "totals": {"agree": 7, "amend": 1, "disagree": 2},
        "by_session": {"aaaa-1": {"agree": 2, "amend": 0, "disagree": 2},
                       "bbbb-2": {"agree": 5, "amend": 1, "disagree": 0}}}
    assert [c["text"] for c in data["comments"]] == HOSTILE  # oldest first
    assert data["amendments"] == [{"session": "aaaa-1", "commitment": "share-resources",
                                   "id": "e1", "text": 'Share "resources"\\ fairly',
                                   "created": b.amendments["share-resources"][0].created}]
    assert data["answers"][0]["question"] == "benefits"


def test_the_bytes_do_not_depend_on_the_order_records_were_added(protocol):
    a, b = two_sessions(protocol)
    merged, text = written(protocol, a, b)
    backwards = Merged(merged.protocol, dict(reversed(merged.records.items())))
    assert list(backwards.records) != list(merged.records)
    assert dumps_merged(backwards, protocol).decode("utf-8") == text


def test_kinds_with_no_entries_are_left_out(protocol):
    s = Session.new(protocol, "Quiet", clock=FixedClock(), session_id="q")
    s.set_votes("share-resources", {"agree": 1})
    _, text = written(protocol, s)
    for kind in ("comments", "amendments", "answers"):
        assert kind not in parse_toml(text, "m")
    assert snapshot(reread(text.encode(), protocol)) == snapshot(written(protocol, s)[0])


def test_hostile_text_is_one_line_of_plain_string(protocol):
    a, b = two_sessions(protocol)
    _, text = written(protocol, a, b)
    assert '"Yes.\\r\\nBut [i]slowly[/i]"' in text
    assert 'text = "<script>alert(1)</script>"' in text
    assert 'group = "[bold]Board[/bold]"' in text
    assert "\r" not in text and '"""' not in text  # one-line strings only


# -- a damaged or hand-edited file ----------------------------------------------------------------

BAD = [  # (text to change, its replacement, words of the message, key path, line shown)
    ("agree = 7", "agree = 8", "total for 'agree' is 8 but the sessions' counts add up to 7",
     "votes.share-resources.totals.agree", "agree = 8"),
    ("sessions = 2\n\n[votes.share-resources.totals]",
     "sessions = 3\n\n[votes.share-resources.totals]",
     "says 3 sessions voted but by_session has 2", "votes.share-resources.sessions",
     "sessions = 3"),
    ("[votes.share-resources.by_session.bbbb-2]", "[votes.share-resources.by_session.ghost]",
     "session 'ghost' is not in [[sessions]]", "votes.share-resources.by_session.ghost",
     "[votes.share-resources.by_session.ghost]"),
    ('session = "bbbb-2"', 'session = "ghost"', "session 'ghost' is not in [[sessions]]",
     "comments[1].session", 'session = "ghost"'),
    ('id = "bbbb-2"', 'id = "aaaa-1"', "session 'aaaa-1' is listed twice", "sessions[2].id",
     'id = "aaaa-1"'),
    ('id = "e2"', 'id = "e1"', "entry 'e1' of session 'bbbb-2' is listed twice", "comments[2].id",
     'id = "e1"'),
    ("complete = true", "complete = false", "must be true exactly when 'completed' gives a time",
     "sessions[1].complete", "complete = false"),
    ("disagree = 2\n\n[votes.share-resources.by_session.bbbb-2]",
     "disagree = -2\n\n[votes.share-resources.by_session.bbbb-2]",
     "a vote count cannot be negative (-2)", "votes.share-resources.by_session.aaaa-1.disagree",
     "disagree = -2"),
    ("amend = 1\ndisagree = 0", 'amend = "1"\ndisagree = 0', "must be a whole number, not text",
     "votes.share-resources.by_session.bbbb-2.amend", 'amend = "1"'),
    ("format_version = 1", "format_version = 2", "merged format version 2 is from a newer version",
     "format_version", "format_version = 2"),
    ("participants = 12", "participants = 13", "says 13 but the file's sessions give 12",
     "summary.participants", "participants = 13"),
    ("comments = 18", "comments = 17", "says 17 but the file's sessions give 18",
     "summary.comments", "comments = 17"),
    ("votes = 13", "votes = -13", "says -13 but the file's sessions give 13", "summary.votes",
     "votes = -13"),
    ("participants = 12", "participants = 12\nwords = 9", "unknown key 'words'", "summary.words",
     "words = 9"),
    ("[[sessions]]", '[[sessions]]\ncolour = "red"', "unknown key 'colour'", "sessions[1].colour",
     'colour = "red"'),
    ("created = 2026-11-22 10:00:03+00:00", "created = 2026-11-22 10:00:03",
     "must be a date and time with a time zone", "comments[1].created", "10:00:03\n"),
    ("[votes.public-good]", "[votes.no-such-commitment]",
     "unknown commitment id 'no-such-commitment'", "votes.no-such-commitment",
     "[votes.no-such-commitment]"),
    ('question = "benefits"', 'question = "no-such-question"',
     "unknown question id 'no-such-question' (session 'bbbb-2'", "answers[1].question",
     'question = "no-such-question"'),
    ('session = "aaaa-1"\ncommitment = "share-resources"',
     'session = "aaaa-1"\ncommitment = "gone"',
     "unknown commitment id 'gone' (session 'aaaa-1'", "amendments[1].commitment",
     'commitment = "gone"'),
]


@pytest.mark.parametrize("old,new,words,key,shown", BAD, ids=[b[3] for b in BAD])
def test_a_changed_file_is_refused_with_its_line_and_key(protocol, old, new, words, key, shown):
    a, b = two_sessions(protocol)
    _, text = written(protocol, a, b)
    assert old in text, old
    changed = text.replace(old, new, 1)
    if old.startswith("[votes."):  # a table renamed: its subtables too
        changed = text.replace(old[:-1], new[:-1])
    with pytest.raises(SessionFileError) as caught:
        reread(changed.encode(), protocol, file="m.toml")
    problem = next(p for p in caught.value.problems if words in p.message)
    assert str(problem).startswith(f"m.toml:{problem.line}: {key}: ")
    assert shown in (changed.splitlines()[problem.line - 1] + "\n")
    assert str(problem) in str(caught.value)


def test_a_problem_after_triple_quotes_in_a_text_still_has_its_line(protocol):
    a, b = two_sessions(protocol, ["Use ''' to quote"])
    _, text = written(protocol, a, b)
    changed = text.replace('question = "benefits"', 'question = "gone"')
    with pytest.raises(SessionFileError) as caught:
        reread(changed.encode(), protocol)
    assert caught.value.problems[0].line is not None


def test_the_same_values_in_another_spelling_are_not_a_change(protocol):
    a, b = two_sessions(protocol)
    merged, text = written(protocol, a, b)
    loose = text.replace("+00:00", "Z").replace("\n\n", "\n")
    assert snapshot(reread(loose.encode(), protocol)) == snapshot(merged)


def test_every_problem_is_reported_at_once(protocol):
    a, b = two_sessions(protocol)
    _, text = written(protocol, a, b)
    changed = text.replace("agree = 7", "agree = 70").replace('session = "bbbb-2"',
                                                              'session = "ghost"', 1)
    with pytest.raises(SessionFileError) as caught:
        reread(changed.encode(), protocol)
    assert len(caught.value.problems) == 2
    assert [p.line for p in caught.value.problems] == sorted(p.line for p in caught.value.problems)


# -- the documented example -----------------------------------------------------------------------


def doc_example() -> str:
    doc = (REPO / "docs" / "merged-format.md").read_text(encoding="utf-8")
    return doc.split("## Full example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_documented_example_is_a_real_merged_file(protocol):
    example = doc_example()
    merged = reread(example.encode("utf-8"), protocol, file="example.toml")
    assert dumps_merged(merged, protocol) == example.encode("utf-8")
    assert len(merged.records) == 2
    for kind in ("comments", "amendments", "answers"):
        assert merged.attributed(kind), kind


def test_the_documented_example_is_what_the_documented_code_writes(protocol, tmp_path,
                                                                    monkeypatch):
    doc = (REPO / "docs" / "merged-format.md").read_text(encoding="utf-8")
    code = doc.split("## Full example", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(REPO)
    printed: list[str] = []
    exec(compile(code, "merged-format.md", "exec"), {"print": printed.append})  # noqa: S102
    assert printed == [doc_example()]
