"""The workbook of a sign-up: a short **Summary** sheet, then the **Register** and **Sessions**
sheets (xlsx.py adds those two from rows.TABLES).

The Summary says what the workbook is: the title, that names are withheld in an anonymised
export, the register's summary (`3 organisations signed up, 1 with reservations; …`), each
organisation's reservations in its own words, and where the rest is. The Register sheet is the
tidy table a standards committee can keep and filter (rows_modes.register_table): one row per
signature, the current entries first, then the superseded ones, with real dates. Everything
people typed goes through the quote-prefix guard (xlsx_cells.cell_text). Nothing here imports
Textual.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook

from workshop.consultation.report import Report
from workshop.export.xlsx_cells import Formats, print_setup
from workshop.export.xlsx_summary import BOLD, TITLE, anonymised_line, paragraph

WIDTH = 80
"""The Summary's one column, in character widths."""
WHERE = ("The Register sheet has every signature (current entries first, then those "
         "superseded by a later signature of the same organisation); the Sessions sheet the "
         "workshops that recorded them.")


def register_lines(report: Report) -> list[tuple[str, dict]]:
    """The Summary's paragraphs: (text, format properties)."""
    register = report.register
    out = [(report.title, TITLE), *anonymised_line(report)]
    if not register:
        return [*out, ("No organisation has signed up yet.", {}), (WHERE, {})]
    out.append((register.summary_line(), {}))
    if register.with_reservations:
        out.append(("Reservations, in each organisation's words:", BOLD))
        out += [(f"{e.organisation}: {e.reservations}", {}) for e in register.with_reservations]
    return [*out, (WHERE, {})]


def add_register_summary(wb: Workbook, formats: Formats, report: Report) -> None:
    """The sign-up's Summary sheet (see the module docstring)."""
    ws = wb.add_worksheet("Summary")
    ws.set_column(0, 0, WIDTH)
    lines = register_lines(report)
    for row, (text, style) in enumerate(lines):
        paragraph(ws, formats, row, 0, WIDTH, text, style)
    print_setup(ws, WIDTH, header_row=0)
    ws.print_area(0, 0, len(lines) - 1, 0)
