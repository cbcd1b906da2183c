"""Rich renderables of an assessment (consultation/assessment.py), for the review step and the
results view: the profile per principle, the weakest commitments, the actions, the commitments
rated low with no action yet, and a commitment's ratings in detail.

Every figure is the read model's (means, spreads, counts, "rated low"); this module only lays
them out. User text (evidence, actions, owners, workshop names) goes in as plain `Text`, never
parsed as markup.
"""

from __future__ import annotations

from rich.bar import Bar
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from workshop.consultation.assessment import ActionView, Assessment, Rating, Spread
from workshop.consultation.figures import scaled
from workshop.protocol.model import RatingScale
from workshop.tui.render import Colours

LOW_MARK = "⚑ needs action"
"""Beside a commitment rated low with no action agreed yet."""
SCALE_WIDTH = 17
"""The cells of the line a mean is marked on (odd, so 3 on a 1–5 scale is the middle)."""


def scale_bar(spread: Spread, scale: RatingScale, colours: Colours,
              width: int = SCALE_WIDTH) -> Text:
    """The scale as a line from its lowest point to its highest, the room's spread (a standard
    deviation either side of the mean) drawn thick, the mean a dot: `───━━━━●━━━──────`."""
    if not spread.n or spread.mean is None:
        return Text("·" * width, style="dim")
    lo, hi = scale.lowest, scale.highest

    def cell(value: float) -> int:
        share = (min(max(value, lo), hi) - lo) / ((hi - lo) or 1)
        return round(share * (width - 1))

    sd = spread.sd or 0.0
    start, end, mean = cell(spread.mean - sd), cell(spread.mean + sd), cell(spread.mean)
    colour = colours.get(str(round(spread.mean)), "default")
    bar = Text()
    for n in range(width):
        if n == mean:
            bar.append("●", style=Style(color=colour, bold=True))
        elif start <= n <= end:
            bar.append("━", style=Style(color=colour))
        else:
            bar.append("─", style="dim")
    return bar


def distribution_bar(spread: Spread, colours: Colours, width: int = 12) -> Text:
    """One bar `width` cells long, split by how many gave each point (lowest point first)."""
    if not spread.n:
        return Text("·" * width, style="dim")
    bar, used = Text(), 0
    given = [(v, c) for v, c in spread.counts.items() if c]
    for n, (value, count) in enumerate(given):
        cells = width - used if n == len(given) - 1 else scaled(count, spread.n, width)
        cells = max(0, min(cells, width - used))
        bar.append("█" * cells, style=Style(color=colours.get(str(value), "default")))
        used += cells
    return bar


def profile_table(assessment: Assessment, colours: Colours) -> Table:
    """Each principle: how many of its commitments are rated and rated low, its mean on the
    scale and the spread of its ratings."""
    scale = assessment.scale
    table = Table(expand=True, title="Profile per principle", title_justify="left",
                  caption=f"Scale: {scale.describe()}. ━ one standard deviation either side "
                          "of the mean ●.", caption_justify="left")
    table.add_column("Principle", ratio=1, min_width=16)
    table.add_column("Rated", justify="right", no_wrap=True)
    table.add_column("Low", justify="right", no_wrap=True)
    table.add_column(f"{scale.lowest} … {scale.highest}", no_wrap=True)
    table.add_column("Mean", justify="right", no_wrap=True)
    table.add_column("Spread", no_wrap=True)
    for p in assessment.principles:
        table.add_row(Text(f"{p.number}. {p.principle.title}"), f"{p.rated}/{len(p.ratings)}",
                      Text(str(p.low), style="bold yellow" if p.low else "dim"),
                      scale_bar(p.spread, scale, colours), p.spread.mean_text or "–",
                      spread_cell(p.spread))
    return table


def spread_cell(spread: Spread) -> Text:
    """`1–5 · sd 1.2`: the lowest and highest rating given and the standard deviation."""
    if not spread.n:
        return Text("not rated", style="dim")
    return Text(f"{spread.range_text} · sd {spread.sd_text}")


