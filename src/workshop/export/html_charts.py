"""Bar charts for the HTML export, in HTML and CSS: stacked share bars per commitment and per
principle, and the key to them.

Plain elements, no script, SVG or image, so the page stays self-contained, reflows to a phone's
width and prints as drawn. Each segment is as wide as its option's share and carries both the
option's colour and its own pattern (TONE_STYLES: dots, stripes, cross-hatching by what the
option means, protocol.model TONES; `tone_css()` gives their style rules), so the chart reads
in greyscale and for anyone who cannot tell the colours apart. Where the segment is wide
enough it shows its count and percentage (`6 (67%)`), else the count alone, else nothing (CSS
container queries hide what does not fit). Each chart is one `role="img"` with a text
alternative giving every figure. The key (`legend`) uses the same swatches.

An assessment's profile chart (`profile_chart`) is the same bar per commitment, of its ratings'
counts per point of the scale (each point in its tone: report.tones), with the mean marked
beside it on a track of the scale (a dot at its place, and the figure: `2.8`, `1.7 low` when
rated low), and a last bar for the whole principle. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.assessment import PrincipleProfile, Spread
from workshop.consultation.figures import percent
from workshop.consultation.report import PrincipleView, Report
from workshop.export.safety import html_text

_WHITE = "rgba(255,255,255,.7)"
TONE_STYLES = {
    "support": ("#2e7d32", f"radial-gradient(circle, {_WHITE} 0 1.4px, transparent 1.9px)",
                "6px 6px"),
    "qualified": ("#f2b705", "repeating-linear-gradient(45deg, rgba(0,0,0,.5) 0 2px, "
                  "transparent 2px 7px)", "auto"),
    "alternative": ("#1565c0", f"repeating-linear-gradient(0deg, {_WHITE} 0 2px, "
                    "transparent 2px 7px)", "auto"),
    "neutral": ("#6a1b9a", f"repeating-linear-gradient(90deg, {_WHITE} 0 2px, "
                "transparent 2px 7px)", "auto"),
    "oppose": ("#c62828", f"repeating-linear-gradient(45deg, {_WHITE} 0 1.5px, transparent "
               f"1.5px 6px), repeating-linear-gradient(-45deg, {_WHITE} 0 1.5px, transparent "
               "1.5px 6px)", "auto"),
}
"""Per meaning of a vote option (protocol.model TONES): its colour, as on screen
(tui/tones.tcss: support green, qualified amber, oppose red, then blue and purple for the
options between on longer scales), and its pattern (CSS background-image, size): dots,
diagonal stripes, horizontal and vertical stripes, cross-hatching."""


def tone_css() -> str:
    """The style rules of the tones' colours and patterns (bars and key swatches)."""
    return "\n".join(f".tone-{name} {{ background-color: {fill}; background-image: {pattern}; "
                     f"background-size: {size}; }}"
                     for name, (fill, pattern, size) in TONE_STYLES.items())


def describe(report: Report, totals: dict[str, int], empty: str) -> str:
    """`Agree 9 (75%), Agree if amended 2 (17%), Disagree 1 (8%); 12 votes`."""
    total = sum(totals.values())
    if not total:
        return empty
    parts = [f"{o.label} {totals[o.id]} ({percent(totals[o.id], total)}%)" for o in report.options]
    return ", ".join(parts) + f"; {total} vote{'' if total == 1 else 's'}"


def tone(report: Report, option_id: str) -> str:
    """The CSS class of a vote option's (or a scale point's) colour and pattern, by what it
    means."""
    return f"tone-{report.tones[option_id]}"


def bar(report: Report, totals: dict[str, int], empty: str | None = None) -> str:
    """One 100% stacked bar (no role of its own: the chart around it has the text); `empty`
    is what a bar without votes says (the report's "No votes" unless given)."""
    total = sum(totals.values())
    if not total:
        label = report.no_votes_label if empty is None else empty
        return f'<div class="bar empty"><span>{html_text(label)}</span></div>'
    out = []
    for option in report.options:
        n = totals[option.id]
        if not n:
            continue
        width = f"{100 * n / total:.3f}".rstrip("0").rstrip(".")
        out.append(f'<span class="seg {tone(report, option.id)}" style="width:{width}%">'
                   f'<span class="seg-label">{n}<span class="seg-share"> '
                   f"({percent(n, total)}%)</span></span></span>")
    return '<div class="bar">' + "".join(out) + "</div>"


