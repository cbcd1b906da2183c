"""Inline SVG charts for the HTML export: stacked share bars, per commitment and per principle.

Plain SVG text, no script and no external resource, so the HTML file stays self-contained and
prints as drawn. Each chart is an `role="img"` with a text alternative giving every figure, so
the numbers are there for a screen reader and for anyone who cannot tell the colours apart. The
colours follow what each option means (protocol.model TONES: the first option supports, the last
opposes), as on screen (tui/tones.tcss): support green, qualified amber, oppose red, then blue
and purple for the options between on longer scales. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.figures import percent
from workshop.consultation.report import PrincipleView, Report
from workshop.export.safety import html_text

TONE_COLOURS = {"support": ("#2e7d32", "#ffffff"), "qualified": ("#f2b705", "#1a1a1a"),
                "alternative": ("#1565c0", "#ffffff"), "neutral": ("#6a1b9a", "#ffffff"),
                "oppose": ("#c62828", "#ffffff")}
"""(fill, text colour) per meaning of a vote option."""
EMPTY = "#e0e0e0"
FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\""


def colours(report: Report, option_id: str) -> tuple[str, str]:
    """(fill, text colour) of a vote option, by what it means."""
    return TONE_COLOURS[report.protocol.tones[option_id]]


def describe(report: Report, totals: dict[str, int], empty: str) -> str:
    """`Agree 9 (75%), Agree if amended 2 (17%), Disagree 1 (8%); 12 votes`."""
    total = sum(totals.values())
    if not total:
        return empty
    parts = [f"{o.label} {totals[o.id]} ({percent(totals[o.id], total)}%)" for o in report.options]
    return ", ".join(parts) + f"; {total} vote{'' if total == 1 else 's'}"


def _segments(report: Report, totals: dict[str, int], x0: float, y: float, width: float,
              height: float, empty: str) -> list[str]:
    """The rectangles (and the counts that fit inside them) of one 100% stacked bar."""
    total = sum(totals.values())
    if not total:
        return [f'<rect x="{x0:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
                f'fill="{EMPTY}"/>',
                f'<text x="{x0 + 6:.1f}" y="{y + height / 2 + 4:.1f}" font-size="11" '
                f'fill="#555555">{html_text(empty)}</text>']
    out, x = [], x0
    for option in report.options:
        n = totals[option.id]
        if not n:
            continue
        w = width * n / total
        fill, ink = colours(report, option.id)
        tip = f"{option.label}: {n} ({percent(n, total)}%)"
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{height:.1f}" '
                   f'fill="{fill}"><title>{html_text(tip)}</title></rect>')
        label = str(n)
        if w >= 8 * len(label) + 6:
            out.append(f'<text x="{x + w / 2:.1f}" y="{y + height / 2 + 4:.1f}" font-size="11" '
                       f'text-anchor="middle" fill="{ink}">{label}</text>')
        x += w
    return out


def _svg(width: float, height: float, alt: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width:.0f}" '
            f'height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" {FONT} '
            f'aria-label="{html_text(alt)}"><title>{html_text(alt)}</title>'
            + "".join(body) + "</svg>")


def commitment_bar(report: Report, totals: dict[str, int], code: str, width: int = 360) -> str:
    """One stacked bar of a commitment's votes."""
    alt = f"Votes on {code}: " + describe(report, totals, report.no_votes_label)
    return _svg(width, 22, alt, _segments(report, totals, 0, 1, width, 20,
                                          report.no_votes_label))


def principle_chart(report: Report, principle: PrincipleView, width: int = 640) -> str:
    """One bar per commitment (labelled with its number), and one for all of them together."""
    label_width, row, bar = 48, 24, 18
    rows = [(c.code, c.totals) for c in principle.commitments] + [("All", principle.totals)]
    body = []
    for n, (label, totals) in enumerate(rows):
        y = n * row + (6 if label == "All" else 0)
        body.append(f'<text x="0" y="{y + bar / 2 + 4:.1f}" font-size="12" '
                    f'font-weight="{"bold" if label == "All" else "normal"}" '
                    f'fill="#1a1a1a">{html_text(label)}</text>')
        body += _segments(report, totals, label_width, y, width - label_width, bar,
                          report.no_votes_label)
    height = len(rows) * row + 6
    alt = f"Votes on principle {principle.number}, {principle.principle.title}: " + "; ".join(
        f"{label}: {describe(report, totals, report.no_votes_label)}" for label, totals in rows)
    return _svg(width, height, alt, body)


def legend(report: Report) -> str:
    """The options' colours, as an HTML list (it wraps on narrow screens)."""
    items = []
    for option in report.options:
        fill, _ = colours(report, option.id)
        swatch = (f'<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" '
                  f'aria-hidden="true"><rect width="14" height="14" fill="{fill}"/></svg>')
        items.append(f"<li>{swatch} {html_text(option.label)}</li>")
    return '<ul class="legend">' + "".join(items) + "</ul>"
