"""Themes in the tidy tables, read back with the csv module and openpyxl: the Theme column of the
comments, amendments and answers tables, the themes table (CSV `--table themes`, the workbook's
Themes sheet), the findings' themes rows, the summary's Themes column and the Summary sheet's
themes lines. Theme names are people's words: a name starting like a formula gets the CSV's `'`
and the workbook's quote-prefix style, and `--raw-text` keeps it as typed. Without a theme file
the tables are what they were."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from themed_helpers import (
    AMENDED_THEMES,
    COMMENTED_THEMES,
    FIRST_QUESTION_THEMES,
    HOSTILE,
    HOSTILE_CHILD,
    SECOND_QUESTION_THEMES,
    THEME_FIGURES,
    THEMES_LINE,
    untagged_book,
)

from workshop.analysis.book import ThemeBook
from workshop.export import FORMATS, TABLES, export_bytes

THEMES_HEADER = ["Theme", "Parent", "Description", "Entries", "Workshops", "Tagged directly",
                 "Comments", "Proposed wordings", "Answers"]


def read(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def csv_table(themed, protocol, table: str, book=None, raw: bool = False) -> list[dict]:
    book = themed.book if book is None else book
    return read(export_bytes(themed.merged, protocol, "csv", table, raw_text=raw, book=book))


def guarded(text: str) -> str:
    """A CSV cell as the formula guard writes it."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text


def test_theme_column_after_the_text_in_comments_amendments_and_answers(themed, protocol):
    for table in ("comments", "amendments", "answers"):
        rows = csv_table(themed, protocol, table)
        header = list(rows[0])
        assert header[header.index("Text") + 1] == "Theme", table
    by_text = {r["Text"]: r["Theme"] for r in csv_table(themed, protocol, "comments")}
    assert by_text["Comment from Leeds Board"] == "Funding"
    assert by_text["Comment from Taunton Panel"] == f"Staff time; {HOSTILE}"
    assert by_text["Comment from Salford Circle"] == ""  # untagged: an empty cell
    wordings = {r["Group"]: r["Theme"] for r in csv_table(themed, protocol, "amendments")}
    assert wordings == {"Leeds Board": "Verification", "Bristol Forum": "Verification",
                        "Taunton Panel": "Verification", "Salford Circle": "Resources"}
    answers = {(r["Group"], r["Question no."]): r["Theme"]
               for r in csv_table(themed, protocol, "answers")}
    assert answers[("Bristol Forum", "1")] == "Funding; Staff time"
    assert answers[("Salford Circle", "1")] == guarded(HOSTILE_CHILD)
    assert answers[("Leeds Board", "2")] == "Staff time"
    assert answers[("Salford Circle", "2")] == ""


def test_a_theme_that_looks_like_a_formula_is_inert_unless_raw_text(themed, protocol):
    rows = csv_table(themed, protocol, "themes")
    assert rows[4]["Theme"] == "'" + HOSTILE and rows[5]["Parent"] == "'" + HOSTILE
    assert rows[5]["Theme"] == "'" + HOSTILE_CHILD
    raw = csv_table(themed, protocol, "themes", raw=True)
    assert (raw[4]["Theme"], raw[4]["Description"]) == (HOSTILE, "<b>not bold</b> =1+1")
    answers = csv_table(themed, protocol, "answers", raw=True)
    assert HOSTILE_CHILD in {r["Theme"] for r in answers}


def test_themes_table_a_row_per_theme_in_codebook_order(themed, protocol):
    rows = csv_table(themed, protocol, "themes", raw=True)
    assert list(rows[0]) == THEMES_HEADER
    got = [(r["Theme"], r["Parent"], *(int(r[k]) for k in THEMES_HEADER[3:])) for r in rows]
    assert got == THEME_FIGURES
    assert rows[0]["Description"] == "Money, staff and time the protocol needs"
    for r in rows:  # a theme's entries are its comments, wordings and answers
        assert int(r["Entries"]) == sum(int(r[k]) for k in THEMES_HEADER[-3:])


def test_findings_and_summary_name_the_themes(themed, protocol):
    rows = csv_table(themed, protocol, "findings")
    raised = [(r["Subject"], r["Count"], r["Detail"]) for r in rows
              if r["Finding"] == "Theme most raised"]
    assert raised == [("Resources", "7", "7 entries, 4 workshops"),
                      ("Verification", "4", "4 entries, 3 workshops"),
                      ("'" + HOSTILE, "2", "2 entries, 2 workshops")]
    [tagged] = [r for r in rows if r["Finding"] == "Tagged"]
    assert (tagged["Count"], tagged["Detail"]) == (
        "12", "12 of 16 comments, proposed wordings and answers are tagged.")
    summary = csv_table(themed, protocol, "summary", raw=True)
    assert list(summary[0])[-1] == "Themes"
    assert [r["Themes"] for r in summary[:3]] == [AMENDED_THEMES, COMMENTED_THEMES, ""]


