"""The tidy tables behind the CSV and XLSX exports: findings, summary, votes, comments,
amendments, answers, themes, sessions.

Each table is a header and rows of plain cells (text, whole numbers, dates, UTC times, a
commitment's `Ref`, or None for "no value"), drawn from the report model so they agree with
every other format:

- **findings**: the findings (consultation/findings.py) as rows of Finding, Ref, Subject, Count
  and Detail: the headline, each recommendation with its workshops, each contested commitment
  with its reason, each most amended commitment with what most of its workshops propose, and
  each workshop still in progress; with an analyst's theme file, each theme most raised and
  how many entries are tagged;
- **summary**: one row per commitment (in an assessment, the profile: rows_modes.py): its counts
  per vote option, the total, the leading option (`Agree, 58%`), the verdict (never blank:
  `Consensus`, `Contested`, `Majority`, `No votes`), the reason in words, how many workshops
  voted, its comments and proposed wordings, and what most of its workshops propose (the first
  near-identical group's summary); with a theme file, the themes on its comments and proposed
  wordings (`Resources 3 (2 workshops); …`);
- **votes**: one row per session and commitment (every commitment of the protocol, zeros
  included), one column per vote option (from the protocol), the total, comments and proposed
  wordings;
- **comments**: one row per comment or proposed wording, with its kind, commitment and session;
- **amendments**: one row per proposed wording, in its near-identical group
  (consultation/amendments.py): the group's number on its commitment, its summary, how many
  workshops propose it, then the workshop and the words;
- **answers**: one row per answer, with its question and session;
- **themes**: one row per theme of the analyst's codebook (analysis/), in its order: its parent,
  description, entries (a parent's include those of the themes under it), workshops, the
  entries tagged with it directly, and its comments, proposed wordings and answers; only the
  header without a theme file;
- **sessions**: one row per session: who, where, when, how far it got, its recommendation, the
  facilitator's notes;
- **profile**, **actions** (an assessment's) and **register** (the sign-up register): see
  rows_modes.py. An assessment's findings are its summary, weakest commitments and actions
  still to settle, a sign-up's the register's summary; any result with signatories ends its
  findings with the register's rows.

With a theme file (a codebook of at least one theme), the comments, amendments and answers tables
have a **Theme** column after the text: the entry's themes, joined with "; ". Without one, every
table is exactly what it was before themes existed.

A workshop is named by its group with its date in the next column (`Group`, `Date`: a real date,
so a table sorts and filters by it), and by its session id. Every table that names a commitment
has its reference `Ref` (`1.4`: principle number, commitment number) first; it is a `Ref` cell,
which the workbook writes as the text "1.4" and the CSV as "#1.4" (csv_export.py says why), and
keeps the whole-number columns "Principle no." and "Commitment no." beside it.

Cells hold the text exactly as typed; making it safe for a spreadsheet is the writer's job
(xlsx.py, csv_export.py). Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from workshop.consultation.figures import utc
from workshop.consultation.findings import findings
from workshop.consultation.report import CommitmentView, Note, Report
from workshop.export.themes_text import counts_text, names_text, tagged_text, themed
from workshop.session.kinds import EntryKind, Mode


class Ref(str):
    """A commitment's reference, `1.4` (CommitmentView.code): always text, never a number."""


Cell = str | int | float | date | datetime | None
"""A cell: text (a `Ref` is text too), a whole number, a figure shown to one decimal (an
assessment's mean), a date, a UTC time, or None."""

TABLES = ("findings", "summary", "votes", "comments", "amendments", "answers", "themes",
          "sessions", "profile", "actions", "register")
"""The tables, in the order the workbook's sheets follow (the Summary sheet holds the findings
and the summary table, and more: xlsx_summary.py); the last three, MODE_TABLES, are an
assessment's and the register's (rows_modes.py)."""

MODE_TABLES = ("profile", "actions", "register")
"""The tables of an assessment (profile, actions) and of the sign-up register: only a header
in a result without ratings or signatories."""


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
    """One of TABLES."""
    sheet: str
    """The workbook sheet's name."""
    columns: tuple[Column, ...]
    rows: list[list[Cell]]

    @property
    def header(self) -> list[str]:
        return [c.title for c in self.columns]


_SESSION = (Column("Session id", 38), Column("Group", 28, wrap=True), Column("Date", 11))
"""Which workshop: its session id, its group and its date."""
_STAMPS = (Column("Created (UTC)", 18), Column("Edited (UTC)", 18))
_COMMITMENT = (Column("Ref", 6), Column("Principle no.", 9), Column("Principle id", 24),
               Column("Principle", 28, wrap=True), Column("Commitment no.", 11),
               Column("Commitment id", 26))
"""Where a commitment is: its reference (text), and its numbers as two whole-number columns."""
THEME = Column("Theme", 28, wrap=True)
"""The themes an analyst put on an entry, joined with "; " (only with a theme file)."""


