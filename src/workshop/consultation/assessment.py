"""The assessment read model: how well a partnership lives each commitment, and what it will do.

An assessment session (`Mode.ASSESS`) keeps, per commitment, how many in the room gave each point
of the scale (its `votes` are counts per point), evidence notes (its comments) and agreed
actions with an owner and a due date. `build_assessment` (called by report_build.build_report)
reads them into:

- per commitment a `Rating`: the counts, how many rated, the mean and the spread (the standard
  deviation of the individual ratings, and the lowest and highest point given), whether it is
  rated low (mean at or below the scale's `low`), its evidence and actions;
- per principle a `PrincipleProfile`: the same figures over all its commitments' ratings;
- the weakest commitments (lowest mean first), the actions (by due date), and the commitments
  rated low with no action agreed yet.

Means are shown to one decimal place (`mean_text`), rounded half up like every share
(figures.py). Nothing here reads the clock or imports Textual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from workshop.consultation.figures import long_date, percent
from workshop.consultation.report_notes import Note
from workshop.protocol.model import Commitment, Principle, RatingScale
from workshop.session.model import Action

WEAKEST = 5
"""How many of the lowest-rated commitments the findings name (more when all are rated low)."""


def one_decimal(value: float | None) -> str:
    """`3.2`, rounded half up; "" for no value."""
    if value is None:
        return ""
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Spread:
    """Figures of a set of ratings, given as counts per point."""

    counts: dict[int, int]
    """point value → how many gave it, every point of the scale, lowest first."""

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        if not self.n:
            return None
        return sum(v * c for v, c in self.counts.items()) / self.n

    @property
    def sd(self) -> float | None:
        """The population standard deviation: how far the room's ratings spread."""
        mean = self.mean
        if mean is None:
            return None
        return math.sqrt(sum(c * (v - mean) ** 2 for v, c in self.counts.items()) / self.n)

    @property
    def lowest(self) -> int | None:
        return min((v for v, c in self.counts.items() if c), default=None)

    @property
    def highest(self) -> int | None:
        return max((v for v, c in self.counts.items() if c), default=None)

    @property
    def mean_text(self) -> str:
        """`3.2`; "" unrated."""
        return one_decimal(self.mean)

    @property
    def sd_text(self) -> str:
        return one_decimal(self.sd)

    @property
    def range_text(self) -> str:
        """`2–5` (the lowest and highest point given), `4` when all agree; "" unrated."""
        if self.lowest is None:
            return ""
        return str(self.lowest) if self.lowest == self.highest else f"{self.lowest}–{self.highest}"

    @property
    def spread_text(self) -> str:
        """`ratings 2–5, sd 1.1`; "" unrated."""
        return f"ratings {self.range_text}, sd {self.sd_text}" if self.n else ""

    def share(self, value: int) -> int:
        return percent(self.counts.get(value, 0), self.n)


def due_phrase(due: date | None) -> str:
    """`due 31 March 2027`, or `no due date yet`: an action's date in a sentence."""
    return f"due {long_date(due)}" if due else "no due date yet"


@dataclass(frozen=True)
class ActionView:
    """An agreed action, with what it is about and the workshop that agreed it."""

    action: Action
    commitment: Commitment
    code: str
    """`2.3`: the commitment's reference."""
    workshop: str
    """The workshop's name in the report (`Group, 22 November 2026`)."""
    session_id: str

    @property
    def text(self) -> str:
        return self.action.text

    @property
    def owner(self) -> str:
        return self.action.owner

    @property
    def due(self) -> date | None:
        return self.action.due

    @property
    def owner_text(self) -> str:
        return self.action.owner or "No owner yet"

    @property
    def due_phrase(self) -> str:
        return due_phrase(self.action.due)

    @property
    def due_text(self) -> str:
        return long_date(self.action.due) if self.action.due else "No date yet"


@dataclass(frozen=True)
class WorkshopRating:
    """One workshop's own ratings of one commitment."""

    workshop: str
    session_id: str
    spread: Spread


