"""The workbook's layout, read back with openpyxl: commitments referred to by a text Ref (`5.10`
stays `5.10`), workshops by group and a real date, and every visible sheet set to print on A4,
landscape, one page wide with its header row on every page; tidy sheets frozen and filtered;
the same bytes for the same input."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

import pytest
from openpyxl import load_workbook

from workshop.export import export_bytes

TIDY = ["Votes", "Comments", "Amendments", "Answers", "Sessions"]


@pytest.fixture
def council_book(council, protocol):
    data = export_bytes(council.merged, protocol, "xlsx")
    return data, load_workbook(io.BytesIO(data))


def header(ws) -> list:
    return [c.value for c in ws[1]]


def refs(protocol) -> dict[str, str]:
    return {c.id: f"{pn}.{cn}" for pn, p in enumerate(protocol.principles, start=1)
            for cn, c in enumerate(p.commitments, start=1)}


@pytest.mark.parametrize("sheet", ["Votes", "Comments", "Amendments"])
def test_ref_is_a_text_cell(council_book, protocol, sheet):
    _, wb = council_book
    ws = wb[sheet]
    ref, cid = header(ws).index("Ref") + 1, header(ws).index("Commitment id") + 1
    expected = refs(protocol)
    seen = set()
    for r in range(2, ws.max_row + 1):
        cell = ws.cell(r, ref)
        assert cell.data_type == "s" and not cell.quotePrefix
        assert cell.value == expected[ws.cell(r, cid).value]
        seen.add(cell.value)
    if sheet == "Votes":
        assert {"5.1", "5.10"} <= seen  # two commitments, never the one number 5.1
    for name in ("Principle no.", "Commitment no."):
        if name in header(ws):
            col = header(ws).index(name) + 1
            assert all(ws.cell(r, col).data_type == "n" for r in range(2, ws.max_row + 1))


def test_excel_is_told_a_ref_is_meant_to_be_text(council_book):
    data, _ = council_book
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        votes = z.read("xl/worksheets/sheet2.xml").decode()
    assert '<ignoredErrors><ignoredError sqref="D2:D149" numberStoredAsText="1"/>' in votes


@pytest.mark.parametrize("sheet", ["Votes", "Comments", "Amendments", "Sessions"])
def test_a_workshop_is_its_group_then_its_date(council_book, council, sheet):
    _, wb = council_book
    ws = wb[sheet]
    cols = header(ws)
    group, day, sid = cols.index("Group"), cols.index("Date"), cols.index("Session id")
    assert day == group + 1
    sessions = {s.id: s for s in council.sessions}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows
    for row in rows:
        s = sessions[row[sid]]
        assert row[group] == s.meta.group
        assert row[day] == datetime.combine(s.meta.date, datetime.min.time())
    assert ws.cell(2, day + 1).number_format == "yyyy-mm-dd"


@pytest.mark.parametrize("sheet", ["Summary", *TIDY])
def test_every_sheet_prints_on_a4_one_page_wide(council_book, sheet):
    _, wb = council_book
    ws = wb[sheet]
    setup = ws.page_setup
    assert setup.paperSize in (9, "9")  # A4
    assert setup.orientation == "landscape"  # every one of these tables is wider than A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert setup.fitToWidth in (None, 1, "1")  # absent means 1, the file format's default
    assert setup.fitToHeight in (0, "0")  # as many pages down as it takes
    assert re.fullmatch(r"\$(\d+):\$\1", ws.print_title_rows or "")  # one header row repeated


@pytest.mark.parametrize("sheet", TIDY)
def test_tidy_sheets_freeze_and_filter_their_header(council_book, sheet):
    _, wb = council_book
    ws = wb[sheet]
    assert ws.freeze_panes == "A2"
    assert ws.print_title_rows == "$1:$1"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert all(c.font.b and c.alignment.wrap_text for c in ws[1])
    widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
    assert all(6 <= w <= 100 for w in widths), widths


def test_the_notes_are_in_the_sessions_sheet(council_book, council):
    from export_helpers import NOTES
    _, wb = council_book
    ws = wb["Sessions"]
    col = header(ws).index("Facilitator's notes") + 1
    assert [ws.cell(r, col).value for r in range(2, ws.max_row + 1)] == [
        NOTES.replace("\r", "_x000D_"), None, None, None]
    assert ws.cell(2, col).alignment.wrap_text and ws.row_dimensions[2].height >= 30


def test_the_same_input_gives_the_same_bytes(council, protocol):
    first = export_bytes(council.merged, protocol, "xlsx")
    assert export_bytes(council.merged, protocol, "xlsx") == first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        core = z.read("docProps/core.xml").decode()
        stamps = {info.date_time for info in z.infolist()}
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-05T10:00:" in core
    assert len(stamps) == 1 and next(iter(stamps))[:3] == (2026, 11, 5)
