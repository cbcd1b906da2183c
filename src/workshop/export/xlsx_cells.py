"""How the workbook writes a cell and lays out a table: text kept exactly as typed, long text
readable, tables that filter and print (the XLSX export, xlsx.py, made with XlsxWriter).

- **Text is a text cell, always**, written with `write_string` (never `write`, which could make
  a formula, a number or a link of it). Text that a spreadsheet would run as a formula (a
  leading `=`, `+`, `-`, `@`, tab, CR or NUL: safety.FORMULA_STARTS) gets Excel's *quote
  prefix* cell style (`quotePrefix="1"`): Excel and LibreOffice show and keep the words as
  typed, with no apostrophe added to them, and never evaluate them. Control characters XML
  cannot hold are shown as control pictures (safety.visible_controls: a leading NUL becomes
  `␀`, which needs no prefix); XlsxWriter escapes CR
  and a literal `_x0041_` as the file format requires, so they come back as typed.
- **Long text**: wrapped, top-aligned, in columns of set widths, and every row is given a height
  from its text (Excel and LibreOffice do not size rows they did not write): lines are
  estimated from the text's length and line breaks and the column's width. A cell that would
  need more than the tallest row (409 pt) at 11 pt is set in 9 pt type, so a 3,000-character
  comment still fits its row; the row is capped at 409 pt. A text longer than Excel's limit of
  32,767 characters per cell is cut, ending in `… [cut: 100,000 characters in all; the full text
  is in the session file]` (the whole cell within the limit).
- **Tables**: a bold header row (wrapped), thin borders, a filter on every column, whole
  numbers as numbers, dates and UTC times as date cells; a `Ref` (`1.4`) is a text cell, and
  Excel's "number stored as text" flag is switched off on it.
- **Printing**: A4, landscape where the table is wider than a portrait page, one page wide,
  the header row repeated on every page, the sheet's name and page numbers in the footer.

Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from xlsxwriter.format import Format
from xlsxwriter.utility import xl_range
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from workshop.export.rows import Cell, Column, Ref, Table, table
from workshop.export.safety import FORMULA_STARTS, lines, visible_controls

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
MAX_CELL = 32_767
"""The most characters (UTF-16 code units) Excel keeps in one cell."""
MAX_HEIGHT = 409
"""The tallest row a spreadsheet allows, in points."""
FONT_SIZE, SMALL_FONT_SIZE = 11, 9
LINE_HEIGHT = {FONT_SIZE: 15, SMALL_FONT_SIZE: 12}
"""Points per line of wrapped text at each type size (Calibri and its metric twin Carlito)."""
CHARS_PER_WIDTH = 1.1
"""Characters of ordinary text per unit of column width (the width of a `0`) at 11 pt."""
PORTRAIT_WIDTH = 100
"""Tables wider than this (in column-width units) print landscape."""
A4 = 9
"""Excel's paper code for A4."""
BORDER = {"border": 1, "border_color": "#BFBFBF"}
HEADER = {"bold": True, "bg_color": "#DCE6F1", "valign": "top", "text_wrap": True, **BORDER}


def units(text: str) -> int:
    """The text's length as Excel counts it: UTF-16 code units (an emoji counts two)."""
    return len(text.encode("utf-16-le")) // 2


def cut(text: str) -> str:
    """The text, or its start and a visible marker if it is over Excel's cell limit."""
    if 2 * len(text) <= MAX_CELL or units(text) <= MAX_CELL:  # a character is 1 or 2 units
        return text
    marker = (f"… [cut: {len(text):,} characters in all; the full text is in the session "
              f"file]")
    room = MAX_CELL - units(marker)
    start = text.encode("utf-16-le")[: 2 * room].decode("utf-16-le", errors="ignore")
    return start + marker


def cell_text(text: str) -> tuple[str, bool]:
    """(what the cell holds, whether it needs the quote prefix style) for people's words."""
    shown = cut(visible_controls(text))
    return shown, shown.startswith(FORMULA_STARTS)


