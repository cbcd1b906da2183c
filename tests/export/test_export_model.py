"""The report model every format is drawn from: shares, marks, the summary line, and the edge
cases (no sessions at all; entries on ids the protocol does not have, from a mixed merge)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from openpyxl import load_workbook

from helpers import FixedClock
from workshop.consultation.figures import percent
from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES
from workshop.consultation.records import Merged, ProtocolRef, SessionRecord
from workshop.export import FORMATS, build_report, export_bytes
from workshop.session.model import Entry, Session


def test_percent_rounds_half_up():
    assert [percent(n, 8) for n in range(9)] == [0, 13, 25, 38, 50, 63, 75, 88, 100]
    assert percent(1, 3) == 33 and percent(2, 3) == 67 and percent(0, 0) == 0


def test_marks_and_missing_labels(source, partial, protocol):
    done = build_report(source.merged, protocol)
    assert done.mark_label(NO_VOTES) == "No votes"
    assert done.mark_label(CONTESTED) == "Contested" and done.mark_label(CONSENSUS) == "Consensus"
    assert done.not_answered_label == "Not answered"
    mid = build_report(partial.merged, protocol)
    assert mid.in_progress and mid.mark_label(NO_VOTES) == "No votes yet"
    assert [c.id for c in mid.commitments if c.total] == [c.id for c in protocol.commitments[:2]]
    assert len(mid.unanswered()) == len(protocol.questions) - 1


def test_summary_line(source, partial, protocol):
    line = build_report(source.merged, protocol).summary_line()
    people = sum(s.meta.participants for s in source.sessions)
    assert line.startswith(f"{len(source.sessions)} workshop")
    assert f"{people} participants" in line
    assert "no head count given" in build_report(partial.merged, protocol).summary_line()


def test_the_same_figures_in_every_table(source, protocol):
    report = build_report(source.merged, protocol)
    for p in report.principles:
        assert p.totals == {o: sum(c.totals[o] for c in p.commitments) for o in protocol.option_ids}
        for c in p.commitments:
            assert c.totals == source.totals(protocol, c.id)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_sessions_at_all(protocol, fmt):
    assert export_bytes(Merged(ProtocolRef.of(protocol)), protocol, fmt)


@pytest.fixture
def mixed(protocol) -> Merged:
    """A session whose record names ids the protocol does not have (a mixed-protocol merge)."""
    session = Session.new(protocol, "Old Text Group", clock=FixedClock())
    session.add_comment(protocol.commitments[0].id, "known")
    record = SessionRecord.from_session(session, "old.toml")
    record.comments["retired-commitment"] = [Entry("e8", "=retired comment", record.updated)]
    record.answers["retired-question"] = [Entry("e9", "<b>retired answer</b>", record.updated)]
    record.votes["retired-commitment"] = {"agree": 3}
    return Merged(record.protocol, {record.id: record})


def test_entries_on_unknown_ids_are_kept_and_votes_left_out(mixed, protocol):
    report = build_report(mixed, protocol)
    assert [(n.target, n.text) for n in report.foreign] == [
        ("retired-commitment", "=retired comment"), ("retired-question", "<b>retired answer</b>")]
    assert sum(report.totals().values()) == 0  # as `workshop merge` says: left out of totals
    md = export_bytes(mixed, protocol, "md").decode()
    assert "- retired-commitment (comment): =retired comment" in md
    html = export_bytes(mixed, protocol, "html").decode()
    assert "&lt;b&gt;retired answer&lt;/b&gt;" in html
    comments = export_bytes(mixed, protocol, "csv", table="comments").decode("utf-8-sig")
    assert ",retired-commitment,,e8,'=retired comment," in comments
    answers = export_bytes(mixed, protocol, "csv", table="answers").decode("utf-8-sig")
    assert ",retired-question,,e9,<b>retired answer</b>," in answers
    wb = load_workbook(io.BytesIO(export_bytes(mixed, protocol, "xlsx")))
    cell = next(c for row in wb["Comments"].iter_rows() for c in row
                if c.value == "=retired comment")  # as typed: Excel's quote prefix, no apostrophe
    assert cell.data_type == "s" and cell.quotePrefix
    doc = Document(io.BytesIO(export_bytes(mixed, protocol, "docx")))
    assert "retired-question (answer): <b>retired answer</b>" in [p.text for p in doc.paragraphs]
