"""Session operations: each records its change and its time, or refuses with a clear error."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.errors import SessionError
from workshop.session.model import Session


def test_new_session_records_identity_and_metadata(session, protocol):
    assert session.protocol_id == protocol.id
    assert session.protocol_version == protocol.version
    assert session.protocol_digest == protocol.digest
    assert session.meta.group == "Manchester Partnership Board"
    assert session.meta.participants == 12
    assert session.meta.date == date(2026, 11, 22)
    assert session.step == "introduction"
    assert session.started == session.updated


def test_new_sessions_get_unique_ids(protocol):
    ids = {Session.new(protocol, group="G").id for _ in range(50)}
    assert len(ids) == 50


def test_votes_add_remove_and_set(session):
    assert session.add_vote("share-resources", "agree") == 1
    assert session.add_vote("share-resources", "agree", 6) == 7
    session.add_vote("share-resources", "disagree", 2)
    assert session.counts("share-resources") == {"agree": 7, "amend": 0, "disagree": 2}
    assert session.remove_vote("share-resources", "agree") == 6
    session.set_votes("public-good", {"agree": 30, "amend": 5})
    assert session.counts("public-good") == {"agree": 30, "amend": 5, "disagree": 0}
    assert session.total_votes("public-good") == 35
    assert session.voted_commitments() == 2
    session.set_votes("public-good", {})
    assert session.voted_commitments() == 1
    assert session.counts("public-good") == {"agree": 0, "amend": 0, "disagree": 0}


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda s: s.add_vote("no-such-commitment", "agree"), "unknown commitment id 'no-such-commitment'"),
        (lambda s: s.add_vote("share-resources", "maybe"), "unknown vote option 'maybe'"),
        (lambda s: s.remove_vote("share-resources", "agree"), "cannot remove 1"),
        (lambda s: s.add_vote("share-resources", "agree", -1), "negative"),
        (lambda s: s.set_votes("share-resources", {"agree": -2}), "cannot be negative"),
        (lambda s: s.set_votes("share-resources", {"agree": 1.5}), "whole number"),
        (lambda s: s.set_votes("share-resources", {"agree": True}), "whole number"),
        (lambda s: s.add_comment("nope", "x"), "unknown commitment id"),
        (lambda s: s.add_comment("share-resources", "   \n"), "empty comment"),
        (lambda s: s.add_amendment("share-resources", ""), "empty proposed wording"),
        (lambda s: s.add_answer("share-resources", "x"), "unknown question id"),
        (lambda s: s.edit("e99", "x"), "no comment, proposed wording or answer with id 'e99'"),
        (lambda s: s.delete("e99"), "with id 'e99'"),
        (lambda s: s.set_recommendation("maybe"), "unknown recommendation 'maybe'"),
        (lambda s: s.set_step("principle:nope"), "unknown step"),
        (lambda s: s.set_meta(group=" "), "needs a group"),
        (lambda s: s.set_meta(participants=-1), "participants"),
        (lambda s: s.set_meta(colour="red"), "unknown session detail"),
        (lambda s: s.add_elapsed("introduction", -1), "negative"),
    ],
)
def test_invalid_changes_are_refused_and_change_nothing(session, call, words):
    session.add_vote("share-resources", "amend")
    before = (dict(session.votes), session.updated, session.next_entry)
    with pytest.raises(SessionError, match=words.replace("(", r"\(").replace(")", r"\)")):
        call(session)
    assert (dict(session.votes), session.updated, session.next_entry) == before


def test_new_session_refuses_bad_details(protocol):
    with pytest.raises(SessionError, match="needs a group"):
        Session.new(protocol, group="")
    with pytest.raises(SessionError, match="participants"):
        Session.new(protocol, group="G", participants=-3)


def test_comments_amendments_answers_keep_text_and_time(session):
    comment = session.add_comment("share-resources", "[bold]not bold[/bold]")
    wording = session.add_amendment("share-resources", "Share resources fairly to achieve joint outcomes")
    answer = session.add_answer("benefits", "Trust between partners")
    assert [e.id for e in (comment, wording, answer)] == ["e1", "e2", "e3"]
    assert comment.created < wording.created < answer.created
    assert session.comments["share-resources"][0].text == "[bold]not bold[/bold]"
    assert session.amendments["share-resources"] == [wording]
    assert session.answers["benefits"] == [answer]
    assert session.answered_questions() == 1
    assert session.updated == answer.created


def test_edit_keeps_created_and_stamps_edited(session):
    entry = session.add_comment("share-resources", "first")
    session.edit(entry.id, "second")
    kind, target, found = session.find(entry.id)
    assert (kind, target, found.text) == ("comments", "share-resources", "second")
    assert found.edited > found.created
    assert session.updated == found.edited


def test_delete_removes_and_ids_are_never_reused(session):
    first = session.add_answer("barriers", "Time")
    session.delete(first.id)
    assert "barriers" not in session.answers
    second = session.add_answer("barriers", "Money")
    assert second.id != first.id


def test_recommendation_metadata_and_progress(session):
    session.set_recommendation("adopt-with-changes", reasons="Needs plainer words", comments="Good start")
    assert session.recommendation.choice == "adopt-with-changes"
    session.set_recommendation("adopt")
    assert session.recommendation.reasons == "Needs plainer words"  # kept when not given
    session.set_meta(location="Library", participants=14)
    assert (session.meta.location, session.meta.participants) == ("Library", 14)
    assert session.steps()[0] == "introduction"
    assert session.steps()[1] == "principle:achieve-intended-outcomes"
    assert session.steps()[-3:] == ["questions", "recommendation", "review"]
    session.set_step("principle:act-ethically")
    session.add_elapsed("principle:act-ethically", 30.04)
    session.add_elapsed("principle:act-ethically", 30.04)
    assert session.elapsed["principle:act-ethically"] == pytest.approx(60.08)
    assert session.completed is None
    session.mark_complete()
    assert session.completed == session.updated
