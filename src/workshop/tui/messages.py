"""Messages up: what screens and dialogs ask for, handled in one place (the app).

A screen never changes the session itself: it posts one of these and the app hands it to the
`LiveSession` (workshop.session.live), which applies it and saves; the app then redraws the
step. Each message carries ids captured when the key was pressed, so "a, down, a" votes on two
commitments however fast it is typed.

Moving between steps and opening dialogs are not messages: they happen the moment their key
arrives (priority bindings, `push_screen`), so the keys typed after them land on the new step or
in the dialog. A message would be handled only after the keys already queued (step.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from workshop.session.autosave import SaveResult

if TYPE_CHECKING:
    from workshop.session.live import LiveSession


@dataclass
class VoteCast(Message):
    """One vote added to a commitment."""

    commitment_id: str
    option_id: str


@dataclass
class VoteRemoved(Message):
    """One vote taken away from a commitment (the app rings the bell if there is none)."""

    commitment_id: str
    option_id: str


@dataclass
class CountsSet(Message):
    """Every count of a commitment typed at once (a hand count)."""

    commitment_id: str
    counts: dict[str, int]


@dataclass
class TextEntered(Message):
    """A text dialog closed: `text` to save, or None when cancelled. Either way its draft goes."""

    kind: str
    """The dialog's draft kind (drafts.DRAFT_KINDS): what the text is, e.g. `comment`, `edit`."""
    target: str
    """The commitment, question or entry id it belongs to ("" for session-wide texts)."""
    text: str | None


@dataclass
class DraftChanged(Message):
    """The text in a dialog changed: keep it as a draft after a pause in typing."""

    kind: str
    target: str
    text: str


@dataclass
class EntryDeleted(Message):
    """The facilitator confirmed removing a comment, proposed wording or answer."""

    entry_id: str


@dataclass
class RecommendationChosen(Message):
    """Adopt / adopt with changes / do not adopt, or "" for undecided."""

    choice: str


@dataclass
class SessionFinished(Message):
    """The session is marked complete (it stays editable)."""


@dataclass
class SessionOpenRequested(Message):
    """Resume the session in this file (from the start screen)."""

    path: Path


@dataclass
class NewSessionRequested(Message):
    """Start a new session (enter on an empty start screen)."""


@dataclass
class SaveFinished(Message):
    """The autosaver finished a write (posted from its thread; Textual hands it over safely)."""

    result: SaveResult


@dataclass
class ChangeRequested(Message):
    """A change to the session that has no message of its own (an assessment's actions):
    `change` is handed to `app.apply` (it is called with the LiveSession, which applies it and
    saves). The ids it needs are captured when the key is pressed, as every message's are."""

    change: Callable[[LiveSession], object]
