"""The marks on each commitment (contested, consensus, no votes) at the edges of the rule, the
leading option on a tie, and the orders results can be sorted in."""

from __future__ import annotations

import pytest

from helpers import FixedClock
from workshop.consultation.marks import (
    CONSENSUS,
    CONSENSUS_SHARE,
    CONTESTED,
    MAJORITY_SHARE,
    NO_VOTES,
    WIDE_SPREAD,
    commitment_results,
    mark_counts,
    mark_for,
    sort_results,
)
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.session.model import Session

C = "share-resources"


def merged_of(protocol, *rooms: dict[str, int], commitment: str = C) -> Merged:
    """One session per room, each with these counts on one commitment."""
    merged = Merged(ProtocolRef.of(protocol))
    for n, counts in enumerate(rooms):
        s = Session.new(protocol, f"Room {n}", clock=FixedClock(), session_id=f"room-{n}")
        if any(counts.values()):
            s.set_votes(commitment, counts)
        merged.records[s.id] = SessionRecord.from_session(s, f"room-{n}.toml")
    return merged


def result(protocol, *rooms: dict[str, int], commitment: str = C):
    merged = merged_of(protocol, *rooms, commitment=commitment)
    return next(r for r in commitment_results(merged, protocol) if r.commitment.id == commitment)


def test_the_thresholds_are_the_documented_ones():
    assert (CONSENSUS_SHARE, MAJORITY_SHARE, WIDE_SPREAD) == (2 / 3, 1 / 2, 1 / 2)


@pytest.mark.parametrize("rooms,mark,leading,share", [
    # exactly half is not a majority: contested
    ([{"agree": 1, "disagree": 1}], CONTESTED, "agree", 1 / 2),
    ([{"agree": 5, "amend": 3, "disagree": 2}], CONTESTED, "agree", 1 / 2),
    # just over half: a majority, no mark
    ([{"agree": 51, "disagree": 49}], "", "agree", 0.51),
    # just under two thirds: still no mark
    ([{"agree": 199, "disagree": 101}], "", "agree", 199 / 300),
    # exactly two thirds: consensus, however it is reached
    ([{"agree": 2, "disagree": 1}], CONSENSUS, "agree", 2 / 3),
    ([{"agree": 200, "amend": 50, "disagree": 50}], CONSENSUS, "agree", 2 / 3),
    ([{"agree": 4, "disagree": 2}, {"agree": 4, "disagree": 2}], CONSENSUS, "agree", 2 / 3),
    # a room that wants it amended, with one voice, is a consensus for "amend"
    ([{"agree": 1, "amend": 8, "disagree": 1}], CONSENSUS, "amend", 0.8),
    ([{"disagree": 3}], CONSENSUS, "disagree", 1.0),
])
def test_share_thresholds(protocol, rooms, mark, leading, share):
    r = result(protocol, *rooms)
    assert (r.mark, r.leading, r.lead_share) == (mark, leading, share)


def test_no_votes(protocol):
    r = result(protocol, {}, {})
    assert r.mark == NO_VOTES and r.leading is None and r.total == 0
    assert r.lead_share == 0.0 and r.spread == 0.0 and r.sessions_voted == 0
    assert r.totals == {"agree": 0, "amend": 0, "disagree": 0} and r.share("agree") == 0.0
    assert mark_for(0.0, 0.0, 0) == NO_VOTES


def test_a_single_session_has_no_spread(protocol):
    r = result(protocol, {"agree": 9, "disagree": 1}, {})
    assert (r.sessions_voted, r.spread, r.mark) == (1, 0.0, CONSENSUS)
    r = result(protocol, {"agree": 1, "amend": 1})
    assert (r.spread, r.mark) == (0.0, CONTESTED)


@pytest.mark.parametrize("rooms,spread,mark", [
    # agree leads overall (72 of 110); its share is 0.7 in one room and 0.2 in the other:
    # a spread of exactly one half, which floats would make 0.49999999999999994
    ([{"agree": 70, "amend": 30}, {"agree": 2, "disagree": 8}], 0.5, CONTESTED),
    # the same with an overall share above two thirds: still contested, not a consensus
    ([{"agree": 700, "amend": 300}, {"agree": 2, "disagree": 8}], 0.5, CONTESTED),
    ([{"agree": 3, "amend": 1}, {"agree": 1, "amend": 3}, {"agree": 4}], 0.75, CONTESTED),
    # just under one half: the share decides
    ([{"agree": 99, "disagree": 1}, {"agree": 51, "disagree": 49}], 0.48, CONSENSUS),
    ([{"agree": 100}, {"agree": 51, "disagree": 49}], 0.49, CONSENSUS),
    ([{"agree": 10}, {"agree": 51, "disagree": 49}], 0.49, ""),
    ([{"agree": 9, "disagree": 1}, {"agree": 5, "disagree": 5}], 0.4, CONSENSUS),
    ([{"agree": 60, "disagree": 40}, {"agree": 2, "disagree": 1}], 2 / 3 - 0.6, ""),
])
def test_spread_across_workshops(protocol, rooms, spread, mark):
    r = result(protocol, *rooms)
    assert r.spread == pytest.approx(spread)
    assert r.mark == mark