def text_lines(text: str, width: float, size: int = FONT_SIZE) -> int:
    """Roughly how many lines `text` wraps to in a column `width` wide, at type size `size`."""
    per_line = max(1, int((width - 1) * CHARS_PER_WIDTH * FONT_SIZE / size))
    total = 0
    for line in lines(text):
        wide = 0 if line.isascii() else sum(1 for ch in line if ord(ch) > 0x2E80)  # CJK, emoji
        total += max(1, -(-(len(line) + wide) // per_line))
    return total


def text_height(text: str, width: float, size: int = FONT_SIZE) -> int:
    """Points that `text` needs in a wrapped cell `width` wide (uncapped)."""
    return LINE_HEIGHT[size] * text_lines(cut(text), width, size)


@dataclass(frozen=True)
class RowFit:
    height: float | None
    """The row's height in points; None for one line (the default height)."""
    small: frozenset[int]
    """The columns whose text is set in small type to fit."""


def fit_row(values: list[Cell], columns: tuple[Column, ...]) -> RowFit:
    """How tall a row must be for its wrapped text, and which cells need small type."""
    tallest, small = LINE_HEIGHT[FONT_SIZE], set()
    for i, (value, column) in enumerate(zip(values, columns, strict=True)):
        if not (column.wrap and isinstance(value, str)):
            continue
        need = text_height(value, column.width)
        if need > MAX_HEIGHT:
            small.add(i)
            need = text_height(value, column.width, SMALL_FONT_SIZE)
        tallest = max(tallest, need)
    height = None if tallest <= LINE_HEIGHT[FONT_SIZE] else min(tallest, MAX_HEIGHT)
    return RowFit(height, frozenset(small))


class Formats:
    """The workbook's cell formats, each combination of properties made once."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._made: dict[tuple, Format] = {}

    def __call__(self, **props) -> Format:
        key = tuple(sorted(props.items()))
        if key not in self._made:
            self._made[key] = self.workbook.add_format(dict(props))
        return self._made[key]


def put(ws: Worksheet, formats: Formats, row: int, col: int, value: Cell, **props) -> None:
    """One cell: text as text (quote-prefixed where formula-like), numbers, dates; None and ""
    as a blank cell."""
    props = {"valign": "top", **props}
    if isinstance(value, str) and value:
        text, quote = (value, False) if isinstance(value, Ref) else cell_text(value)
        if quote:
            props["quote_prefix"] = True
        ws.write_string(row, col, text, formats(**props))
    elif value is None or value == "":  # no text is a blank cell, as a filter lists it
        ws.write_blank(row, col, None, formats(**props))
    elif isinstance(value, datetime):
        ws.write_datetime(row, col, value, formats(num_format=TIME_FORMAT, **props))
    elif isinstance(value, date):
        ws.write_datetime(row, col, value, formats(num_format=DATE_FORMAT, **props))
    else:
        ws.write_number(row, col, value, formats(**props))


def write_table(ws: Worksheet, formats: Formats, table: Table, top: int = 0,
                style=None) -> int:
    """`table` with its header on row `top`; returns the last row written. `style(row, col)`
    may give extra format properties for a cell (the Summary's verdict colours)."""
    for col, column in enumerate(table.columns):
        ws.set_column(col, col, column.width)
        put(ws, formats, top, col, column.title, **HEADER)
    header = max(text_height(c.title, c.width) for c in table.columns)
    if header > LINE_HEIGHT[FONT_SIZE]:
        ws.set_row(top, min(header, MAX_HEIGHT))
    for r, values in enumerate(table.rows, start=top + 1):
        fit = fit_row(values, table.columns)
        if fit.height is not None:
            ws.set_row(r, fit.height)
        for col, (value, column) in enumerate(zip(values, table.columns, strict=True)):
            props = dict(BORDER, **(style(values, col) if style else {}))
            if column.wrap:
                props["text_wrap"] = True
            if col in fit.small:
                props["font_size"] = SMALL_FONT_SIZE
            put(ws, formats, r, col, value, **props)
    last = top + len(table.rows)
    ws.autofilter(top, 0, last, len(table.columns) - 1)
    refs = [i for i, c in enumerate(table.columns) if c.title == "Ref"]
    if refs and table.rows:
        ws.ignore_errors({"number_stored_as_text": xl_range(top + 1, refs[0], last, refs[0])})
    return last


def table_width(table: Table) -> float:
    return sum(c.width for c in table.columns)


def print_setup(ws: Worksheet, width: float, header_row: int) -> None:
    """A4, landscape if wide, one page wide, the header row on every page, page numbers."""
    ws.set_paper(A4)
    if width > PORTRAIT_WIDTH:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&L&A&RPage &P of &N")


def add_tidy_sheet(wb: Workbook, formats: Formats, report, name: str) -> None:
    """One of rows.TABLES as a sheet laid out for analysis (add_table_sheet)."""
    add_table_sheet(wb, formats, table(report, name))


def add_table_sheet(wb: Workbook, formats: Formats, t: Table) -> None:
    """A table as a sheet: its header frozen, a filter, set widths, printing set up; a Mean or
    SD column shown to one decimal."""
    ws = wb.add_worksheet(t.sheet)
    write_table(ws, formats, t, style=decimals(t))
    ws.freeze_panes(1, 0)
    print_setup(ws, table_width(t), header_row=0)


DECIMAL_COLUMNS = ("Mean", "SD")
"""Columns of figures to one decimal (an assessment's), shown as `3.0`, never `3`."""


def decimals(t: Table):
    """write_table's `style` for a table with DECIMAL_COLUMNS; None for one without."""
    cols = {i for i, c in enumerate(t.columns) if c.title in DECIMAL_COLUMNS}
    if not cols:
        return None

    def style(values: list[Cell], col: int) -> dict:
        return {"num_format": "0.0"} if col in cols and isinstance(values[col], float) else {}
    return style
