"""The assessment's profile charts on the workbook's Summary sheet (xlsx_assessment.py).

A native Excel stacked bar chart per principle: a bar per commitment, labelled with its
reference and mean (`1.4 (mean 3.2)`, or `1.4 (not rated)`), first at the top; a series per
point of the scale, lowest first, filled by the point's tone (the highest point as support,
the lowest as opposition: RatingScale.tones, the colours xlsx_summary.TONE_COLOURS gives a
consultation's options), each segment labelled with its count (zeros unlabelled). The charts sit
side by side as far as the table above them is wide (xlsx_summary.chart_slots) and read their
figures from the hidden "Chart data" sheet, last in the workbook, so sorting or filtering a
table never moves a bar. Nothing here imports Textual.
"""

from __future__ import annotations

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from workshop.consultation.assessment import PrincipleProfile, Rating
from workshop.consultation.report import Report
from workshop.export.xlsx_cells import Formats, put
from workshop.export.xlsx_summary import (
    CHART_SHEET,
    place_charts,
    stacked_chart,
)


def category(r: Rating) -> str:
    """`1.4 (mean 3.2)`, or `1.4 (not rated)`."""
    return f"{r.code} (mean {r.spread.mean_text})" if r.n else f"{r.code} (not rated)"


def profile_charts(wb: Workbook, ws: Worksheet, formats: Formats, report: Report, top: int,
                   widths: list[float]) -> int:
    """A profile chart per principle from row `top` on; returns the last row they cover."""
    a = report.assessment
    assert a is not None
    return place_charts(
        ws, formats, top, widths, "Ratings per commitment, by principle",
        [len(p.ratings) for p in a.principles],
        lambda i, first, width, height: _chart(wb, report, a.principles[i], first, width,
                                               height))


def _chart(wb: Workbook, report: Report, p: PrincipleProfile, first: int, width: int,
           height: int):
    scale = report.assessment.scale
    tones = [scale.tones[point.id] for point in scale.points]
    longest = max((r.n for r in p.ratings), default=0)
    return stacked_chart(wb, f"{p.number}. {p.principle.title}", tones, first, len(p.ratings),
                         "Ratings", longest, width, height)


def add_profile_chart_data(wb: Workbook, formats: Formats, report: Report) -> None:
    """The hidden sheet the charts read: a row per commitment, its label and its counts."""
    a = report.assessment
    assert a is not None
    ws = wb.add_worksheet(CHART_SHEET)
    for k, title in enumerate(["Commitment", *(f"{p.value} {p.label}" for p in a.scale.points)]):
        put(ws, formats, 0, k, title, bold=True)
    for r, rating in enumerate(a.ratings, start=1):
        put(ws, formats, r, 0, category(rating))
        for k, point in enumerate(a.scale.points, start=1):
            put(ws, formats, r, k, rating.spread.counts.get(point.value, 0))
    ws.hide()
