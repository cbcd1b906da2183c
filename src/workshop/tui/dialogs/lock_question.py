"""The question asked when the session to open is held by another workshop window: open it
read-only, or cancel (the app opens it or not on the answer; session/lock.py says who holds it)."""

from __future__ import annotations

from pathlib import Path

from workshop.session.lock import LockHeld
from workshop.tui.dialogs.confirm import ConfirmDialog


def lock_question(held: LockHeld, path: Path) -> ConfirmDialog:
    """Dismisses with True to open the session read-only."""
    return ConfirmDialog(
        "This session is already open in another workshop window.",
        f"It is open in {held.describe()}. Two windows writing one file would lose words. "
        "Open it read-only to look without changing anything? " + held.how_to_take_over(path),
        yes="Open read-only", no="Cancel")
