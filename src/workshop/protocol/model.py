"""The protocol's model: frozen dataclasses for the options, principles, commitments, questions.

What a workshop steps through and votes on. Loading and checking the file is load.py's job and
schema.py's; the format is described in docs/protocol-format.md. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

AUTHORITY = "{authority}"
"""The placeholder a protocol's `recommendation_question` may hold: it is read out as the
session's authority (`meta.authority`), so one protocol file serves every council adopting it."""
NO_AUTHORITY = "the council"
"""What the placeholder reads as in a session that names no authority."""
PLACEHOLDERS = (AUTHORITY,)
"""Every placeholder a protocol's text may hold (schema.py refuses any other `{...}`)."""

TONES = ("support", "qualified", "alternative", "neutral", "oppose")
"""What a vote option means, which is what every view colours it by (TUI theme variables in
tui/tones.tcss, the HTML palette in export/html_charts.py): the first option of a protocol
supports a commitment, the last opposes it, and those between are qualified support (then, for
longer scales, an alternative and a neutral view)."""


def option_tones(option_ids: tuple[str, ...]) -> dict[str, str]:
    """option id → tone, by position: first `support`, last `oppose`, between them `qualified`,
    `alternative`, `neutral`, in turn. One option is `support`."""
    middle = ("qualified", "alternative", "neutral")
    out = {}
    for index, option_id in enumerate(option_ids):
        if index == 0:
            out[option_id] = "support"
        elif index == len(option_ids) - 1:
            out[option_id] = "oppose"
        else:
            out[option_id] = middle[(index - 1) % len(middle)]
    return out


@dataclass(frozen=True)
class VoteOption:
    """One way a participant can vote on a commitment."""

    id: str
    """Stable id, used as the key of the counts in session files (`agree`)."""
    label: str
    """What the room sees (`Agree`)."""
    key: str
    """The single lower-case letter that adds a vote; shift + the letter removes one."""


@dataclass(frozen=True)
class RatingPoint:
    """One point of the assessment scale: how well a partnership lives a commitment today."""

    value: int
    """A whole number from 0 to 9: its digit is the key that adds one rating."""
    label: str
    """What the room sees (`Not at all`, ..., `Consistently`)."""

    @property
    def id(self) -> str:
        """The key of its count in session files (`"3"`)."""
        return str(self.value)

    @property
    def option(self) -> VoteOption:
        """The point as an option a room's count is kept against: id and key are its digit."""
        return VoteOption(self.id, self.label, self.id)


@dataclass(frozen=True)
class RatingScale:
    """The scale an assessment rates each commitment on (docs/protocol-format.md)."""

    points: tuple[RatingPoint, ...]
    """Lowest first."""
    low: int
    """A commitment whose mean rating is at or below this is rated low: it needs an action."""

    @property
    def options(self) -> tuple[VoteOption, ...]:
        return tuple(p.option for p in self.points)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.points)

    @property
    def tones(self) -> dict[str, str]:
        """point id → tone (see TONES), so every view colours a rating with the colours it
        gives votes, in an order a reader takes as a scale: the lowest point `oppose` (red),
        the highest `support` (green), the middle one `qualified` (amber), those below it
        `neutral`, those above it `alternative`. On 1–5: red, purple, amber, blue, green."""
        last = len(self.points) - 1
        out = {}
        for index, point in enumerate(self.points):
            if index in (0, last):
                out[point.id] = "oppose" if index == 0 else "support"
            elif 2 * index == last:
                out[point.id] = "qualified"
            else:
                out[point.id] = "neutral" if 2 * index < last else "alternative"
        return out

    def label(self, value: int) -> str:
        return next((p.label for p in self.points if p.value == value), str(value))

    @property
    def lowest(self) -> int:
        return self.points[0].value

    @property
    def highest(self) -> int:
        return self.points[-1].value

    def describe(self) -> str:
        """`1 Not at all … 5 Consistently`."""
        return " · ".join(f"{p.value} {p.label}" for p in self.points)


DEFAULT_SCALE = RatingScale(
    points=(RatingPoint(1, "Not at all"), RatingPoint(2, "Rarely"), RatingPoint(3, "Sometimes"),
            RatingPoint(4, "Mostly"), RatingPoint(5, "Consistently")),
    low=2,
)
"""The scale a protocol without `[[rating_scale]]` rates on: 1 to 5, low at 2 or below."""