def table(report: Report, name: str) -> Table:
    """One table by name (see TABLES)."""
    # rows_modes builds on this module's Table and Column, so it is imported here, not above
    from workshop.export.rows_modes import actions_table, profile_table, register_table
    return {"findings": findings_table, "summary": summary_table, "votes": votes_table,
            "comments": comments_table, "amendments": amendments_table,
            "answers": answers_table, "themes": themes_table,
            "sessions": sessions_table, "profile": profile_table, "actions": actions_table,
            "register": register_table}[name](report)


def tables(report: Report) -> list[Table]:
    return [table(report, name) for name in TABLES]


def findings_table(report: Report) -> Table:
    """The findings, a row each (see the module docstring); an assessment's and a sign-up's
    are their own (rows_modes.py)."""
    from workshop.export.rows_modes import assessment_findings, register_findings
    columns = (Column("Finding", 18), Column("Ref", 6), Column("Subject", 40, wrap=True),
               Column("Count", 8), Column("Detail", 70, wrap=True))
    if report.assessment is not None:
        return Table("findings", "Findings", columns, assessment_findings(report))
    if report.mode is Mode.SIGN_UP:
        return Table("findings", "Findings", columns, register_findings(report))
    f = findings(report)
    rows: list[list[Cell]] = [["Headline", None, "Workshops", f.workshops, f.headline()]]
    rows += [["Recommendation", None, t.label, t.count, "; ".join(w.name for w in t.workshops)
              or None] for t in f.recommendations]
    rows += [["Contested", Ref(c.code), c.text, c.total, c.reason]
             for c in f.contested_commitments]
    rows += [["Most amended", Ref(c.code), c.text, len(c.amendments),
              c.amendment_groups[0].summary] for c in f.most_amended]
    rows += [["Still in progress", None, w.name, None, None] for w in f.unfinished]
    if themed(report):
        rows += [["Theme most raised", None, t.name, t.entries, t.counts_text]
                 for t in f.top_themes]
        rows.append(["Tagged", None, "Comments, proposed wordings and answers", f.tagged,
                     tagged_text(f)])
    rows += register_findings(report)
    return Table("findings", "Findings", columns, rows)


def summary_table(report: Report) -> Table:
    """One row per commitment: the committee's table (see the module docstring); in an
    assessment, whose counts are ratings and have no verdict, its profile."""
    if report.assessment is not None:
        from workshop.export.rows_modes import profile_table
        return replace(profile_table(report), name="summary", sheet="Summary")
    columns = (Column("Ref", 6), Column("Principle", 20, wrap=True),
               Column("Commitment", 46, wrap=True),
               *(Column(o.label, 9) for o in report.options), Column("Total", 7),
               Column("Leading", 15), Column("Verdict", 12), Column("Reason", 34, wrap=True),
               Column("Workshops voted", 10), Column("Comments", 10),
               Column("Proposed wordings", 10), Column("Top proposal", 40, wrap=True),
               *_themes_column(report, Column("Themes", 34, wrap=True)))
    rows: list[list[Cell]] = []
    for p in report.principles:
        for c in p.commitments:
            top = c.amendment_groups[0].summary if c.amendment_groups else None
            rows.append([Ref(c.code), p.principle.title, c.text,
                         *(c.totals.get(o.id, 0) for o in report.options), c.total,
                         c.leading_text or None, c.verdict, c.reason or None,
                         c.workshops_voted, len(c.comments), len(c.amendments), top,
                         *_themes_cell(report, counts_text(c.themes))])
    return Table("summary", "Summary", columns, rows)


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
                rows.append([r.id, r.group, r.date, Ref(c.code), p.number, p.id,
                             p.principle.title, c.number, c.id, c.text, *values,
                             sum(values), len(r.comments.get(c.id, [])),
                             len(r.amendments.get(c.id, []))])
    return Table("votes", "Votes", columns, rows)


def _positions(report: Report) -> dict[str, tuple]:
    """commitment or question id → (position, ref, principle number, principle id, principle
    title, number, text); a question has no principle and no ref."""
    out: dict[str, tuple] = {}
    for p in report.principles:
        for c in p.commitments:
            out[c.id] = (len(out), Ref(c.code), p.number, p.id, p.principle.title, c.number,
                         c.text)
    for q in report.questions:
        out[q.question.id] = (len(out), None, None, None, None, q.number, q.question.text)
    return out


_NOWHERE = (0, None, None, None, None, None, None)
"""Where an entry on an id the protocol does not have is (a mixed merge): nowhere."""


def _ordered(report: Report, notes: list[Note]) -> list[Note]:
    """Protocol order of what they are about (unknown ids last, by id), then oldest first."""
    place = _positions(report)
    return sorted(notes, key=lambda n: (place.get(n.target, (len(place),))[0], n.target,
                                        n.created, n.session_id, n.entry_id))


def _stamps(note: Note) -> list[Cell]:
    return [utc(note.created), None if note.edited is None else utc(note.edited)]


def _who(note: Note) -> list[Cell]:
    return [note.session_id, note.group, note.date]


def _themes_column(report: Report, column: Column = THEME) -> tuple[Column, ...]:
    """The column of themes, with a theme file only (so a table without one is as it was)."""
    return (column,) if themed(report) else ()


