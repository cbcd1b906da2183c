"""The Markdown export's themes, with an analyst's theme file (markdown.py lays them out).

- In the findings: the themes most raised and how many entries are tagged (or that none is yet).
- Under each commitment and question: `**Themes:** Resources 3 (2 workshops); …`.
- A **Themes** section: what it holds, a table of every theme with its entries and workshops,
  then each theme (a theme under another as `Parent › Child`, a level down) with its
  description, its figures and its quotes, oldest first, each with its workshop and what it is
  about (`comment on 1.4`, `answer to Q2`). With a codebook but nothing tagged, the section
  says so and names the codebook's themes.

Theme names, descriptions and quotes are people's words: they go through safety.py like every
other text, so `[bold]`, `<script>` or `# x` in a theme's name stays text. Without a theme file
every function here gives nothing, so the export is what it always was. Nothing here imports
Textual.
"""

from __future__ import annotations

from workshop.consultation.findings import Findings
from workshop.consultation.report import Report, ThemeCount, ThemeView
from workshop.export.safety import (
    md_cell,
    md_emphasis,
    md_heading,
    md_inline,
    md_paragraph,
    md_text,
)
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


def findings_lines(report: Report, f: Findings) -> list[str]:
    """The findings' themes paragraph; [] without a theme file."""
    text = findings_text(report, f)
    return [md_inline(text), ""] if text else []


def counts_lines(counts: tuple[ThemeCount, ...]) -> list[str]:
    """A commitment's or question's themes on one line; [] for none."""
    return [f"**Themes:** {md_text(counts_text(counts))}", ""] if counts else []


def themes_section(report: Report) -> list[str]:
    """The Themes section (see the module docstring); [] without a theme file."""
    if not themed(report):
        return []
    out = ["## Themes", ""]
    if not any_tagged(report):
        return out + [NO_TAGS, "", md_inline(codebook_text(report)), ""]
    out += [INTRO, "", "| Theme | Entries | Workshops |", "| --- | ---: | ---: |"]
    out += [f"| {md_cell(t.theme.path)} | {t.entries} | {t.workshops} |" for t in report.themes]
    out.append("")
    refs = places(report)
    for t in report.themes:
        out += _theme(report, t, refs)
    return out


def _theme(report: Report, t: ThemeView, refs: dict[str, str]) -> list[str]:
    out = [f"{'#' * (3 + t.level)} {md_heading(t.theme.path)}", ""]
    if t.theme.description:
        out += [md_emphasis(t.theme.description, "*"), ""]
    out += [figures_text(t), ""]
    for note in t.notes:
        who = md_text(source_text(note, refs, report.single))
        out.append(f"- **{who}:** {md_paragraph(note.text, indent='  ', start=False)}")
    return out + ([""] if t.notes else [])
