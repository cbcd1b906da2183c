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
    TONE_COLOURS,
    place_charts,
    text_categories,
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
    a = report.assessment
    n = len(p.ratings)
    chart = wb.add_chart({"type": "bar", "subtype": "stacked"})
    chart._get_data_type = text_categories  # Refs stay text (xlsx_summary._chart says why)
    tones = a.scale.tones
    for k, point in enumerate(a.scale.points, start=1):
        fill, ink = TONE_COLOURS[tones[point.id]]
        chart.add_series({
            "name": [CHART_SHEET, 0, k],
            "categories": [CHART_SHEET, first, 0, first + n - 1, 0],
            "values": [CHART_SHEET, first, k, first + n - 1, k],
            "fill": {"color": fill}, "border": {"color": "#FFFFFF"}, "gap": 50,
            "data_labels": {"value": True, "num_format": "0;;;",
                            "font": {"color": ink, "size": 9}},
        })
    chart.set_title({"name": f"{p.number}. {p.principle.title}",
                     "name_font": {"size": 11, "bold": True}})
    chart.set_y_axis({"reverse": True, "crossing": "max", "interval_unit": 1,
                      "num_font": {"size": 9}})
    ratings = {"name": "Ratings", "name_font": {"size": 9, "bold": False},
               "num_font": {"size": 9}, "min": 0,
               "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    longest = max((r.n for r in p.ratings), default=0)
    if longest <= 10:  # whole ratings only
        ratings.update(max=max(longest, 1), major_unit=1)
    chart.set_x_axis(ratings)
    chart.set_legend({"position": "bottom", "font": {"size": 9}})
    chart.set_size({"width": width, "height": height})
    return chart


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