def test_the_mark_rule_at_its_edges():
    assert mark_for(0.5, 0.0, 10) == CONTESTED
    assert mark_for(0.5000001, 0.0, 10) == ""
    assert mark_for(2 / 3, 0.0, 3) == CONSENSUS
    assert mark_for(2 / 3 - 1e-9, 0.0, 3) == ""
    assert mark_for(1.0, 0.5, 3) == CONTESTED
    assert mark_for(1.0, 0.5 - 1e-9, 3) == CONSENSUS


@pytest.mark.parametrize("counts,leading", [
    ({"agree": 3, "amend": 3, "disagree": 3}, "agree"),
    ({"agree": 1, "amend": 4, "disagree": 4}, "amend"),
    ({"agree": 4, "amend": 1, "disagree": 4}, "agree"),
    ({"agree": 0, "amend": 2, "disagree": 2}, "amend"),
])
def test_a_tie_leads_with_the_first_option_in_protocol_order(protocol, counts, leading):
    r = result(protocol, counts)
    assert r.leading == leading and r.mark == CONTESTED


def test_results_cover_every_commitment_in_protocol_order(protocol):
    results = commitment_results(merged_of(protocol, {"agree": 1}), protocol)
    assert [r.commitment.id for r in results] == [c.id for c in protocol.commitments]
    first = protocol.principles[1]
    assert [(r.principle.id, r.number) for r in results if r.principle == first] == [
        (first.id, n) for n in range(1, len(first.commitments) + 1)]
    assert mark_counts(results) == {CONTESTED: 0, CONSENSUS: 1, NO_VOTES: len(results) - 1}


def sample(protocol):
    """Five commitments with known marks, shares, spreads and notes."""
    merged = Merged(ProtocolRef.of(protocol))
    plan = {  # commitment: (room 1 counts, room 2 counts, comments, wordings)
        "share-resources": ({"agree": 9, "disagree": 1}, {"agree": 8, "disagree": 2}, 1, 0),
        "monitor-resources": ({"agree": 6, "disagree": 4}, {"agree": 5, "disagree": 5}, 0, 2),
        "encourage-innovation": ({"agree": 3, "amend": 3}, {"agree": 3, "amend": 3}, 3, 0),
        "transparent-decisions": ({"agree": 6, "amend": 4}, {"agree": 6, "amend": 4}, 1, 2),
        "continuous-improvement": ({"agree": 10}, {"agree": 1, "disagree": 9}, 0, 0),
    }
    for room in (0, 1):
        s = Session.new(protocol, f"Room {room}", clock=FixedClock(), session_id=f"r{room}")
        for cid, (*counts, comments, wordings) in plan.items():
            s.set_votes(cid, counts[room])
            for n in range(comments if room == 0 else 0):
                s.add_comment(cid, f"comment {n}")
            for n in range(wordings if room == 1 else 0):
                s.add_amendment(cid, f"wording {n}")
        merged.records[s.id] = SessionRecord.from_session(s, f"r{room}.toml")
    return commitment_results(merged, protocol)


def test_sorted_most_contested_first(protocol):
    results = sample(protocol)
    marks = {r.commitment.id: r.mark for r in results}
    assert marks["share-resources"] == CONSENSUS
    assert marks["monitor-resources"] == ""  # 11/20
    assert marks["encourage-innovation"] == CONTESTED  # exactly half
    assert marks["transparent-decisions"] == ""  # 12/20
    assert marks["continuous-improvement"] == CONTESTED  # 11/20 overall, spread 0.9
    ordered = [r.commitment.id for r in sort_results(results, "contested")]
    # contested first, weakest lead first; then unmarked, weakest lead first; then consensus;
    # commitments nobody voted on last, in protocol order
    assert ordered[:5] == ["encourage-innovation", "continuous-improvement", "monitor-resources",
                           "transparent-decisions", "share-resources"]
    rest = [c.id for c in protocol.commitments if c.id not in ordered[:5]]
    assert ordered[5:] == rest


def test_contested_ties_on_share_put_the_wider_spread_first(protocol):
    merged = merged_of(protocol, {"agree": 5, "disagree": 5}, {"agree": 5, "disagree": 5})
    wide = merged_of(protocol, {"agree": 10}, {"agree": 0, "disagree": 10},
                     commitment="monitor-resources")
    merged.records.update({f"w{k}": r for k, r in wide.records.items()})
    results = commitment_results(merged, protocol)
    first_two = sort_results(results, "contested")[:2]
    assert [r.commitment.id for r in first_two] == ["monitor-resources", C]
    assert first_two[0].lead_share == first_two[1].lead_share == 0.5


def test_sorted_most_commented_first(protocol):
    results = sample(protocol)
    ordered = [r.commitment.id for r in sort_results(results, "commented")]
    # 3 notes each (comments and wordings count together): protocol order between them
    assert ordered[:4] == ["encourage-innovation", "transparent-decisions", "monitor-resources",
                           "share-resources"]
    assert [r.notes for r in sort_results(results, "commented")][:5] == [3, 3, 2, 1, 0]
    assert ordered[4:] == [c.id for c in protocol.commitments if c.id not in ordered[:4]]


def test_protocol_order_is_left_alone(protocol):
    results = sample(protocol)
    assert sort_results(results, "protocol") == results
    assert sort_results(results, "protocol") is not results
