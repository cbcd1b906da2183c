"""The report model's reading of a result: leading option, verdict and reason in words, each
workshop's counts, unique workshop names, and the progress counts the start screen shows."""

from __future__ import annotations

from datetime import date

from helpers import FixedClock
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.consultation.report_build import (
    build_report,
    progress_figures,
    session_report,
    workshop_names,
)
from workshop.session.model import Session

C = "share-resources"


def merged_of(protocol, *rooms) -> Merged:
    merged = Merged(ProtocolRef.of(protocol))
    for n, (group, day, counts) in enumerate(rooms):
        s = Session.new(protocol, group, on=day, clock=FixedClock(), session_id=f"{n}" * 8 + "-x")
        if counts:
            s.set_votes(C, counts)
        record = SessionRecord.from_session(s, f"{n}.toml")
        merged.records[record.id] = record
    return merged


def test_leading_option_verdict_and_reason(protocol):
    report = build_report(merged_of(protocol, ("A", date(2026, 11, 2), {"agree": 7, "disagree": 5})),
                          protocol)
    view = report.commitment(C)
    assert view.leading.id == "agree" and view.leading_text == "Agree, 58%"
    assert view.mark == "" and view.mark_label == "" and view.verdict == "Majority"
    assert view.reason == "Agree leads with 58%"
    unvoted = report.commitment("monitor-resources")
    assert unvoted.leading is None and unvoted.leading_text == "" and unvoted.reason == ""
    assert unvoted.verdict == "No votes yet"  # a single session still in progress


def test_each_workshops_counts_and_the_spread_in_words(protocol):
    report = build_report(merged_of(protocol, ("A", date(2026, 11, 2), {"agree": 9, "disagree": 1}),
                                    ("B", date(2026, 11, 3), {"agree": 2, "disagree": 8}),
                                    ("C", date(2026, 11, 4), None)), protocol)
    view = report.commitment(C)
    assert [(row.workshop.name, row.counts) for row in view.by_workshop] == [
        ("A, 2 November 2026", {"agree": 9, "amend": 0, "disagree": 1}),
        ("B, 3 November 2026", {"agree": 2, "amend": 0, "disagree": 8}),
        ("C, 4 November 2026", None)]
    assert view.mark_label == "Contested" and view.spread_points == 70
    assert view.reason == "Agree leads with 55%; its share varies by 70 points across workshops"
    assert report.mark_counts()["contested"] == 1


def test_workshop_names_are_unique(protocol):
    merged = merged_of(protocol, ("Leeds", date(2026, 11, 2), None),
                       ("Leeds", date(2026, 11, 2), None), ("Leeds", date(2026, 11, 9), None))
    names = workshop_names(merged.sessions())
    assert sorted(names.values()) == ["Leeds, 2 November 2026 (00000000)",
                                      "Leeds, 2 November 2026 (11111111)", "Leeds, 9 November 2026"]


def test_progress_and_the_review_read_the_same_report(protocol, session):
    session.set_votes(C, {"agree": 1})
    session.add_answer(protocol.questions[0].id, "yes")
    assert progress_figures(session, protocol) == ("1/37", "1/6")
    report = session_report(session, protocol, "s.toml")
    assert report.principles[0].voted == 1 and len(report.unvoted()) == 36
    assert [w.recommendation for w in report.workshops] == ["Undecided"]
