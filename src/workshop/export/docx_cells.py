"""Filling and sizing the Word export's tables, and putting text into runs, fast.

python-docx adds a run's text a character at a time and sets each property by looking for
its place among every possible sibling; a table of a thousand workshops made hundreds of
thousands of such calls. Here each cell's run and paragraph properties are copies of ones
python-docx made (_CellLook), text goes into a run a stretch at a time (put_text), and every
row's cell widths are copied from the first row's. The XML is the same as python-docx's.
Nothing here imports Textual.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from workshop.export.safety import docx_text

TABLE_PT = 9
"""The size of table text, in points."""
HEADER_FILL = "D9D9D9"


_BREAKS = re.compile(r"([\t\r\n])")


def put_text(r, text: str) -> None:
    """What python-docx's run text setter adds to a new run, character by character: each
    stretch between tabs and line breaks in one `w:t` (its spaces kept where it starts or ends
    with one), a `w:tab` for a tab and a `w:br` for each line break; here a stretch at a
    time, straight into the run."""
    for piece in _BREAKS.split(text):
        if piece == "\t":
            etree.SubElement(r, _TAB)
        elif piece in ("\r", "\n"):
            etree.SubElement(r, _BR)
        elif piece:
            t = etree.SubElement(r, _T)
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(_SPACE, "preserve")


_T, _TAB, _BR, _SPACE = qn("w:t"), qn("w:tab"), qn("w:br"), qn("xml:space")


def fixed_widths(table, widths: Sequence[float]) -> None:
    """Fix the table's layout to `widths` (cm): grid, table width and every cell's width.
    The first row's cells are sized by python-docx; every other row's take the same `w:tcW`
    attributes (all rows' cells were made alike)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:w"), str(int(Cm(sum(widths)).twips)))
    tbl_w.set(qn("w:type"), "dxa")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    rows = table._tbl.tr_lst
    first = rows[0].tc_lst
    for tc, width in zip(first, widths, strict=True):
        tc.width = Cm(width)
    attributes = [list(tc.tcPr.tcW.attrib.items()) for tc in first]
    for tr in rows[1:]:
        for tc, items in zip(tr.tc_lst, attributes, strict=True):
            tc_w = tc.tcPr.tcW
            for key, value in items:
                tc_w.set(key, value)


def fill_table(table, header: Sequence[str], rows: Sequence[Sequence[str]],
               numeric: Sequence[int] = ()) -> None:
    """Header and body text (inert, 9 pt), numbers to the right, header bold on grey and
    repeated on each page, no row split across pages. Each cell's run and paragraph
    properties are copies of ones python-docx made (_CellLook), not set one by one."""
    look = _CellLook()
    for r, (tr, values) in enumerate(zip(table._tbl.tr_lst, [header, *rows], strict=True)):
        for c, (tc, value) in enumerate(zip(tr.tc_lst, values, strict=True)):
            p = tc.p_lst[0]
            text = docx_text(value)
            run = p.add_r()
            if text:
                put_text(run, text)
            run.insert(0, copy.deepcopy(look.header if r == 0 else look.body))
            if r == 0:
                _shade_tc(tc, HEADER_FILL)
            elif c in numeric:
                p.insert(0, copy.deepcopy(look.right))
        _tr_flag(tr, "w:cantSplit")
    _tr_flag(table._tbl.tr_lst[0], "w:tblHeader")


class _CellLook:
    """The run properties of a header cell (bold, 9 pt) and a body cell (9 pt), and the
    paragraph properties of a number (right-aligned), as python-docx writes them."""

    def __init__(self) -> None:
        def run(bold: bool):
            r = Paragraph(OxmlElement("w:p"), None).add_run("x")
            r.font.size = Pt(TABLE_PT)
            if bold:
                r.bold = True
            return r._r.rPr

        self.header, self.body = run(True), run(False)
        p = Paragraph(OxmlElement("w:p"), None)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.right = p._p.pPr


def _shade_tc(tc, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shd)


def _tr_flag(tr, name: str) -> None:
    """Set a row property: `w:tblHeader` (repeat on each page), `w:cantSplit` (keep whole)."""
    flag = OxmlElement(name)
    flag.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(flag)
