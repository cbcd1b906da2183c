"""Rich renderables for the results view: stacked share bars, commitment rows and details.

User text (groups, comments, wordings, answers) goes into `Text` as plain strings, never parsed
as markup, so it shows exactly as typed.
"""

from __future__ import annotations

from rich.bar import Bar
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from workshop.consultation.marks import CONSENSUS, CONTESTED, NO_VOTES, CommitmentResult
from workshop.consultation.records import Attributed, Merged, SessionRecord
from workshop.protocol.model import Protocol
from workshop.tui.render import ENTRY_LABELS, diff_text, option_colour

MARK_STYLES = {CONTESTED: "bold black on yellow", CONSENSUS: "bold black on green",
               NO_VOTES: "dim", "": ""}


def stacked_bar(totals: dict[str, int], width: int) -> Text:
    """One bar `width` cells long, split by each option's share; grey when nobody voted."""
    total = sum(totals.values())
    if not total:
        return Text("·" * width, style="grey35")
    bar = Text()
    used = 0
    options = [o for o in totals if totals[o]]
    for n, option in enumerate(options):
        cells = width - used if n == len(options) - 1 else round(width * totals[option] / total)
        cells = max(0, min(cells, width - used))
        bar.append("█" * cells, style=option_colour(option))
        used += cells
    return bar


def mark_text(mark: str) -> Text:
    if not mark:
        return Text("")
    return Text(f" {mark} ", style=MARK_STYLES[mark])


def commitment_row(result: CommitmentResult, show_principle: bool, header: bool = False,
                   bar_width: int = 12) -> Table:
    """`1. Text of the commitment` (wrapping under itself), then
    `███████▒▒░  20·5·3  contested  4 ✎`; with `header`, the principle's title above them."""
    label = Text()
    if show_principle:
        label.append(f"{result.principle.title}: ", style="dim")
    label.append(f"{result.number}. ", style="dim")
    label.append(result.commitment.text)
    figures = Text()
    figures.append_text(stacked_bar(result.totals, bar_width))
    counts = " · ".join(str(n) for n in result.totals.values())
    figures.append(f"  {counts}", style="bold" if result.total else "dim")
    if result.mark:
        figures.append("  ")
        figures.append_text(mark_text(result.mark))
    if result.notes:
        figures.append(f"  {result.notes} ✎", style="bold cyan")
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1)
    if header:
        grid.add_row(principle_header(result.principle.title))
    grid.add_row(label)
    grid.add_row(figures)
    return grid


def principle_header(title: str) -> Text:
    return Text(title, style="bold underline")


def commitment_detail(result: CommitmentResult, merged: Merged, protocol: Protocol) -> RenderableType:
    """The commitment in full: text, a bar per option, the mark, and each workshop's counts."""
    head = Text()
    head.append(f"{result.principle.title} · commitment {result.number}\n", style="dim")
    head.append(result.commitment.text, style="bold")
    bars = Table.grid(padding=(0, 1), expand=True)
    bars.add_column(no_wrap=True)
    bars.add_column(ratio=1)
    bars.add_column(no_wrap=True, justify="right")
    for option in protocol.vote_options:
        n = result.totals[option.id]
        bar = Bar(max(result.total, 1), 0, n, color=option_colour(option.id), bgcolor="grey23")
        bars.add_row(Text(option.label), bar,
                     Text(f"{n:>4} {round(100 * result.share(option.id)):>3}%"))
    summary = Text()
    summary.append(f"{result.total} votes from {result.sessions_voted} workshop"
                   f"{'' if result.sessions_voted == 1 else 's'}")
    if result.mark:
        summary.append("  ")
        summary.append_text(mark_text(result.mark))
        summary.append(" " + explain(result, protocol), style="italic")
    parts: list[RenderableType] = [head, Text(""), bars, summary]
    by_session = merged.by_session(result.commitment.id)
    if len(merged.records) > 1:
        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
        table.add_column("Workshop", ratio=1, min_width=8, no_wrap=True, overflow="ellipsis")
        for option in protocol.vote_options:
            table.add_column(option.label, justify="right", no_wrap=True)
        for record in merged.sessions():
            counts = by_session.get(record.id)
            cells = [str(counts.get(o, 0)) if counts else "–" for o in protocol.option_ids]
            table.add_row(Text(workshop_name(record, merged)), *cells)
        parts += [Text(""), table]
    return Group(*parts)


def workshop_name(record: SessionRecord, merged: Merged) -> str:
    """The group's name; where two workshops share it, with the date (and the id if need be)."""
    same = [r for r in merged.records.values() if r.group == record.group]
    if len(same) == 1:
        return record.group
    if sum(r.date == record.date for r in same) == 1:
        return f"{record.group} ({record.date.isoformat()})"
    return f"{record.group} ({record.date.isoformat()}, {record.id[:8]})"


def explain(result: CommitmentResult, protocol: Protocol) -> str:
    """Why the mark: the leading option's share, and the spread across workshops."""
    if result.mark == NO_VOTES or result.leading is None:
        return ""
    label = next(o.label for o in protocol.vote_options if o.id == result.leading)
    text = f"{label} leads with {round(100 * result.lead_share)}%"
    if result.sessions_voted > 1:
        text += f"; its share varies by {round(100 * result.spread)} points across workshops"
    return text


def attributed_prompt(item: Attributed, kind: str, merged: Merged, original: str = "") -> Text:
    """A comment, wording or answer with its workshop."""
    head = Text(style="dim")
    head.append(f"{ENTRY_LABELS[kind]} · ")
    head.append(workshop_name(item.record, merged), style="bold")
    head.append(f" · {item.entry.created.astimezone():%Y-%m-%d %H:%M}")
    body = diff_text(original, item.entry.text) if kind == "amendments" and original else \
        Text(item.entry.text)
    return Text.assemble(head, "\n", body)
