"""The arithmetic of count mode, kept apart from the screen so it can be tested on its own.

A show of hands is typed as one number per vote option: digits, then `enter` to move on (an
empty field is 0). The last field needs no typing when the session has a head count: it shows
the rest of the room (head count minus the other fields) and follows them as they are typed,
until the facilitator types in it. So a 12-person room's "7 agree, 3 amend" is `7 ⏎ 3 ⏎ ⏎`:
five keys, the last one confirming. Counts that add up to more than the head count are allowed
(a head count can be wrong) but flagged.

No digit ever moves on by itself: "1" may be the start of "12", and a field that sometimes
moved on after one digit would turn a facilitator's habitual `7 ⏎` into a skipped field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_DIGITS = 7
"""Digits one field takes: a count is at most 1,000,000 (session/model.py MAX_VOTES)."""


@dataclass
class CountSheet:
    """The counts being typed for one commitment, one field per vote option."""

    options: tuple[str, ...]
    """The option ids in order, one field each: the vote options, or an assessment's scale
    points (`Session.option_ids`)."""
    head: int | None
    """The session's head count (participants), when it was given."""
    typed: list[str] = field(default_factory=list)
    """The digits in each field ("" is an empty field, which counts as 0)."""
    at: int = 0
    """The field being typed in."""
    fresh: bool = True
    """The field was just entered: the first digit replaces what it shows."""
    last_follows: bool = True
    """The last field shows the rest of the head count (until it is typed in)."""

    @classmethod
    def start(cls, options: tuple[str, ...], head: int | None,
              counts: dict[str, int] | None = None) -> CountSheet:
        """A sheet for one commitment: empty if it has no votes yet, else its saved counts (the
        last field still follows the others if it held exactly the rest of the room)."""
        sheet = cls(tuple(options), head, typed=[""] * len(options))
        counts = counts or {}
        if any(counts.get(o, 0) for o in options):
            sheet.typed = [str(counts.get(o, 0)) for o in options]
            last = counts.get(options[-1], 0)
            sheet.last_follows = head is not None and last == sheet.rest_of_room()
        return sheet

    # -- what the fields hold -------------------------------------------------------------------

    @property
    def last(self) -> int:
        return len(self.options) - 1

    @property
    def follows(self) -> bool:
        """The last field is filled in from the head count."""
        return self.last_follows and self.head is not None

    def rest_of_room(self) -> int:
        """The head count less every field but the last (never below 0)."""
        others = sum(int(t or 0) for t in self.typed[:self.last])
        return max((self.head or 0) - others, 0)

    def value(self, index: int) -> int:
        if index == self.last and self.follows:
            return self.rest_of_room()
        return int(self.typed[index] or 0)

    def shown(self, index: int) -> str:
        """What a field shows: its digits, the rest of the room, or "" when empty."""
        if index == self.last and self.follows:
            return str(self.rest_of_room())
        return self.typed[index]

    def counts(self) -> dict[str, int]:
        return {option: self.value(i) for i, option in enumerate(self.options)}

    @property
    def total(self) -> int:
        return sum(self.counts().values())

    @property
    def over(self) -> bool:
        """More votes than people in the room (flagged, still allowed)."""
        return self.head is not None and self.total > self.head

    # -- typing ---------------------------------------------------------------------------------

    def digit(self, character: str) -> None:
        if self.at == self.last and self.follows:
            self.last_follows = False
        if self.fresh:
            self.typed[self.at] = ""
            self.fresh = False
        digits = (self.typed[self.at] + character).lstrip("0") or "0"
        self.typed[self.at] = digits[:MAX_DIGITS]

    def backspace(self) -> None:
        if self.at == self.last and self.follows:
            self.typed[self.at] = str(self.rest_of_room())
            self.last_follows = False
        self.typed[self.at] = self.typed[self.at][:-1]
        self.fresh = False

    def next_field(self) -> bool:
        """Move to the next field; True when already on the last (the counts are done)."""
        if self.at == self.last:
            return True
        self.at += 1
        self.fresh = True
        return False

    def previous_field(self) -> bool:
        """Move back a field; False on the first."""
        if self.at == 0:
            return False
        self.at -= 1
        self.fresh = True
        return True

    def everyone_agrees(self) -> dict[str, int] | None:
        """Unanimity: the whole head count for the first option, 0 for the others; None when
        there is no head count to give."""
        if self.head is None:
            return None
        return {option: (self.head if i == 0 else 0) for i, option in enumerate(self.options)}


def total_line(total: int, head: int | None) -> tuple[str, bool]:
    """The running total against the head count, and whether it is over (so it can be marked
    without colour too: "⚠")."""
    if head is None:
        return f"Total {total} (no head count for this session)", False
    if total > head:
        return f"Total {total} of {head} ⚠ {total - head} more than the head count", True
    if total == head:
        return f"Total {total} of {head} ✓ everyone counted", False
    return f"Total {total} of {head}: {head - total} not counted", False
