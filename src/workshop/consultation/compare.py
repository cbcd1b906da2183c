"""Comparing two assessments of one partnership: which commitments improved, which slipped.

A standards committee overseeing adherence to the protocol (Taunton Deane report §2.9) asks
whether a partnership lives it better than when it was last assessed. `compare(old, new)` reads
two assessment reports (each a session or a merged result of several workshops, on the same
protocol and scale) and gives, per commitment and per principle, the mean then and now and the
change, with a verdict:

- **Improved** / **Slipped**: the mean rose / fell by at least `threshold` points of the scale
  (half a point by default: a room of ten moving five people up one point);
- **No change**: it moved by less;
- **Newly rated** / **Not rated again**: rated in only one of the two.
- **Not rated**: in neither.

Commitments are matched by id, so a protocol whose wording changed between the two still
compares where its ids are kept. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.consultation.assessment import Assessment, Spread, one_decimal
from workshop.consultation.report import Report
from workshop.errors import WorkshopError

THRESHOLD = 0.5
"""The smallest change of mean, in points of the scale, called an improvement or a slip."""

IMPROVED, SLIPPED, SAME = "Improved", "Slipped", "No change"
NEW, GONE, UNRATED = "Newly rated", "Not rated again", "Not rated"
VERDICTS = (SLIPPED, IMPROVED, SAME, NEW, GONE, UNRATED)
"""Every verdict, in the order a committee reads them: what slipped first."""


@dataclass(frozen=True)
class Change:
    """One commitment (or principle) then and now."""

    code: str
    """`2.3` for a commitment, `2` for a principle."""
    title: str
    """The commitment's published words, or the principle's title."""
    old: Spread
    new: Spread
    threshold: float

    @property
    def delta(self) -> float | None:
        if self.old.mean is None or self.new.mean is None:
            return None
        return self.new.mean - self.old.mean

    @property
    def verdict(self) -> str:
        if self.old.n and self.new.n:
            delta = self.delta or 0.0
            # Compared to one decimal place, as shown: a shown change of 0.5 counts.
            shown = float(one_decimal(abs(delta)))
            if shown >= self.threshold:
                return IMPROVED if delta > 0 else SLIPPED
            return SAME
        if self.new.n:
            return NEW
        return GONE if self.old.n else UNRATED

    @property
    def delta_text(self) -> str:
        """`+0.8`, `-1.2`, `0.0`; "" when either is unrated."""
        delta = self.delta
        if delta is None:
            return ""
        text = one_decimal(abs(delta))
        return text if text == "0.0" else ("+" if delta > 0 else "-") + text


@dataclass(frozen=True)
class Comparison:
    old_label: str
    """What the earlier assessment was: its workshops' names."""
    new_label: str
    commitments: tuple[Change, ...]
    principles: tuple[Change, ...]
    threshold: float

    def with_verdict(self, verdict: str) -> tuple[Change, ...]:
        """The commitments with one verdict; improved and slipped ones biggest change first."""
        chosen = [c for c in self.commitments if c.verdict == verdict]
        if verdict in (IMPROVED, SLIPPED):
            chosen.sort(key=lambda c: -abs(c.delta or 0))
        return tuple(chosen)

    @property
    def improved(self) -> tuple[Change, ...]:
        return self.with_verdict(IMPROVED)

    @property
    def slipped(self) -> tuple[Change, ...]:
        return self.with_verdict(SLIPPED)

    def summary_line(self) -> str:
        """`6 improved, 2 slipped, 27 no change, 2 newly rated (by 0.5 points or more).`"""
        counts = [(v, len(self.with_verdict(v))) for v in VERDICTS]
        parts = [f"{n} {v.lower()}" for v, n in counts if n]
        return ", ".join(parts) + f" (a change of {self.threshold:g} points or more counts)."


def compare(old: Report, new: Report, threshold: float = THRESHOLD,
            names: tuple[str, str] = ("the first file", "the second file")) -> Comparison:
    """The change from the `old` assessment to the `new` one; WorkshopError when either is not
    an assessment or their scales differ (`names`: what to call the two in that message)."""
    a, b = _assessment(old, names[0]), _assessment(new, names[1])
    if a.scale != b.scale:
        raise WorkshopError(f"the two assessments rate on different scales ({a.scale.describe()} "
                            f"against {b.scale.describe()}), so their means cannot be compared")
    if not threshold > 0:
        raise WorkshopError(f"the threshold must be more than 0 points, not {threshold:g}")
    before = {r.id: r for r in a.ratings}
    commitments = tuple(
        Change(r.code, r.text, before[r.id].spread if r.id in before else Spread(
            dict.fromkeys(r.spread.counts, 0)), r.spread, threshold)
        for r in b.ratings)
    old_principles = {p.id: p for p in a.principles}
    principles = tuple(
        Change(str(p.number), p.principle.title,
               old_principles[p.id].spread if p.id in old_principles else Spread(
                   dict.fromkeys(p.spread.counts, 0)), p.spread, threshold)
        for p in b.principles)
    return Comparison(_label(old), _label(new), commitments, principles, threshold)


def _assessment(report: Report, name: str) -> Assessment:
    if report.assessment is None:
        raise WorkshopError(f"{name}: is a {report.mode.label.lower()}, not an assessment: "
                            "compare two assessments (workshop new --mode assess)")
    return report.assessment


def _label(report: Report) -> str:
    names = [w.name for w in report.workshops]
    return names[0] if len(names) == 1 else f"{len(names)} workshops: " + "; ".join(names)
