"""Word layout for the DOCX export: the writer, tables, fields, page furniture and language.

- **DocWriter** adds paragraphs, headings and tables in Word's built-in styles, people's words
  always as plain runs (safety.docx_text); every heading is kept with what follows it, and a
  paragraph after a table gets some space above it (no empty paragraphs for spacing).
- **Tables** have a fixed layout: every column's width is written in the grid (`w:gridCol`,
  what LibreOffice reads), in each cell (`w:tcW`, what Word reads) and in the table (`w:tblW`).
  A label column (FIT) is as wide as its longest word, a number column (WHOLE) as its widest
  cell ("24 (67%)" on one line), so no word breaks inside a cell ("Recommendation", "Disagree"
  and "Agree if amended" may wrap between words, never inside one); the text columns share the
  rest. Widths are measured with DejaVu Sans Bold's advance widths, wider than Calibri, Cambria,
  Carlito or Arial and than the DejaVu Sans and Serif that LibreOffice falls back to without
  them, so they hold whatever fonts the reader has. Table text is 9 pt, header rows bold on light
  grey and repeated on each page, and no row is split across pages (docx_cells.py fills them).
- **Fields**: "Page N of M" in the footer (PAGE and NUMPAGES) and a table of contents
  (TOC \\o "1-3" \\h \\z \\u). Their instructions are fixed strings: people's words never
  go in a field. The document asks to have its fields updated when opened (`w:updateFields`).
- **Language**: UK English (`en-GB`) in the document defaults, the Normal style and the theme.

Nothing here imports Textual.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.section import Section
from docx.shared import Emu, Inches, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from workshop.export.docx_cells import TABLE_PT, fill_table, fixed_widths, put_text
from workshop.export.safety import docx_text

CELL_MARGINS_CM = 0.38 + 0.12
"""Word's default cell margins (0.19 cm each side) and some room to spare."""
_ADVANCE = (
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100,
    84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72,
    68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71,
    37, 71, 84)
"""DejaVu Sans Bold's advance widths of the characters from space to `~`, in hundredths of an em;
any other character counts as one em."""
TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '
PAGE_INSTRUCTIONS = (" PAGE ", " NUMPAGES ")
_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator")}
"""The settings that come after `w:updateFields` in the schema's order."""


class DocWriter:
    """The document being written: paragraphs, headings and tables in Word's built-in styles,
    people's words always as plain runs (safety.docx_text). Each style is looked up once:
    python-docx scans every style (hundreds in its template) to set one, which made an
    appendix of many workshops slow. A paragraph after a table gets some space above it.

    Paragraphs and tables go straight before the body's closing `w:sectPr`, the element
    python-docx looks for among every child of the body on each `add_paragraph` and
    `add_table` (which made the document quadratic in its length); the XML is the same."""

    def __init__(self, table_style: str, text_width_cm: float) -> None:
        self.doc = Document()
        self.table_style = table_style
        self.text_width_cm = text_width_cm
        self._styles: dict[str, object] = {}
        self._shapes: dict[tuple, object] = {}
        self._after_table = False
        self._body = self.doc.element.body
        self._end = self._body.sectPr
        """The body's last child, which every paragraph and table goes before."""

    def _add_block(self, element) -> None:
        if self._end is None:
            self._body.append(element)
        else:
            self._end.addprevious(element)

    def _add_table(self, rows: int, cols: int, style) -> Table:
        """What `Document.add_table(rows, cols, style)` adds (as wide as the text)."""
        section = Section(self._end, self.doc.part)
        width = Emu((section.page_width or Inches(8.5)) - (section.left_margin or Inches(1))
                    - (section.right_margin or Inches(1)))
        tbl = CT_Tbl.new_tbl(rows, cols, width)
        self._add_block(tbl)
        table = Table(tbl, self.doc._body)
        table.style = style
        return table

    def style(self, name: str):
        if name not in self._styles:
            self._styles[name] = self.doc.styles[name]
        return self._styles[name]

    def paragraph(self, text: str = "", style: str | None = None, bold_prefix: str = "",
                  italic: bool = False):
        """A paragraph: an optional bold lead-in, then `text`, both inert. Each kind of
        paragraph is made once by python-docx (_shape), and copied: only the text differs."""
        space = self._after_table and not (style or "").startswith(("Heading", "Title"))
        self._after_table = False
        key = (style, space, bool(bold_prefix), bool(text), italic)
        if key not in self._shapes:
            self._shapes[key] = self._shape(*key)
        p = copy.deepcopy(self._shapes[key])
        self._add_block(p)
        runs = iter(p.r_lst)
        for words in (bold_prefix, text):
            if words:
                put_text(next(runs), docx_text(words))
        return Paragraph(p, self.doc._body)

    def _shape(self, style: str | None, space: bool, prefix: bool, text: bool, italic: bool):
        """A paragraph of one kind without its text, as python-docx makes it."""
        p = Paragraph(self._body._new_p(), self.doc._body)
        if style is not None:
            # What `paragraph.style = ...` sets, without its scan of every style for the default.
            p._p.style = self.style(style).style_id
        if space:
            p.paragraph_format.space_before = Pt(10)
        if prefix:
            p.add_run().bold = True
        if text:
            p.add_run().italic = italic or None
        return p._p

    def heading(self, text: str, level: int):
        """A heading, kept with what follows it: the Title (0) or Heading 1–3."""
        return keep_with_next(self.paragraph(text, "Title" if level == 0 else f"Heading {level}"))

    def label(self, text: str):
        """A bold label ("Comments:") kept with what it introduces."""
        return keep_with_next(self.paragraph(bold_prefix=text))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              kinds: Sequence[float | str], numeric: Sequence[int] = (),
              width_cm: float | None = None):
        """A table in the one style, its widths fixed from `kinds` (column_widths)."""
        table = self._add_table(1 + len(rows), len(header), self.style(self.table_style))
        fill_table(table, header, rows, numeric)
        fixed_widths(table, column_widths(header, rows, kinds, width_cm or self.text_width_cm))
        self._after_table = True
        return table


