"""An assessment's results detail lays out a few workshops' own ratings and says how many more
(a table of a thousand rows took seconds on each move of the highlight), as a consultation's
detail does with its counts."""

from __future__ import annotations

from rich.console import Console

from modes_helpers import assessment, merged_of
from workshop.consultation.report_build import build_report
from workshop.tui import results_render
from workshop.tui.assessment_render import rating_detail


def detail_text(protocol, workshops: int) -> str:
    sessions = [assessment(protocol, f"Board {n}", session_id=f"s{n}", shift=n)
                for n in range(workshops)]
    report = build_report(merged_of(*sessions), protocol)
    rating = report.assessment.ratings[0]
    console = Console(width=100, record=True, color_system=None)
    console.print(rating_detail(rating, report.assessment.scale, {}, workshops))
    return console.export_text()


def test_a_few_workshops_then_how_many_more(protocol, monkeypatch):
    monkeypatch.setattr(results_render, "WORKSHOPS_SHOWN", 2)
    text = detail_text(protocol, 5)
    more = "… and 3 more workshops: every export lists each workshop's ratings."
    assert more in text
    table = text.split("Workshop", 1)[1].split(more, 1)[0]  # (the actions below name theirs)
    assert "Board 0" in table and "Board 1" in table
    assert not any(f"Board {n}" in table for n in (2, 3, 4))


def test_no_more_line_when_every_workshop_fits(protocol):
    text = detail_text(protocol, 3)
    assert all(f"Board {n}" in text for n in range(3))
    assert "more workshop" not in text
