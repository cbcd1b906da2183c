"""Rich renderables for the analyst's themes in the results view, laid out from the report model
(consultation/report_notes.py: a note's themes, ThemeCount, ThemeView).

Theme names are user text too: like comments, they go into `Text` as plain strings, never
parsed as markup. Every count here is the report's; this module only arranges them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.analysis.codebook import name_key
from workshop.consultation.findings import Findings
from workshop.consultation.report import Note, Report, ThemeCount, ThemeView
from workshop.session.kinds import EntryKind
from workshop.tui.render import entry_body

THEME_MARK = "#"
"""Starts the line of themes under a tagged entry: `# Resources · Training`."""

QUOTES_SHOWN = 40
"""The most quotes the Themes tab draws under one theme (`T` lists every entry of it)."""


def themes_line(themes: Iterable[str]) -> Text:
    """`# Resources · Training` (dim), or empty for an untagged entry."""
    names = list(themes)
    if not names:
        return Text("")
    return Text(f"{THEME_MARK} " + " · ".join(names), style="dim cyan")


def counts_line(counts: tuple[ThemeCount, ...]) -> Text:
    """`Themes: Resources 3 (2 workshops) · Training 1 (1 workshop)`, or empty with none."""
    if not counts:
        return Text("")
    line = Text("Themes: ", style="bold")
    line.append(" · ".join(c.text for c in counts))
    return line


def theme_row(view: ThemeView) -> Table:
    """`Resources           12 entries, 4 workshops`, a child indented under its parent."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    name = Text("   " * view.level)
    name.append(view.name, style="" if view.level else "bold")
    grid.add_row(name, Text(view.counts_text, style="bold" if view.entries else "dim"))
    return grid


def themes_summary(found: Findings, themes: int) -> Text:
    """`12 of 52 comments, proposed wordings and answers tagged · 4 themes`."""
    text = Text(f"{found.tagged} of {found.entries} comments, proposed wordings and answers "
                "tagged", style="bold" if found.tagged else "")
    text.append(f" · {themes} theme{'' if themes == 1 else 's'}\n", style="dim")
    text.append("n new · r rename or merge · d describe · p parent · delete remove · "
                "t and T: tabs 1 and 2", style="dim")
    return text


def places(report: Report) -> dict[str, str]:
    """What each commitment or question id is called in a quote: `1.4` or `Q6`."""
    out = {c.id: c.code for c in report.commitments}
    out.update({q.question.id: f"Q{q.number}" for q in report.questions})
    return out


def theme_detail(view: ThemeView, report: Report) -> RenderableType:
    """The highlighted theme: its description, the commitments and questions it is on with
    their counts, and its quotes with their workshops."""
    head = Text()
    head.append(view.name, style="bold")
    if view.theme.parent:
        head.append(f"  under {view.theme.parent}", style="dim")
    head.append(f"\n{view.counts_text}")
    if view.children:
        head.append(f"; {view.direct} tagged {view.name} itself, the rest with the themes "
                    f"under it: {', '.join(view.children)}", style="dim")
    head.append("\n")
    head.append(view.theme.description or "No description (d adds one).",
                style="italic" if view.theme.description else "dim italic")
    parts: list[RenderableType] = [head, Text(""), where_raised(view, report)]
    if view.notes:
        parts += [Text(""), quotes(view, report)]
    return Group(*parts)


def where_raised(view: ThemeView, report: Report) -> Text:
    """Each commitment and question with this theme (or one under it) on its entries."""
    branch = {name_key(view.name)} | {name_key(c) for c in view.children}
    out = Text()
    for title, items in (
            ("On commitments", [(c.code, c.text, c.themes) for c in report.commitments]),
            ("On questions", [(f"Q{q.number}", q.question.text, q.themes)
                              for q in report.questions])):
        lines = [(code, text, [t for t in counts if name_key(t.theme) in branch])
                 for code, text, counts in items]
        lines = [line for line in lines if line[2]]
        out.append(f"{title}\n", style="bold")
        if not lines:
            out.append("None.\n", style="dim")
        for code, text, counts in lines:
            out.append(f"{code} ", style="dim")
            out.append(text)
            out.append(": " + " · ".join(c.text for c in counts) + "\n", style="cyan")
    return out


def quotes(view: ThemeView, report: Report) -> Text:
    """The theme's entries, oldest first, each with its kind, workshop and place."""
    where = places(report)
    out = Text()
    out.append("Quotes\n", style="bold")
    for note in view.notes[:QUOTES_SHOWN]:
        out.append_text(quote(note, where.get(note.target, note.target)))
        out.append("\n")
    left = len(view.notes) - QUOTES_SHOWN
    if left > 0:
        out.append(f"… and {left} more: T shows only this theme's entries in the Commitments "
                   "and Questions tabs.", style="dim italic")
    return out


def quote(note: Note, place: str) -> Text:
    head = Text(style="dim")
    head.append(f"{EntryKind(note.kind).heading} on {place} · ")
    head.append(note.workshop, style="bold")
    return Text.assemble(head, "\n", entry_body(note.text), "\n")


def no_themes() -> Text:
    return Text("No themes yet: n makes one here, or t on a comment, proposed wording or "
                "answer (tabs 1 and 2) makes one as it tags it.", style="dim italic")
