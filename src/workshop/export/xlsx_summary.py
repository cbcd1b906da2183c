"""The workbook's first sheet, **Summary**: what a committee reads first, and its charts.

From the top: the title and the one-line summary; the findings (consultation/findings.py), each
a paragraph across the sheet: the headline, the recommendations with the workshops behind each,
the workshops still in progress, the contested commitments (most contested first, each with its
reason), the commitments most often asked to be amended (each with what most of its workshops
propose), with an analyst's theme file the themes most raised and each question's themes
(xlsx_themes.py), and which workshops left facilitator's notes; then **Results per
commitment**, the summary table of rows.py (Ref, principle, commitment, each option's count,
total, leading option, verdict in its mark's colour, reason, workshops voted, comments,
proposed wordings, top proposal, and with a theme file its themes) with a filter on it; below
it, a native Excel **stacked bar chart per principle** (a bar per commitment, labelled by its
Ref; a series per vote option, coloured by what it means as in the HTML export; zero counts
unlabelled).

The charts read their figures from a hidden sheet, "Chart data" (last in the workbook), not from
the summary table, so sorting or filtering the table never puts a commitment under the wrong
principle's chart. The Summary's rows are not frozen: its header row sits below the findings,
and freezing every row above it would fill a laptop's screen; the table's header row is
repeated on every printed page instead, and every tidy sheet after it has a frozen header.
Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable

from xlsxwriter.chart import Chart
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from workshop.consultation.findings import findings
from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES
from workshop.consultation.report import (
    ANONYMISED_NOTE,
    MAJORITY_LABEL,
    MARK_LABELS,
    Report,
    mark_label,
)
from workshop.export.rows import Cell, Ref, summary_table
from workshop.export.xlsx_cells import (
    FONT_SIZE,
    LINE_HEIGHT,
    MAX_HEIGHT,
    Formats,
    cell_text,
    print_setup,
    put,
    table_width,
    text_height,
    write_table,
)
from workshop.export.xlsx_themes import themes_lines

CHART_SHEET = "Chart data"
TITLE = {"bold": True, "font_size": 16}
HEADING = {"bold": True, "font_size": 13}
BOLD = {"bold": True}
HEIGHTS = {16: 24, 13: 20}
"""Row heights (points) for the title and heading type sizes."""
VERDICT_COLOURS = {
    MARK_LABELS[CONSENSUS]: {"bg_color": "#2E7D32", "font_color": "#FFFFFF"},
    MARK_LABELS[CONTESTED]: {"bg_color": "#F2B705", "font_color": "#1A1A1A"},
    MAJORITY_LABEL: {"bg_color": "#DBE7F3", "font_color": "#1F4E79"},
    MARK_LABELS[NO_VOTES]: {"bg_color": "#E0E0E0", "font_color": "#333333"},
    mark_label(NO_VOTES, True): {"bg_color": "#E0E0E0", "font_color": "#333333"},
}
"""The verdict cell's colours, as the HTML export marks them."""
TONE_COLOURS = {"support": ("#2E7D32", "#FFFFFF"), "qualified": ("#F2B705", "#1A1A1A"),
                "alternative": ("#1565C0", "#FFFFFF"), "neutral": ("#6A1B9A", "#FFFFFF"),
                "oppose": ("#C62828", "#FFFFFF")}
"""(fill, label colour) of a chart series by what its vote option means (protocol.model TONES),
the colours the HTML export and the screens use."""
CHART_WIDTH = 420
"""The narrowest chart, in pixels; the charts sit side by side as far as the table is wide."""
CHART_GAP = 12
"""Pixels left free at the right of each chart's columns, between it and the next."""
PIXELS_PER_ROW = 20
"""A default-height row (15 pt) in pixels."""


