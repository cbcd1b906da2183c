"""The report model: one neutral reading of a result that every export format renders.

`build_report(merged, protocol)` turns a merged result (or a single session seen as a merged
result of one) into plain, ordered data: the workshops, per principle the commitments with their
counts, whole-percent shares, contested/consensus marks (results.py), comments and proposed
wordings, the answers per question, and the recommendations. Markdown, CSV, XLSX, HTML and DOCX
are all drawn from it, so the formats agree figure for figure. Text is kept exactly as typed;
escaping is each format's job (safety.py). Nothing here reads the clock: the report's date is
the newest record's `updated`, so the same input always gives the same report. Nothing here
imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workshop.consultation.figures import long_date, percent
from workshop.consultation.marks import (
    CONSENSUS,
    CONTESTED,
    NO_VOTES,
    CommitmentResult,
    commitment_results,
)
from workshop.consultation.records import Merged, SessionRecord
from workshop.protocol.model import Principle, Protocol, Question, VoteOption
from workshop.session.model import RECOMMENDATIONS

KIND_LABELS = {"comments": "comment", "amendments": "proposed wording", "answers": "answer"}
"""Each entry kind, as a reader calls one of them."""

UNDECIDED = "Undecided"


@dataclass(frozen=True)
class Note:
    """A comment, proposed wording or answer, with the workshop it came from."""

    kind: str
    """`comments`, `amendments` or `answers`."""
    target: str
    """The commitment or question id."""
    entry_id: str
    text: str
    """Exactly as typed."""
    created: datetime
    edited: datetime | None
    session_id: str
    group: str
    date: date
    """The workshop's date."""

    @property
    def workshop(self) -> str:
        """`Manchester Partnership Board, 22 November 2026`: which workshop said it."""
        return f"{self.group}, {long_date(self.date)}"


@dataclass(frozen=True)
class Workshop:
    """One session's details and how far it got."""

    record: SessionRecord
    voted: int
    """Commitments of the protocol with at least one vote."""
    answered: int
    """Questions of the protocol with at least one answer."""
    votes: int
    comments: int
    amendments: int
    answers: int

    @property
    def recommendation(self) -> str:
        return RECOMMENDATIONS.get(self.record.recommendation.choice, UNDECIDED)


@dataclass(frozen=True)
class CommitmentView:
    result: CommitmentResult
    code: str
    """`2.3`: principle number, then the commitment's number in it."""
    comments: tuple[Note, ...]
    amendments: tuple[Note, ...]

    @property
    def id(self) -> str:
        return self.result.commitment.id

    @property
    def text(self) -> str:
        return self.result.commitment.text

    @property
    def totals(self) -> dict[str, int]:
        return self.result.totals

    @property
    def total(self) -> int:
        return self.result.total

    def share(self, option_id: str) -> int:
        return percent(self.totals.get(option_id, 0), self.total)


@dataclass(frozen=True)
class PrincipleView:
    principle: Principle
    number: int
    commitments: tuple[CommitmentView, ...]
    totals: dict[str, int]
    """Votes per option over all the principle's commitments."""

    @property
    def id(self) -> str:
        return self.principle.id

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    def share(self, option_id: str) -> int:
        return percent(self.totals.get(option_id, 0), self.total)


@dataclass(frozen=True)
class QuestionView:
    question: Question
    number: int
    answers: tuple[Note, ...]


