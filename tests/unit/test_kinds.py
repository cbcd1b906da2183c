"""Typed steps and entry kinds: the one place the `principle:<id>` spelling and the entry kinds'
names are known."""

from __future__ import annotations

import pytest

from workshop.session.kinds import (
    COMMITMENT_KINDS,
    ENTRY_KINDS,
    INTRODUCTION,
    REVIEW,
    EntryKind,
    Step,
    StepKind,
)
from workshop.session.model import SessionError, protocol_steps


def test_a_step_is_its_file_spelling_with_typed_parts():
    step = Step.principle("act-ethically")
    assert step == "principle:act-ethically" and str(step) == "principle:act-ethically"
    assert step.kind is StepKind.PRINCIPLE and step.principle_id == "act-ethically"
    assert step.is_principle and not INTRODUCTION.is_principle
    assert Step("review") == REVIEW and REVIEW.principle_id == ""
    assert {Step("questions"): 1}["questions"] == 1  # a key in `elapsed` either way


@pytest.mark.parametrize("bad", ["", "principle", "principle:", "intro", "review:x", "Principle:x"])
def test_a_misspelt_step_is_refused(bad):
    with pytest.raises(ValueError, match="unknown step"):
        Step(bad)


def test_a_session_steps_through_the_protocol_in_order(protocol, session):
    steps = protocol_steps(protocol)
    assert steps[0] == INTRODUCTION and steps[-1] == REVIEW
    assert [s.principle_id for s in steps if s.is_principle] == [p.id for p in protocol.principles]
    assert session.steps() == steps
    session.set_step(steps[2].principle_id and steps[2])
    assert session.step.kind is StepKind.PRINCIPLE
    with pytest.raises(SessionError, match="unknown step"):
        session.set_step("principle:no-such-principle")
    with pytest.raises(SessionError, match="unknown step"):
        session.set_step("nowhere")


def test_one_table_of_entry_kinds():
    assert ENTRY_KINDS == (EntryKind.COMMENTS, EntryKind.AMENDMENTS, EntryKind.ANSWERS)
    assert [k.singular for k in ENTRY_KINDS] == ["comment", "proposed wording", "answer"]
    assert [k.heading for k in ENTRY_KINDS] == ["Comment", "Proposed wording", "Answer"]
    assert [k.target for k in ENTRY_KINDS] == ["commitment", "commitment", "question"]
    assert [k.draft for k in ENTRY_KINDS] == ["comment", "amendment", "answer"]
    assert COMMITMENT_KINDS == (EntryKind.COMMENTS, EntryKind.AMENDMENTS)
    assert EntryKind("answers") == "answers"  # the file's spelling
