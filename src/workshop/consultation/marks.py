"""Reading a merged result: per commitment, the shares, the spread across workshops, and a mark.

The marks (docs/merged-format.md, "Contested and consensus"):

- **consensus**: one vote option holds at least `CONSENSUS_SHARE` (two thirds) of the votes, and
  the workshops agree about it: its share in each workshop that voted spreads by less than
  `WIDE_SPREAD` (half of the scale) from the lowest to the highest.
- **contested**: no option holds more than `MAJORITY_SHARE` (half) of the votes, or the
  workshops disagree: the leading option's share spreads by `WIDE_SPREAD` or more.
- no mark: a majority, but not a consensus; **no votes**: nobody voted on it.

The rule looks at the leading option, whichever it is, so a room that wants a commitment
amended, with one voice, is a consensus for "Agree if amended". The same functions serve the
results view and every export. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from workshop.consultation.records import Merged
from workshop.protocol.model import Commitment, Principle, Protocol

CONSENSUS_SHARE = 2 / 3
MAJORITY_SHARE = 1 / 2
WIDE_SPREAD = 1 / 2

CONTESTED = "contested"
CONSENSUS = "consensus"
NO_VOTES = "no votes"

ORDERS = {"protocol": "protocol order", "contested": "most contested first",
          "commented": "most commented first"}
"""The orders the results can be sorted in: id → description."""


@dataclass(frozen=True)
class CommitmentResult:
    principle: Principle
    commitment: Commitment
    number: int
    """The commitment's position in its principle, from 1."""
    totals: dict[str, int]
    """Votes per option, every option of the protocol, in its order."""
    sessions_voted: int
    leading: str | None
    """The option with most votes (the first in protocol order on a tie); None without votes."""
    lead_share: float
    spread: float
    """Highest minus lowest share of the leading option across the workshops that voted."""
    mark: str
    """CONTESTED, CONSENSUS, NO_VOTES or ""."""
    comments: int
    amendments: int

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def share(self, option_id: str) -> float:
        return self.totals.get(option_id, 0) / self.total if self.total else 0.0

    @property
    def notes(self) -> int:
        """Comments and proposed wordings together."""
        return self.comments + self.amendments


def mark_for(lead_share: float, spread: float, total: int) -> str:
    """The mark, by the rule in this module's docstring."""
    if total == 0:
        return NO_VOTES
    if lead_share <= MAJORITY_SHARE or spread >= WIDE_SPREAD:
        return CONTESTED
    if lead_share >= CONSENSUS_SHARE:
        return CONSENSUS
    return ""


def commitment_result(merged: Merged, protocol: Protocol, principle: Principle, number: int,
                      commitment: Commitment, option_ids: tuple[str, ...] | None = None
                      ) -> CommitmentResult:
    """(`option_ids`: what the counts are kept against, when not the protocol's vote options:
    an assessment's points.)"""
    option_ids = option_ids or protocol.option_ids
    totals = merged.totals(commitment.id, option_ids)
    totals = {o: totals[o] for o in option_ids}
    total = sum(totals.values())
    by_session = merged.by_session(commitment.id)
    leading = max(option_ids, key=lambda o: (totals[o], -option_ids.index(o)))
    lead_share = totals[leading] / total if total else 0.0
    spread = _spread(by_session.values(), leading)
    return CommitmentResult(
        principle=principle, commitment=commitment, number=number, totals=totals,
        sessions_voted=len(by_session), leading=leading if total else None,
        lead_share=lead_share, spread=spread, mark=mark_for(lead_share, spread, total),
        comments=merged.entry_count("comments", commitment.id),
        amendments=merged.entry_count("amendments", commitment.id),
    )


def _spread(counts_by_session, leading: str) -> float:
    """The widest gap between two sessions' shares for the leading option. Exact fractions:
    7/10 - 2/10 is 0.49999999999999994 in floats, and must be exactly 1/2; the highest and
    lowest shares are found by comparing cross-products, one Fraction each at the end."""
    high = low = None
    for counts in counts_by_session:
        total = sum(counts.values())
        if not total:
            continue
        share = (counts.get(leading, 0), total)
        if high is None:
            high = low = share
            continue
        if share[0] * high[1] > high[0] * share[1]:
            high = share
        if share[0] * low[1] < low[0] * share[1]:
            low = share
    if high is None or high is low:
        return 0.0
    return float(Fraction(*high) - Fraction(*low))


def commitment_results(merged: Merged, protocol: Protocol) -> list[CommitmentResult]:
    """Every commitment of the protocol, in protocol order."""
    return [commitment_result(merged, protocol, p, n, c, merged.option_ids)
            for p in protocol.principles for n, c in enumerate(p.commitments, start=1)]


def sort_results(results: list[CommitmentResult], order: str) -> list[CommitmentResult]:
    """`protocol` order; `contested`: contested first, then the weakest lead and widest spread,
    commitments without votes last; `commented`: most comments and proposed wordings first."""
    position = {id(r): n for n, r in enumerate(results)}
    if order == "contested":
        rank = {CONTESTED: 0, "": 1, CONSENSUS: 2, NO_VOTES: 3}
        return sorted(results, key=lambda r: (rank[r.mark], r.lead_share, -r.spread,
                                              position[id(r)]))
    if order == "commented":
        return sorted(results, key=lambda r: (-r.notes, position[id(r)]))
    return list(results)


def mark_counts(results: list[CommitmentResult]) -> dict[str, int]:
    return {mark: sum(r.mark == mark for r in results) for mark in (CONTESTED, CONSENSUS, NO_VOTES)}