def test_a_codebook_with_nothing_tagged(themed, protocol):
    book = untagged_book()
    rows = csv_table(themed, protocol, "comments", book=book)
    assert "Theme" in rows[0] and {r["Theme"] for r in rows} == {""}
    themes = csv_table(themed, protocol, "themes", book=book, raw=True)
    assert [(r["Theme"], r["Entries"]) for r in themes] == [
        ("Resources", "0"), ("Funding", "0"), (HOSTILE, "0")]
    findings = csv_table(themed, protocol, "findings", book=book)
    assert [(r["Finding"], r["Detail"]) for r in findings if r["Finding"].startswith(("Theme",
            "Tagged"))] == [("Tagged", "No comments, proposed wordings or answers are tagged "
                                       "yet.")]


def test_without_a_theme_file_every_export_is_what_it_was(themed, protocol):
    """No theme file (None), or one with an empty codebook: the same bytes, no Theme column,
    and the themes table only its header."""
    for fmt in FORMATS:
        for table in (TABLES if fmt == "csv" else ("votes",)):
            plain = export_bytes(themed.merged, protocol, fmt, table)
            assert export_bytes(themed.merged, protocol, fmt, table, book=ThemeBook()) == plain
    for table in ("comments", "amendments", "answers", "summary"):
        header = list(csv.reader(io.StringIO(export_bytes(
            themed.merged, protocol, "csv", table).decode("utf-8-sig"))))[0]
        assert "Theme" not in header and "Themes" not in header
    data = export_bytes(themed.merged, protocol, "csv", "themes").decode("utf-8-sig")
    assert data == ",".join(THEMES_HEADER) + "\r\n"


def workbook(themed, protocol, book=None):
    book = themed.book if book is None else book
    return load_workbook(io.BytesIO(export_bytes(themed.merged, protocol, "xlsx", book=book)))


def test_workbook_has_a_themes_sheet_and_theme_columns(themed, protocol):
    wb = workbook(themed, protocol)
    assert wb.sheetnames == ["Summary", "Votes", "Comments", "Amendments", "Answers", "Themes",
                             "Sessions", "Chart data"]
    ws = wb["Themes"]
    assert [c.value for c in ws[1]] == THEMES_HEADER
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:I{len(THEME_FIGURES) + 1}"
    got = [(r[0].value, r[1].value or "", *(c.value for c in r[3:]))
           for r in ws.iter_rows(min_row=2)]
    assert got == THEME_FIGURES
    hostile = ws.cell(6, 1)  # as typed, a text cell that never runs
    assert (hostile.value, hostile.data_type, hostile.quotePrefix) == (HOSTILE, "s", True)
    assert ws.cell(7, 2).value == HOSTILE and ws.cell(7, 2).quotePrefix
    answers = wb["Answers"]
    header = [c.value for c in answers[1]]
    theme = header.index("Theme") + 1
    assert header[theme - 2] == "Text"
    cells = {answers.cell(r, theme).value for r in range(2, answers.max_row + 1)}
    assert {"Funding; Staff time", HOSTILE_CHILD, None} <= cells
    child = next(answers.cell(r, theme) for r in range(2, answers.max_row + 1)
                 if answers.cell(r, theme).value == HOSTILE_CHILD)
    assert child.quotePrefix  # starts with "-"


def test_summary_sheet_gives_the_themes_line_and_each_question_s_themes(themed, protocol):
    ws = workbook(themed, protocol)["Summary"]
    texts = [c.value for row in ws.iter_rows(max_col=1) for c in row if c.value]
    assert THEMES_LINE in texts
    start = texts.index("Themes in the answers to each question:")
    assert texts[start + 1] == (f"Q1. {protocol.questions[0].text}: {FIRST_QUESTION_THEMES}.")
    assert texts[start + 2] == (f"Q2. {protocol.questions[1].text}: {SECOND_QUESTION_THEMES}.")
    assert texts[start + 3].startswith("Every theme, with its figures, is in the Themes sheet")
    header_row = next(r for r in ws.iter_rows() if r[0].value == "Ref")
    header = [c.value for c in header_row]
    assert header[-1] == "Themes"
    first = header_row[0].row + 1
    assert ws.cell(first, len(header)).value == AMENDED_THEMES
    assert ws.cell(first + 1, len(header)).value == COMMENTED_THEMES


def test_workbook_with_nothing_tagged_says_so(themed, protocol):
    wb = workbook(themed, protocol, untagged_book())
    assert "Themes" in wb.sheetnames
    texts = [c.value for row in wb["Summary"].iter_rows(max_col=1) for c in row if c.value]
    assert "Themes: no comments, proposed wordings or answers are tagged yet." in texts
    assert "Themes in the answers to each question:" not in texts


def test_workbook_without_a_theme_file_has_no_themes_sheet(themed, protocol):
    wb = load_workbook(io.BytesIO(export_bytes(themed.merged, protocol, "xlsx")))
    assert "Themes" not in wb.sheetnames
    assert "Theme" not in [c.value for c in wb["Comments"][1]]
