"""Rich renderables for the results view, laid out from the report model (consultation/report.py).

Every figure and label here (shares, marks, the reason for a mark, workshop names) is the
report's; this module only arranges them. User text (groups, comments, wordings, answers) goes
into `Text` as plain strings, never parsed as markup, so it shows exactly as typed.
"""

from __future__ import annotations

from rich.bar import Bar
from rich.color import Color
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from workshop.consultation.figures import scaled
from workshop.consultation.findings import Findings
from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES
from workshop.consultation.report import CommitmentView, Note, QuestionView, Report, Workshop
from workshop.session.kinds import EntryKind
from workshop.tui.render import Colours, entry_body, question_text, runs_text
from workshop.tui.themes_render import counts_line, themes_line

NOTES_MARK = "✎"
"""Beside a commitment's figures: how many comments and proposed wordings it has (the legend
above the list says so)."""

MARK_STYLES = {CONTESTED: "bold black on yellow", CONSENSUS: "bold black on green",
               NO_VOTES: "dim", "": ""}


def stacked_bar(view: CommitmentView, width: int, colours: Colours,
                empty: Color | str = "grey35") -> Text:
    """One bar `width` cells long, split by each option's share; dotted when nobody voted."""
    total = view.total
    if not total:
        return Text("·" * width, style=Style(color=empty))
    bar = Text()
    used = 0
    options = [o for o in view.totals if view.totals[o]]
    for n, option in enumerate(options):
        # Rounded half up like every share (figures.scaled); the last option takes what is left.
        cells = width - used if n == len(options) - 1 else scaled(view.totals[option], total, width)
        cells = max(0, min(cells, width - used))
        bar.append("█" * cells, style=Style(color=colours[option]))
        used += cells
    return bar


def mark_text(view: CommitmentView) -> Text:
    if not view.mark_label:
        return Text("")
    return Text(f" {view.mark_label} ", style=MARK_STYLES[view.mark])


def commitment_row(view: CommitmentView, show_principle: bool, colours: Colours,
                   header: bool = False, bar_width: int = 12) -> Table:
    """`1.4 Text of the commitment` (wrapping under itself), then
    `███████▒▒░  20·5·3  Contested  4 ✎` (4 comments and proposed wordings, as the legend above
    the list says: `figures_legend`); with `header`, the principle's title above them."""
    label = Text()
    if show_principle:
        label.append(f"{view.principle.title}: ", style="dim")
    label.append(f"{view.code} ", style="dim")
    label.append(view.text)
    figures = Text()
    figures.append_text(stacked_bar(view, bar_width, colours))
    counts = " · ".join(str(n) for n in view.totals.values())
    figures.append(f"  {counts}", style="bold" if view.total else "dim")
    if view.mark_label:
        figures.append("  ")
        figures.append_text(mark_text(view))
    if view.notes:
        figures.append(f"  {view.notes} {NOTES_MARK}", style="bold cyan")
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1)
    if header:
        grid.add_row(principle_header(view.principle.title))
    grid.add_row(label)
    grid.add_row(figures)
    return grid


def figures_legend(report: Report) -> Text:
    """What the figures under each commitment are: the counts in option order, and what ✎
    counts ("Counts: Agree · Agree if amended · Disagree · ✎ comments and proposed wordings")."""
    legend = Text("Counts: ", style="dim")
    legend.append(" · ".join(option.label for option in report.options))
    legend.append(" · ", style="dim")
    legend.append(f"{NOTES_MARK} comments and proposed wordings", style="cyan")
    return legend


def principle_header(title: str) -> Text:
    return Text(title, style="bold underline")


def commitment_detail(view: CommitmentView, report: Report, colours: Colours) -> RenderableType:
    """The commitment in full: text, a bar per option, the mark and its reason, the themes on
    its entries, and each workshop's counts."""
    head = Text()
    head.append(f"{view.principle.title} · commitment {view.code}\n", style="dim")
    head.append(view.text, style="bold")
    bars = Table.grid(padding=(0, 1), expand=True)
    bars.add_column(no_wrap=True)
    bars.add_column(ratio=1)
    bars.add_column(no_wrap=True, justify="right")
    for option in report.options:
        n = view.totals[option.id]
        bar = Bar(max(view.total, 1), 0, n, color=colours[option.id], bgcolor="grey23")
        bars.add_row(Text(option.label), bar, Text(f"{n:>4} {view.share(option.id):>3}%"))
    summary = Text()
    summary.append(f"{view.total} votes from {view.workshops_voted} workshop"
                   f"{'' if view.workshops_voted == 1 else 's'}")
    if view.verdict:
        summary.append("  ")
        summary.append_text(mark_text(view) if view.mark_label else Text(view.verdict, "bold"))
        summary.append(" " + view.reason, style="italic")
    parts: list[RenderableType] = [head, Text(""), bars, summary]
    if view.themes:
        parts.append(counts_line(view.themes))
    if len(report.workshops) > 1:
        parts += [Text(""), workshop_counts(view, report)]
    if view.amendment_groups:
        parts += [Text(""), amendment_groups_text(view)]
    return Group(*parts)


GROUPS_SHOWN = 5
"""How many groups of proposed wordings the detail lays out, those of the most workshops
first: a thousand workshops' wordings made over a hundred groups, seconds to lay out."""


