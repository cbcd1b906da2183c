"""XLSX export: opened with openpyxl, the workbook has the Summary then the five tidy sheets with
frozen, filtered, sized headers and wrapped text; counts are numeric cells; every word is there
exactly as typed; no cell is a formula (formula-like text is a text cell with the quote-prefix
style, not an apostrophe). The Summary is tested in test_sheet_summary.py, long text and
printing in test_sheet_text.py and test_sheet_layout.py."""

from __future__ import annotations

import io
from datetime import datetime

from export_helpers import FORMULA_START, visible
from openpyxl import load_workbook

from workshop.export import export_bytes

SHEETS = ["Summary", "Votes", "Comments", "Amendments", "Answers", "Sessions", "Chart data"]
TIDY = SHEETS[1:-1]


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def records(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def as_cell(text: str) -> str:
    """What openpyxl reads back from a text cell holding `text`: the words as typed (no
    apostrophe), control characters as control pictures, and CR as the file format writes it,
    `_x000D_`, which Excel and LibreOffice decode and openpyxl leaves as it is."""
    return visible(text).replace("\r", "_x000D_")


def test_sheets_are_laid_out_for_analysis(source, protocol):
    wb = workbook(export_bytes(source.merged, protocol, "xlsx"))
    assert wb.sheetnames == SHEETS
    assert wb.active.title == "Summary"
    assert [ws.sheet_state for ws in wb.worksheets] == ["visible"] * 6 + ["hidden"]
    for ws in (wb[name] for name in TIDY):
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(cell.font.b for cell in ws[1])
        widths = [ws.column_dimensions[cell.column_letter].width for cell in ws[1]]
        assert all(w and w >= 6 for w in widths)
    comments = wb["Comments"]
    text_column = [c.value for c in comments[1]].index("Text") + 1
    assert comments.cell(2, text_column).alignment.wrap_text


def test_votes_are_numbers(source, protocol):
    ws = workbook(export_bytes(source.merged, protocol, "xlsx"))["Votes"]
    labels = [o.label for o in protocol.vote_options]
    rows = {(r["Session id"], r["Commitment id"]): r for r in records(ws)}
    assert len(rows) == len(source.sessions) * len(protocol.commitments)
    for s in source.sessions:
        for c in protocol.commitments:
            row = rows[(s.id, c.id)]
            counts = [s.votes.get(c.id, {}).get(o, 0) for o in protocol.option_ids]
            assert [row[label] for label in labels] == counts
            assert row["Total"] == sum(counts)
    first = labels[0]
    column = [c.value for c in ws[1]].index(first) + 1
    assert all(ws.cell(r, column).data_type == "n" for r in range(2, ws.max_row + 1))


def test_every_comment_wording_and_answer(source, protocol):
    wb = workbook(export_bytes(source.merged, protocol, "xlsx"))
    comments = records(wb["Comments"])
    for kind, label in (("comments", "Comment"), ("amendments", "Proposed wording")):
        found = sorted((r["Session id"], r["Commitment id"], r["Text"]) for r in comments
                       if r["Kind"] == label)
        assert found == sorted((s.id, t, as_cell(x)) for s, t, x in source.entries(kind))
    answers = records(wb["Answers"])
    assert sorted((r["Session id"], r["Question id"], r["Text"]) for r in answers) == sorted(
        (s.id, t, as_cell(x)) for s, t, x in source.entries("answers"))
    assert all(isinstance(r["Created (UTC)"], datetime) for r in comments + answers)
    sessions = records(wb["Sessions"])
    assert [r["Group"] for r in sessions] == [as_cell(s.meta.group) for s in source.sessions]
    assert [r["Participants"] for r in sessions] == [s.meta.participants for s in source.sessions]


def test_no_cell_is_a_formula(source, protocol):
    """Text that starts like a formula is a text cell with the quote-prefix style and the
    words as typed; no cell is a formula, and no apostrophe is added to anything."""
    wb = workbook(export_bytes(source.merged, protocol, "xlsx"))
    texts = prefixed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts += 1
                    assert cell.data_type == "s"
                    assert not cell.value.startswith("'"), cell.value
                    looks_like_formula = cell.value.startswith((*FORMULA_START, "_x000D_"))
                    assert cell.quotePrefix == looks_like_formula, (ws.title, cell.value)
                    prefixed += looks_like_formula
    assert texts > 100 and prefixed > 10


def test_incomplete_session(partial, protocol):
    wb = workbook(export_bytes(partial.merged, protocol, "xlsx"))
    votes = records(wb["Votes"])
    assert sum(r["Total"] for r in votes) == 5
    session = records(wb["Sessions"])[0]
    assert session["Finished"] == "No" and session["Finished at (UTC)"] is None
    assert session["Recommendation"] == "Undecided"
    comments = wb["Comments"]
    assert [r["Text"] for r in records(comments)] == ["=SUM(A1) so far"]
    text = comments.cell(2, [c.value for c in comments[1]].index("Text") + 1)
    assert text.data_type == "s" and text.quotePrefix