def findings_lines(report: Report) -> list[tuple[str, dict]]:
    """The Summary's paragraphs above its table: (text, format properties)."""
    f = findings(report)
    out = [(report.title, TITLE), *anonymised_line(report), (report.summary_line(), {}),
           ("", {}),
           ("Findings", HEADING), (f.headline(), {}),
           ("Recommendations: " + f.recommendation_line(), {})]
    if f.unfinished_line():
        out.append((f.unfinished_line() + " Its figures may yet change.", BOLD))
    out.append(("Contested commitments, most contested first:", BOLD))
    out += [(f"{c.code} {c.text}: {c.reason}.", {}) for c in f.contested_commitments] or [
        ("None.", {})]
    out.append(("Most often asked to be amended:", BOLD))
    out += [(f"{c.code} {c.text}: {len(c.amendments)} proposed wording"
             f"{'' if len(c.amendments) == 1 else 's'}; {c.amendment_groups[0].summary}.", {})
            for c in f.most_amended] or [("None.", {})]
    out += themes_lines(report, f)
    noted = report.noted()
    if noted:
        out.append(("Facilitator's notes from " + "; ".join(w.name for w in noted)
                    + ": in the Sessions sheet.", {}))
    if report.register:
        out.append((f"Sign-up register: {report.register.summary_line()} In the Register "
                    "sheet.", {}))
    return out + [("", {}), ("Results per commitment", HEADING)]


def anonymised_line(report: Report) -> list[tuple[str, dict]]:
    """The note that names are withheld, in an anonymised workbook; [] otherwise."""
    return [(ANONYMISED_NOTE, {"italic": True})] if report.anonymised else []


def paragraph(ws: Worksheet, formats: Formats, row: int, last_col: int, width: float,
               text: str, style: dict) -> None:
    """One paragraph across the sheet's columns (a merged cell, wrapped, as tall as needed)."""
    if not text:
        return
    props = {"text_wrap": True, "valign": "top", **style}
    shown, quote = cell_text(text)
    if quote:
        props["quote_prefix"] = True
    fmt = formats(**props)
    if last_col:  # a sheet of one column has nothing to merge
        ws.merge_range(row, 0, row, last_col, "", fmt)
    ws.write_string(row, 0, shown, fmt)
    size = style.get("font_size", FONT_SIZE)
    height = HEIGHTS.get(size) or text_height(text, width)
    if height > LINE_HEIGHT[FONT_SIZE]:
        ws.set_row(row, min(height, MAX_HEIGHT))


def _verdict_style(verdict_col: int):
    def style(values: list[Cell], col: int) -> dict:
        if col != verdict_col or not isinstance(values[col], str):
            return {}
        return VERDICT_COLOURS.get(values[col], {})
    return style


def add_summary(wb: Workbook, formats: Formats, report: Report) -> None:
    """The Summary sheet (module docstring); charts read the sheet add_chart_data writes."""
    ws = wb.add_worksheet("Summary")
    t = summary_table(report)
    last_col, width = len(t.columns) - 1, table_width(t)
    top = 0
    for text, style in findings_lines(report):
        paragraph(ws, formats, top, last_col, width, text, style)
        top += 1
    last = write_table(ws, formats, t, top=top, style=_verdict_style(t.header.index("Verdict")))
    end = _charts(wb, ws, formats, report, last + 2, [c.width for c in t.columns])
    print_setup(ws, width, header_row=top)
    ws.print_area(0, 0, end, last_col)


def column_pixels(width: float) -> int:
    """A column's width in pixels as Excel draws it at 11 pt Calibri (XlsxWriter's rule)."""
    return int(width * 7 + 0.5) + 5


def chart_slots(widths: list[float]) -> list[tuple[int, int]]:
    """Side by side places for the charts: (first column, pixels), each a run of whole columns
    at least CHART_WIDTH wide. Charts fill whole columns and whole rows, so an application
    whose columns come out wider or narrower (another font) stretches them with the cells."""
    slots, first, pixels = [], 0, 0
    for col, width in enumerate(widths):
        pixels += column_pixels(width)
        if pixels >= CHART_WIDTH:
            slots.append((first, pixels))
            first, pixels = col + 1, 0
    return slots or [(0, pixels)]


def _charts(wb: Workbook, ws: Worksheet, formats: Formats, report: Report, top: int,
            widths: list[float]) -> int:
    """A stacked bar chart per principle from row `top` on; returns the last row they cover."""
    return place_charts(
        ws, formats, top, widths, "Votes per commitment, by principle",
        [len(p.commitments) for p in report.principles],
        lambda i, first, width, height: _chart(wb, report, report.principles[i], first,
                                               len(report.principles[i].commitments), width,
                                               height))


