"""One workshop session: who was there, and what the room said about each part of the protocol.

A `Session` is plain data plus operations (`add_vote`, `add_comment`, `edit`, `delete`, ...).
Each operation checks its arguments against the protocol and refuses an invalid change with a
`SessionError` (unknown id, negative count, empty text) *before* changing anything, then stamps
`updated`. Saving is the store's job (store.py); reading and writing the file format is
file_format.py's. Nothing here imports Textual.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from workshop.errors import SessionError
from workshop.protocol.model import Protocol, RatingScale
from workshop.session.kinds import ENTRY_KINDS, INTRODUCTION, Mode, Step, protocol_steps
from workshop.session.parts import Action, Parts, Signatory, check_text

__all__ = ["Action", "Entry", "Meta", "Recommendation", "Session", "Signatory", "entry_number",
           "protocol_steps", "recommendation_label", "utc_now"]

RECOMMENDATIONS: dict[str, str] = {
    "adopt": "Adopt",
    "adopt-with-changes": "Adopt with changes",
    "do-not-adopt": "Do not adopt",
}
"""The committee's question: should the council adopt the protocol? id → label."""

MAX_VOTES = 1_000_000
"""The most votes one option may have on one commitment in one session. A room is never this
big; a larger count is a typing slip, and past 10**15 a spreadsheet silently rounds it."""
MAX_PARTICIPANTS = 1_000_000
"""The most participants one session may record, for the same reasons."""
MAX_ELAPSED_SECONDS = 366 * 24 * 3600
"""The most time (a year, in seconds) one step may record: a laptop left open for a week is
still a readable file, while `inf` and 10**30 are refused."""

UNDECIDED = "Undecided"
"""What a session that has not chosen a recommendation is called, everywhere."""


def recommendation_label(choice: str) -> str:
    """`Adopt`, `Adopt with changes`, `Do not adopt`, or `Undecided`."""
    return RECOMMENDATIONS.get(choice, UNDECIDED)


def utc_now() -> datetime:
    """Now, in UTC, to the second (file timestamps need no more)."""
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass
class Entry:
    """A comment, a proposed wording, or an answer, with its time."""

    id: str
    """Unique within the session (`e1`, `e2`, ...); never reused, even after a deletion."""
    text: str
    """Exactly what was typed, byte for byte."""
    created: datetime
    edited: datetime | None = None


def entry_number(entry_id: str) -> int | None:
    """The number of an entry id as a session makes it (`e7` → 7); None for any other id. ASCII
    digits only: "²".isdigit() is true, but int("²") fails."""
    number = entry_id[1:]
    if entry_id.startswith("e") and number.isascii() and number.isdigit():
        return int(number)
    return None


@dataclass
class Meta:
    """Who, where and when."""

    group: str
    """The group or organisation taking part."""
    facilitator: str = ""
    location: str = ""
    date: date = field(default_factory=date.today)
    participants: int | None = None
    """Head count in the room, if given; votes above it are flagged, not refused."""
    notes: str = ""
    authority: str = ""
    """The council or authority the workshop is held for ("" when not named): the protocol's
    recommendation question reads it where it says `{authority}` (protocol.model.question_for)."""


@dataclass
class Recommendation:
    """The session's answer to the committee's question."""

    choice: str = ""
    """One of `RECOMMENDATIONS`, or empty while undecided."""
    reasons: str = ""
    comments: str = ""
    """General comments on the protocol as a whole."""
    updated: datetime | None = None


