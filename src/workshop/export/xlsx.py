"""XLSX export: one workbook with the sheets Summary, Votes, Comments, Amendments, Answers,
Themes (with an analyst's theme file only) and Sessions (rows.TABLES, in that order).

**Summary** comes first (xlsx_summary.py): the title, the findings a committee decides on, a
table of every commitment (its reference, counts, the leading option, the verdict and the
reason, how many workshops voted, what most of them propose) and a native Excel stacked bar
chart per principle; with a theme file, the themes most raised and each question's themes
(xlsx_themes.py), and a Themes column in its table. The other sheets are the tidy tables of
rows.py, for sorting and filtering (with a theme file, a Theme column in Comments, Amendments
and Answers): a bold header row that stays in view (frozen panes), a filter on every column,
set widths, wrapped top-aligned text in rows as tall as it needs (xlsx_cells.py). A
commitment's reference "Ref" is the text `1.4`, never a number (so 5.1 and 5.10 stay apart).
Numbers are numeric cells, dates and times real date cells (UTC). Printing gives A4 pages,
landscape where wide, one page wide, the header row on every page.

**People's words are kept exactly as typed**: every text is a text cell, and text that starts
like a formula (`=`, `+`, `-`, `@`, tab, CR, NUL) carries Excel's quote-prefix style rather than
an apostrophe in the words, so it shows and copies as typed and never runs (xlsx_cells.py).

Made with XlsxWriter, chosen over openpyxl for speed (nearly 3 times faster on 300 workshops:
benchmarks/xlsx_writers.py), native charts, quote-prefix formats and correct escaping of text
such as `_x0041_`; it is told never to turn strings into numbers, formulas or links. The
file's bytes are stable: the document's dates are the result's last change, never the clock
(stable_zip.py). Nothing here imports Textual.
"""

from __future__ import annotations

import io

from xlsxwriter.workbook import Workbook

from workshop.consultation.figures import utc
from workshop.consultation.report import Report
from workshop.export.rows import TABLES, table
from workshop.export.stable_zip import EARLIEST, stabilise
from workshop.export.themes_text import themed
from workshop.export.xlsx_cells import Formats, print_setup, table_width, write_table
from workshop.export.xlsx_summary import add_chart_data, add_summary

OPTIONS = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
           "in_memory": True}
"""Text stays text: XlsxWriter never makes a number, formula or link of a string."""


def add_tidy_sheet(wb: Workbook, formats: Formats, report: Report, name: str) -> None:
    """One of the tidy tables as a sheet laid out for analysis (module docstring)."""
    t = table(report, name)
    ws = wb.add_worksheet(t.sheet)
    write_table(ws, formats, t)
    ws.freeze_panes(1, 0)
    print_setup(ws, table_width(t), header_row=0)


def render_xlsx(report: Report) -> bytes:
    moment = utc(report.as_of) if report.as_of else EARLIEST  # never the clock
    out = io.BytesIO()
    wb = Workbook(out, OPTIONS)
    formats = Formats(wb)
    wb.set_properties({"title": report.title, "author": "workshop", "created": moment})
    add_summary(wb, formats, report)
    for name in TABLES:
        if name in ("findings", "summary"):  # both on the Summary sheet
            continue
        if name == "themes" and not themed(report):  # no codebook: the workbook it always was
            continue
        add_tidy_sheet(wb, formats, report, name)
    add_chart_data(wb, formats, report)
    wb.close()
    return stabilise(out.getvalue(), moment)
