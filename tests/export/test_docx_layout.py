"""DOCX layout, read back with python-docx and its element tree: heading levels nest without a
gap, headings and labels are kept with what follows, table rows never split and header rows
repeat, one table style with bold headers, fixed column widths wide enough that no label or
number breaks inside a cell (measured here with Pillow on DejaVu Sans Bold, not with the
export's own table), no empty paragraphs, A4 portrait, "Page N of M" and a contents field, UK
English."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from export_helpers import council_sessions, save_merged, save_session
from test_export_docx import open_doc, principle_tables

from workshop.consultation.inputs import read_result
from workshop.export import export_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL_COLUMNS = {"Ref", "Commitment", "Agree", "Agree if amended", "Disagree", "Total", "Result",
                 "People", "Progress", "Recommendation", "Kind", "Workshops", "Detail"}
"""Columns of labels and numbers, whose words must never break (the others hold people's
words: workshop names, places, comments)."""
NUMBER_COLUMNS = {"Agree", "Agree if amended", "Disagree", "Total", "People", "Workshops"}
"""Columns whose cells must fit whole: "24 (67%)" on one line."""
MARGINS_CM = 0.38
"""Word's default cell margins, left and right."""


@pytest.fixture(params=["session", "merged", "council"])
def data(request, protocol, sessions, tmp_path) -> bytes:
    """The export of a finished session, of a merged file of two (the hostile corpus), and of
    the council's four workshops."""
    if request.param == "session":
        path = save_session(tmp_path, sessions[0], protocol)
    else:
        chosen = sessions if request.param == "merged" else council_sessions(protocol)
        path = save_merged(tmp_path / "merged.toml", chosen, protocol)
    return export_bytes(read_result(path, protocol), protocol, "docx")


def level(paragraph) -> int | None:
    name = paragraph.style.name
    if name == "Title":
        return 0
    if name.startswith("Heading "):
        return int(name.removeprefix("Heading "))
    return None


def test_heading_levels_nest_without_a_gap(data):
    doc = open_doc(data)
    levels = [n for n in map(level, doc.paragraphs) if n is not None]
    assert levels[0] == 0 and levels.count(0) == 1
    for before, now in zip(levels, levels[1:], strict=False):
        assert now <= before + 1, levels
    assert {1, 2} <= set(levels)


def test_the_council_report_uses_three_heading_levels(council, protocol):
    doc = open_doc(export_bytes(council.merged, protocol, "docx"))
    assert {level(p) for p in doc.paragraphs} == {None, 0, 1, 2, 3}


def test_headings_and_labels_are_kept_with_what_follows(council, protocol):
    doc = open_doc(export_bytes(council.merged, protocol, "docx"))
    paragraphs = doc.paragraphs
    kept = [p for p in paragraphs if level(p) is not None or p.text in (
        "Comments:", "Proposed wordings:", "Facilitator's notes")]
    assert len(kept) > 60
    statements = [paragraphs[n + 1] for n, p in enumerate(paragraphs)
                  if re.fullmatch(r"\d\. .*", p.text) and level(p) == 1]
    assert [s.text for s in statements] == [p.statement for p in protocol.principles]
    summaries = [p for p in paragraphs if re.fullmatch(r"\d of 4 workshops proposes? .*", p.text)]
    assert len(summaries) == 2
    diffs = [paragraphs[n + 1] for n, p in enumerate(paragraphs)
             if re.fullmatch(r"\d of 4 workshops proposes? .*", p.text)]
    assert all(any(r.font.strike or r.underline for r in d.runs) for d in diffs)
    charts = [p for p in paragraphs if p._p.xpath(".//w:drawing")]
    for p in [*kept, *statements, *summaries, *diffs, *charts]:
        assert p.paragraph_format.keep_with_next, p.text
    assert not paragraphs[-1].paragraph_format.keep_with_next


def test_rows_never_split_and_header_rows_repeat_in_bold(data):
    doc = open_doc(data)
    assert doc.tables
    for table in doc.tables:
        assert table.style.name == "Table Grid"
        for n, row in enumerate(table.rows):
            props = row._tr.trPr
            assert props is not None and props.find(f"{W}cantSplit") is not None
            assert (props.find(f"{W}tblHeader") is not None) == (n == 0)
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
        assert not any(run.bold for cell in table.rows[1].cells
                       for run in cell.paragraphs[0].runs)


