"""The findings read off the report: marks counted (a majority without consensus named as such),
recommendations tallied with their workshops, contested commitments most contested first with
the reason, the most amended commitments."""

from __future__ import annotations

from datetime import date

from helpers import FixedClock
from workshop.consultation.findings import findings
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.consultation.report_build import build_report
from workshop.session.model import Session


def merged(protocol) -> Merged:
    rooms = [("Leeds", "adopt", {"share-resources": {"agree": 9, "disagree": 1},
                                  "monitor-resources": {"agree": 5, "disagree": 5},
                                  "encourage-innovation": {"agree": 6, "disagree": 4}}),
             ("Bristol", "adopt", {"share-resources": {"agree": 8, "amend": 2}}),
             ("Taunton", "", {"encourage-innovation": {"agree": 2, "amend": 4, "disagree": 4}})]
    out = Merged(ProtocolRef.of(protocol))
    for n, (group, choice, votes) in enumerate(rooms):
        s = Session.new(protocol, group, on=date(2026, 11, 2 + n), participants=10,
                        clock=FixedClock(), session_id=f"{n}" * 8 + "-x")
        for cid, counts in votes.items():
            s.set_votes(cid, counts)
        if choice:
            s.set_recommendation(choice)
        for _ in range(n + 1):
            s.add_amendment("share-resources" if n else "monitor-resources", f"wording {n}")
        record = SessionRecord.from_session(s, f"{n}.toml")
        out.records[record.id] = record
    return out


def test_findings(protocol):
    f = findings(build_report(merged(protocol), protocol))
    assert (f.workshops, f.participants) == (3, 30)
    assert (f.consensus, f.contested, f.majority, f.unvoted) == (1, 2, 0, 34)
    assert f.headline() == ("3 workshops, 30 participants. Of 37 commitments: 1 consensus, "
                            "2 contested, 0 a majority without consensus, 34 without votes.")
    assert [(t.label, t.count) for t in f.recommendations] == [
        ("Adopt", 2), ("Adopt with changes", 0), ("Do not adopt", 0), ("Undecided", 1)]
    assert f.recommendation_line().startswith(
        "Adopt 2 (Leeds, 2 November 2026; Bristol, 3 November 2026). Adopt with changes 0.")
    # the weakest lead first: 8 of 20 (40%) before 5 of 10 (50%)
    assert [c.id for c in f.contested_commitments] == ["encourage-innovation", "monitor-resources"]
    assert f.contested_commitments[0].reason == (
        "Agree leads with 40%; its share varies by 40 points across workshops")
    assert [(c.id, len(c.amendments)) for c in f.most_amended] == [
        ("share-resources", 5), ("monitor-resources", 1)]
