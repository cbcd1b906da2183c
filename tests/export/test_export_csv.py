"""CSV export: read back with the csv module, every table holds every figure and every word,
numbers are plain digits, and no cell can start a formula."""

from __future__ import annotations

import csv
import io

import pytest
from export_helpers import CORPUS, FORMULA_START, visible

from workshop.export import TABLES, export_bytes
from workshop.export.safety import spreadsheet_text
from workshop.session.model import RECOMMENDATIONS


def read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, so Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def as_cell(text: str) -> str:
    """What a text cell holds: a leading quote before a formula character, controls visible."""
    return ("'" if text.startswith((*FORMULA_START, "\x00")) else "") + visible(text)


def test_votes_table_has_every_count(source, protocol):
    rows = read(export_bytes(source.merged, protocol, "csv"))
    labels = [o.label for o in protocol.vote_options]
    assert list(rows[0]) == ["Session id", "Group", "Date", "Ref", "Principle no.", "Principle id",
                             "Principle", "Commitment no.", "Commitment id", "Commitment",
                             *labels, "Total", "Comments", "Proposed wordings"]
    assert len(rows) == len(source.sessions) * len(protocol.commitments)
    by_key = {(r["Session id"], r["Commitment id"]): r for r in rows}
    numbers = {c.id: (pn, cn) for pn, p in enumerate(protocol.principles, start=1)
               for cn, c in enumerate(p.commitments, start=1)}
    for s in source.sessions:
        for c in protocol.commitments:
            row = by_key[(s.id, c.id)]
            assert (int(row["Principle no."]), int(row["Commitment no."])) == numbers[c.id]
            assert row["Ref"] == "#{}.{}".format(*numbers[c.id])
            assert row["Date"] == s.meta.date.isoformat()
            counts = [s.votes.get(c.id, {}).get(o, 0) for o in protocol.option_ids]
            assert [int(row[label]) for label in labels] == counts
            assert int(row["Total"]) == sum(counts)
            assert int(row["Comments"]) == len(s.comments.get(c.id, []))
            assert int(row["Proposed wordings"]) == len(s.amendments.get(c.id, []))
            assert row["Commitment"] == c.text
            assert row["Principle"] == protocol.principle_of(c.id).title
            assert row["Group"] == as_cell(s.meta.group)


def test_numbers_are_unquoted_digits(source, protocol):
    data = export_bytes(source.merged, protocol, "csv").decode("utf-8-sig")
    for s in source.sessions:
        for c in protocol.commitments[:8]:
            counts = [s.votes.get(c.id, {}).get(o, 0) for o in protocol.option_ids]
            figures = [*counts, sum(counts), len(s.comments.get(c.id, [])),
                       len(s.amendments.get(c.id, []))]
            line = next(x for x in data.split("\r\n") if x.startswith(s.id) and f",{c.id}," in x)
            assert line.endswith("," + ",".join(str(n) for n in figures)), line


@pytest.mark.parametrize("kind,label",
                         [("comments", "Comment"), ("amendments", "Proposed wording")])
def test_comments_table_has_every_comment_and_wording(source, protocol, kind, label):
    rows = read(export_bytes(source.merged, protocol, "csv", table="comments"))
    assert list(rows[0]) == ["Session id", "Group", "Date", "Kind", "Ref", "Principle no.",
                             "Principle id", "Principle", "Commitment no.", "Commitment id",
                             "Commitment", "Entry id", "Text", "Created (UTC)", "Edited (UTC)"]
    found = sorted((r["Session id"], r["Commitment id"], r["Text"]) for r in rows
                   if r["Kind"] == label)
    wanted = sorted((s.id, target, as_cell(text)) for s, target, text in source.entries(kind))
    assert found == wanted
    first = next(r for r in rows if r["Text"] == "'=SUM(A1)")
    assert first["Created (UTC)"].startswith("2026-11-2")
    dates = {s.id: s.meta.date.isoformat() for s in source.sessions}
    assert all(r["Date"] == dates[r["Session id"]] for r in rows)
    refs = {c.id: "#{}.{}".format(pn, cn) for pn, p in enumerate(protocol.principles, start=1)
            for cn, c in enumerate(p.commitments, start=1)}
    assert all(r["Ref"] == refs[r["Commitment id"]] for r in rows)


def test_answers_and_sessions_tables(source, protocol):
    answers = read(export_bytes(source.merged, protocol, "csv", table="answers"))
    assert sorted((r["Session id"], r["Question id"], r["Text"]) for r in answers) == sorted(
        (s.id, target, as_cell(text)) for s, target, text in source.entries("answers"))
    assert {r["Question"] for r in answers} <= {q.text for q in protocol.questions}
    sessions = read(export_bytes(source.merged, protocol, "csv", table="sessions"))
    assert [r["Session id"] for r in sessions] == [s.id for s in source.sessions]
    assert list(sessions[0])[:3] == ["Session id", "Group", "Date"]
    for row, s in zip(sessions, source.sessions, strict=True):
        assert row["Group"] == as_cell(s.meta.group)
        assert row["Facilitator"] == s.meta.facilitator
        assert row["Location"] == s.meta.location
        assert row["Date"] == s.meta.date.isoformat()
        assert int(row["Participants"]) == s.meta.participants
        assert row["Finished"] == "Yes"
        assert row["Recommendation"] == RECOMMENDATIONS[s.recommendation.choice]
        assert row["Reasons"] == as_cell(s.recommendation.reasons)
        assert int(row["Votes"]) == sum(n for v in s.votes.values() for n in v.values())
        assert int(row["Comments"]) == sum(len(v) for v in s.comments.values())
        assert int(row["Answers"]) == sum(len(v) for v in s.answers.values())


@pytest.mark.parametrize("table", TABLES)
def test_no_cell_can_become_a_formula(source, protocol, table):
    data = export_bytes(source.merged, protocol, "csv", table=table)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len({len(r) for r in rows}) == 1  # commas, quotes and newlines never split a row
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
            assert "\x00" not in cell


def test_spreadsheet_text():
    assert [spreadsheet_text(t) for t in CORPUS[:7]] == [
        "'=SUM(A1)", "'+1", "'-1+2", "'@cmd", "'\t=1", "'\r=1", "'\u2400x"]
    assert spreadsheet_text("plain = text") == "plain = text"
    assert spreadsheet_text("🎉") == "🎉"


def test_incomplete_session(partial, protocol):
    rows = read(export_bytes(partial.merged, protocol, "csv"))
    assert sum(int(r["Total"]) for r in rows) == 5
    assert sum(1 for r in rows if r["Total"] == "0") == len(protocol.commitments) - 2
    sessions = read(export_bytes(partial.merged, protocol, "csv", table="sessions"))
    assert sessions[0]["Finished"] == "No" and sessions[0]["Recommendation"] == "Undecided"
    assert sessions[0]["Commitments voted"] == "2" and sessions[0]["Questions answered"] == "1"
