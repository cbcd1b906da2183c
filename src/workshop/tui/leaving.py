"""Leaving a session without losing anything: quitting, opening another, signals.

The app owns one `Leaving`. Quitting (or opening another session) first writes everything; if
that fails (disk full, a pulled USB stick) it does not go quietly: the unsaved dialog
(dialogs/unsaved.py) offers to retry, to save a copy in another folder, or to quit anyway after
a second question. On SIGHUP or SIGTERM nobody can be asked: the open dialog's text goes to its
draft, the session is written, and if that fails an emergency copy is written wherever it can be
(session/emergency.py), which the next start names. Then the app exits; a watchdog makes sure
the process ends even if the terminal has gone and Textual's shutdown blocks writing to it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from textual.app import App

from workshop.errors import StoreError, display_path
from workshop.session.live import LiveSession
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.unsaved import COPY, QUIT, RETRY, UnsavedChoice, UnsavedDialog


def add_signal_handlers(loop: asyncio.AbstractEventLoop,
                        handler: Callable[[int], object]) -> list[int]:
    """SIGHUP (the terminal closed) and SIGTERM call `handler(signum)` on the loop; the signals
    that could be handled (none on Windows)."""
    handled = []
    for signum in (signal.SIGHUP, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, handler, signum)
            handled.append(signum)
        except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - Windows
            pass
    return handled

WATCHDOG_SECONDS = 3.0
"""How long a signalled exit may take, once everything is written, before the process ends
itself (a closed terminal can leave Textual's shutdown blocked for ever)."""


def start_watchdog(seconds: float = WATCHDOG_SECONDS) -> threading.Thread:
    """End the process after `seconds` unless it has ended by itself (a daemon thread dies with
    the process, so a normal exit is never held up by it)."""
    def bite() -> None:
        threading.Event().wait(seconds)
        os._exit(0)  # everything is on disk (or in the emergency copy) already

    thread = threading.Thread(target=bite, name="workshop-exit-watchdog", daemon=True)
    thread.start()
    return thread


class Leaving:
    """Quits and closes for the app; `live` gives the session open now, `close` closes it."""

    def __init__(self, app: App, live: Callable[[], LiveSession | None],
                 close: Callable[[], bool]) -> None:
        self.app = app
        self.live = live
        self.close = close
        self.watchdog: threading.Thread | None = None
        self.emergency_copy: Path | None = None
        """Where the last signalled exit wrote the session when its file could not be saved."""

    def leave(self, then: Callable[[], None]) -> None:
        """Close the session and run `then`, unless its changes cannot be saved: then ask."""
        live = self.live()
        if live is None or live.read_only or live.save_now():
            self.close()
            then()
            return
        if any(isinstance(s, UnsavedDialog) for s in self.app.screen_stack):
            self.app.bell()  # already asking
            return
        self.ask(live, then)

    def after_results(self, then: Callable[[], None]) -> None:
        """Run `then`, but first let an open results view whose themes could not be saved try
        again, or ask (screens/results_tagging.py `leave_safely`): quitting never drops an
        analyst's tags silently."""
        for screen in self._unsaved_themes():
            screen.leave_safely(then)  # type: ignore[attr-defined]
            return
        then()

    def _unsaved_themes(self) -> list:
        """The results views (topmost first) holding themes a failed save left unsaved."""
        return [screen for screen in reversed(self.app.screen_stack)
                if getattr(getattr(screen, "tagging", None), "unsaved", "")]

    def ask(self, live: LiveSession, then: Callable[[], None], error: str = "") -> None:
        result = live.save_result
        error = error or (result.error if result is not None and not result.ok else
                          "The session file could not be saved.")

        def decided(choice: UnsavedChoice | None) -> None:
            if choice is not None:
                self.act(live, choice, then)

        self.app.push_screen(UnsavedDialog(error), decided)

    def act(self, live: LiveSession, choice: UnsavedChoice, then: Callable[[], None]) -> None:
        if choice.action == RETRY:
            if live.save_now():
                self.app.notify("Saved: every change is on disk.", markup=False)
                self.close()
                then()
            else:
                self.ask(live, then, f"Still not saved. {live.autosaver.last.error}")
        elif choice.action == COPY:
            self.copy(live, choice.folder, then)
        elif choice.action == QUIT:
            self.confirm_quit(live, then)

    def copy(self, live: LiveSession, folder: str, then: Callable[[], None]) -> None:
        try:
            path = live.save_copy(Path(folder or Path.home()))
        except StoreError as exc:
            self.ask(live, then, f"The copy could not be written either: {exc}")
            return
        self.close()
        self.app.notify(f"A copy of the session is saved at {display_path(path)}.",
                        title="Copy saved", markup=False, timeout=30)
        then()

    def confirm_quit(self, live: LiveSession, then: Callable[[], None]) -> None:
        def decided(lose: bool | None) -> None:
            if lose:
                self.close()
                then()
            else:
                self.ask(live, then)

        self.app.push_screen(ConfirmDialog(
            "Quit without saving?",
            "The changes since the last save are only in memory: quitting loses them.",
            yes="Quit and lose them", no="Go back"), decided)

    def on_signal(self, write_draft: Callable[[], None]) -> None:
        """SIGHUP (terminal closed) or SIGTERM: keep every word, then exit, surely."""
        write_draft()
        for screen in self._unsaved_themes():
            screen.tagging.save()  # type: ignore[attr-defined]
        live = self.live()
        if live is not None and not self.close():
            self.emergency_copy = live.write_emergency_copy()
        if self.watchdog is None and not self.app.is_headless:
            self.watchdog = start_watchdog()
        self.app.exit(return_code=0)
