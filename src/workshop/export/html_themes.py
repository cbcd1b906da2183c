"""The HTML export's themes, with an analyst's theme file (html_export.py lays them out).

- In the findings: the themes most raised and how many entries are tagged (or that none is
  yet), with a link to the Themes section.
- Under each commitment's result and each question: `Themes: Resources 3 (2 workshops); …`.
- A **Themes** section (a region named by its heading, in the contents list): what it holds, a
  table of every theme with its entries and workshops (each theme a link to its part; a theme
  under another written `Parent › Child` and indented), then each theme: its description, its
  figures and its quotes, oldest first, each with its workshop and what it is about (`comment on
  1.4`, `answer to Q2`). Top-level themes are `<h3>`, those under them `<h4>`, so the headings
  nest without a gap. With a codebook but nothing tagged, the section says so and names the
  codebook's themes. On paper the section starts a page.

Theme names, descriptions and quotes are escaped (safety.html_text): `<script>` in a theme's
name is text. Anchors are numbered (`t-1`, `t-2`), never made of a theme's name. The style
rules (`THEMES_CSS`) are added to the page only with a theme file, so a page without one is
byte for byte what it was. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.findings import Findings
from workshop.consultation.report import Report, ThemeCount, ThemeView
from workshop.export.html_parts import section, table
from workshop.export.safety import html_text as h
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

THEMES_CSS = """
.themes-line, p.themes { margin: .3rem 0 .6rem; }
p.themes .label { font-weight: bold; }
table.themes-table { width: auto; min-width: 20rem; }
table.themes-table tr.child th { padding-left: 1.4rem; }
.theme { margin: 1rem 0 1.4rem; }
.theme-description { font-style: italic; }
@media print { section.themes { break-before: page; page-break-before: always; } }
"""
"""Style rules for the themes, added to the page's style sheet with a theme file only."""


def css(report: Report) -> str:
    """THEMES_CSS with a theme file, else ""."""
    return THEMES_CSS if themed(report) else ""


def toc_item(report: Report) -> list[str]:
    """The contents list's entry for the Themes section; [] without a theme file."""
    return ['<li><a href="#themes">Themes</a></li>'] if themed(report) else []


def findings_part(report: Report, f: Findings) -> list[str]:
    """The findings' themes paragraph, with a link to the section; [] without a theme file."""
    text = findings_text(report, f)
    if not text:
        return []
    return ["<h3>Themes</h3>", f'<p class="themes-line">{h(text)} '
            '<a href="#themes">Every theme, with what was said</a>.</p>']


def counts_part(counts: tuple[ThemeCount, ...]) -> str:
    """A commitment's or question's themes on one line; "" for none."""
    if not counts:
        return ""
    return (f'<p class="themes"><span class="label">Themes:</span> '
            f'<span class="user">{h(counts_text(counts))}</span></p>')


def themes_section(report: Report) -> list[str]:
    """The Themes section (see the module docstring); [] without a theme file."""
    if not themed(report):
        return []
    if not any_tagged(report):
        body = [f'<p class="none">{h(NO_TAGS)}</p>', f"<p>{h(codebook_text(report))}</p>"]
        return [section("themes", "Themes", body, cls="themes")]
    rows = [f'<tr class="{"child" if t.level else "top"}"><th scope="row" class="user">'
            f'<a href="#t-{n}">{h(t.theme.path)}</a></th><td class="num">{t.entries}</td>'
            f'<td class="num">{t.workshops}</td></tr>'
            for n, t in enumerate(report.themes, start=1)]
    body = [f"<p>{h(INTRO)}</p>",
            table("Themes counted", ("Theme", "Entries", "Workshops"), rows,
                  numeric=("Entries", "Workshops"), cls="themes-table")]
    refs = places(report)
    body += [_theme(report, n, t, refs) for n, t in enumerate(report.themes, start=1)]
    return [section("themes", "Themes", body, cls="themes")]


def _theme(report: Report, n: int, t: ThemeView, refs: dict[str, str]) -> str:
    tag = "h4" if t.level else "h3"
    out = [f'<div class="theme" id="t-{n}">',
           f'<{tag} class="user">{h(t.theme.path)}</{tag}>']
    if t.theme.description:
        out.append(f'<p class="theme-description user">{h(t.theme.description)}</p>')
    out.append(f'<p class="{"figures" if t.entries else "none"}">{h(figures_text(t))}</p>')
    if t.notes:
        out.append('<ul class="notes">' + "".join(
            f'<li><span class="who">{h(source_text(note, refs, report.single))}:</span> '
            f'<span class="user">{h(note.text)}</span></li>' for note in t.notes) + "</ul>")
    return "\n".join(out) + "</div>"
