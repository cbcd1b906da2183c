"""One report model feeds every view: the same merged file gives the same percentages, marks and
labels on screen (the results view, driven with Pilot) and in every export.

The file is made to catch the views' old disagreement: 1 vote in 8 is 12.5%, which the exports
rounded half up (13%) and the screen with Python's round() (12%). Each figure below is read off
what a person sees: the screen's characters, the Markdown and HTML table rows, the Word table's
cells, the CSV and Excel cells.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from tui_helpers import SIZE, make_app, make_session_file, settle, widget_text

from workshop.cli.main import main
from workshop.consultation.inputs import read_result
from workshop.consultation.report_build import build_report
from workshop.export import export_bytes
from workshop.tui.screens.results import ResultsScreen

ROOMS = [
    # session id, group, recommendation, counts per commitment
    ("1111aaaa-0000-4000-8000-000000000001", "Leeds Board", "adopt",
     {"share-resources": {"agree": 7, "disagree": 1},          # 88% / 13%: half up
      "monitor-resources": {"agree": 1, "amend": 1, "disagree": 1},  # 33% each: contested
      "encourage-innovation": {"agree": 5, "amend": 1}}),
    ("2222aaaa-0000-4000-8000-000000000002", "Taunton Committee", "",
     {"encourage-innovation": {"agree": 3, "amend": 1, "disagree": 1}}),
]


@pytest.fixture
def merged_path(protocol, tmp_path):
    folder = tmp_path / "sessions"
    for sid, group, choice, votes in ROOMS:
        def change(s, votes=votes, choice=choice):
            for cid, counts in votes.items():
                s.set_votes(cid, counts)
            if choice:
                s.set_recommendation(choice)
        make_session_file(protocol, folder, group=group, session_id=sid, changes=[change])
    out = tmp_path / "merged.toml"
    assert main(["merge", str(folder), "-o", str(out)]) == 0
    return out


def voted(report):
    return [c for c in report.commitments if c.total]


def test_the_report_rounds_one_in_eight_half_up(merged_path, protocol):
    report = build_report(read_result(merged_path, protocol), protocol)
    share = report.commitment("share-resources")
    assert (share.share("agree"), share.share("disagree")) == (88, 13)
    assert report.commitment("monitor-resources").mark_label == "Contested"
    assert [w.recommendation for w in report.workshops] == ["Adopt", "Undecided"]


async def test_the_screen_shows_the_reports_figures(merged_path, protocol, tmp_path):
    report = build_report(read_result(merged_path, protocol), protocol)
    app = make_app(protocol, tmp_path / "sessions", results_path=merged_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        listing = screen.query_one("#result-list")
        ids = [c.id for c in screen.rows]
        for view in voted(report):
            listing.highlighted = ids.index(view.id)
            await pilot.pause()
            shown = " ".join(re.sub("[\u2580-\u259f]+", " ", widget_text(
                screen.query_one("#result-text"))).split())
            for option in report.options:
                n = view.totals[option.id]
                assert f"{option.label} {n} {view.share(option.id)}%" in shown, shown
            assert view.verdict in shown and view.reason in shown
        listing.highlighted = ids.index("share-resources")
        await pilot.pause()
        shown = " ".join(re.sub("[\u2580-\u259f]+", " ", widget_text(
            screen.query_one("#result-text"))).split())
        assert "Agree 7 88%" in shown and "Disagree 1 13%" in shown  # 12.5% rounds half up
        await pilot.press("3")
        await pilot.pause()
        table = screen.query_one("#workshop-table")
        labels = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert labels == [w.recommendation for w in report.workshops]


def _row(text: str, needle: str, start: str, end: str) -> str:
    """The table row (from `start` to `end`) of an export that holds `needle` and its shares
    (the commitment is named in the findings too, outside any table)."""
    at = text.index(needle)
    while True:
        row = text[text.rindex(start, 0, at):text.index(end, at)]
        if "%)" in row:
            return row
        at = text.index(needle, at + 1)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_document_shows_the_reports_shares_and_marks(merged_path, protocol, fmt):
    merged = read_result(merged_path, protocol)
    report = build_report(merged, protocol)
    data = export_bytes(merged, protocol, fmt)
    for view in voted(report):
        if fmt == "docx":
            doc = Document(io.BytesIO(data))
            rows = [[cell.text for cell in row.cells] for t in doc.tables for row in t.rows]
            row = " | ".join(next(r for r in rows if view.text in r))
        elif fmt == "md":
            row = _row(data.decode(), view.text, "\n", "\n")
        else:
            row = _row(data.decode(), view.text, "<tr", "</tr>")
        for option in report.options:
            assert f"{view.totals[option.id]} ({view.share(option.id)}%)" in row, row
        assert view.mark_label in row
        if view.id == "share-resources":
            assert "7 (88%)" in row and "1 (13%)" in row  # 12.5% rounds half up


def test_spreadsheets_hold_the_reports_counts_and_labels(merged_path, protocol):
    merged = read_result(merged_path, protocol)
    report = build_report(merged, protocol)
    votes = list(csv.DictReader(io.StringIO(
        export_bytes(merged, protocol, "csv").decode("utf-8-sig"))))
    sessions = list(csv.DictReader(io.StringIO(
        export_bytes(merged, protocol, "csv", table="sessions").decode("utf-8-sig"))))
    book = load_workbook(io.BytesIO(export_bytes(merged, protocol, "xlsx")))
    sheet = [[c.value for c in row] for row in book["Sessions"].iter_rows()]
    column = sheet[0].index("Recommendation")
    expected = [w.recommendation for w in report.workshops]
    assert [row["Recommendation"] for row in sessions] == expected
    assert [row[column] for row in sheet[1:]] == expected
    for view in voted(report):
        for option in report.options:
            counted = sum(int(r[option.label]) for r in votes if r["Commitment id"] == view.id)
            assert counted == view.totals[option.id]


def _words(text: str) -> str:
    return " ".join(text.split())


def _visible_text(data: bytes, fmt: str) -> str:
    """What a reader of the file sees, read back with the format's own library."""
    if fmt == "md":
        from markdown_it import MarkdownIt
        tokens = MarkdownIt("commonmark").enable("strikethrough").enable("table").parse(
            data.decode())
        return _words(" ".join(c.content for t in tokens if t.type == "inline"
                               for c in t.children or () if c.type == "text"))
    if fmt == "html":
        from html.parser import HTMLParser

        class Text(HTMLParser):
            parts: list[str] = []

            def handle_data(self, d):
                self.parts.append(d)

        parser = Text()
        parser.parts = []
        parser.feed(data.decode())
        return _words("".join(parser.parts))
    if fmt == "docx":
        doc = Document(io.BytesIO(data))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return _words(" ".join([p.text for p in doc.paragraphs] + cells))
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(data))
        return _words(" ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows()
                               for c in row if c.value is not None))
    return _words(data.decode("utf-8-sig"))


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx", "csv"])
async def test_the_findings_and_grouped_wordings_on_screen_are_in_every_export(
        protocol, tmp_path, fmt):
    """Issue 11, 'Done when': the findings, the leading options and the grouped proposals the
    results view shows are in the export too, word for word."""
    from results_fixture import NOTES
    from results_fixture import merged_file as five_workshops

    from workshop.consultation.findings import findings

    path = five_workshops(protocol, tmp_path)
    merged = read_result(path, protocol)
    report = build_report(merged, protocol)
    found = findings(report)
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await pilot.pause()
        screen_text = widget_text(app.screen.query_one("#findings-text"))
    group = report.commitment("share-resources").amendment_groups[0]
    expected = [group.summary, found.unfinished_line(), found.headline()]
    expected += [c.text for c in found.contested_commitments]
    for line in expected:
        assert _words(line) in _words(screen_text), line
    if fmt == "csv":
        tables = {t: export_bytes(merged, protocol, "csv", table=t).decode("utf-8-sig")
                  for t in ("summary", "amendments", "sessions")}
        rows = list(csv.DictReader(io.StringIO(tables["summary"])))
        assert [r["Ref"] for r in rows] == [f"#{c.code}" for c in report.commitments]
        assert group.summary in tables["amendments"] and NOTES in tables["sessions"]
        for c in report.commitments:
            row = next(r for r in rows if r["Ref"] == f"#{c.code}")
            assert row["Leading"] == c.leading_text and row["Verdict"] == c.verdict
        return
    shown = _visible_text(export_bytes(merged, protocol, fmt), fmt)
    for line in expected:
        assert _words(line) in shown, line
    assert _words(NOTES) in shown
    for c in voted(report):
        assert c.leading_text in shown and c.code in shown


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx", "csv"])
async def test_the_themes_on_screen_are_in_every_export(protocol, tmp_path, fmt):
    """Issue 13: with an analyst's theme file, the theme counts the results view shows on a
    commitment and in its Findings tab are in every export, word for word."""
    from results_fixture import merged_file as five_workshops

    from workshop.analysis import theme_file
    from workshop.analysis.book import ThemeBook
    from workshop.consultation.findings import findings
    from workshop.export.themes_text import SEPARATOR

    path = five_workshops(protocol, tmp_path)
    merged = read_result(path, protocol)
    book = ThemeBook()
    book.add("Resources")
    book.add("Funding", parent="Resources")
    book.add("Training")
    for n, note in enumerate(build_report(merged, protocol).notes()):
        book.tag(note.session_id, note.entry_id, note.kind, note.target, note.text,
                 ("Funding", "Training", "Resources")[n % 3])
    theme_file.save(book, theme_file.sidecar_path(path))
    report = build_report(merged, protocol, book)
    share = report.commitment("share-resources")
    assert len(share.themes) >= 2
    app = make_app(protocol, tmp_path / "sessions", results_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = widget_text(app.screen.query_one("#result-text"))
        await pilot.press("4")
        await pilot.pause()
        findings_shown = widget_text(app.screen.query_one("#findings-text"))
    counts = [c.text for c in share.themes]
    for text in counts:
        assert _words(text) in _words(detail), text
    line = findings(report).themes_line()
    assert line and _words(line) in _words(findings_shown)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(export_bytes(
            merged, protocol, "csv", table="summary", book=book).decode("utf-8-sig"))))
        assert next(r for r in rows if r["Ref"] == f"#{share.code}")["Themes"] == \
            SEPARATOR.join(counts)
        return
    shown = _visible_text(export_bytes(merged, protocol, fmt, book=book), fmt)
    for text in counts:
        assert _words(text) in shown, text
    assert _words(line) in shown