def diff_runs(paragraph, runs) -> None:
    """Word-diff runs (wording.word_diff) as typed, spaces included: removed words struck
    through, added words bold and underlined (it reads without colour), the rest plain."""
    for kind, text in runs:
        run = add_run(paragraph, docx_text(text))
        if kind == "removed":
            run.font.strike = True
        elif kind == "added":
            run.bold = run.underline = True


def add_run(paragraph, text: str = ""):
    """`paragraph.add_run(text)`, the same XML, its text added piece by piece (_put_text)."""
    run = paragraph.add_run()
    if text:
        put_text(run._r, text)
    return run


def word_cm(word: str, size_pt: float = TABLE_PT) -> float:
    """How wide `word` is at `size_pt`, in cm, in the widest font it may be shown in."""
    ems = sum(_ADVANCE[ord(ch) - 32] if 32 <= ord(ch) < 127 else 100 for ch in word) / 100
    return ems * size_pt * 2.54 / 72


def longest_word_cm(texts: Sequence[str], size_pt: float = TABLE_PT) -> float:
    return max((word_cm(w, size_pt) for t in texts for w in t.split()), default=0.0)


FIT = "fit"
"""A label column: as wide as its longest word (it may wrap between words)."""
WHOLE = "whole"
"""A number column: as wide as its widest cell, so "24 (67%)" stays on one line (the header
may wrap between words)."""
MIN_TEXT_CM = 2.0
BODY_SCALE = 0.92
"""Label cells are in the regular weight, about this much narrower than the bold measured."""


def fit_at_least(phrase: str) -> tuple[str, str]:
    """A label column as wide as its longest word, and at least as wide as `phrase` whole."""
    return (FIT, phrase)


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]],
                  kinds: Sequence[float | str | tuple[str, str]], total_cm: float) -> list[float]:
    """Column widths in cm for `kinds`: FIT, WHOLE, fit_at_least(...), or a weight (e.g. 1.0)
    for a text column, which shares what the others leave, in proportion, never narrower
    than MIN_TEXT_CM or its header's longest word (people's own words may still break)."""
    fixed: dict[int, float] = {}
    for c, kind in enumerate(kinds):
        head = longest_word_cm([header[c]])
        if kind == WHOLE:
            fixed[c] = max([head, *(word_cm(row[c]) for row in rows)])  # bold totals too
        elif kind == FIT or isinstance(kind, tuple):
            fixed[c] = max(head, BODY_SCALE * longest_word_cm([row[c] for row in rows]))
            if isinstance(kind, tuple):
                fixed[c] = max(fixed[c], BODY_SCALE * word_cm(kind[1]))
    widths = {c: w + CELL_MARGINS_CM for c, w in fixed.items()}
    text = {c: k for c, k in enumerate(kinds) if c not in fixed}
    floors = {c: max(MIN_TEXT_CM, longest_word_cm([header[c]]) + CELL_MARGINS_CM) for c in text}
    while text:  # share the rest; a column below its floor takes the floor, the rest re-share
        rest = total_cm - sum(widths.values())
        share = sum(text.values())
        low = {c for c, k in text.items() if rest * k / share < floors[c]}
        if not low:
            widths.update({c: rest * k / share for c, k in text.items()})
            break
        for c in low:
            widths[c] = floors[c]
            del text[c]
    return [round(widths[c], 2) for c in range(len(kinds))]


def keep_with_next(paragraph):
    """Keep the paragraph on the same page as the next (a heading never ends a page)."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (begin, instruction, separate, the result shown until it is updated, end)
    at the end of `paragraph`. `instruction` is one of this module's fixed strings."""
    def char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            element.set(qn("w:dirty"), "true")
        run._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def page_numbers(section) -> None:
    """"Page N of M" centred in the section's footer."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    add_field(paragraph, PAGE_INSTRUCTIONS[0], "1")
    paragraph.add_run(" of ")
    add_field(paragraph, PAGE_INSTRUCTIONS[1], "1")


def update_fields_on_open(document) -> None:
    """Ask Word to update the fields (the contents, the page count) when the file is opened."""
    settings = document.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(flag)
    else:  # Word wants the settings in the schema's order
        later.addprevious(flag)


def uk_english(document) -> None:
    """`en-GB` as the language of the document's defaults and of the Normal style."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_lang(defaults)
    normal = document.styles["Normal"].element
    _set_lang(normal.get_or_add_rPr())
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), "en-GB")


def _set_lang(r_pr) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "en-GB")
