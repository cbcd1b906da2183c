"""The profile chart per principle in the Word export of an assessment.

A stacked horizontal bar per commitment, labelled with its reference and its mean rating
("1.4  mean 3.2", or "1.4  not rated"), split into the scale's points, lowest first, each segment
as wide as the point's share of the commitment's ratings and coloured by the point's tone (the
scale's `tones`, as every view colours a rating: the highest point as support, the lowest as
opposition), in light colours with a hatch per point so it reads without colour too. A segment
wide enough holds its count on a white label. The picture's alt text gives every figure in words
(`describe_profile`).

Drawn as docx_chart.py draws the consultation's charts: matplotlib's Agg renderer on its default
style, a fixed size and resolution, no "Software" stamp, so the same figures give the same bytes;
matplotlib is imported only when a chart is drawn. The figures are the assessment model's
(consultation/assessment.py). Nothing here imports Textual.
"""

from __future__ import annotations

import io

from workshop.consultation.assessment import PrincipleProfile, Rating
from workshop.export.docx_chart import DPI, HATCHES, WIDTH_CM, chart_style
from workshop.protocol.model import RatingScale

TONE_FILLS = {"support": "#a1d99b", "qualified": "#fdd49e", "alternative": "#9ecae1",
              "neutral": "#dadaeb", "oppose": "#f4a6a6"}
"""Light fills by tone (the tones' colours in the other exports, lightened), so the black hatches
and labels stay legible, in greyscale too."""
_BAR_CM, _TOP_CM, _BOTTOM_CM, _LEFT_CM, _RIGHT_CM = 0.8, 1.6, 1.2, 3.3, 0.6


def bar_label(r: Rating) -> str:
    """`1.4  mean 3.2`, or `1.4  not rated`."""
    return f"{r.code}  mean {r.spread.mean_text}" if r.n else f"{r.code}  not rated"


def describe_profile(p: PrincipleProfile, scale: RatingScale) -> str:
    """The alt text: `Principle 1, Achieve intended outcomes, ratings per commitment on the scale
    1 Not at all … 5 Consistently: 1.1 mean 2.0 from 10 ratings (1: 4, 2: 5, 3: 1, 4: 0, 5: 0);
    1.4 not rated.`"""
    parts = []
    for r in p.ratings:
        if not r.n:
            parts.append(f"{r.code} not rated")
            continue
        counts = ", ".join(f"{v}: {c}" for v, c in r.spread.counts.items())
        parts.append(f"{r.code} mean {r.spread.mean_text} from {r.n} "
                     f"rating{'' if r.n == 1 else 's'} ({counts})")
    return (f"Principle {p.number}, {p.principle.title}, ratings per commitment on the scale "
            f"{scale.describe()}: " + "; ".join(parts) + ".")


def profile_png(p: PrincipleProfile, scale: RatingScale) -> bytes:
    """The principle's profile chart as PNG bytes (see the module docstring)."""
    fig = profile_figure(p, scale)
    out = io.BytesIO()
    with chart_style():
        fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def profile_figure(p: PrincipleProfile, scale: RatingScale):
    """The principle's profile as a matplotlib Figure on an Agg canvas (no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    ratings = p.ratings
    height_cm = _TOP_CM + _BOTTOM_CM + _BAR_CM * max(1, len(ratings))
    with chart_style():
        fig = Figure(figsize=(WIDTH_CM / 2.54, height_cm / 2.54), dpi=DPI)
        canvas = FigureCanvasAgg(fig)
        fig.subplots_adjust(left=_LEFT_CM / WIDTH_CM, right=1 - _RIGHT_CM / WIDTH_CM,
                            bottom=_BOTTOM_CM / height_cm, top=1 - _TOP_CM / height_cm)
        ax = fig.add_subplot()
        _bars(ax, ratings, scale)
        ax.set_xlim(0, 100)
        ax.set_ylim(len(ratings) - 0.5, -0.5)  # the first commitment on top
        ax.set_yticks(range(len(ratings)), [bar_label(r) for r in ratings])
        ax.set_xlabel("Share of the commitment's ratings (%), lowest point on the left")
        ax.tick_params(axis="y", length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # across the whole picture, not just the axes: five labels need the width
        fig.legend(*ax.get_legend_handles_labels(), loc="upper center",
                   bbox_to_anchor=(0.5, 1 - 0.15 / height_cm), ncol=min(5, len(scale.points)),
                   frameon=False, handleheight=1.4, handlelength=2.0, columnspacing=1.2)
        _count_labels(ax, canvas.get_renderer(), ratings)
    return fig


def _bars(ax, ratings: tuple[Rating, ...], scale: RatingScale) -> None:
    """One stacked bar per commitment, a series per point; an unrated commitment's is empty."""
    tones = scale.tones
    for n, point in enumerate(scale.points):
        lefts, widths = [], []
        for r in ratings:
            before = sum(r.spread.counts.get(q.value, 0) for q in scale.points[:n])
            lefts.append(100.0 * before / r.n if r.n else 0.0)
            widths.append(100.0 * r.spread.counts.get(point.value, 0) / r.n if r.n else 0.0)
        ax.barh(range(len(ratings)), widths, left=lefts, height=0.62,
                color=TONE_FILLS[tones[point.id]], hatch=HATCHES[n % len(HATCHES)],
                edgecolor="#333333", linewidth=0.6, label=f"{point.value} {point.label}")


def _count_labels(ax, renderer, ratings: tuple[Rating, ...]) -> None:
    """Each segment's count on a white label where it fits inside the segment."""
    box = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}
    for y, r in enumerate(ratings):
        left = 0.0
        for count in r.spread.counts.values():
            width = 100.0 * count / r.n if r.n else 0.0
            if count:
                (x0, _), (x1, _) = ax.transData.transform([(left, y), (left + width, y)])
                label = ax.text(left + width / 2, y, str(count), ha="center", va="center",
                                fontsize=7, bbox=box)
                if label.get_window_extent(renderer).width + 6 > x1 - x0:
                    label.remove()
            left += width