@dataclass(frozen=True)
class Report:
    """Everything an export shows, in the order it shows it."""

    protocol: Protocol
    options: tuple[VoteOption, ...]
    workshops: tuple[Workshop, ...]
    principles: tuple[PrincipleView, ...]
    questions: tuple[QuestionView, ...]
    foreign: tuple[Note, ...]
    """Entries on commitment or question ids the protocol does not have (mixed merges)."""
    as_of: datetime | None
    """The newest record's `updated`: when the result was last changed."""

    @property
    def single(self) -> bool:
        """One workshop: its details are shown, and entries need no attribution."""
        return len(self.workshops) == 1

    @property
    def in_progress(self) -> bool:
        """A single session not yet finished: what is missing is still to come."""
        return self.single and not self.workshops[0].record.complete

    @property
    def title(self) -> str:
        return f"{self.protocol.title}: consultation results"

    @property
    def commitments(self) -> tuple[CommitmentView, ...]:
        return tuple(c for p in self.principles for c in p.commitments)

    @property
    def no_votes_label(self) -> str:
        return "No votes yet" if self.in_progress else "No votes"

    @property
    def not_answered_label(self) -> str:
        return "Not answered yet" if self.in_progress else "Not answered"

    def mark_label(self, mark: str) -> str:
        """What a commitment's mark says: Contested, Consensus, No votes (yet), or nothing."""
        return {CONTESTED: "Contested", CONSENSUS: "Consensus", NO_VOTES: self.no_votes_label
                }.get(mark, "")

    def unvoted(self) -> list[CommitmentView]:
        return [c for c in self.commitments if c.total == 0]

    def unanswered(self) -> list[QuestionView]:
        return [q for q in self.questions if not q.answers]

    def recommendation_counts(self) -> dict[str, int]:
        """Label → how many workshops chose it, every choice listed, undecided last."""
        choices = [w.record.recommendation.choice for w in self.workshops]
        out = {label: choices.count(cid) for cid, label in RECOMMENDATIONS.items()}
        out[UNDECIDED] = sum(c not in RECOMMENDATIONS for c in choices)
        return out

    def totals(self) -> dict[str, int]:
        """Votes per option over the whole protocol."""
        return {o.id: sum(p.totals[o.id] for p in self.principles) for o in self.options}

    def entry_counts(self) -> dict[str, int]:
        return {"comments": sum(w.comments for w in self.workshops),
                "amendments": sum(w.amendments for w in self.workshops),
                "answers": sum(w.answers for w in self.workshops)}

    def summary_line(self) -> str:
        """`2 workshops, 24 participants; 30/37 commitments voted, 412 votes; ...`."""
        n = len(self.workshops)
        counted = [w.record.participants for w in self.workshops
                   if w.record.participants is not None]
        people = sum(counted)
        head = (f"{people} participant{_s(people)}" if len(counted) == n else
                f"{people} participant{_s(people)} in the {len(counted)} that gave a head count"
                if counted else "no head count given")
        voted = len(self.commitments) - len(self.unvoted())
        answered = len(self.questions) - len(self.unanswered())
        e = self.entry_counts()
        votes = sum(self.totals().values())
        return (f"{n} workshop{_s(n)}, {head}; "
                f"{voted}/{len(self.commitments)} commitments voted, {votes} vote{_s(votes)}; "
                f"{e['comments']} comment{_s(e['comments'])}, {e['amendments']} proposed "
                f"wording{_s(e['amendments'])}; {answered}/{len(self.questions)} questions "
                f"answered, {e['answers']} answer{_s(e['answers'])}.")


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _note(record: SessionRecord, kind: str, target: str, entry) -> Note:
    return Note(kind, target, entry.id, entry.text, entry.created, entry.edited, record.id,
                record.group, record.date)


def build_report(merged: Merged, protocol: Protocol) -> Report:
    """The report of `merged` on `protocol` (see the module docstring)."""
    notes = {kind: [_note(a.record, kind, a.target, a.entry) for a in merged.attributed(kind)]
             for kind in KIND_LABELS}
    results = commitment_results(merged, protocol)
    principles = []
    for number, principle in enumerate(protocol.principles, start=1):
        views = tuple(
            CommitmentView(
                result=r, code=f"{number}.{r.number}",
                comments=tuple(n for n in notes["comments"] if n.target == r.commitment.id),
                amendments=tuple(n for n in notes["amendments"] if n.target == r.commitment.id),
            )
            for r in results if r.principle.id == principle.id)
        totals = {o: sum(v.totals[o] for v in views) for o in protocol.option_ids}
        principles.append(PrincipleView(principle, number, views, totals))
    questions = tuple(
        QuestionView(q, n, tuple(a for a in notes["answers"] if a.target == q.id))
        for n, q in enumerate(protocol.questions, start=1))
    known = {c.id for c in protocol.commitments} | {q.id for q in protocol.questions}
    foreign = tuple(n for kind in KIND_LABELS for n in notes[kind] if n.target not in known)
    records = merged.sessions()
    return Report(
        protocol=protocol, options=protocol.vote_options,
        workshops=tuple(_workshop(r, protocol) for r in records),
        principles=tuple(principles), questions=questions, foreign=foreign,
        as_of=max((r.updated for r in records), default=None),
    )


def _workshop(record: SessionRecord, protocol: Protocol) -> Workshop:
    commitments = {c.id for c in protocol.commitments}
    return Workshop(
        record=record,
        voted=sum(1 for c, counts in record.votes.items()
                  if c in commitments and any(counts.values())),
        answered=sum(1 for q in protocol.questions if record.answers.get(q.id)),
        votes=sum(n for c, counts in record.votes.items() if c in commitments
                  for n in counts.values()),
        comments=sum(len(v) for v in record.comments.values()),
        amendments=sum(len(v) for v in record.amendments.values()),
        answers=sum(len(v) for v in record.answers.values()),
    )