def amendment_groups_text(view: CommitmentView) -> Table:
    """What the workshops propose, grouped (consultation/amendments.py): each group's summary
    and its first wording as a diff, wrapping under itself (past `GROUPS_SHOWN`, how many more
    groups there are); every wording is in the list below, plainly."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text("Proposed wordings, grouped", style="bold"), "")
    for group in view.amendment_groups[:GROUPS_SHOWN]:
        grid.add_row("•", Text.assemble(group.summary, "\n", runs_text(group.diff)))
    left = len(view.amendment_groups) - GROUPS_SHOWN
    if left > 0:
        grid.add_row("", Text(f"… and {left:,} more group{'' if left == 1 else 's'} (as many "
                              "workshops or fewer): every proposed wording is in the list "
                              "below.", style="dim italic"))
    return grid


WORKSHOPS_SHOWN = 10
"""How many workshops' own counts the detail lays out: a table of a thousand rows took seconds
each time the highlight moved."""


def workshop_counts(view: CommitmentView, report: Report) -> RenderableType:
    """Each workshop's own counts for the commitment ("–" where it did not vote on it); past
    `WORKSHOPS_SHOWN`, how many more there are (every export has them all)."""
    table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
    # The name wraps (it carries the date): "Manche…" told a reader nothing.
    table.add_column("Workshop", ratio=1, min_width=12)
    for option in report.options:
        table.add_column(option.label, justify="right", max_width=9)
    for row in view.by_workshop[:WORKSHOPS_SHOWN]:
        cells = [str(row.counts[o.id]) if row.counts else "–" for o in report.options]
        table.add_row(Text(row.workshop.name), *cells)
    left = len(view.by_workshop) - WORKSHOPS_SHOWN
    if left <= 0:
        return table
    return Group(table, Text(f"… and {left:,} more workshop{'' if left == 1 else 's'}: every "
                             "export lists each workshop's counts.", style="dim italic"))


def note_prompt(note: Note, original: str = "") -> Text:
    """A comment, wording or answer with its workshop (a long one clipped, render.preview),
    and its themes below it (`# Resources · Training`)."""
    head = Text(style="dim")
    head.append(f"{EntryKind(note.kind).heading} · ")
    head.append(note.workshop, style="bold")
    head.append(f" · {note.created.astimezone():%Y-%m-%d %H:%M}")
    amended = note.kind == EntryKind.AMENDMENTS and original
    prompt = Text.assemble(head, "\n", entry_body(note.text, original if amended else ""))
    if note.themes:
        prompt.append("\n")
        prompt.append_text(themes_line(note.themes))
    return prompt


def more_line(shown: int, every: int, more: int) -> Text:
    """Under a list showing a page of its entries: `Showing 50 of 2,272 · m shows 50 more`."""
    line = Text(f"Showing {shown:,} of {every:,}", style="bold")
    line.append(f" · m (or ↓ past the last) shows {more:,} more", style="dim")
    return line


def question_detail(view: QuestionView) -> Text:
    """The question with its guidance, and the themes on its answers."""
    text = question_text(view.question)
    if view.themes:
        text.append("\n\n")
        text.append_text(counts_line(view.themes))
    return text


def workshop_detail(w: Workshop, recommendation: bool = True) -> Text:
    """One workshop: its file, facilitator, recommendation with reasons (a consultation's:
    assessments and sign-ups make none), and notes."""
    r = w.record
    text = Text()
    text.append(w.name, style="bold")
    text.append(f"  ({r.source}; facilitator {r.facilitator or '—'})\n", style="dim")
    rows = [("Facilitator's notes", r.notes)]
    if recommendation:
        text.append("Recommendation: ", style="bold")
        text.append(w.recommendation + "\n")
        rows[:0] = [("Reasons", r.recommendation.reasons),
                    ("General comments", r.recommendation.comments)]
    for label, value in rows:
        text.append(f"\n{label}\n", style="bold")
        text.append(value or "—")
        text.append("\n")
    return text


def findings_text(found: Findings) -> Text:
    """The findings in words (consultation/findings.py), as every export also gives them."""
    out = Text()
    out.append("Findings\n", style="bold underline")
    out.append(found.headline() + "\n\n")
    out.append("Recommendations: ", style="bold")
    out.append(found.recommendation_line() + "\n\n")
    out.append("Contested commitments, most contested first\n", style="bold")
    for c in found.contested_commitments or ():
        out.append(f"{c.code} ", style="dim")
        out.append(f"{c.text}: ")
        out.append(c.reason + "\n", style="italic")
    if not found.contested_commitments:
        out.append("None.\n")
    out.append("\nMost often asked to be amended\n", style="bold")
    for c in found.most_amended:
        n = len(c.amendments)
        out.append(f"{c.code} ", style="dim")
        out.append(f"{c.text}: {n} proposed wording{'' if n == 1 else 's'}\n")
        out.append(f"    {c.amendment_groups[0].summary}\n", style="italic")
    if not found.most_amended:
        out.append("None.\n")
    if found.unfinished:
        out.append("\n" + found.unfinished_line() + "\n", style="bold")
    if found.themes_line():
        out.append("\nThemes\n", style="bold")
        out.append(found.themes_line() + "\n")
    return out
