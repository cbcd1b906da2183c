"""The workbook's Summary sheet, read back with openpyxl from the council fixture (four
workshops, one still in progress, grouped proposals on 1.1, a contested 1.2, a consensus 1.3):
first in the workbook, the findings above a per-commitment table, and a native stacked bar chart
per principle whose figures (on the hidden "Chart data" sheet) are the principle's own."""

from __future__ import annotations

import io

import pytest
from export_helpers import share
from openpyxl import load_workbook

from workshop.export import export_bytes

AGREED = "3 of 4 workshops propose adding 'independently verified'"


@pytest.fixture
def book(council, protocol):
    return load_workbook(io.BytesIO(export_bytes(council.merged, protocol, "xlsx")))


def header_row(ws) -> int:
    """The summary table's header row (1-based): the row whose first cell is "Ref"."""
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Ref")


def table(ws) -> tuple[int, list[str], list[dict]]:
    top = header_row(ws)
    header = [c.value for c in ws[top] if c.value is not None]
    rows = []
    for r in range(top + 1, ws.max_row + 1):
        values = [ws.cell(r, col).value for col in range(1, len(header) + 1)]
        if values[0] is None:
            break
        rows.append(dict(zip(header, values, strict=True)))
    return top, header, rows


def codes(protocol) -> list[tuple[str, str, int]]:
    """(commitment id, `1.4`, principle number) in protocol order, from the protocol itself."""
    return [(c.id, f"{pn}.{cn}", pn) for pn, p in enumerate(protocol.principles, start=1)
            for cn, c in enumerate(p.commitments, start=1)]


def test_summary_is_the_first_sheet(book):
    assert book.sheetnames[0] == "Summary" and book.active.title == "Summary"


def test_findings_come_before_the_table(book, protocol):
    ws = book["Summary"]
    top = header_row(ws)
    text = [ws.cell(r, 1).value for r in range(1, top) if ws.cell(r, 1).value]
    assert text[0] == f"{protocol.title}: consultation results"
    assert "Findings" in text and text[-1] == "Results per commitment"
    joined = "\n".join(text)
    assert "4 workshops, 46 participants. Of 37 commitments: 2 consensus, 1 contested" in joined
    assert ("Recommendations: Adopt 1 (Leeds Board, 2 November 2026). Adopt with changes 2 "
            "(Bristol Forum, 3 November 2026; Taunton Panel, 4 November 2026).") in joined
    assert "Still in progress: Salford Circle, 5 November 2026." in joined
    contested = text.index("Contested commitments, most contested first:")
    assert text[contested + 1].startswith(f"1.2 {protocol.commitments[1].text}: ")
    assert "varies by 80 points" in text[contested + 1]
    amended = text.index("Most often asked to be amended:")
    assert text[amended + 1] == (f"1.1 {protocol.commitments[0].text}: 4 proposed wordings; "
                                 f"{AGREED}.")
    assert any("Facilitator's notes from Leeds Board, 2 November 2026" in t for t in text)
    for r in range(1, top):  # paragraphs span the table's width and wrap
        if ws.cell(r, 1).value and r > 1:
            assert ws.cell(r, 1).alignment.wrap_text
    assert any(str(m).startswith("A2:") for m in ws.merged_cells.ranges)


