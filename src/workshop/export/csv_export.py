"""CSV export: one tidy table (summary, votes, comments, amendments, answers or sessions) as
UTF-8 text.

The file starts with a byte-order mark, so Excel reads it as UTF-8 (accents and emoji intact);
every other reader skips it (Python: `encoding="utf-8-sig"`). Rows end in CRLF (RFC 4180) and
fields are quoted only when they need it. Numbers are written as plain digits (an assessment's
mean as `3.2`). Dates are
`YYYY-MM-DD`, times `YYYY-MM-DD HH:MM:SS` in UTC.

**A commitment's reference is written `#1.4`**, not `1.4`. Excel and LibreOffice read a bare
`5.10` in a CSV as the number 5.1 (so 5.1 and 5.10 become the same, and in some locales `1.4`
becomes the 1st of April); `#` is not a formula start and keeps the cell text. The whole-number
columns "Principle no." and "Commitment no." beside it sort numerically; strip the `#` to join
on the workbook's "Ref" (where it is the text `1.4`).

**People's words are made inert** by `safety.spreadsheet_text` (the OWASP CSV-injection
guidance): a text cell starting with `=`, `+`, `-`, `@`, tab, CR or NUL gets a leading `'`, so
nothing a participant typed can become a formula, and control characters are shown as control
pictures. `raw=True` (`workshop export --raw-text`) is the analysts' opt-out: every text cell
exactly as typed, no quote added, control characters kept, for reading with pandas, R or the
csv module. Such a file is NOT safe to open in a spreadsheet: a comment `=HYPERLINK(...)` is a
live formula there. Nothing here imports Textual.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from workshop.export.rows import Cell, Ref, Table
from workshop.export.safety import spreadsheet_text

REF_MARK = "#"
"""What starts a commitment's reference in a CSV, so that `5.10` stays text (module docstring)."""


def csv_cell(value: Cell, raw: bool = False) -> str | int:
    """One cell as the csv module writes it; `raw` keeps text exactly as typed (unsafe)."""
    if value is None:
        return ""
    if isinstance(value, bool):  # never produced by rows.py; guard against a silent True/False
        return "Yes" if value else "No"
    if isinstance(value, int | float):  # a float is a figure to one decimal: `3.2`
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Ref):
        return REF_MARK + value
    return value if raw else spreadsheet_text(value)


def render_csv(table: Table, raw: bool = False) -> bytes:
    """`table` as CSV bytes; `raw=True` writes people's words exactly as typed (see above)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_text(h) for h in table.header])
    for row in table.rows:
        writer.writerow([csv_cell(v, raw) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
