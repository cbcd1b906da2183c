"""XLSX export: one workbook with the sheets Summary, Votes, Comments, Amendments, Answers,
Themes (with an analyst's theme file only), Sessions and, when organisations signed up, Register
(CONSULTATION_SHEETS, in that order). An assessment has its own sheets (xlsx_assessment.py:
Summary with the weakest commitments and a profile chart per principle, Profile, Actions,
Evidence, Ratings, Sessions), a sign-up a short Summary, Register and Sessions
(xlsx_register.py); an anonymised export says on its Summary that names are withheld.

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
from workshop.export.stable_zip import EARLIEST, stabilise
from workshop.export.themes_text import themed
from workshop.export.xlsx_assessment import add_assessment
from workshop.export.xlsx_cells import Formats, add_tidy_sheet
from workshop.export.xlsx_register import add_register_summary
from workshop.export.xlsx_summary import add_chart_data, add_summary
from workshop.session.kinds import Mode

OPTIONS = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
           "in_memory": True}
"""Text stays text: XlsxWriter never makes a number, formula or link of a string."""


CONSULTATION_SHEETS = ("votes", "comments", "amendments", "answers", "themes", "sessions")
"""A consultation's tidy sheets after its Summary, in order (rows.TABLES holds more: the findings
and the summary are on the Summary sheet, and the assessment's and register's tables are the
other modes')."""


def render_xlsx(report: Report) -> bytes:
    moment = utc(report.as_of) if report.as_of else EARLIEST  # never the clock
    out = io.BytesIO()
    wb = Workbook(out, OPTIONS)
    formats = Formats(wb)
    wb.set_properties({"title": report.title, "author": "workshop", "created": moment})
    if report.mode is Mode.ASSESS and report.assessment is not None:
        add_assessment(wb, formats, report)
    elif report.mode is Mode.SIGN_UP:
        add_register_summary(wb, formats, report)
        add_tidy_sheet(wb, formats, report, "register")
        add_tidy_sheet(wb, formats, report, "sessions")
    else:
        add_summary(wb, formats, report)
        for name in CONSULTATION_SHEETS:
            if name == "themes" and not themed(report):  # no codebook: the workbook it was
                continue
            add_tidy_sheet(wb, formats, report, name)
        if report.register:  # nobody signed: the workbook it always was
            add_tidy_sheet(wb, formats, report, "register")
        add_chart_data(wb, formats, report)
    wb.close()
    return stabilise(out.getvalue(), moment)
