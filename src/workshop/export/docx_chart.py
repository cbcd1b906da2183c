"""The chart per principle in the Word export: a stacked horizontal bar per commitment.

Each bar is labelled with the commitment's reference ("1.4") and split into the protocol's
options in their order, each segment as wide as the option's share of the commitment's votes.
It reads without colour: every option has its own hatch pattern as well as its colour, the
legend shows both, and a segment wide enough holds its count and share ("24 (67%)", or just the
count where that is all that fits) on a white label. A commitment without votes says so once,
in its label ("1.4 No votes"). The picture's alt text gives every figure in words (`describe`).

Drawn with matplotlib's Agg renderer on its default style (a reader's matplotlibrc changes
nothing), at a fixed size and resolution, and saved without the PNG's "Software" stamp, so the
same figures give the same bytes. matplotlib is imported only inside the functions that draw
(`figure`, and `chart_png` through it): an export in another format never loads it. The
figures are the report model's (counts, and its rounded shares for the labels); only the
geometry is worked out here. Nothing here imports Textual.
"""

from __future__ import annotations

import io
from contextlib import contextmanager

from workshop.consultation.report import CommitmentView, PrincipleView

WIDTH_CM = 16.0
"""The picture's width in the document (A4 less the margins, and a little air)."""
DPI = 200
HATCHES = ("..", "//", "xx", "\\\\", "oo", "++", "--", "||")
COLOURS = ("#9ecae1", "#fdd49e", "#f4a6a6", "#c7e9c0", "#dadaeb", "#fff7bc", "#d9d9d9",
           "#fdd0a2")
"""Light colours, so black hatching and text stay legible on them (and in greyscale)."""
_RC = {"hatch.linewidth": 0.6, "font.size": 8}
"""On top of matplotlib's default style, whatever a reader's matplotlibrc says."""
_BAR_CM, _TOP_CM, _BOTTOM_CM, _LEFT_CM, _RIGHT_CM = 0.8, 1.2, 1.2, 2.9, 0.6


def bar_label(c: CommitmentView, no_votes: str) -> str:
    """`1.4`, or `1.4 No votes` for a commitment nobody voted on."""
    return c.code if c.total else f"{c.code} {no_votes}"


def describe(p: PrincipleView, no_votes: str) -> str:
    """The alt text: `Principle 1, Achieve intended outcomes, votes per commitment: 1.1 Agree 24,
    Agree if amended 12, Disagree 0; 1.4 No votes.`"""
    parts = [f"{c.code} " + (", ".join(f"{o.label} {c.totals.get(o.id, 0)}" for o in c.options)
                             if c.total else no_votes) for c in p.commitments]
    return (f"Principle {p.number}, {p.principle.title}, votes per commitment: "
            + "; ".join(parts) + ".")


def _segments(c: CommitmentView):
    """(option index, left %, width %, label texts from longest to shortest) per voted option."""
    left = 0.0
    for n, option in enumerate(c.options):
        count = c.totals.get(option.id, 0)
        width = 100.0 * count / c.total if c.total else 0.0
        if count:
            yield n, left, width, (f"{count} ({c.share(option.id)}%)", str(count))
        left += width


def chart_png(p: PrincipleView, no_votes: str) -> bytes:
    """The principle's chart as PNG bytes (see the module docstring)."""
    fig = figure(p, no_votes)
    out = io.BytesIO()
    with chart_style():  # hatch widths are read when drawing
        fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


@contextmanager
def chart_style():
    """matplotlib's default style and _RC, whatever a reader's matplotlibrc says."""
    import matplotlib
    import matplotlib.style

    with matplotlib.style.context("default"), matplotlib.rc_context(_RC):
        yield


def figure(p: PrincipleView, no_votes: str):
    """The principle's chart as a matplotlib Figure drawn on an Agg canvas (no pyplot, so no
    global state and no window)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    commitments = p.commitments
    options = commitments[0].options if commitments else ()
    height_cm = _TOP_CM + _BOTTOM_CM + _BAR_CM * max(1, len(commitments))
    with chart_style():
        fig = Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), dpi=DPI)
        canvas = FigureCanvasAgg(fig)
        fig.subplots_adjust(left=_LEFT_CM / WIDTH_CM, right=1 - _RIGHT_CM / WIDTH_CM,
                            bottom=_BOTTOM_CM / height_cm, top=1 - _TOP_CM / height_cm)
        ax = fig.add_subplot()
        _bars(ax, commitments, options)
        ax.set_xlim(0, 100)
        ax.set_ylim(len(commitments) - 0.5, -0.5)  # the first commitment on top
        ax.set_yticks(range(len(commitments)), [bar_label(c, no_votes) for c in commitments])
        ax.set_xlabel("Share of the commitment's votes (%)")
        ax.tick_params(axis="y", length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=max(1, len(options)),
                  frameon=False, handleheight=1.4, handlelength=2.4)
        _segment_labels(ax, canvas.get_renderer(), commitments)
    return fig


def _bars(ax, commitments, options) -> None:
    """One stacked bar per commitment; an unvoted commitment's bar is left empty."""
    for n, option in enumerate(options):
        lefts, widths = [], []
        for c in commitments:
            left = sum(c.totals.get(o.id, 0) for o in options[:n])
            lefts.append(100.0 * left / c.total if c.total else 0.0)
            widths.append(100.0 * c.totals.get(option.id, 0) / c.total if c.total else 0.0)
        ax.barh(range(len(commitments)), widths, left=lefts, height=0.62,
                color=COLOURS[n % len(COLOURS)], hatch=HATCHES[n % len(HATCHES)],
                edgecolor="#333333", linewidth=0.6, label=option.label)


def _segment_labels(ax, renderer, commitments) -> None:
    """Each segment's count and share on a white label, or the count alone, or nothing: the
    longest that fits inside the segment."""
    box = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}
    for y, c in enumerate(commitments):
        for _, left, width, texts in _segments(c):
            (x0, _), (x1, _) = ax.transData.transform([(left, y), (left + width, y)])
            for text in texts:
                label = ax.text(left + width / 2, y, text, ha="center", va="center",
                                fontsize=7, bbox=box)
                if label.get_window_extent(renderer).width + 6 <= x1 - x0:
                    break
                label.remove()
