"""What the review step shows of a session: figures per principle from the report model, and
the time spent on each step against its budget.

The figures come from `report_build.session_report`, the same reading every other view makes;
only the time per step is the session's own (it is not part of a consultation's result).
Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.consultation.report import Report
from workshop.consultation.report_build import progress_figures as progress
from workshop.consultation.report_build import progress_text, session_report
from workshop.protocol.model import Protocol
from workshop.session.kinds import Step
from workshop.session.model import Session

__all__ = ["PrincipleTotals", "principle_totals", "progress", "progress_text"]


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


def principle_totals(session: Session, protocol: Protocol,
                     report: Report | None = None) -> list[PrincipleTotals]:
    """Each principle's figures (from the report) with the time spent on its step."""
    report = report or session_report(session, protocol)
    return [PrincipleTotals(
        principle_id=p.id, title=p.principle.title, voted=p.voted,
        commitments=len(p.commitments), counts=dict(p.totals), comments=p.comments,
        amendments=p.amendments, seconds=session.elapsed.get(Step.principle(p.id), 0.0),
        budget_minutes=p.principle.minutes,
    ) for p in report.principles]
