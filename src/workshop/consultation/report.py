"""The report model: the one reading of a consultation's result that every view lays out.

`build_report(merged, protocol)` (report_build.py) turns a merged result, or a single session
seen as a merged result of one (`session_report`), into the plain, ordered data of this module:
the workshops, per principle the commitments with their counts, shares, leading option,
contested/consensus mark and the reason for it in words, each workshop's own counts, comments
and proposed wordings, the answers per question, and the recommendations.

The results view, the review step, the start screen's progress, `workshop merge`'s summary and
every export (Markdown, CSV, XLSX, HTML, DOCX) read this model and only lay it out, so they
agree figure for figure and word for word: shares are whole percentages rounded half up
(figures.percent), and every label (`Contested`, `No votes yet`, `Undecided`, an entry kind, a
workshop's name) is made here. Text is kept exactly as typed; escaping is each view's job.
Nothing here reads the clock: the same input always gives the same report. Nothing here
imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workshop.analysis.tag_check import TagCheck
from workshop.consultation.amendments import AmendmentGroup
from workshop.consultation.assessment import Assessment
from workshop.consultation.figures import percent
from workshop.consultation.marks import (
    CONSENSUS,
    CONTESTED,
    NO_VOTES,
    CommitmentResult,
    mark_counts,
    sort_results,
)
from workshop.consultation.records import SessionRecord
from workshop.consultation.register import Register
from workshop.consultation.report_notes import Note, ThemeCount, ThemeView
from workshop.protocol.model import Commitment, Principle, Protocol, Question, VoteOption
from workshop.session.kinds import Mode
from workshop.session.model import RECOMMENDATIONS, UNDECIDED, recommendation_label

MARK_LABELS = {CONTESTED: "Contested", CONSENSUS: "Consensus", NO_VOTES: "No votes", "": ""}
"""What each mark is called; a single session in progress says "No votes yet" instead."""


def mark_label(mark: str, in_progress: bool) -> str:
    """What a commitment's mark says: Contested, Consensus, No votes (yet), or nothing."""
    if mark == NO_VOTES and in_progress:
        return "No votes yet"
    return MARK_LABELS[mark]

__all__ = ["CommitmentView", "Note", "PrincipleView", "QuestionView", "Report", "ThemeCount",
           "ThemeView", "Workshop", "WorkshopCounts", "mark_label"]

ANONYMISED_NOTE = ("Names of facilitators and signatories are withheld for publication; "
                   "organisations and roles are kept.")
"""What every view of an anonymised report (`workshop export --anonymise`) says once."""

MAJORITY_LABEL = "Majority"
"""A leading option with more than half of the votes but no consensus: neither mark."""

@dataclass(frozen=True)
class Workshop:
    """One session's details and how far it got."""

    record: SessionRecord
    name: str
    """`Group, 22 November 2026`; with the session id's start where two share both."""
    voted: int
    """Commitments of the protocol with at least one vote."""
    answered: int
    """Questions of the protocol with at least one answer."""
    votes: int
    comments: int
    amendments: int
    answers: int

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def notes(self) -> str:
        """The facilitator's notes on the session, as typed ("" for none)."""
        return self.record.notes

    @property
    def complete(self) -> bool:
        return self.record.complete

    @property
    def recommendation(self) -> str:
        """`Adopt`, `Adopt with changes`, `Do not adopt` or `Undecided`."""
        return recommendation_label(self.record.recommendation.choice)


@dataclass(frozen=True)
class WorkshopCounts:
    """One workshop's own counts for one commitment (None where it did not vote on it)."""

    workshop: Workshop
    counts: dict[str, int] | None


@dataclass(frozen=True)
class CommitmentView:
    result: CommitmentResult
    code: str
    """`2.3`: principle number, then the commitment's number in it."""
    comments: tuple[Note, ...]
    amendments: tuple[Note, ...]
    options: tuple[VoteOption, ...]
    by_workshop: tuple[WorkshopCounts, ...]
    """Every workshop of the report, in its order, with its counts for this commitment."""
    mark_label: str
    """`Contested`, `Consensus`, `No votes` / `No votes yet`, or "" (a majority: see `verdict`)."""
    amendment_groups: tuple[AmendmentGroup, ...] = ()
    """The proposed wordings in near-identical groups, most workshops first (amendments.py)."""
    themes: tuple[ThemeCount, ...] = ()
    """The themes on its comments and proposed wordings, most entries first (report_themes.py)."""

    @property
    def id(self) -> str:
        return self.result.commitment.id

    @property
    def commitment(self) -> Commitment:
        return self.result.commitment

    @property
    def text(self) -> str:
        return self.result.commitment.text

    @property
    def number(self) -> int:
        """The commitment's position in its principle, from 1."""
        return self.result.number

    @property
    def principle(self) -> Principle:
        return self.result.principle

    @property
    def mark(self) -> str:
        return self.result.mark

    @property
    def totals(self) -> dict[str, int]:
        return self.result.totals

    @property
    def total(self) -> int:
        return self.result.total

    @property
    def notes(self) -> int:
        """Comments and proposed wordings together."""
        return len(self.comments) + len(self.amendments)

    @property
    def workshops_voted(self) -> int:
        return self.result.sessions_voted

    def share(self, option_id: str) -> int:
        """The option's share of the votes, a whole percentage (figures.percent)."""
        return percent(self.totals.get(option_id, 0), self.total)

    @property
    def leading(self) -> VoteOption | None:
        """The option with most votes (the first in protocol order on a tie); None unvoted."""
        if self.result.leading is None:
            return None
        return next(o for o in self.options if o.id == self.result.leading)

    @property
    def leading_text(self) -> str:
        """`Agree, 58%`; "" without votes."""
        lead = self.leading
        return f"{lead.label}, {self.share(lead.id)}%" if lead else ""

    @property
    def spread_points(self) -> int:
        """How far the leading option's share varies across workshops, in percentage points."""
        return round(100 * self.result.spread)

    @property
    def verdict(self) -> str:
        """The mark, or `Majority` for a lead that is neither consensus nor contested."""
        return self.mark_label or (MAJORITY_LABEL if self.total else "")

    @property
    def reason(self) -> str:
        """Why the mark, in words: `Agree leads with 58%; its share varies by 40 points across
        workshops`; "" without votes."""
        lead = self.leading
        if lead is None:
            return ""
        text = f"{lead.label} leads with {self.share(lead.id)}%"
        if self.workshops_voted > 1:
            text += f"; its share varies by {self.spread_points} points across workshops"
        return text


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

    @property
    def voted(self) -> int:
        """How many of its commitments have at least one vote."""
        return sum(1 for c in self.commitments if c.total)

    @property
    def comments(self) -> int:
        return sum(len(c.comments) for c in self.commitments)

    @property
    def amendments(self) -> int:
        return sum(len(c.amendments) for c in self.commitments)

    def share(self, option_id: str) -> int:
        return percent(self.totals.get(option_id, 0), self.total)


