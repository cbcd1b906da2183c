"""XLSX export: one workbook with the sheets Votes, Comments, Answers and Sessions.

Made with openpyxl. Each sheet has a bold header row that stays in view (frozen panes), a filter
on every column, set column widths and wrapped, top-aligned long text, so analysts can sort and
filter comments at once; rows are as tall as their wrapped text, and printing gives landscape
pages one sheet wide with the header on each. Numbers are numeric cells, dates and times real
date cells (UTC). Text cells go through `safety.spreadsheet_text`: a leading `=`, `+`, `-`, `@`,
tab, CR or NUL gets a single quote, so no cell is ever a formula, and control characters XML
cannot hold are shown as control pictures. The file's bytes are stable (stable_zip.py).
Nothing here imports Textual.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workshop.consultation.figures import utc
from workshop.consultation.report import Report
from workshop.export.rows import Cell, Table, tables
from workshop.export.safety import lines as lines_of
from workshop.export.safety import spreadsheet_text
from workshop.export.stable_zip import EARLIEST, stabilise

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
LINE_HEIGHT = 15
"""Points per line of wrapped text at the default 11 pt font."""
MAX_HEIGHT = 409
"""The tallest row a spreadsheet allows, in points."""
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_HEADER = Font(bold=True)


def _put(ws, row: int, column: int, value: Cell, wrap: bool) -> None:
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = spreadsheet_text(value)
        cell.data_type = "s"  # text, whatever it looks like
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = TIME_FORMAT
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
    cell.alignment = _WRAP if wrap else _TOP


def _lines(text: str, width: float) -> int:
    """Roughly how many lines wrapped text takes in a column `width` characters wide. Rows get
    this height explicitly: Excel fits unsized rows itself, but LibreOffice does not always, and
    then wrapped text overlaps the next row."""
    per_line = max(1, int(width) - 1)
    total = 0
    for line in lines_of(text):
        size = sum(2 if ord(ch) > 0x2E80 else 1 for ch in line)  # wide characters count twice
        total += max(1, -(-size // per_line))
    return total


def add_sheet(wb: Workbook, table: Table) -> None:
    ws = wb.create_sheet(table.sheet)
    for col, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=1, column=col, value=spreadsheet_text(column.title))
        cell.font = _HEADER
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = column.width
    for r, row in enumerate(table.rows, start=2):
        for col, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            _put(ws, r, col, value, column.wrap)
        lines = max((_lines(v, c.width) for v, c in zip(row, table.columns, strict=True)
                     if c.wrap and isinstance(v, str)), default=1)
        if lines > 1:
            ws.row_dimensions[r].height = min(LINE_HEIGHT * lines, MAX_HEIGHT)
    ws.freeze_panes = "A2"
    # Printed: landscape, one page wide, the header row on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    last = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"


def render_xlsx(report: Report) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for t in tables(report):
        add_sheet(wb, t)
    moment = utc(report.as_of) if report.as_of else EARLIEST  # never the clock
    props = wb.properties
    props.title = report.title
    props.creator = "workshop"
    props.created = props.modified = moment
    out = io.BytesIO()
    wb.save(out)
    return stabilise(out.getvalue(), moment)
