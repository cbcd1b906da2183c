"""The tidy tables behind the CSV and XLSX exports: votes, comments, answers, sessions.

Each table is a header and rows of plain cells (text, whole numbers, dates, UTC times, or None
for "no value"), drawn from the report model so they agree with every other format:

- **votes**: one row per session and commitment (every commitment of the protocol, zeros
  included), one column per vote option (from the protocol), the total, comments and proposed
  wordings;
- **comments**: one row per comment or proposed wording, with its kind, commitment and session;
- **answers**: one row per answer, with its question and session;
- **sessions**: one row per session: who, where, when, how far it got, its recommendation.

Cells hold the text exactly as typed; making it safe for a spreadsheet is the writer's job
(safety.spreadsheet_text). Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workshop.consultation.figures import utc
from workshop.consultation.report import Note, Report
from workshop.session.kinds import EntryKind

Cell = str | int | date | datetime | None

TABLES = ("votes", "comments", "answers", "sessions")
"""The tables, in the order the workbook's sheets follow."""


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    """Width in spreadsheet characters (XLSX)."""
    wrap: bool = False
    """Long text: wrapped in the workbook."""


@dataclass(frozen=True)
class Table:
    name: str
    """`votes`, `comments`, `answers` or `sessions`."""
    sheet: str
    """The workbook sheet's name."""
    columns: tuple[Column, ...]
    rows: list[list[Cell]]

    @property
    def header(self) -> list[str]:
        return [c.title for c in self.columns]


_SESSION = (Column("Session id", 38), Column("Group", 28, wrap=True))
_STAMPS = (Column("Created (UTC)", 18), Column("Edited (UTC)", 18))
_COMMITMENT = (Column("Principle no.", 9), Column("Principle id", 24),
               Column("Principle", 28, wrap=True), Column("Commitment no.", 11),
               Column("Commitment id", 26))
"""Where a commitment is. Its numbers are two whole-number columns, not `5.10`, which a
spreadsheet opening a CSV would read as the decimal 5.1."""


def table(report: Report, name: str) -> Table:
    """One table by name (see TABLES)."""
    return {"votes": votes_table, "comments": comments_table, "answers": answers_table,
            "sessions": sessions_table}[name](report)


def tables(report: Report) -> list[Table]:
    return [table(report, name) for name in TABLES]


def votes_table(report: Report) -> Table:
    columns = (*_SESSION, *_COMMITMENT, Column("Commitment", 50, wrap=True),
               *(Column(o.label, 10) for o in report.options), Column("Total", 8),
               Column("Comments", 11), Column("Proposed wordings", 11))
    rows: list[list[Cell]] = []
    for w in report.workshops:
        r = w.record
        for p in report.principles:
            for c in p.commitments:
                counts = r.votes.get(c.id, {})
                values = [counts.get(o.id, 0) for o in report.options]
                rows.append([r.id, r.group, p.number, p.id, p.principle.title, c.result.number,
                             c.id, c.text, *values,
                             sum(values), len(r.comments.get(c.id, [])),
                             len(r.amendments.get(c.id, []))])
    return Table("votes", "Votes", columns, rows)


def _positions(report: Report) -> dict[str, tuple]:
    """commitment or question id → (position, principle number, principle id, principle title,
    number, text); a question has no principle."""
    out: dict[str, tuple] = {}
    for p in report.principles:
        for c in p.commitments:
            out[c.id] = (len(out), p.number, p.id, p.principle.title, c.result.number, c.text)
    for q in report.questions:
        out[q.question.id] = (len(out), None, None, None, q.number, q.question.text)
    return out


def _ordered(report: Report, notes: list[Note]) -> list[Note]:
    """Protocol order of what they are about (unknown ids last, by id), then oldest first."""
    place = _positions(report)
    return sorted(notes, key=lambda n: (place.get(n.target, (len(place),))[0], n.target,
                                        n.created, n.session_id, n.entry_id))


def _stamps(note: Note) -> list[Cell]:
    return [utc(note.created), None if note.edited is None else utc(note.edited)]


def comments_table(report: Report) -> Table:
    columns = (*_SESSION, Column("Kind", 17), *_COMMITMENT,
               Column("Commitment", 40, wrap=True), Column("Entry id", 8),
               Column("Text", 60, wrap=True), *_STAMPS)
    notes = [n for c in report.commitments for n in (*c.comments, *c.amendments)]
    notes += [n for n in report.foreign if n.kind != "answers"]
    place = _positions(report)
    rows: list[list[Cell]] = []
    for n in _ordered(report, notes):
        _, pn, pid, ptitle, number, text = place.get(n.target, (0, None, None, None, None, None))
        rows.append([n.session_id, n.group, EntryKind(n.kind).heading, pn, pid, ptitle,
                     number, n.target, text, n.entry_id, n.text, *_stamps(n)])
    return Table("comments", "Comments", columns, rows)


def answers_table(report: Report) -> Table:
    columns = (*_SESSION, Column("Question no.", 9), Column("Question id", 24),
               Column("Question", 50, wrap=True), Column("Entry id", 8),
               Column("Text", 70, wrap=True), *_STAMPS)
    notes = [a for q in report.questions for a in q.answers]
    notes += [n for n in report.foreign if n.kind == "answers"]
    place = _positions(report)
    rows: list[list[Cell]] = []
    for n in _ordered(report, notes):
        _, _, _, _, number, text = place.get(n.target, (0, None, None, None, None, None))
        rows.append([n.session_id, n.group, number, n.target, text, n.entry_id, n.text,
                     *_stamps(n)])
    return Table("answers", "Answers", columns, rows)


def sessions_table(report: Report) -> Table:
    columns = (*_SESSION, Column("Facilitator", 20, wrap=True), Column("Location", 24, wrap=True),
               Column("Date", 11), Column("Participants", 12), Column("Finished", 9),
               Column("Finished at (UTC)", 18), Column("Last changed (UTC)", 18),
               Column("Source file", 30), Column("Commitments voted", 12), Column("Votes", 8),
               Column("Comments", 10), Column("Proposed wordings", 11),
               Column("Questions answered", 11), Column("Answers", 9),
               Column("Recommendation", 18), Column("Reasons", 50, wrap=True),
               Column("General comments", 50, wrap=True))
    rows: list[list[Cell]] = []
    for w in report.workshops:
        r = w.record
        rec = r.recommendation
        rows.append([r.id, r.group, r.facilitator, r.location, r.date, r.participants,
                     "Yes" if r.complete else "No",
                     None if r.completed is None else utc(r.completed),
                     utc(r.updated), r.source, w.voted, w.votes, w.comments, w.amendments,
                     w.answered, w.answers, w.recommendation, rec.reasons, rec.comments])
    return Table("sessions", "Sessions", columns, rows)