def test_no_empty_paragraph_anywhere(data):
    doc = open_doc(data)
    body = list(doc.element.body.iterchildren())
    for n, element in enumerate(body):
        if element.tag == f"{W}p":
            text = "".join(t.text or "" for t in element.iter(f"{W}t"))
            assert text.strip() or element.xpath(".//w:drawing|.//w:instrText"), n
    after_tables = [body[n + 1] for n, e in enumerate(body[:-1]) if e.tag == f"{W}tbl"]
    assert after_tables and all(
        e.tag == f"{W}tbl" or "".join(t.text or "" for t in e.iter(f"{W}t")).strip()
        or e.tag == f"{W}sectPr" for e in after_tables)


@pytest.fixture(scope="module")
def measure():
    """Width in cm at 9 pt in the widest font of its weight that a word processor without
    Calibri or Cambria (LibreOffice here) falls back to: DejaVu Sans or DejaVu Serif."""
    image_font = pytest.importorskip("PIL.ImageFont")
    import matplotlib
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    fonts = {bold: [image_font.truetype(str(folder / f"DejaVu{family}{suffix}.ttf"), 900)
                    for family in ("Sans", "Serif")]
             for bold, suffix in ((True, "-Bold"), (False, ""))}

    def cm(text: str, bold: bool) -> float:
        return max(f.getlength(text) for f in fonts[bold]) / 100 * 2.54 / 72
    return cm


def test_columns_are_wide_enough_that_no_label_or_number_breaks(data, measure):
    doc = open_doc(data)
    for table in doc.tables:
        grid = [int(g.get(f"{W}w")) / 567 for g in table._tbl.tblGrid.iter(f"{W}gridCol")]
        header = [c.text for c in table.rows[0].cells]
        for c, name in enumerate(header):
            room = grid[c] - MARGINS_CM
            assert all(measure(word, True) <= room for word in name.split()), (header, grid)
            if name not in LABEL_COLUMNS:
                continue
            for row in table.rows[1:]:
                cell = row.cells[c]
                bold = any(run.bold for run in cell.paragraphs[0].runs)
                pieces = [cell.text] if name in NUMBER_COLUMNS else cell.text.split()
                assert all(measure(piece, bold) <= room for piece in pieces), (
                    name, cell.text, grid[c])


def test_widths_are_fixed_in_grid_and_cells_within_the_page(data):
    doc = open_doc(data)
    for table in doc.tables:
        props = table._tbl.tblPr
        assert props.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        grid = [int(g.get(f"{W}w")) for g in table._tbl.tblGrid.iter(f"{W}gridCol")]
        assert abs(int(props.find(f"{W}tblW").get(f"{W}w")) - sum(grid)) <= len(grid)
        assert sum(grid) <= 17 * 567 + 20  # the text width: A4 less 2 cm margins
        for row in table.rows:
            assert [cell.width for cell in row.cells] == [column.width for column in table.columns]


def test_a4_portrait_with_page_numbers(data):
    doc = open_doc(data)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.page_height > section.page_width
    assert [round(m.cm, 1) for m in (section.left_margin, section.right_margin,
                                     section.top_margin, section.bottom_margin)] == [2.0] * 4
    footer = section.footer.paragraphs[0]
    assert footer.text == "Page 1 of 1"  # until the fields are updated
    assert [e.text for e in footer._p.iter(f"{W}instrText")] == [" PAGE ", " NUMPAGES "]


def test_a_contents_field_after_the_title(data):
    doc = open_doc(data)
    texts = [p.text for p in doc.paragraphs]
    at = texts.index("Contents")
    assert doc.paragraphs[at].style.name == "TOC Heading"
    assert at < texts.index("Findings")
    toc = doc.paragraphs[at + 1]
    assert [e.text for e in toc._p.iter(f"{W}instrText")] == [' TOC \\o "1-3" \\h \\z \\u ']
    assert "update the document's fields" in doc.paragraphs[at + 2].text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        settings = z.read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings


def test_uk_english(data):
    doc = open_doc(data)
    styles = doc.styles.element
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "en-GB"
    normal = doc.styles["Normal"].element.find(f"{W}rPr/{W}lang")
    assert normal.get(f"{W}val") == "en-GB"
    assert doc.settings.element.find(f"{W}themeFontLang").get(f"{W}val") == "en-GB"
    assert doc.core_properties.language == "en-GB"


def test_numbers_are_on_the_right_and_the_principle_total_is_bold(source, protocol):
    doc = open_doc(export_bytes(source.merged, protocol, "docx"))
    table = principle_tables(doc)[0]
    assert all(cell.paragraphs[0].alignment == 2 for cell in table.rows[1].cells[2:-1])
    assert all(run.bold for cell in table.rows[-1].cells for run in cell.paragraphs[0].runs)
