"""What the Review step shows: what is missing, totals per principle, time against budget.

Plain functions of a session and its protocol, so the screen and the exports agree.
Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.protocol.model import Commitment, Protocol, Question
from workshop.session.kinds import Step
from workshop.session.model import Session


@dataclass(frozen=True)
class PrincipleTotals:
    principle_id: str
    title: str
    voted: int
    commitments: int
    counts: dict[str, int]
    comments: int
    amendments: int
    seconds: float
    budget_minutes: float | None


def principle_totals(session: Session, protocol: Protocol) -> list[PrincipleTotals]:
    rows = []
    for p in protocol.principles:
        counts = {o: 0 for o in protocol.option_ids}
        voted = 0
        for c in p.commitments:
            recorded = session.votes.get(c.id, {})
            if any(recorded.values()):
                voted += 1
            for option, n in recorded.items():
                counts[option] = counts.get(option, 0) + n
        rows.append(PrincipleTotals(
            principle_id=p.id, title=p.title, voted=voted, commitments=len(p.commitments),
            counts=counts,
            comments=sum(len(session.comments.get(c.id, [])) for c in p.commitments),
            amendments=sum(len(session.amendments.get(c.id, [])) for c in p.commitments),
            seconds=session.elapsed.get(Step.principle(p.id), 0.0),
            budget_minutes=p.minutes,
        ))
    return rows


def unvoted_commitments(session: Session, protocol: Protocol) -> list[Commitment]:
    return [c for c in protocol.commitments if not any(session.votes.get(c.id, {}).values())]


def unanswered_questions(session: Session, protocol: Protocol) -> list[Question]:
    return [q for q in protocol.questions if not session.answers.get(q.id)]


def progress(session: Session, protocol: Protocol) -> tuple[str, str]:
    """(`23/37`, `4/6`): commitments with votes, questions with answers."""
    voted = len(protocol.commitments) - len(unvoted_commitments(session, protocol))
    answered = len(protocol.questions) - len(unanswered_questions(session, protocol))
    return f"{voted}/{len(protocol.commitments)}", f"{answered}/{len(protocol.questions)}"


def progress_text(session: Session, protocol: Protocol) -> str:
    """`23/37 commitments voted, 4/6 questions`."""
    voted, answered = progress(session, protocol)
    return f"{voted} commitments voted, {answered} questions"