@dataclass
class Session(Parts):
    """One workshop. Vote counts are kept per commitment id, then per vote option id."""

    id: str
    protocol_id: str
    protocol_version: str
    protocol_digest: str
    meta: Meta
    started: datetime
    updated: datetime
    votes: dict[str, dict[str, int]] = field(default_factory=dict)
    comments: dict[str, list[Entry]] = field(default_factory=dict)
    amendments: dict[str, list[Entry]] = field(default_factory=dict)
    answers: dict[str, list[Entry]] = field(default_factory=dict)
    recommendation: Recommendation = field(default_factory=Recommendation)
    step: Step = INTRODUCTION
    """Where the facilitator is, so the session resumes there."""
    completed: datetime | None = None
    """When the facilitator finished the session (it stays editable)."""
    elapsed: dict[str, float] = field(default_factory=dict)
    """Seconds spent on each step."""
    next_entry: int = 1
    mode: Mode = Mode.CONSULT
    scale: RatingScale | None = None
    """The scale an assessment rates on (its `votes` are counts per point); None otherwise."""
    actions: dict[str, list[Action]] = field(default_factory=dict)
    """commitment id → the actions agreed on it (assessment)."""
    signatories: list[Signatory] = field(default_factory=list)
    """The organisations that signed up in this session, in the order recorded."""
    protocol: Protocol | None = field(default=None, compare=False, repr=False)
    """The protocol ids are checked against; None when read without one (merging)."""
    clock: Callable[[], datetime] = field(default=utc_now, compare=False, repr=False)

    # -- creation -------------------------------------------------------------------------------

    @classmethod
    def new(
        cls,
        protocol: Protocol,
        group: str,
        facilitator: str = "",
        location: str = "",
        on: date | None = None,
        participants: int | None = None,
        notes: str = "",
        clock: Callable[[], datetime] = utc_now,
        session_id: str | None = None,
        authority: str = "",
        mode: Mode | str = Mode.CONSULT,
    ) -> Session:
        """A new, empty session on `protocol`; an assessment rates on the protocol's scale."""
        if not group.strip():
            raise SessionError("a session needs a group or organisation name")
        _check_participants(participants)
        try:
            mode = Mode(mode)
        except ValueError:
            raise SessionError(f"unknown mode '{mode}'; choose one of "
                               + ", ".join(Mode)) from None
        now = clock()
        return cls(
            mode=mode,
            scale=protocol.rating_scale if mode is Mode.ASSESS else None,
            id=session_id or str(uuid.uuid4()),
            protocol_id=protocol.id,
            protocol_version=protocol.version,
            protocol_digest=protocol.digest,
            meta=Meta(group, facilitator, location, on or now.date(), participants, notes,
                      authority),
            started=now,
            updated=now,
            protocol=protocol,
            clock=clock,
        )

    # -- votes (ratings, in an assessment) ------------------------------------------------------

    def counts(self, commitment_id: str) -> dict[str, int]:
        """The counts for a commitment, every option present (zero where nobody voted)."""
        self._check_commitment(commitment_id)
        recorded = self.votes.get(commitment_id, {})
        options = self.option_ids or tuple(recorded)
        return {o: recorded.get(o, 0) for o in options}

    def add_vote(self, commitment_id: str, option_id: str, n: int = 1) -> int:
        """Add `n` votes; return the option's new count."""
        if n < 0:
            raise SessionError(f"cannot add a negative number of votes ({n})")
        if n > MAX_VOTES:
            raise SessionError(f"cannot add more than {MAX_VOTES:,} votes at once ({n})")
        return self._change_vote(commitment_id, option_id, n)

    def remove_vote(self, commitment_id: str, option_id: str, n: int = 1) -> int:
        """Take `n` votes away; refuse to go below zero. Return the option's new count."""
        if n < 0:
            raise SessionError(f"cannot remove a negative number of votes ({n})")
        return self._change_vote(commitment_id, option_id, -n)

    def set_votes(self, commitment_id: str, counts: dict[str, int]) -> None:
        """Replace all counts for a commitment at once (a hand count); missing options are 0."""
        self._check_commitment(commitment_id)
        for option_id, value in counts.items():
            self._check_option(option_id)
            if isinstance(value, bool) or not isinstance(value, int):
                raise SessionError(f"the count for '{option_id}' must be a whole number, not {value!r}")
            if value < 0:
                raise SessionError(f"the count for '{option_id}' cannot be negative ({value})")
            if value > MAX_VOTES:
                raise SessionError(f"the count for '{option_id}' cannot be more than "
                                   f"{MAX_VOTES:,} ({value})")
        full = dict.fromkeys(self.option_ids, 0)
        full.update(counts)
        if any(full.values()):
            self.votes[commitment_id] = full
        else:
            self.votes.pop(commitment_id, None)
        self._touch()

    def total_votes(self, commitment_id: str) -> int:
        return sum(self.votes.get(commitment_id, {}).values())

    def _change_vote(self, commitment_id: str, option_id: str, delta: int) -> int:
        counts = self.counts(commitment_id)
        self._check_option(option_id)
        new = counts.get(option_id, 0) + delta
        if new < 0:
            raise SessionError(
                f"'{option_id}' on '{commitment_id}' has {counts.get(option_id, 0)} vote(s); "
                f"cannot remove {-delta}"
            )
        counts[option_id] = new
        self.set_votes(commitment_id, counts)
        return new

    # -- comments, amendments, answers ----------------------------------------------------------

    def add_comment(self, commitment_id: str, text: str) -> Entry:
        self._check_commitment(commitment_id)
        return self._add(self.comments, commitment_id, text, "comment")

    def add_amendment(self, commitment_id: str, text: str) -> Entry:
        """Record a proposed new wording for a commitment."""
        self._check_commitment(commitment_id)
        return self._add(self.amendments, commitment_id, text, "proposed wording")

    def add_answer(self, question_id: str, text: str) -> Entry:
        self._check_question(question_id)
        return self._add(self.answers, question_id, text, "answer")

    def find(self, entry_id: str) -> tuple[str, str, Entry]:
        """(kind, commitment or question id, entry) for an entry id."""
        for kind in ENTRY_KINDS:
            for target, entries in getattr(self, kind).items():
                for entry in entries:
                    if entry.id == entry_id:
                        return kind, target, entry
        raise SessionError(f"no comment, proposed wording or answer with id '{entry_id}'")

    def edit(self, entry_id: str, text: str) -> Entry:
        """Replace an entry's text; its creation time is kept and its edit time stamped."""
        _, _, entry = self.find(entry_id)
        check_text(text, "text")
        entry.text = text
        entry.edited = self.clock()
        self._touch(entry.edited)
        return entry

    def delete(self, entry_id: str) -> Entry:
        kind, target, entry = self.find(entry_id)
        entries = getattr(self, kind)
        entries[target].remove(entry)
        if not entries[target]:
            del entries[target]
        self._touch()
        return entry

    def _add(self, table: dict[str, list[Entry]], target: str, text: str, what: str) -> Entry:
        check_text(text, what)
        now = self.clock()
        entry = Entry(id=self._next_id(), text=text, created=now)
        table.setdefault(target, []).append(entry)
        self._touch(now)
        return entry

    # -- recommendation, metadata, progress -----------------------------------------------------

    def set_recommendation(
        self, choice: str, reasons: str | None = None, comments: str | None = None
    ) -> None:
        if choice and choice not in RECOMMENDATIONS:
            allowed = ", ".join(RECOMMENDATIONS)
            raise SessionError(f"unknown recommendation '{choice}'; choose one of {allowed}")
        rec = self.recommendation
        rec.choice = choice
        if reasons is not None:
            rec.reasons = reasons
        if comments is not None:
            rec.comments = comments
        rec.updated = self.clock()
        self._touch(rec.updated)

    def set_meta(self, **changes: object) -> None:
        """Change metadata fields by name (group, facilitator, location, date, participants,
        notes, authority)."""
        for name in changes:
            if name not in Meta.__dataclass_fields__:
                raise SessionError(f"unknown session detail '{name}'")
        if "group" in changes and not str(changes["group"]).strip():
            raise SessionError("a session needs a group or organisation name")
        if "participants" in changes:
            _check_participants(changes["participants"])  # type: ignore[arg-type]
        for name, value in changes.items():
            setattr(self.meta, name, value)
        self._touch()

    def steps(self) -> list[Step]:
        """Every step in order; needs the protocol."""
        if self.protocol is None:
            raise SessionError("the session's protocol is not loaded")
        return protocol_steps(self.protocol, self.mode)

    def set_step(self, step: Step | str) -> None:
        try:
            step = Step(step)
        except ValueError as exc:
            raise SessionError(str(exc)) from None
        if self.protocol is not None and step not in self.steps():
            raise SessionError(f"unknown step '{step}'")
        self.step = step
        self._touch()

    def add_elapsed(self, step: Step | str, seconds: float) -> None:
        if not math.isfinite(seconds):
            raise SessionError(f"elapsed time must be a finite number, not {seconds}")
        if seconds < 0:
            raise SessionError(f"elapsed time cannot be negative ({seconds})")
        # Capped rather than refused: the file written must stay one the reader accepts.
        total = self.elapsed.get(str(step), 0.0) + seconds
        self.elapsed[str(step)] = min(total, float(MAX_ELAPSED_SECONDS))
        self._touch()

    def mark_complete(self) -> None:
        self.completed = self.clock()
        self._touch(self.completed)

    # -- progress -------------------------------------------------------------------------------

    def voted_commitments(self) -> int:
        return sum(1 for counts in self.votes.values() if any(counts.values()))

    def answered_questions(self) -> int:
        return sum(1 for entries in self.answers.values() if entries)

    # -- checks ---------------------------------------------------------------------------------

    def _touch(self, when: datetime | None = None) -> None:
        self.updated = when or self.clock()

    def _check_commitment(self, commitment_id: str) -> None:
        if self.protocol is not None:
            try:
                self.protocol.commitment(commitment_id)
            except KeyError:
                raise SessionError(f"unknown commitment id '{commitment_id}'") from None

    def _check_question(self, question_id: str) -> None:
        if self.protocol is not None:
            try:
                self.protocol.question(question_id)
            except KeyError:
                raise SessionError(f"unknown question id '{question_id}'") from None

    def _check_option(self, option_id: str) -> None:
        if self.options and option_id not in self.option_ids:
            allowed = ", ".join(self.option_ids)
            what = "rating" if self.mode is Mode.ASSESS else "vote option"
            raise SessionError(f"unknown {what} '{option_id}'; the options are {allowed}")


def _check_participants(value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SessionError(f"the number of participants must be a whole number, 0 or more, not {value!r}")
    if value > MAX_PARTICIPANTS:
        raise SessionError(f"the number of participants cannot be more than "
                           f"{MAX_PARTICIPANTS:,} ({value})")