@dataclass(frozen=True)
class Rating:
    """One commitment as the partnership rated it."""

    principle: Principle
    commitment: Commitment
    code: str
    spread: Spread
    low: bool
    """Rated, with a mean at or below the scale's `low`: it needs an action."""
    evidence: tuple[Note, ...]
    actions: tuple[ActionView, ...]
    by_workshop: tuple[WorkshopRating, ...]
    """The workshops that rated it, in the report's order."""

    @property
    def id(self) -> str:
        return self.commitment.id

    @property
    def text(self) -> str:
        return self.commitment.text

    @property
    def mean(self) -> float | None:
        return self.spread.mean

    @property
    def n(self) -> int:
        return self.spread.n

    @property
    def needs_action(self) -> bool:
        """Rated low, and no action agreed on it yet."""
        return self.low and not self.actions


@dataclass(frozen=True)
class PrincipleProfile:
    principle: Principle
    number: int
    ratings: tuple[Rating, ...]
    spread: Spread
    """Every rating of its commitments together."""

    @property
    def id(self) -> str:
        return self.principle.id

    @property
    def rated(self) -> int:
        return sum(1 for r in self.ratings if r.n)

    @property
    def low(self) -> int:
        return sum(1 for r in self.ratings if r.low)


@dataclass(frozen=True)
class Assessment:
    scale: RatingScale
    principles: tuple[PrincipleProfile, ...]
    spread: Spread
    """Every rating of the whole protocol."""

    @property
    def ratings(self) -> tuple[Rating, ...]:
        return tuple(r for p in self.principles for r in p.ratings)

    def rating(self, commitment_id: str) -> Rating:
        return next(r for r in self.ratings if r.id == commitment_id)

    @property
    def rated(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.n)

    @property
    def unrated(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if not r.n)

    @property
    def low(self) -> tuple[Rating, ...]:
        """The commitments rated low, lowest mean first."""
        return tuple(r for r in self.weakest_first() if r.low)

    def weakest_first(self) -> list[Rating]:
        """Every rated commitment, lowest mean first (then the widest spread, then protocol
        order)."""
        order = {r.id: n for n, r in enumerate(self.ratings)}
        return sorted(self.rated, key=lambda r: (r.mean, -(r.spread.sd or 0), order[r.id]))

    @property
    def weakest(self) -> tuple[Rating, ...]:
        """The lowest-rated commitments: the `WEAKEST` lowest, or every one rated low if more."""
        ranked = self.weakest_first()
        return tuple(ranked[:max(WEAKEST, len(self.low))])

    @property
    def actions(self) -> tuple[ActionView, ...]:
        """Every agreed action: dated ones by due date, then undated, each in protocol order."""
        order = {r.id: n for n, r in enumerate(self.ratings)}
        every = [a for r in self.ratings for a in r.actions]
        return tuple(sorted(every, key=lambda a: (a.due is None, a.due or date.min,
                                                  order[a.commitment.id])))

    @property
    def needing_action(self) -> tuple[Rating, ...]:
        """Rated low with no action agreed yet."""
        return tuple(r for r in self.low if not r.actions)

    def summary_line(self) -> str:
        """`31/37 commitments rated, mean 3.4 on 1–5; 4 rated low; 6 actions agreed.`"""
        n, total = len(self.rated), len(self.ratings)
        actions = len(self.actions)
        scale = f"{self.scale.lowest}–{self.scale.highest}"
        mean = f", mean {self.spread.mean_text} on {scale}" if self.spread.n else ""
        return (f"{n}/{total} commitments rated{mean}; {len(self.low)} rated low; "
                f"{actions} action{'' if actions == 1 else 's'} agreed.")


def spread_of(scale: RatingScale, counts: dict[str, int] | None) -> Spread:
    """A commitment's counts as kept (point id → count) as a Spread over the whole scale."""
    counts = counts or {}
    return Spread({p.value: counts.get(p.id, 0) for p in scale.points})


def combined(scale: RatingScale, spreads: list[Spread]) -> Spread:
    return Spread({p.value: sum(s.counts.get(p.value, 0) for s in spreads) for p in scale.points})
