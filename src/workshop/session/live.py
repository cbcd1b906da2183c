"""The session being run: one owner for the session, its file, its autosaver, its lock and drafts.

The app hands every change a facilitator makes (a vote, a text, a recommendation, moving to
another step) to a `LiveSession`; it applies the change to the session, queues the save, and
raises `SessionError` when the change is refused (a read-only session, a count below zero, an
unknown id). Nothing here knows about screens, so it is tested directly with real files
(tests/unit/test_live_session.py). Nothing here imports Textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from pathlib import Path

from workshop.errors import SessionError
from workshop.protocol.model import Protocol
from workshop.session import drafts, emergency, lock
from workshop.session.autosave import Autosaver, SaveResult, session_bytes
from workshop.session.file_format import session_to_dict
from workshop.session.kinds import EntryKind, Step
from workshop.session.model import Session

READ_ONLY = "This session is open read-only."
"""The refusal every change gets in a read-only session (the screens say the same)."""

TEXT_KINDS = {kind.draft: kind for kind in EntryKind}
"""The draft kinds that add an entry (`comment`, `amendment`, `answer`), and the entry's kind."""

DRAFT_LABELS = {**{kind.draft: kind.singular for kind in EntryKind}, "edit": "edit",
                "reasons": "reasons", "general-comments": "general comments",
                "action": "action", "signatory": "signatory"}
"""How a sentence names the text of each kind of draft ("An unsaved proposed wording...")."""


class SaveNews(Enum):
    """What a save result changes for the facilitator (see `LiveSession.record_save`)."""

    FAILED = "failed"
    """The first failure after saves that worked: say so loudly, once."""
    RECOVERED = "recovered"
    """A save worked after failures: say that every change is on disk again."""


def lock_holder(path: Path) -> lock.LockHeld | None:
    """Who else has this session file open (None if nobody does)."""
    return lock.holder(path)


