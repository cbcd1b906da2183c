"""Building the assessment read model (assessment.py) from a merged result of assessments.

Called by report_build.build_report for a result whose mode is `assess`: the one place ratings
are turned into profiles, so the review step, the results view, `workshop compare` and every
export agree. Nothing here imports Textual.
"""

from __future__ import annotations

from workshop.consultation.assessment import (
    ActionView,
    Assessment,
    PrincipleProfile,
    Rating,
    WorkshopRating,
    combined,
    spread_of,
)
from workshop.consultation.records import Merged
from workshop.consultation.report_notes import Note
from workshop.protocol.model import Protocol, RatingScale


def build_assessment(merged: Merged, protocol: Protocol, scale: RatingScale,
                     names: dict[str, str], evidence: list[Note]) -> Assessment:
    """The profile of `merged` (assessments on `scale`); `names`: session id → workshop name;
    `evidence`: the report's comment notes (an assessment's evidence)."""
    by_target: dict[str, list[Note]] = {}
    for note in evidence:
        by_target.setdefault(note.target, []).append(note)
    order = merged.sessions()
    principles = []
    for number, principle in enumerate(protocol.principles, start=1):
        ratings = []
        for n, commitment in enumerate(principle.commitments, start=1):
            code = f"{number}.{n}"
            cid = commitment.id
            own = [WorkshopRating(names[r.id], r.id, spread_of(scale, r.votes.get(cid)))
                   for r in order if any(r.votes.get(cid, {}).values())]
            spread = combined(scale, [w.spread for w in own])
            actions = tuple(ActionView(a, commitment, code, names[r.id], r.id)
                            for r in order for a in r.actions.get(cid, ()))
            low = spread.mean is not None and spread.mean <= scale.low
            ratings.append(Rating(principle, commitment, code, spread, low,
                                  tuple(by_target.get(cid, ())), actions, tuple(own)))
        profile_spread = combined(scale, [r.spread for r in ratings])
        principles.append(PrincipleProfile(principle, number, tuple(ratings), profile_spread))
    return Assessment(scale, tuple(principles),
                      combined(scale, [p.spread for p in principles]))
