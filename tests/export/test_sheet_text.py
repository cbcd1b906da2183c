"""People's words in the workbook, read back with openpyxl (and, for the exact characters, with
the file format's own escaping rule): formula-like text is a text cell with Excel's quote-prefix
style, not an apostrophe; long text wraps in a row tall enough for it; text over Excel's cell
limit is cut with a visible marker."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, timezone
from xml.etree import ElementTree

import pytest
from export_helpers import CORPUS, save_session, visible
from openpyxl import load_workbook

from helpers import FixedClock
from workshop.consultation.inputs import read_result
from workshop.export import export_bytes
from workshop.export.xlsx_cells import MAX_CELL, MAX_HEIGHT, cut
from workshop.session.model import Session

WORDS = "Partners should share budgets and staff, and say so in the annual report. "
PAGE = (WORDS * 50)[:3000]
"""A 3,000-character comment: a page pasted from the minutes."""
HUGE = ("A huge paste. " + WORDS * 1400)[:100_000]
EMOJI = "🎉" * 20_000
"""40,000 UTF-16 code units: Excel counts an emoji as two characters."""
MARKER = "… [cut: 100,000 characters in all; the full text is in the session file]"
ESCAPE_LIKE = "_x0041_ is not an A, and _x000D_ is not a CR"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture
def long_texts(tmp_path, protocol):
    s = Session.new(protocol, "Long Texts Group", facilitator="A. Officer",
                    clock=FixedClock(datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)),
                    session_id="6b6b6b6b-0000-4000-8000-000000000001", on=date(2026, 11, 24))
    first = protocol.commitments[0].id
    for text in (PAGE, HUGE, EMOJI, ESCAPE_LIKE, "=SUM(A1)", "line1\r\nline2"):
        s.add_comment(first, text)
    s.add_answer(protocol.questions[0].id, PAGE)
    path = save_session(tmp_path / "sessions", s, protocol)
    data = export_bytes(read_result(path, protocol), protocol, "xlsx")
    return data, load_workbook(io.BytesIO(data))


def column(ws, title: str) -> int:
    return [c.value for c in ws[1]].index(title) + 1


def text_cells(ws, title: str) -> dict[str, object]:
    """The cells of column `title`, by the start of their text."""
    col = column(ws, title)
    return {ws.cell(r, col).value[:12]: ws.cell(r, col) for r in range(2, ws.max_row + 1)}


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def shared_strings(data: bytes) -> list[str]:
    """Every shared string of the workbook, decoded as the file format says (ECMA-376 ST_Xstring:
    `_xHHHH_` is the character HHHH, so a literal `_x0041_` is written `_x005F_x0041_`)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("xl/sharedStrings.xml"))
    out = []
    for si in root.iter(f"{SHEET_NS}si"):
        raw = "".join(t.text or "" for t in si.iter(f"{SHEET_NS}t"))
        out.append(re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), raw))
    return out


def test_every_word_is_in_the_file_exactly_as_typed(source, protocol):
    """CR, `_x0041_`, `=SUM(A1)`: all there character for character, no apostrophe added."""
    data = export_bytes(source.merged, protocol, "xlsx")
    strings = set(shared_strings(data))
    for text in CORPUS:
        assert visible(text) in strings, text
    assert not any(s.startswith("'") for s in strings)


def test_escape_like_text_and_line_breaks_survive(long_texts):
    data, wb = long_texts
    strings = set(shared_strings(data))
    assert ESCAPE_LIKE in strings and "line1\r\nline2" in strings
    assert ESCAPE_LIKE in {c.value for c in text_cells(wb["Comments"], "Text").values()}


def test_formula_like_text_has_the_quote_prefix_style(long_texts):
    data, wb = long_texts
    cell = text_cells(wb["Comments"], "Text")["=SUM(A1)"]
    assert cell.value == "=SUM(A1)" and cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("xl/styles.xml").decode()
    assert 'quotePrefix="1"' in styles.split("<cellXfs")[1].split("</cellXfs>")[0]
    plain = text_cells(wb["Comments"], "Text")[PAGE[:12]]
    assert not plain.quotePrefix


def test_a_3000_character_comment_fits_its_row(long_texts):
    """Wrapped, in a row tall enough for every line (at 1.1 characters of ordinary text per
    unit of column width at 11 pt, scaled for the cell's type size), never over 409 pt."""
    _, wb = long_texts
    for sheet in ("Comments", "Answers"):
        ws = wb[sheet]
        cell = text_cells(ws, "Text")[PAGE[:12]]
        assert cell.value == PAGE and cell.alignment.wrap_text
        height = ws.row_dimensions[cell.row].height
        size = cell.font.sz
        assert height and height <= MAX_HEIGHT
        width = ws.column_dimensions[cell.column_letter].width
        per_line = int((width - 1) * 1.1 * 11 / size)
        lines_shown = height // round(size * 4 / 3)
        assert lines_shown * per_line >= len(PAGE), (sheet, height, size, width)


def test_a_short_comment_keeps_a_short_row(long_texts):
    _, wb = long_texts
    ws = wb["Comments"]
    cell = text_cells(ws, "Text")["=SUM(A1)"]
    assert ws.row_dimensions[cell.row].height in (None, 15)
    assert cell.font.sz == 11


def test_text_over_the_cell_limit_is_cut_with_a_marker(long_texts):
    _, wb = long_texts
    cells = text_cells(wb["Comments"], "Text")
    huge = cells[HUGE[:12]].value
    assert units(huge) <= MAX_CELL and huge.endswith(MARKER)
    assert huge == HUGE[:MAX_CELL - units(MARKER)] + MARKER
    emoji = cells[EMOJI[:12]].value
    assert units(emoji) <= MAX_CELL and emoji.endswith("🎉… [cut: 20,000 characters in all; "
                                                      "the full text is in the session file]")
    assert set(emoji[: -len(MARKER)]) == {"🎉"}  # no half of a character left behind


def test_cut_leaves_text_within_the_limit_alone():
    assert cut("x" * MAX_CELL) == "x" * MAX_CELL
    assert cut("x" * (MAX_CELL + 1)).endswith("[cut: 32,768 characters in all; the full text "
                                              "is in the session file]")
    assert units(cut("🎉" * MAX_CELL)) <= MAX_CELL