class LiveSession:
    """A session open in the app, with the file it is saved to.

    Opening takes the lock beside the file; if another process holds it, the session is
    read-only (nothing is written, not even the step or the time). Every accepted change is
    queued for the autosaver at once; `on_saved` hears each save's outcome (from the writer
    thread, so it must hand the result over to its own thread).
    """

    def __init__(
        self,
        session: Session,
        path: Path,
        *,
        read_only: bool = False,
        clock: Callable[[], datetime] = datetime.now,
        monotonic: Callable[[], float] = time.monotonic,
        on_saved: Callable[[SaveResult], None] = lambda result: None,
    ) -> None:
        self.session = session
        self.path = Path(path)
        self.monotonic = monotonic
        if not read_only and lock.acquire(self.path) is not None:
            read_only = True  # someone took it since the caller looked
        self.read_only = read_only
        self.autosaver: Autosaver | None = None
        if not read_only:
            self.autosaver = Autosaver(self.path, on_saved, clock=clock)
        self.save_result: SaveResult | None = None
        """The latest save's outcome, once `record_save` has heard one."""
        self.current_step: Step = Step(session.step)
        """The step on screen (a read-only view moves without changing `session.step`)."""
        self._entered: float | None = None
        self.closed = False
        self._closed_saved = True

    # -- changes --------------------------------------------------------------------------------

    def _change(self, operation: Callable[[Session], object]) -> None:
        """Apply one domain operation and queue the save; refuse everything when read-only."""
        if self.read_only or self.closed:
            raise SessionError(READ_ONLY)
        operation(self.session)
        self.save()

    def save(self) -> None:
        """Queue the session's current state for the autosaver."""
        if self.autosaver is not None and not self.closed:
            self.autosaver.submit(self.session)

    def vote(self, commitment_id: str, option_id: str) -> None:
        self._change(lambda s: s.add_vote(commitment_id, option_id))

    def unvote(self, commitment_id: str, option_id: str) -> None:
        """Take one vote away; `SessionError` if the option has none."""
        self._change(lambda s: s.remove_vote(commitment_id, option_id))

    def set_counts(self, commitment_id: str, counts: dict[str, int]) -> None:
        self._change(lambda s: s.set_votes(commitment_id, counts))

    def add_entry(self, kind: EntryKind, target: str, text: str) -> None:
        adders = {EntryKind.COMMENTS: Session.add_comment,
                  EntryKind.AMENDMENTS: Session.add_amendment,
                  EntryKind.ANSWERS: Session.add_answer}
        self._change(lambda s: adders[kind](s, target, text))

    def edit_entry(self, entry_id: str, text: str) -> None:
        self._change(lambda s: s.edit(entry_id, text))

    def delete_entry(self, entry_id: str) -> None:
        self._change(lambda s: s.delete(entry_id))

    def recommend(self, choice: str) -> None:
        self._change(lambda s: s.set_recommendation(choice))

    def set_reasons(self, text: str) -> None:
        self._change(lambda s: s.set_recommendation(s.recommendation.choice, reasons=text))

    def set_general_comments(self, text: str) -> None:
        self._change(lambda s: s.set_recommendation(s.recommendation.choice, comments=text))

    def finish(self) -> None:
        self._change(lambda s: s.mark_complete())

    def add_action(self, commitment_id: str, text: str, owner: str = "",
                   due: date | None = None) -> None:
        """An assessment's agreed action on a commitment (Session.add_action)."""
        self._change(lambda s: s.add_action(commitment_id, text, owner, due))

    def edit_action(self, action_id: str, **changes: object) -> None:
        self._change(lambda s: s.edit_action(action_id, **changes))

    def delete_action(self, action_id: str) -> None:
        self._change(lambda s: s.delete_action(action_id))

    def add_signatory(self, organisation: str, name: str = "", role: str = "",
                      signed: date | None = None, reservations: str = "") -> None:
        """An organisation signing up (Session.add_signatory)."""
        self._change(lambda s: s.add_signatory(organisation, name, role, signed, reservations))

    def edit_signatory(self, signatory_id: str, **changes: object) -> None:
        self._change(lambda s: s.edit_signatory(signatory_id, **changes))

    def delete_signatory(self, signatory_id: str) -> None:
        self._change(lambda s: s.delete_signatory(signatory_id))

    def apply_text(self, kind: str, target: str, text: str) -> None:
        """Save a dialog's text by its draft kind (drafts.DRAFT_KINDS): the same names a draft
        is kept under, so a restored draft is saved exactly as the dialog would have."""
        if kind in TEXT_KINDS:
            self.add_entry(TEXT_KINDS[kind], target, text)
        elif kind == "edit":
            self.edit_entry(target, text)
        elif kind == "reasons":
            self.set_reasons(text)
        elif kind == "general-comments":
            self.set_general_comments(text)
        else:
            raise SessionError(f"unknown kind of text '{kind}'")

    # -- steps and their time -------------------------------------------------------------------

    def go_to(self, step: Step | str, record: bool = True) -> Step:
        """Make `step` the current one and start its clock. With `record` (a move, not the
        first showing), bank the time on the step we leave and save where we are."""
        step = Step(step)
        if record:
            self.bank_time()
            if not self.read_only:
                self.session.set_step(step)
                self.save()
        self.current_step = step
        self._entered = self.monotonic()
        return step

    def step_after(self, delta: int) -> Step | None:
        """The step `delta` away from the current one, or None past either end."""
        steps = self.session.steps()
        index = steps.index(self.current_step) + delta
        return steps[index] if 0 <= index < len(steps) else None

    def position(self, step: Step | str) -> str:
        """`3/10`: where a step is in the session."""
        steps = self.session.steps()
        return f"{steps.index(step) + 1}/{len(steps)}"

    def step_seconds(self) -> float:
        """Time on the current step: what was banked before plus this visit."""
        banked = self.session.elapsed.get(self.current_step, 0.0)
        if self._entered is None:
            return banked
        return banked + max(self.monotonic() - self._entered, 0.0)

    def bank_time(self) -> None:
        """Add this visit's time to the current step (a read-only view records nothing)."""
        if self._entered is None or self.read_only or self.closed:
            return
        seconds = max(self.monotonic() - self._entered, 0.0)
        self._entered = self.monotonic()
        if seconds > 0:
            self.session.add_elapsed(self.current_step, round(seconds, 1))

    # -- saving ---------------------------------------------------------------------------------

    def record_save(self, result: SaveResult) -> SaveNews | None:
        """Keep a save's outcome; say whether the facilitator must hear about it."""
        failed_before = self.save_result is not None and not self.save_result.ok
        self.save_result = result
        if not result.ok and not failed_before:
            return SaveNews.FAILED
        if result.ok and failed_before:
            return SaveNews.RECOVERED
        return None

    @property
    def unsaved(self) -> bool:
        """True while a change is in memory but not on disk (a save is due or failing)."""
        return self.autosaver is not None and not self.closed and self.autosaver.pending

    def save_now(self) -> bool:
        """Bank the step's time and write everything now, in this thread (quitting, retrying).
        True if the file is up to date."""
        if self.read_only or self.closed or self.autosaver is None:
            return True
        self.bank_time()
        self.save()
        return self.autosaver.flush()

    def file_bytes(self) -> bytes:
        """The session as its file would hold it now (what an autosave would write)."""
        return session_bytes(session_to_dict(self.session))

    def save_copy(self, folder: Path) -> Path:
        """Write the session, as it is in memory, as a copy into another folder (when its own
        file cannot be saved). StoreError if that cannot be written either."""
        return emergency.write_copy(self.file_bytes(), self.path, folder, emergency.COPY)

    def write_emergency_copy(self) -> Path | None:
        """On a signal while saving fails: the session, as it is in memory, wherever it can be
        written (emergency.py says where). None if nowhere would take it."""
        if self.read_only:
            return None
        return emergency.write_emergency(self.file_bytes(), self.path)

    def copies(self) -> list[Path]:
        """Copies of this session written when its file could not be saved (newest first)."""
        return emergency.copies_of(self.path)

    def wait_saved(self, timeout: float = 5.0) -> bool:
        """Wait for the writer to finish what is queued (tests and the benchmark)."""
        return self.autosaver is None or self.autosaver.wait_idle(timeout)

    def close(self) -> bool:
        """Bank the step's time, write everything, let go of the lock. Safe to call twice.
        True if everything reached the disk (always, read-only)."""
        if self.closed:
            return self._closed_saved
        saved = True
        if not self.read_only:
            self.bank_time()
            if self.autosaver is not None:
                self.autosaver.submit(self.session)
                saved = self.autosaver.close()
            lock.release(self.path)
        self.closed = True
        self._closed_saved = saved
        return saved

    # -- drafts ---------------------------------------------------------------------------------

    def write_draft(self, kind: str, target: str, text: str) -> None:
        """Keep a dialog's unsaved text beside the file (nothing is written read-only)."""
        if self.read_only or self.closed:
            return
        drafts.write_draft(self.path, drafts.Draft(kind, target, text, self.session.clock()))

    def pending_draft(self) -> drafts.Draft | None:
        """A draft left by a closed terminal or a crash, to offer back."""
        return None if self.read_only else drafts.read_draft(self.path)

    def discard_draft(self) -> None:
        if not self.read_only:
            drafts.discard_draft(self.path)


def draft_label(kind: str) -> str:
    return DRAFT_LABELS.get(kind, kind)


def draft_context(protocol: Protocol, draft: drafts.Draft) -> str:
    """What a restored draft's dialog shows above the text: the commitment or the question."""
    try:
        if draft.kind in ("comment", "amendment", "action"):
            return protocol.commitment(draft.target).text
        if draft.kind == "answer":
            return protocol.question(draft.target).text
    except KeyError:
        return ""
    return ""