def commitment_bar(report: Report, totals: dict[str, int], code: str) -> str:
    """The bar of one commitment's votes, as an image with every figure as its text."""
    alt = f"Votes on {code}: " + describe(report, totals, report.no_votes_label)
    return (f'<div class="chart one" role="img" aria-label="{html_text(alt)}">'
            + bar(report, totals) + "</div>")


def principle_chart(report: Report, principle: PrincipleView) -> str:
    """One bar per commitment (labelled with its number), and one for all of them together."""
    rows = [(c.code, c.totals) for c in principle.commitments] + [("All", principle.totals)]
    alt = f"Votes on principle {principle.number}, {principle.principle.title}: " + "; ".join(
        f"{label}: {describe(report, totals, report.no_votes_label)}" for label, totals in rows)
    body = "".join(
        f'<div class="chart-row{" all" if label == "All" else ""}">'
        f'<span class="chart-code">{html_text(label)}</span>{bar(report, totals)}</div>'
        for label, totals in rows)
    return f'<div class="chart" role="img" aria-label="{html_text(alt)}">{body}</div>'


def legend(report: Report) -> str:
    """The key: each option's colour and pattern, named (a list that wraps on a phone); in an
    assessment each point of the scale with its value (`1 Not at all`)."""
    value = report.assessment is not None
    items = "".join(f'<li><span class="swatch {tone(report, o.id)}" aria-hidden="true"></span>'
                    + (f"{html_text(o.id)} " if value else "")
                    + f"{html_text(o.label)}</li>" for o in report.options)
    return f'<ul class="legend" aria-label="Key to the charts">{items}</ul>'


NOT_RATED = "Not rated"


def ratings_text(report: Report, spread: Spread) -> str:
    """`Not at all 4 (20%), Rarely 5 (25%), …; 20 ratings, mean 2.8`; "Not rated" for none."""
    if not spread.n:
        return NOT_RATED
    parts = [f"{o.label} {spread.counts[int(o.id)]} ({spread.share(int(o.id))}%)"
             for o in report.options]
    return (", ".join(parts) + f"; {spread.n} rating{'' if spread.n == 1 else 's'}, mean "
            f"{spread.mean_text}")


def _mean(report: Report, spread: Spread, low: bool) -> str:
    """The mean on a track of the scale: a dot at its place, and the figure."""
    if not spread.n:
        return '<span class="mean"></span>'
    scale = report.assessment.scale
    place = 100 * (spread.mean - scale.lowest) / (scale.highest - scale.lowest)
    at = f"{place:.1f}".rstrip("0").rstrip(".")
    return (f'<span class="mean"><span class="mean-track"><span class="mean-dot" '
            f'style="left:{at}%"></span></span><span class="mean-text{" low" if low else ""}">'
            f"{spread.mean_text}{' low' if low else ''}</span></span>")


def profile_chart(report: Report, profile: PrincipleProfile) -> str:
    """One principle's profile: per commitment its ratings as a stacked bar and its mean on
    the scale, then the principle as a whole; one image with every figure as its text."""
    rows = [(r.code, r.spread, r.low) for r in profile.ratings]
    rows.append(("All", profile.spread, False))
    alt = (f"Ratings on principle {profile.number}, {profile.principle.title}: "
           + "; ".join(f"{code}: {ratings_text(report, spread)}" + (", rated low" if low else "")
                       for code, spread, low in rows))
    body = "".join(
        f'<div class="chart-row rating-row{" all" if code == "All" else ""}">'
        f'<span class="chart-code">{html_text(code)}</span>'
        + bar(report, {o.id: spread.counts[int(o.id)] for o in report.options}, NOT_RATED)
        + _mean(report, spread, low) + "</div>"
        for code, spread, low in rows)
    return (f'<div class="chart profile" role="img" aria-label="{html_text(alt)}">'
            '<div class="chart-row rating-row chart-head" aria-hidden="true"><span></span>'
            '<span>Ratings</span><span class="mean">Mean</span></div>' + body + "</div>")
