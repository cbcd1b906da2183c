"""The workbook of an assessment: Summary, Profile, Actions, Evidence, Ratings, Sessions (and
Register when anyone signed), with a hidden "Chart data" sheet last.

**Summary** (first): the title, that names are withheld in an anonymised export, the
assessment's summary (`31/37 commitments rated, mean 3.4 on 1–5; …`), the scale, then the
**weakest commitments** as a table with a filter (lowest mean first: reference, principle,
commitment, how many rated, mean, sd, range, rated low, actions), the commitments rated low with
no action agreed yet and any not rated; below it a native Excel **profile chart per principle**:
a stacked bar per commitment labelled with its reference and mean (`1.4 (mean 3.2)`), a series
per point of the scale coloured by the point's tone (as every view colours a rating), read
from the hidden sheet so sorting the table never moves a bar.

The other sheets are tidy tables with a frozen header and a filter: **Profile** and **Actions**
(rows_modes.py: a real date in Due, blank where none was agreed), and from here **Evidence** (a
row per evidence note, with its commitment and workshop) and **Ratings** (a row per workshop
and commitment: its own count per point, how many rated, its mean). Means and standard
deviations are numbers shown to one decimal, rounded half up as every view rounds them
(assessment.one_decimal). People's words go through the quote-prefix guard (xlsx_cells).
Nothing here imports Textual.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook

from workshop.consultation.assessment import Assessment, one_decimal, spread_of
from workshop.consultation.figures import utc
from workshop.consultation.report import Report
from workshop.export.rows import Cell, Column, Ref, Table
from workshop.export.xlsx_cells import (
    Formats,
    add_table_sheet,
    add_tidy_sheet,
    decimals,
    print_setup,
    table_width,
    write_table,
)
from workshop.export.xlsx_profile_chart import add_profile_chart_data, profile_charts
from workshop.export.xlsx_summary import BOLD, HEADING, TITLE, anonymised_line, paragraph

WHERE = ("Every commitment's figures are in the Profile sheet; the Actions sheet lists the "
         "agreed actions with their owners and due dates, Evidence the evidence notes, Ratings "
         "each workshop's own ratings, Sessions the workshops.")


def add_assessment(wb: Workbook, formats: Formats, report: Report) -> None:
    """The assessment's sheets, in order (see the module docstring)."""
    add_assessment_summary(wb, formats, report)
    add_tidy_sheet(wb, formats, report, "profile")
    add_tidy_sheet(wb, formats, report, "actions")
    add_table_sheet(wb, formats, evidence_table(report))
    add_table_sheet(wb, formats, ratings_table(report))
    add_tidy_sheet(wb, formats, report, "sessions")
    if report.register:
        add_tidy_sheet(wb, formats, report, "register")
    add_profile_chart_data(wb, formats, report)


def _decimal(value: float | None) -> float | None:
    """A mean or sd as the number every view shows (`3.2`); None for none."""
    return None if value is None else float(one_decimal(value))


def summary_lines(report: Report, a: Assessment) -> list[tuple[str, dict]]:
    """The paragraphs above the weakest commitments' table: (text, format properties)."""
    return [(report.title, TITLE), *anonymised_line(report), (a.summary_line(), {}),
            (f"Scale: {a.scale.describe()}. A commitment whose mean rating is {a.scale.low} or "
             "lower is rated low and needs an agreed action.", {}),
            ("", {}), ("Weakest commitments, lowest mean first", HEADING)]


def after_lines(report: Report, a: Assessment) -> list[tuple[str, dict]]:
    """The paragraphs below the table: what still needs an action, what is not rated, and the
    register when anyone signed."""
    out: list[tuple[str, dict]] = [("Rated low with no action agreed:", BOLD)]
    out += [(f"{r.code} {r.text} (mean {r.spread.mean_text})", {}) for r in a.needing_action] \
        or [("None.", {})]
    if a.unrated:
        out.append(("Not rated: " + ", ".join(r.code for r in a.unrated), {}))
    if report.register:
        out.append((f"Sign-up register: {report.register.summary_line()} In the Register "
                    "sheet.", {}))
    return [*out, (WHERE, {})]


def weakest_table(a: Assessment) -> Table:
    columns = (Column("Ref", 6), Column("Principle", 20, wrap=True),
               Column("Commitment", 46, wrap=True), Column("Rated (n)", 9), Column("Mean", 7),
               Column("SD", 7), Column("Range", 8), Column("Rated low", 9), Column("Actions", 9))
    rows: list[list[Cell]] = [
        [Ref(r.code), r.principle.title, r.text, r.n, _decimal(r.spread.mean),
         _decimal(r.spread.sd), r.spread.range_text, "Yes" if r.low else "No", len(r.actions)]
        for r in a.weakest]
    return Table("weakest", "Summary", columns, rows)


def add_assessment_summary(wb: Workbook, formats: Formats, report: Report) -> None:
    """The Summary sheet (see the module docstring)."""
    a = report.assessment
    assert a is not None
    ws = wb.add_worksheet("Summary")
    t = weakest_table(a)
    last_col, width = len(t.columns) - 1, table_width(t)
    top = 0
    for text, style in summary_lines(report, a):
        paragraph(ws, formats, top, last_col, width, text, style)
        top += 1
    header = top
    last = write_table(ws, formats, t, top=top, style=decimals(t))
    top = last + 2
    for text, style in after_lines(report, a):
        paragraph(ws, formats, top, last_col, width, text, style)
        top += 1
    end = profile_charts(wb, ws, formats, report, top + 1, [c.width for c in t.columns])
    print_setup(ws, width, header_row=header)
    ws.print_area(0, 0, end, last_col)


def evidence_table(report: Report) -> Table:
    """A row per evidence note, in the protocol's order, oldest first."""
    columns = (Column("Ref", 6), Column("Commitment", 40, wrap=True),
               Column("Evidence", 60, wrap=True), Column("Group", 28, wrap=True),
               Column("Date", 11), Column("Session id", 38), Column("Created (UTC)", 18),
               Column("Edited (UTC)", 18))
    a = report.assessment
    rows: list[list[Cell]] = [
        [Ref(r.code), r.text, n.text, n.group, n.date, n.session_id, utc(n.created),
         None if n.edited is None else utc(n.edited)]
        for r in (a.ratings if a is not None else ()) for n in r.evidence]
    return Table("evidence", "Evidence", columns, rows)


def ratings_table(report: Report) -> Table:
    """A row per workshop and commitment: its own count per point, how many rated, its mean;
    every commitment of the protocol, zeros included (as the consultation's Votes sheet)."""
    a = report.assessment
    assert a is not None
    points = a.scale.points
    columns = (Column("Session id", 38), Column("Group", 28, wrap=True), Column("Date", 11),
               Column("Ref", 6), Column("Commitment", 46, wrap=True),
               *(Column(f"{p.value} {p.label}", 11) for p in points), Column("Rated (n)", 9),
               Column("Mean", 7), Column("Evidence", 9), Column("Actions", 9))
    rows: list[list[Cell]] = []
    for w in report.workshops:
        r = w.record
        for rating in a.ratings:
            s = spread_of(a.scale, r.votes.get(rating.id))
            rows.append([r.id, r.group, r.date, Ref(rating.code), rating.text,
                         *(s.counts[p.value] for p in points), s.n, _decimal(s.mean),
                         len(r.comments.get(rating.id, [])), len(r.actions.get(rating.id, []))])
    return Table("ratings", "Ratings", columns, rows)

