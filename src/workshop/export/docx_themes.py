"""The Word export's themes, with an analyst's theme file (docx_export.py lays them out).

- In the findings: "Themes most raised", the themes most raised and how many entries are tagged
  (or that none is yet).
- Under each commitment's result and each question: `Themes: Resources 3 (2 workshops); …`.
- A **Themes** chapter (Heading 1, in the contents list) before the appendix: what it holds, a
  table of every theme with its entries and workshops (a theme under another written
  `Parent › Child`), then each theme, a top-level one under Heading 2 and those under it under
  Heading 3 (the headings nest without a gap): its description, its figures and its quotes,
  oldest first, each led by its workshop and what it is about (`comment on 1.4`, `answer to
  Q2`). With a codebook but nothing tagged, the chapter says so and names the codebook's themes.
- The appendix table of every comment and proposed wording gets a Themes column.

Theme names, descriptions and quotes are plain runs (DocWriter, safety.docx_text), never
fields or markup. Without a theme file nothing here writes anything, so the document is what it
always was. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.findings import Findings
from workshop.consultation.report import Report, ThemeCount
from workshop.export.docx_layout import WHOLE, DocWriter, keep_with_next
from workshop.export.themes_text import (
    INTRO,
    NO_TAGS,
    any_tagged,
    codebook_text,
    counts_text,
    figures_text,
    findings_text,
    places,
    source_text,
    themed,
)

TABLE_WIDTH_CM = 12.0
"""The themes table is narrow: a name and two figures."""


def findings_part(doc: DocWriter, report: Report, f: Findings) -> None:
    """The findings' themes paragraph, under its own heading; nothing without a theme file."""
    text = findings_text(report, f)
    if text:
        doc.heading("Themes most raised", level=2)
        doc.paragraph(text)


def counts_part(doc: DocWriter, counts: tuple[ThemeCount, ...]) -> None:
    """A commitment's or question's themes on one line, kept with what follows; nothing for
    none."""
    if counts:
        keep_with_next(doc.paragraph(counts_text(counts), bold_prefix="Themes: "))


def themes_section(doc: DocWriter, report: Report) -> None:
    """The Themes chapter (see the module docstring); nothing without a theme file."""
    if not themed(report):
        return
    doc.heading("Themes", level=1)
    if not any_tagged(report):
        doc.paragraph(NO_TAGS, italic=True)
        doc.paragraph(codebook_text(report))
        return
    keep_with_next(doc.paragraph(INTRO))
    rows = [[t.theme.path, str(t.entries), str(t.workshops)] for t in report.themes]
    doc.table(["Theme", "Entries", "Workshops"], rows, [1.0, WHOLE, WHOLE], numeric={1, 2},
              width_cm=TABLE_WIDTH_CM)
    refs = places(report)
    for t in report.themes:
        doc.heading(t.theme.path, level=3 if t.level else 2)
        if t.theme.description:
            keep_with_next(doc.paragraph(t.theme.description, italic=True))
        figures = doc.paragraph(figures_text(t), italic=not t.entries)
        if t.notes:
            keep_with_next(figures)
        for note in t.notes:
            doc.paragraph(note.text, style="List Bullet",
                          bold_prefix=f"{source_text(note, refs, report.single)}: ")


def appendix_header(report: Report) -> list[str]:
    """The appendix table's Themes column heading, with a theme file."""
    return ["Themes"] if themed(report) else []


def appendix_cell(report: Report, themes: tuple[str, ...]) -> list[str]:
    """An appendix row's themes, joined with "; ", with a theme file."""
    return ["; ".join(themes)] if themed(report) else []


def appendix_widths(report: Report) -> list[float]:
    return [0.9] if themed(report) else []