def weakest_table(assessment: Assessment) -> Table:
    """The lowest-rated commitments, lowest mean first, with their spread."""
    table = Table(expand=True, title="Weakest commitments", title_justify="left")
    table.add_column("", no_wrap=True, style="dim")
    table.add_column("Commitment", ratio=1)
    table.add_column("Mean", justify="right", no_wrap=True)
    table.add_column("Spread", no_wrap=True)
    for r in assessment.weakest:
        text = Text(r.text)
        if r.needs_action:
            text.append(f"  {LOW_MARK}", style="bold yellow")
        table.add_row(r.code, text, Text(r.spread.mean_text, style="bold" if r.low else ""),
                      spread_cell(r.spread))
    if not assessment.weakest:
        table.add_row("", Text("No commitment rated yet.", style="dim"), "", "")
    return table


def actions_table(actions: tuple[ActionView, ...], with_workshop: bool = False) -> Table:
    """The agreed actions: commitment, action, owner, due date (and the workshop that agreed
    it, when there is more than one)."""
    table = Table(expand=True, title="Actions agreed", title_justify="left")
    table.add_column("", no_wrap=True, style="dim")
    table.add_column("Action", ratio=2)
    table.add_column("Owner", ratio=1)
    table.add_column("Due", no_wrap=True)
    if with_workshop:
        table.add_column("Workshop", ratio=1)
    for a in actions:
        cells = [a.code, Text(a.text), Text(a.owner_text, style="" if a.owner else "dim italic"),
                 Text(a.due_text, style="" if a.due else "dim italic")]
        table.add_row(*cells, *([Text(a.workshop)] if with_workshop else []))
    if not actions:
        table.add_row("", Text("No action agreed yet.", style="dim"), "", "",
                      *([""] if with_workshop else []))
    return table


def needing_action_text(assessment: Assessment, hint: str = "") -> RenderableType:
    """A warning naming each commitment rated low with no action agreed yet (`hint`: how to
    agree one, where that can be done)."""
    waiting = assessment.needing_action
    if not waiting:
        if assessment.low:
            return Text("Every commitment rated low has an action agreed.", style="green")
        return Text("No commitment is rated low.", style="green")
    n = len(waiting)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, style="dim")
    for r in waiting:
        grid.add_row(r.code, Text(r.text), f"mean {r.spread.mean_text}")
    head = Text(f"⚑ {n} commitment{'' if n == 1 else 's'} rated low with no action agreed yet",
                style="bold yellow")
    if hint:
        head.append(f" ({hint})", style="yellow")
    return Group(head, grid)


def unrated_text(assessment: Assessment, in_progress: bool) -> Text:
    """The commitments nobody has rated (yet), by principle: `Not rated yet: 3 of Building
    partners' capacity (3.1, 3.2, 3.3)`."""
    text = Text()
    if not assessment.unrated:
        text.append("Nothing missing: every commitment is rated.", style="green")
        return text
    label = "Not rated yet: " if in_progress else "Not rated: "
    for p in assessment.principles:
        codes = [r.code for r in p.ratings if not r.n]
        if codes:
            text.append(label, style="bold yellow")
            text.append(f"{len(codes)} of {p.principle.title} ")
            text.append(f"({', '.join(codes)})\n", style="dim")
    text.rstrip()
    return text


