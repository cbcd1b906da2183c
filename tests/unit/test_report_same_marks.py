"""A commitment's spread (the widest gap between two workshops' shares for the leading option)
is what it was before it was made fast (issue 15): the old way, a Fraction for every workshop,
kept here as the reference, on many random sets of counts."""

from __future__ import annotations

import random
from fractions import Fraction

from workshop.consultation.marks import _spread


def reference(sessions: list[dict[str, int]], leading: str) -> float:
    shares = [Fraction(c.get(leading, 0), sum(c.values())) for c in sessions if sum(c.values())]
    return float(max(shares) - min(shares)) if len(shares) > 1 else 0.0


def test_spread_is_the_same_as_with_a_fraction_per_workshop():
    rng = random.Random(15)
    wide = 0
    for _ in range(20_000):
        sessions = [{o: rng.randint(0, 7) for o in "abc" if rng.random() < 0.8}
                    for _ in range(rng.randint(0, 7))]
        leading = rng.choice("abc")
        expected = reference(sessions, leading)
        assert _spread(sessions, leading) == expected, (sessions, leading)
        wide += expected > 0.5
    assert wide > 100  # wide spreads were tried, not only zeros


def test_seven_tenths_less_two_tenths_is_exactly_a_half():
    assert _spread([{"a": 7, "b": 3}, {"a": 2, "b": 8}], "a") == 0.5