@dataclass(frozen=True)
class QuestionView:
    question: Question
    number: int
    answers: tuple[Note, ...]
    themes: tuple[ThemeCount, ...] = ()
    """The themes on its answers, most entries first (report_themes.py)."""


@dataclass(frozen=True)
class Report:
    """Everything a view shows, in the order it shows it."""

    protocol: Protocol
    options: tuple[VoteOption, ...]
    workshops: tuple[Workshop, ...]
    principles: tuple[PrincipleView, ...]
    questions: tuple[QuestionView, ...]
    foreign: tuple[Note, ...]
    """Entries on commitment or question ids the protocol does not have (mixed merges)."""
    as_of: datetime | None
    """The newest record's `updated`: when the result was last changed."""
    themes: tuple[ThemeView, ...] = ()
    """Every theme of the codebook, in its order (each parent before its children); () when
    no theme file was given or its codebook is empty."""
    tag_check: TagCheck = TagCheck()
    """Tags on entries this result no longer has, or whose text changed (analysis/tag_check.py)."""
    mode: Mode = Mode.CONSULT
    """What the sessions were for. In an assessment, `options` are the scale's points and the
    counts are ratings: `assessment` reads them (consultation/assessment.py)."""
    assessment: Assessment | None = None
    """The profile, weakest commitments and actions of an assessment; None otherwise."""
    register: Register = Register()
    """The organisations that signed up, in any mode (consultation/register.py)."""
    anonymised: bool = False
    """Facilitators' and signatories' names are left out, for publication."""

    @property
    def tones(self) -> dict[str, str]:
        """option id → tone (protocol.model.TONES): the protocol's options, or in an
        assessment the scale's points (highest `support`, lowest `oppose`)."""
        if self.assessment is not None:
            return self.assessment.scale.tones
        return self.protocol.tones

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
        what = {Mode.CONSULT: "consultation results", Mode.ASSESS: "assessment results",
                Mode.SIGN_UP: "sign-up register"}[self.mode]
        return f"{self.protocol.title}: {what}"

    @property
    def commitments(self) -> tuple[CommitmentView, ...]:
        return tuple(c for p in self.principles for c in p.commitments)

    def commitment(self, commitment_id: str) -> CommitmentView:
        return next(c for c in self.commitments if c.id == commitment_id)

    def workshop(self, session_id: str) -> Workshop:
        return next(w for w in self.workshops if w.id == session_id)

    @property
    def no_votes_label(self) -> str:
        return mark_label(NO_VOTES, self.in_progress)

    @property
    def not_answered_label(self) -> str:
        return "Not answered yet" if self.in_progress else "Not answered"

    def mark_label(self, mark: str) -> str:
        """What a commitment's mark says: Contested, Consensus, No votes (yet), or nothing."""
        return mark_label(mark, self.in_progress)

    def mark_counts(self) -> dict[str, int]:
        """How many commitments carry each mark (contested, consensus, no votes)."""
        return mark_counts([c.result for c in self.commitments])

    def unfinished(self) -> list[Workshop]:
        """The workshops whose session is still in progress (not marked finished)."""
        return [w for w in self.workshops if not w.complete]

    def noted(self) -> list[Workshop]:
        """The workshops with facilitator's notes."""
        return [w for w in self.workshops if w.notes.strip()]

    def notes(self) -> list[Note]:
        """Every comment, proposed wording and answer, commitments first, in protocol order."""
        out = [n for c in self.commitments for n in (*c.comments, *c.amendments)]
        out += [a for q in self.questions for a in q.answers]
        return out + list(self.foreign)

    def untagged(self) -> list[Note]:
        """The entries no theme is on yet."""
        return [n for n in self.notes() if not n.themes]

    def theme(self, name: str) -> ThemeView:
        return next(t for t in self.themes if t.name == name)

    def unvoted(self) -> list[CommitmentView]:
        return [c for c in self.commitments if c.total == 0]

    def unanswered(self) -> list[QuestionView]:
        return [q for q in self.questions if not q.answers]

    def participants(self) -> int:
        return sum(w.record.participants or 0 for w in self.workshops)

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

    def sorted_commitments(self, order: str) -> list[CommitmentView]:
        """The commitments in one of `ORDERS` (the rule is marks.sort_results)."""
        views = {id(c.result): c for c in self.commitments}
        return [views[id(r)] for r in sort_results([c.result for c in self.commitments], order)]

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