def _themes_cell(report: Report, text: str) -> list[Cell]:
    return [text or None] if themed(report) else []


def comments_table(report: Report) -> Table:
    columns = (*_SESSION, Column("Kind", 17), *_COMMITMENT,
               Column("Commitment", 40, wrap=True), Column("Entry id", 8),
               Column("Text", 90, wrap=True), *_themes_column(report), *_STAMPS)
    notes = [n for c in report.commitments for n in (*c.comments, *c.amendments)]
    notes += [n for n in report.foreign if n.kind != "answers"]
    place = _positions(report)
    rows: list[list[Cell]] = []
    for n in _ordered(report, notes):
        _, ref, pn, pid, ptitle, number, text = place.get(n.target, _NOWHERE)
        rows.append([*_who(n), EntryKind(n.kind).heading, ref, pn, pid, ptitle,
                     number, n.target, text, n.entry_id, n.text,
                     *_themes_cell(report, names_text(n)), *_stamps(n)])
    return Table("comments", "Comments", columns, rows)


def amendments_table(report: Report) -> Table:
    """One row per proposed wording, in its near-identical group (see the module docstring)."""
    columns = (Column("Ref", 6), Column("Commitment id", 26), Column("Commitment", 36, wrap=True),
               Column("Proposal group", 9), Column("Proposal group summary", 36, wrap=True),
               Column("Workshops proposing", 11), *_SESSION, Column("Entry id", 8),
               Column("Text", 50, wrap=True), *_themes_column(report), *_STAMPS)
    rows: list[list[Cell]] = []
    for c in report.commitments:
        rows += _amendment_rows(report, c)
    return Table("amendments", "Amendments", columns, rows)


def _amendment_rows(report: Report, c: CommitmentView) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for number, group in enumerate(c.amendment_groups, start=1):
        for n in group.proposals:
            rows.append([Ref(c.code), c.id, c.text, number, group.summary, group.workshops,
                         *_who(n), n.entry_id, n.text, *_themes_cell(report, names_text(n)),
                         *_stamps(n)])
    return rows


def answers_table(report: Report) -> Table:
    columns = (*_SESSION, Column("Question no.", 9), Column("Question id", 24),
               Column("Question", 50, wrap=True), Column("Entry id", 8),
               Column("Text", 90, wrap=True), *_themes_column(report), *_STAMPS)
    notes = [a for q in report.questions for a in q.answers]
    notes += [n for n in report.foreign if n.kind == "answers"]
    place = _positions(report)
    rows: list[list[Cell]] = []
    for n in _ordered(report, notes):
        _, _, _, _, _, number, text = place.get(n.target, _NOWHERE)
        rows.append([*_who(n), number, n.target, text, n.entry_id, n.text,
                     *_themes_cell(report, names_text(n)), *_stamps(n)])
    return Table("answers", "Answers", columns, rows)


def themes_table(report: Report) -> Table:
    """One row per theme of the codebook (see the module docstring); no rows without one."""
    columns = (Column("Theme", 34, wrap=True), Column("Parent", 28, wrap=True),
               Column("Description", 50, wrap=True), Column("Entries", 9),
               Column("Workshops", 11), Column("Tagged directly", 10), Column("Comments", 10),
               Column("Proposed wordings", 11), Column("Answers", 9))
    rows: list[list[Cell]] = []
    for t in report.themes:
        kinds = [n.kind for n in t.notes]
        rows.append([t.name, t.theme.parent or None, t.theme.description or None, t.entries,
                     t.workshops, t.direct, kinds.count(EntryKind.COMMENTS),
                     kinds.count(EntryKind.AMENDMENTS), kinds.count(EntryKind.ANSWERS)])
    return Table("themes", "Themes", columns, rows)


def sessions_table(report: Report) -> Table:
    columns = (*_SESSION, Column("Facilitator", 20, wrap=True), Column("Location", 24, wrap=True),
               Column("Participants", 12), Column("Finished", 9),
               Column("Finished at (UTC)", 18), Column("Last changed (UTC)", 18),
               Column("Source file", 30), Column("Commitments voted", 12), Column("Votes", 8),
               Column("Comments", 10), Column("Proposed wordings", 11),
               Column("Questions answered", 11), Column("Answers", 9),
               Column("Recommendation", 18), Column("Reasons", 50, wrap=True),
               Column("General comments", 50, wrap=True),
               Column("Facilitator's notes", 50, wrap=True))
    rows: list[list[Cell]] = []
    for w in report.workshops:
        r = w.record
        rec = r.recommendation
        rows.append([r.id, r.group, r.date, r.facilitator, r.location, r.participants,
                     "Yes" if r.complete else "No",
                     None if r.completed is None else utc(r.completed),
                     utc(r.updated), r.source, w.voted, w.votes, w.comments, w.amendments,
                     w.answered, w.answers, w.recommendation, rec.reasons, rec.comments,
                     w.notes])
    return Table("sessions", "Sessions", columns, rows)