def rating_row(rating: Rating, colours: Colours, header: bool = False,
               show_principle: bool = False) -> Table:
    """`1.4 Text of the commitment`, then `███▒▒░  4 · 5 · 1 · 0 · 0  mean 1.7  2 ✎`."""
    label = Text()
    if show_principle:
        label.append(f"{rating.principle.title}: ", style="dim")
    label.append(f"{rating.code} ", style="dim")
    label.append(rating.text)
    figures = distribution_bar(rating.spread, colours, width=10)
    counts = " · ".join(str(n) for n in rating.spread.counts.values())
    figures.append(f"  {counts}", style="bold" if rating.n else "dim")
    if rating.n:
        figures.append(f"  mean {rating.spread.mean_text}", style="bold" if rating.low else "")
    if rating.needs_action:
        figures.append(f"  {LOW_MARK}", style="bold yellow")
    if rating.evidence:
        figures.append(f"  {len(rating.evidence)} ✎", style="bold cyan")
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1)
    if header:
        grid.add_row(Text(rating.principle.title, style="bold underline"))
    grid.add_row(label)
    grid.add_row(figures)
    return grid


def rating_legend(scale: RatingScale) -> Text:
    legend = Text("Ratings: ", style="dim")
    legend.append(" · ".join(f"{p.value} {p.label}" for p in scale.points))
    legend.append(" · ", style="dim")
    legend.append("✎ evidence notes", style="cyan")
    return legend


def rating_detail(rating: Rating, scale: RatingScale, colours: Colours,
                  workshops: int) -> RenderableType:
    """A commitment's ratings in full: a bar per point, the mean and spread, whether it needs
    an action, each workshop's own mean (when several rated it), and its actions."""
    head = Text()
    head.append(f"{rating.principle.title} · commitment {rating.code}\n", style="dim")
    head.append(rating.text, style="bold")
    bars = Table.grid(padding=(0, 1), expand=True)
    bars.add_column(no_wrap=True)
    bars.add_column(ratio=1)
    bars.add_column(no_wrap=True, justify="right")
    for point in scale.points:
        n = rating.spread.counts.get(point.value, 0)
        bar = Bar(max(rating.n, 1), 0, n, color=colours.get(point.id, "default"),
                  bgcolor="grey23")
        bars.add_row(Text(f"{point.value} {point.label}"), bar,
                     Text(f"{n:>4} {rating.spread.share(point.value):>3}%"))
    summary = Text()
    if rating.n:
        summary.append(f"{rating.n} ratings, mean {rating.spread.mean_text} "
                       f"({rating.spread.spread_text})", style="bold")
    else:
        summary.append("Not rated.", style="dim")
    if rating.low:
        summary.append("  rated low", style="bold black on yellow")
    if rating.needs_action:
        summary.append(f"  {LOW_MARK}", style="bold yellow")
    parts: list[RenderableType] = [head, Text(""), bars, summary]
    if workshops > 1 and rating.by_workshop:
        from workshop.tui import results_render  # the results view's limit (only it shows this)

        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
        table.add_column("Workshop", ratio=1, min_width=12)
        table.add_column("Ratings", justify="right", no_wrap=True)
        table.add_column("Mean", justify="right", no_wrap=True)
        table.add_column("Spread", no_wrap=True)
        for w in rating.by_workshop[:results_render.WORKSHOPS_SHOWN]:
            table.add_row(Text(w.workshop), str(w.spread.n), w.spread.mean_text,
                          w.spread.range_text)
        parts += [Text(""), table]
        if (left := len(rating.by_workshop) - results_render.WORKSHOPS_SHOWN) > 0:
            parts.append(Text(f"… and {left:,} more workshop{'' if left == 1 else 's'}: every "
                              "export lists each workshop's ratings.", style="dim italic"))
    if rating.actions:
        parts += [Text(""), actions_list(rating.actions, with_workshop=workshops > 1)]
    return Group(*parts)


def actions_list(actions: tuple[ActionView, ...], with_workshop: bool) -> RenderableType:
    """A commitment's actions for a narrow pane: each with its owner, due date (and workshop)
    on the line below."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for a in actions:
        text = Text(a.text)
        text.append(f"\n{a.owner_text} · {a.due_phrase}", style="dim")
        if with_workshop:
            text.append(f"\n{a.workshop}", style="dim italic")
        grid.add_row("•", text)
    return Group(Text("Actions agreed", style="bold"), grid)
