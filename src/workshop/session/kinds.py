"""The typed names a session is made of: its steps and its kinds of entry, each in one table.

- `EntryKind`: comments and proposed wordings (on a commitment) and answers (to a question).
  Every label, target and draft name of a kind comes from `ENTRY_KINDS_TABLE` here, so a screen,
  a file format and an export cannot disagree about what an entry is called.
- `Step`: where a facilitator is: the introduction, one step per principle, the questions, the
  recommendation, the review. In files a step is written `introduction` or `principle:<id>`;
  `Step` is the only place that spelling is known.

Both are `str`-valued, so they compare equal to (and hash like) the strings in session files.
Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.protocol.model import Protocol


class EntryKind(StrEnum):
    """A kind of text a session records."""

    COMMENTS = "comments"
    AMENDMENTS = "amendments"
    ANSWERS = "answers"

    @property
    def info(self) -> EntryKindInfo:
        return ENTRY_KINDS_TABLE[self]

    @property
    def singular(self) -> str:
        """`comment`, `proposed wording`, `answer`: as a sentence names one."""
        return self.info.singular

    @property
    def heading(self) -> str:
        """`Comment`, `Proposed wording`, `Answer`: as a list or a column heads one."""
        return self.info.singular[:1].upper() + self.info.singular[1:]

    @property
    def target(self) -> str:
        """What an entry of this kind is about: `commitment` or `question`."""
        return self.info.target

    @property
    def draft(self) -> str:
        """The draft kind of a dialog adding one (drafts.py): `comment`, `amendment`, `answer`."""
        return self.info.draft


@dataclass(frozen=True)
class EntryKindInfo:
    singular: str
    """How a sentence names one entry of the kind."""
    target: str
    """`commitment` or `question`: the key an entry of this kind is filed under."""
    draft: str
    """The kind of draft a dialog adding such an entry writes."""


ENTRY_KINDS_TABLE: dict[EntryKind, EntryKindInfo] = {
    EntryKind.COMMENTS: EntryKindInfo("comment", "commitment", "comment"),
    EntryKind.AMENDMENTS: EntryKindInfo("proposed wording", "commitment", "amendment"),
    EntryKind.ANSWERS: EntryKindInfo("answer", "question", "answer"),
}
"""The one table of entry kinds, in the order files and exports list them."""

ENTRY_KINDS: tuple[EntryKind, ...] = tuple(ENTRY_KINDS_TABLE)
COMMITMENT_KINDS: tuple[EntryKind, ...] = tuple(
    k for k in ENTRY_KINDS if k.target == "commitment")
"""The kinds recorded on a commitment: comments and proposed wordings."""


class Mode(StrEnum):
    """What a session is for (docs/modes.md): the protocol's three uses."""

    CONSULT = "consult"
    """Consultation: the room votes on each commitment's wording, answers the questions and
    recommends whether to adopt."""
    ASSESS = "assess"
    """Assessment: the room rates how well a partnership lives each commitment today, with
    evidence, and agrees actions where it is rated low."""
    SIGN_UP = "sign-up"
    """Sign-up: partner organisations sign up to the protocol, with any reservations."""

    @property
    def label(self) -> str:
        """`Consultation`, `Assessment`, `Sign-up`."""
        return MODE_LABELS[self]


MODE_LABELS = {Mode.CONSULT: "Consultation", Mode.ASSESS: "Assessment", Mode.SIGN_UP: "Sign-up"}


class StepKind(StrEnum):
    INTRODUCTION = "introduction"
    PRINCIPLE = "principle"
    QUESTIONS = "questions"
    RECOMMENDATION = "recommendation"
    SIGN_UP = "sign-up"
    REVIEW = "review"


STEP_TITLES = {StepKind.INTRODUCTION: "Introduction", StepKind.QUESTIONS: "Your thoughts",
               StepKind.RECOMMENDATION: "Recommendation", StepKind.SIGN_UP: "Sign-up",
               StepKind.REVIEW: "Review"}
"""The title of each step that is not a principle (a principle's step is titled by it)."""


class Step(str):
    """One step of a session, spelt as in session files: `introduction`, `principle:<id>`, ...

    A `str`, so it is written, compared and used as a key just as the file spells it; its parts
    are typed (`kind`, `principle_id`), and making one checks the spelling (`ValueError`).
    """

    __slots__ = ()

    def __new__(cls, text: str) -> Step:
        name, sep, principle_id = str(text).partition(":")
        if name == StepKind.PRINCIPLE:
            if not sep or not principle_id:
                raise ValueError(f"unknown step '{text}': a principle's step is principle:<id>")
        elif sep or name not in StepKind.__members__.values():
            raise ValueError(f"unknown step '{text}'")
        return super().__new__(cls, text)

    @classmethod
    def principle(cls, principle_id: str) -> Step:
        return cls(f"{StepKind.PRINCIPLE.value}:{principle_id}")

    @property
    def kind(self) -> StepKind:
        return StepKind(self.partition(":")[0])

    @property
    def principle_id(self) -> str:
        """The principle's id for a principle's step; "" for any other."""
        return self.partition(":")[2]

    @property
    def is_principle(self) -> bool:
        return self.kind is StepKind.PRINCIPLE


INTRODUCTION = Step(StepKind.INTRODUCTION)
QUESTIONS = Step(StepKind.QUESTIONS)
RECOMMENDATION = Step(StepKind.RECOMMENDATION)
SIGN_UP = Step(StepKind.SIGN_UP)
REVIEW = Step(StepKind.REVIEW)


def protocol_steps(protocol: Protocol, mode: Mode = Mode.CONSULT) -> list[Step]:
    """The steps of a session on `protocol` in `mode`, in order: a consultation votes on each
    principle, answers the questions and recommends; an assessment rates each principle; a
    sign-up records the organisations signing. Each begins with the introduction and ends with
    the review."""
    principles = [Step.principle(p.id) for p in protocol.principles]
    if mode is Mode.ASSESS:
        return [INTRODUCTION, *principles, REVIEW]
    if mode is Mode.SIGN_UP:
        return [INTRODUCTION, SIGN_UP, REVIEW]
    return [INTRODUCTION, *principles, QUESTIONS, RECOMMENDATION, REVIEW]
