"""The tidy tables of an assessment and of the sign-up register, for the CSV and XLSX exports
(rows.py registers them in rows.TABLES beside the consultation's tables).

- **profile**: one row per commitment of an assessment: its reference and numbers, how many
  rated it, one column per point of the scale (`1 Not at all` …) with how many gave it, the
  mean and the standard deviation (to one decimal, as every view shows them: assessment.py),
  the lowest and highest point given, whether it is rated low, and how many actions and
  evidence notes it has. Only the header (on the protocol's scale) outside an assessment.
- **actions**: one row per agreed action, in the assessment's order (by due date, undated
  last): the commitment, the action, its owner, its due date (a real date, blank for none) and
  the workshop that agreed it. Only the header outside an assessment.
- **register**: one row per signature, the current entries (one per organisation) first, then
  the superseded ones: organisation, the person's name (`Withheld` when anonymised), role, the
  date signed, reservations as typed, its status and the workshop it was recorded in. Only the
  header without signatories.

The findings of an assessment and of a sign-up (`assessment_findings`, `register_findings`)
are rows of rows.findings_table's columns. Cells hold text exactly as typed: making it safe is
the writer's job (csv_export.py, xlsx). Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.report import Report
from workshop.export.rows import Cell, Column, Ref, Table

_WORKSHOP = (Column("Group", 28, wrap=True), Column("Date", 11), Column("Session id", 38))
"""Which workshop: its group, its date and its session id."""


def _yes(value: bool) -> str:
    return "Yes" if value else "No"


def _workshop(report: Report, session_id: str) -> list[Cell]:
    r = report.workshop(session_id).record
    return [r.group, r.date, r.id]


def _decimal(text: str) -> float | None:
    """A figure shown to one decimal (`3.2`) as a number; None for none."""
    return float(text) if text else None


def profile_table(report: Report) -> Table:
    """One row per commitment of an assessment (see the module docstring)."""
    a = report.assessment
    points = (a.scale if a is not None else report.protocol.rating_scale).points
    columns = (Column("Ref", 6), Column("Principle no.", 9), Column("Commitment no.", 11),
               Column("Principle", 24, wrap=True), Column("Commitment", 46, wrap=True),
               Column("Rated (n)", 9), *(Column(f"{p.value} {p.label}", 11) for p in points),
               Column("Mean", 7), Column("SD", 7), Column("Lowest", 8), Column("Highest", 8),
               Column("Rated low", 9), Column("Actions", 9), Column("Evidence", 9))
    rows: list[list[Cell]] = []
    for p in a.principles if a is not None else ():
        for number, r in enumerate(p.ratings, start=1):
            s = r.spread
            rows.append([Ref(r.code), p.number, number, p.principle.title, r.text,
                         s.n, *(s.counts.get(point.value, 0) for point in points),
                         _decimal(s.mean_text), _decimal(s.sd_text), s.lowest, s.highest,
                         _yes(r.low), len(r.actions), len(r.evidence)])
    return Table("profile", "Profile", columns, rows)


def actions_table(report: Report) -> Table:
    """One row per agreed action (see the module docstring)."""
    columns = (Column("Ref", 6), Column("Commitment", 40, wrap=True),
               Column("Action", 50, wrap=True), Column("Owner", 24, wrap=True),
               Column("Due", 11), *_WORKSHOP)
    actions = report.assessment.actions if report.assessment is not None else ()
    rows: list[list[Cell]] = [[Ref(a.code), a.commitment.text, a.text, a.owner or None, a.due,
                               *_workshop(report, a.session_id)] for a in actions]
    return Table("actions", "Actions", columns, rows)


def register_table(report: Report) -> Table:
    """One row per signature, current first, then superseded (see the module docstring)."""
    columns = (Column("Organisation", 30, wrap=True), Column("Name", 24, wrap=True),
               Column("Role", 24, wrap=True), Column("Signed", 11),
               Column("Reservations", 50, wrap=True), Column("Status", 30, wrap=True),
               *_WORKSHOP)
    register = report.register
    rows: list[list[Cell]] = [
        [e.organisation, register.name_text(e) or None, e.role or None, e.signed,
         e.reservations or None, e.status, *_workshop(report, e.session_id)]
        for e in (*register.current, *register.superseded)]
    return Table("register", "Register", columns, rows)


def assessment_findings(report: Report) -> list[list[Cell]]:
    """The findings of an assessment, as rows of rows.findings_table: the summary, the weakest
    commitments, the actions without an owner, the commitments rated low without an action."""
    a = report.assessment
    rows: list[list[Cell]] = [["Summary", None, "Commitments rated", len(a.rated),
                               a.summary_line()]]
    rows += [["Weakest", Ref(r.code), r.text, r.n,
              f"Mean {r.spread.mean_text}, {r.spread.spread_text}"
              + ("; rated low" if r.low else "")] for r in a.weakest]
    rows += [["Action without owner", Ref(v.code), v.text, None,
              f"Due: {v.due_text}. Agreed by {v.workshop}"] for v in a.actions if not v.owner]
    rows += [["Rated low, no action", Ref(r.code), r.text, r.n, f"Mean {r.spread.mean_text}"]
             for r in a.needing_action]
    rows += [["Still in progress", None, w.name, None, None] for w in report.unfinished()]
    return rows + register_findings(report)


def register_findings(report: Report) -> list[list[Cell]]:
    """The register's findings: how many signed up, and each reservation; [] without one."""
    register = report.register
    if not register:
        return []
    rows: list[list[Cell]] = [["Register", None, "Organisations signed up", len(register),
                               register.summary_line()]]
    rows += [["Reservations", None, e.organisation, None, e.reservations]
             for e in register.with_reservations]
    return rows