@dataclass(frozen=True)
class Commitment:
    """One "We will:" line of a principle."""

    id: str
    """Stable id, unique across the whole protocol."""
    text: str
    """The published words, verbatim."""


@dataclass(frozen=True)
class Principle:
    """One principle: a title, a one-line statement and its commitments."""

    id: str
    title: str
    statement: str
    commitments: tuple[Commitment, ...]
    minutes: float | None = None
    """Time budget for this step, if the protocol sets one."""


@dataclass(frozen=True)
class Question:
    """A consultation question put to the people in the session."""

    id: str
    text: str
    guidance: str = ""
    """Notes to read out with the question (empty when the source gives none)."""


@dataclass(frozen=True)
class Source:
    """Where the protocol's words come from."""

    document: str
    authors: str
    reviewed_in: str = ""


@dataclass(frozen=True)
class Protocol:
    """A whole protocol, validated. Ids are unique across principles, commitments, questions."""

    id: str
    title: str
    version: str
    source: Source
    introduction: str
    principles: tuple[Principle, ...]
    questions: tuple[Question, ...]
    vote_options: tuple[VoteOption, ...]
    digest: str
    """`sha256:` of the words a room responds to (see `content_digest`)."""
    questions_introduction: str = ""
    questions_minutes: float | None = None
    recommendation_question: str = ""
    """The committee's question, word for word; it may name the authority as `{authority}`."""
    rating_scale: RatingScale = DEFAULT_SCALE
    """The scale an assessment session rates on (not part of the digest: an assessment session
    records its own scale, and a merge refuses sessions on different scales)."""

    def question_for(self, authority: str = "") -> str:
        """The committee's question as read out in a session of `authority`: `{authority}`
        replaced by it ("the council" when it is blank; a capital where it starts the question).
        Words with no placeholder are the published words, shown unchanged whatever the session
        names. A protocol with no question asks whether the authority should adopt it."""
        name = " ".join(authority.split()) or NO_AUTHORITY
        template = self.recommendation_question
        if not template:
            return f"Should {name} adopt the {self.title}?"
        question = template.replace(AUTHORITY, name)
        if template.startswith(AUTHORITY):
            question = question[:1].upper() + question[1:]
        return question

    @cached_property
    def commitments(self) -> tuple[Commitment, ...]:
        """All commitments, in protocol order. Built once per protocol (it is frozen; a merge
        asks for them tens of thousands of times)."""
        return tuple(c for p in self.principles for c in p.commitments)

    @cached_property
    def commitment_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.commitments)

    @cached_property
    def question_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self.questions)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.vote_options)

    @property
    def tones(self) -> dict[str, str]:
        """option id → what it means (`support`, `qualified`, ..., `oppose`): see TONES."""
        return option_tones(self.option_ids)

    def commitment(self, commitment_id: str) -> Commitment:
        for c in self.commitments:
            if c.id == commitment_id:
                return c
        raise KeyError(commitment_id)

    def principle(self, principle_id: str) -> Principle:
        for p in self.principles:
            if p.id == principle_id:
                return p
        raise KeyError(principle_id)

    def principle_of(self, commitment_id: str) -> Principle:
        for p in self.principles:
            if any(c.id == commitment_id for c in p.commitments):
                return p
        raise KeyError(commitment_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def summary(self) -> str:
        """A few lines for `workshop validate` and the bare `workshop` command."""
        counts = (
            f"{len(self.principles)} principles, {len(self.commitments)} commitments, "
            f"{len(self.questions)} questions"
        )
        options = ", ".join(f"{o.label} [{o.key}]" for o in self.vote_options)
        lines = [
            f"{self.title} (id {self.id}, version {self.version})",
            counts,
            f"Vote options: {options}",
            f"Rating scale (assessments): {self.rating_scale.describe()}; rated low at "
            f"{self.rating_scale.low} or below",
        ]
        for number, p in enumerate(self.principles, start=1):
            lines.append(f"  {number}. {p.title} ({len(p.commitments)} commitments)")
        return "\n".join(lines)
