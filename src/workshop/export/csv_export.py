"""CSV export: one tidy table (votes, comments, answers or sessions) as UTF-8 text.

The file starts with a byte-order mark, so Excel reads it as UTF-8 (accents and emoji intact);
every other reader skips it (Python: `encoding="utf-8-sig"`). Rows end in CRLF (RFC 4180) and
fields are quoted only when they need it. Text cells go through `safety.spreadsheet_text`, so
nothing a participant typed can become a formula; numbers are written as plain digits. Dates are
`YYYY-MM-DD`, times `YYYY-MM-DD HH:MM:SS` in UTC. Nothing here imports Textual.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from workshop.export.rows import Cell, Table
from workshop.export.safety import spreadsheet_text


def csv_cell(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):  # never produced by rows.py; guard against a silent True/False
        return "Yes" if value else "No"
    if isinstance(value, int):
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return spreadsheet_text(value)


def render_csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_text(h) for h in table.header])
    for row in table.rows:
        writer.writerow([csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