def place_charts(ws: Worksheet, formats: Formats, top: int, widths: list[float], title: str,
                 bars: list[int], make: Callable[[int, int, int, int], Chart]) -> int:
    """Under the heading `title` at row `top`, one chart per principle side by side as far as
    the table above is wide (chart_slots), each as tall as its `bars` need: `make(index, first
    data row, width, height)` draws the principle's chart. Returns the last row they cover."""
    put(ws, formats, top, 0, title, **HEADING)
    ws.set_row(top, HEIGHTS[HEADING["font_size"]])
    slots = chart_slots(widths)
    row, first, tallest = top + 1, 1, 0
    for i, n in enumerate(bars):
        if i and i % len(slots) == 0:
            row += tallest + 1
            tallest = 0
        rows = -(-(120 + 28 * max(n, 1)) // PIXELS_PER_ROW)
        col, width = slots[i % len(slots)]
        ws.insert_chart(row, col, make(i, first, width - CHART_GAP, rows * PIXELS_PER_ROW))
        tallest = max(tallest, rows)
        first += n
    end = row + tallest
    for r in range(top + 1, end + 1):  # rows of a known height, whatever the application's font
        ws.set_row(r, LINE_HEIGHT[FONT_SIZE])
    return end


def _chart(wb: Workbook, report: Report, p, first: int, n: int, width: int,
           height: int):
    tones = [report.protocol.tones[option.id] for option in report.options]
    longest = max((c.total for c in p.commitments), default=0)
    return stacked_chart(wb, f"{p.number}. {p.principle.title}", tones, first, n, "Votes",
                         longest, width, height)


def stacked_chart(wb: Workbook, title: str, tones: list[str], first: int, n: int, axis: str,
                  longest: int, width: int, height: int):
    """A principle's stacked bar chart: a bar per commitment (the `n` rows of the chart data
    sheet from `first`), a series per option or point of the scale in its tone (`tones`, in
    the sheet's column order), counted on an axis called `axis` whose longest bar is
    `longest`. The votes' charts and the assessment's profile charts are both this one."""
    chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
    # XlsxWriter guesses the categories' type from their text and would cache the Ref "5.10" as
    # the number 5.1; it has no option for this, so the guess is replaced on this chart
    # (test_sheet_summary reads the categories back as text).
    chart._get_data_type = text_categories
    for k, tone in enumerate(tones, start=1):
        fill, ink = TONE_COLOURS[tone]
        chart.add_series({
            "name": [CHART_SHEET, 0, k],
            "categories": [CHART_SHEET, first, 0, first + n - 1, 0],
            "values": [CHART_SHEET, first, k, first + n - 1, k],
            "fill": {"color": fill}, "border": {"color": "#FFFFFF"}, "gap": 50,
            "data_labels": {"value": True, "num_format": "0;;;",
                            "font": {"color": ink, "size": 9}},
        })
    # The title never starts with "=", a formula to a chart (it is a principle's number).
    chart.set_title({"name": title, "name_font": {"size": 11, "bold": True}})
    # A bar chart's y axis is its categories (the Refs, first at the top), x its counts.
    chart.set_y_axis({"reverse": True, "crossing": "max", "interval_unit": 1,
                      "num_font": {"size": 9}})
    counts = {"name": axis, "name_font": {"size": 9, "bold": False}, "num_font": {"size": 9},
              "min": 0, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    if longest <= 10:  # whole counts only: no axis of 0.1, 0.2, ... under a few or none
        counts.update(max=max(longest, 1), major_unit=1)
    chart.set_x_axis(counts)
    chart.set_legend({"position": "bottom", "font": {"size": 9}})
    chart.set_size({"width": width, "height": height})
    return chart


def text_categories(data) -> str:
    """A chart's categories are text (Refs), never numbers; "none" when there are none."""
    return "str" if data else "none"


def add_chart_data(wb: Workbook, formats: Formats, report: Report) -> None:
    """The hidden sheet the charts read: a row per commitment, its Ref and its counts."""
    ws = wb.add_worksheet(CHART_SHEET)
    for k, title in enumerate(["Ref", *(o.label for o in report.options)]):
        put(ws, formats, 0, k, title, bold=True)
    for r, c in enumerate(report.commitments, start=1):
        put(ws, formats, r, 0, Ref(c.code))
        for k, option in enumerate(report.options, start=1):
            put(ws, formats, r, k, c.totals.get(option.id, 0))
    ws.hide()
