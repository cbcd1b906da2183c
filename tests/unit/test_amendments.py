"""Proposed wordings grouped across workshops: near-identical means the same words added and
removed at the same places, ignoring case and punctuation; groups count workshops, not proposals,
and say in words what they change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from helpers import FixedClock
from workshop.consultation.amendments import change_key, changes, group_amendments
from workshop.consultation.findings import findings
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.consultation.report_build import build_report
from workshop.session.model import Session

PUBLISHED = "Ensure that partners' decisions are verified."


@dataclass(frozen=True)
class P:
    text: str
    session_id: str


def test_case_punctuation_and_spacing_do_not_split_a_group():
    a = change_key(PUBLISHED, "Ensure that partners' decisions are independently verified.")
    b = change_key(PUBLISHED, "ensure  that Partners’ decisions are INDEPENDENTLY verified")
    assert a == b == ((5, (), ("independently",)),)


def test_a_different_word_or_place_makes_another_group():
    one = change_key(PUBLISHED, "Ensure that partners' decisions are independently verified.")
    assert change_key(PUBLISHED, "Ensure that partners' decisions are externally verified.") != one
    assert change_key(PUBLISHED, "Independently ensure that partners' decisions are verified.") != one


def test_changes_are_quoted_as_typed_from_first_word_to_last():
    assert [c.describe() for c in changes(PUBLISHED, "Make sure partners' decisions are verified, "
                                                     "always.")] == [
        "replacing 'Ensure that' with 'Make sure'", "adding 'always'"]
    assert [c.describe() for c in changes(PUBLISHED, "Ensure that decisions are verified.")] == [
        "removing 'partners'"]


def test_groups_count_workshops_most_first_and_keep_every_proposal():
    proposals = [
        P("Ensure that partners' decisions are externally verified.", "w1"),
        P("Ensure that partners' decisions are independently verified.", "w2"),
        P("ensure that partners' decisions are Independently Verified", "w3"),
        P("Ensure that partners' decisions are independently verified!", "w3"),
        P("Ensure that partners' decisions are independently verified", "w4"),
    ]
    groups = group_amendments(PUBLISHED, proposals, 9)
    assert [g.summary for g in groups] == [
        "3 of 9 workshops propose adding 'independently' (4 proposals)",
        "1 of 9 workshops proposes adding 'externally'",
    ]
    assert [p.session_id for p in groups[0].proposals] == ["w2", "w3", "w3", "w4"]
    assert groups[0].text == proposals[1].text
    assert ("added", "independently ") in groups[0].diff
    assert sum(len(g.proposals) for g in groups) == len(proposals)


def test_a_proposal_that_changes_no_word_says_so():
    [group] = group_amendments(PUBLISHED, [P(PUBLISHED.upper(), "w1")], 1)
    assert group.summary == ("The workshop proposes the published words, changing only capitals "
                             "or punctuation")


def test_the_report_groups_amendments_across_workshops(protocol):
    c = protocol.commitments[0]
    out = Merged(ProtocolRef.of(protocol))
    for n, extra in enumerate(["independently verified", "Independently verified", "audited"]):
        s = Session.new(protocol, f"Room {n}", on=date(2026, 11, 2 + n), clock=FixedClock(),
                        session_id=f"{n}" * 8)
        s.add_amendment(c.id, f"{c.text.rstrip('.')} {extra}.")
        record = SessionRecord.from_session(s, f"{n}.toml")
        out.records[record.id] = record
    report = build_report(out, protocol)
    view = report.commitment(c.id)
    assert [g.summary for g in view.amendment_groups] == [
        "2 of 3 workshops propose adding 'independently verified'",
        "1 of 3 workshops proposes adding 'audited'"]
    assert findings(report).most_amended[0].amendment_groups[0].workshops == 2


def test_a_quoted_change_keeps_the_marks_stuck_to_its_words():
    assert [c.describe() for c in changes("Publish the figures.", "Publish =SUM(A1) figures.")] \
        == ["replacing 'the' with '=SUM(A1)'"]
    assert [c.describe() for c in changes("Share resources.", "Share resources (fairly).")] == [
        "adding '(fairly)'"]