def test_the_table_has_every_commitment(book, council, protocol):
    ws = book["Summary"]
    top, header, rows = table(ws)
    labels = [o.label for o in protocol.vote_options]
    assert header == ["Ref", "Principle", "Commitment", *labels, "Total", "Leading", "Verdict",
                      "Reason", "Workshops voted", "Comments", "Proposed wordings",
                      "Top proposal"]
    assert [r["Ref"] for r in rows] == [code for _, code, _ in codes(protocol)]
    for r in range(top + 1, top + 1 + len(rows)):
        assert ws.cell(r, 1).data_type == "s"  # "5.10" is text, never the number 5.1
    for row, c in zip(rows, protocol.commitments, strict=True):
        totals = council.totals(protocol, c.id)
        assert [row[label] for label in labels] == list(totals.values())
        assert row["Total"] == sum(totals.values())
        assert row["Verdict"]  # never blank
    agree = labels[0]
    first, contested, agreed = rows[:3]
    assert first["Leading"] == f"{agree}, {share(24, 36)}%"
    assert (first["Workshops voted"], first["Proposed wordings"]) == (4, 4)
    assert first["Top proposal"] == AGREED
    assert contested["Verdict"] == "Contested" and agreed["Verdict"] == "Consensus"
    assert rows[5]["Verdict"] == "No votes" and rows[5]["Leading"] is None


def test_the_table_filters_and_prints_with_its_header(book):
    ws = book["Summary"]
    top, header, rows = table(ws)
    last = ws.cell(top, len(header)).column_letter
    assert ws.auto_filter.ref == f"A{top}:{last}{top + len(rows)}"
    assert ws.print_title_rows == f"${top}:${top}"
    assert all(ws.cell(top, col).font.b for col in range(1, len(header) + 1))
    assert ws.freeze_panes is None  # the findings above would fill the screen if frozen
    verdict = header.index("Verdict") + 1
    fills = {ws.cell(r, verdict).value: ws.cell(r, verdict).fill.fgColor.rgb
             for r in range(top + 1, top + 1 + len(rows))}
    assert len(set(fills.values())) == 3  # consensus, contested and no votes look different


def title_of(chart) -> str:
    return "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or []))


def cells(sheet, ref: str) -> list:
    """The values of a one-column range like `'Chart data'!$A$2:$A$8`."""
    name, area = ref.rsplit("!", 1)
    assert name.strip("'") == sheet.title
    area = area.replace("$", "")
    if ":" not in area:
        return [sheet[area].value]
    return [row[0].value for row in sheet[area]]


def test_a_stacked_bar_chart_per_principle(book, council, protocol):
    ws, data = book["Summary"], book["Chart data"]
    assert data.sheet_state == "hidden"
    charts = ws._charts
    assert len(charts) == len(protocol.principles)
    top, _, rows = table(ws)
    by_code = {code: cid for cid, code, _ in codes(protocol)}
    for number, (chart, principle) in enumerate(zip(charts, protocol.principles, strict=True),
                                                start=1):
        assert (chart.type, chart.grouping) == ("bar", "stacked")
        assert title_of(chart) == f"{number}. {principle.title}"
        assert chart.anchor._from.row >= top + len(rows)  # below the table
        assert len(chart.series) == len(protocol.vote_options)
        for series, option in zip(chart.series, protocol.vote_options, strict=True):
            refs = cells(data, series.cat.strRef.f)
            assert refs == [f"{number}.{n}" for n in range(1, len(principle.commitments) + 1)]
            counts = cells(data, series.val.numRef.f)
            assert counts == [council.totals(protocol, by_code[r])[option.id] for r in refs]
            assert cells(data, series.tx.strRef.f) == [option.label]
    fills = [s.spPr.solidFill.srgbClr for s in charts[0].series]
    assert fills[0] == "2E7D32" and fills[-1] == "C62828"  # support green, oppose red
    assert charts[0].x_axis.scaling.orientation == "maxMin"  # 1.1 at the top


def test_a_single_session_in_progress(partial, protocol):
    book = load_workbook(io.BytesIO(export_bytes(partial.merged, protocol, "xlsx")))
    ws = book["Summary"]
    _, _, rows = table(ws)
    assert sum(r["Total"] for r in rows) == 5
    assert {r["Verdict"] for r in rows[2:]} == {"No votes yet"}
    text = [ws.cell(r, 1).value for r in range(1, header_row(ws)) if ws.cell(r, 1).value]
    assert any(t.startswith("Still in progress: Half-way Group, 23 November 2026.")
               for t in text)
