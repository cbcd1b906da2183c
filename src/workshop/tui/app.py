"""The facilitator's app: one session at a time, stepped through the protocol, saved on every change.

Built the same way by the CLI and the tests: `WorkshopApp(protocol, store, ...)`, dependencies
passed in. The app owns the session and the autosaver; screens call `app.change(...)` with a
domain operation, and the app saves and redraws. See steps.py for the steps themselves.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from workshop.errors import SessionError, SessionFileError, StoreError
from workshop.protocol.model import Protocol
from workshop.session import drafts, lock
from workshop.session.autosave import Autosaver, SaveResult
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui.app_exports import ExportMixin
from workshop.tui.app_results import ResultsMixin
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.new_session import NewSessionDetails, NewSessionDialog
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.screens.help import HelpScreen
from workshop.tui.screens.start import StartScreen
from workshop.tui.steps import StepsMixin
from workshop.tui.widgets.step_bar import StepBar

DRAFT_DELAY = 0.4
"""Seconds of quiet typing before a dialog's text is written to the draft file."""


class WorkshopApp(StepsMixin, ResultsMixin, ExportMixin, App):
    CSS_PATH = "workshop.tcss"
    TITLE = "workshop"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit: everything is already saved"),
    ]

    def __init__(
        self,
        protocol: Protocol,
        store: SessionStore,
        *,
        open_path: Path | None = None,
        new_details: NewSessionDetails | None = None,
        results_path: Path | None = None,
        clock: Callable[[], datetime] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.protocol = protocol
        self.store = store
        self.clock = clock or (lambda: datetime.now().astimezone())
        """Wall clock: local time for display; session timestamps are its UTC value."""
        self.monotonic = monotonic
        self.session: Session | None = None
        self.path: Path | None = None
        self.autosaver: Autosaver | None = None
        self.read_only = False
        self.save_result: SaveResult | None = None
        self._initial_open = open_path
        self._initial_new = new_details
        self._initial_results = results_path
        self._step_entered: float | None = None
        self._draft_timer = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._signals: list[int] = []
        self.last_export: Path | None = None
        """The file the last export from the palette wrote (the tests read it)."""

    def session_clock(self) -> datetime:
        return self.clock().astimezone(timezone.utc).replace(microsecond=0)

    # -- start-up and shut-down -----------------------------------------------------------------

    def on_mount(self) -> None:
        self._loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            try:
                self._loop.add_signal_handler(signum, self.on_signal, signum)
                self._signals.append(signum)
            except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - Windows
                pass
        self.push_screen(StartScreen())  # under whatever opens first, so escape comes back here
        if self._initial_open is not None:
            self.open_path(self._initial_open)
        elif self._initial_new is not None:
            self.create_session(self._initial_new)
        elif self._initial_results is not None:
            self.open_results(self._initial_results)

    def on_unmount(self) -> None:
        if self._loop is not None:
            for signum in self._signals:
                self._loop.remove_signal_handler(signum)
        self.close_session()

    def on_signal(self, signum: int) -> None:
        """SIGHUP (terminal closed) or SIGTERM: keep every word, then exit cleanly."""
        dialog = self.open_text_dialog()
        if dialog is not None and self.path is not None and not self.read_only:
            self.write_draft(dialog)
        self.close_session()
        self.exit(return_code=0)

    async def action_quit(self) -> None:
        self.close_session()
        self.exit()

    # -- opening and closing sessions -----------------------------------------------------------

    def action_new_session(self) -> None:
        def done(details: NewSessionDetails | None) -> None:
            if details is not None:
                self.create_session(details)

        self.push_screen(NewSessionDialog(self.clock().date()), done)

    def create_session(self, details: NewSessionDetails) -> None:
        session = Session.new(self.protocol, details.group, details.facilitator, details.location,
                              on=details.on, participants=details.participants,
                              clock=self.session_clock)
        try:
            path = self.store.create(session)  # at once, so the file exists before anything else
        except StoreError as exc:
            self.notify(str(exc), title="The session could not be created", severity="error",
                        markup=False, timeout=30)
            return
        self.start(session, path, read_only=False)

    def open_path(self, path: Path) -> None:
        try:
            session = self.store.load(path)
        except SessionFileError as exc:
            self.notify(str(exc), title="This session cannot be opened", severity="error",
                        markup=False, timeout=15)
            return
        session.clock = self.session_clock
        held = lock.holder(path)
        if held is None:
            self.start(session, path, read_only=False)
            return

        def decided(read_only: bool | None) -> None:
            if read_only:
                self.start(session, path, read_only=True)

        self.push_screen(ConfirmDialog(
            "This session is already open in another workshop window.",
            f"It is open in {held.describe()}. Two windows writing one file would lose words. "
            "Open it read-only to look without changing anything?",
            yes="Open read-only", no="Cancel"), decided)

    def start(self, session: Session, path: Path, read_only: bool) -> None:
        self.close_session()
        if not read_only and lock.acquire(path) is not None:
            read_only = True
        self.session, self.path, self.read_only = session, Path(path), read_only
        self.save_result = None
        if not read_only:
            self.autosaver = Autosaver(self.path, self._saved_in_thread, clock=self.clock)
        self.show_step(session.step, record=False)
        if not read_only:
            self.offer_draft()

    def close_session(self) -> None:
        """Bank the step's time, write everything, let go of the lock."""
        if self.session is None:
            return
        if not self.read_only:
            self.bank_time()
            if self.autosaver is not None:
                self.autosaver.submit(self.session)
                self.autosaver.close()
            lock.release(self.path)
        self.session = None
        self.autosaver = None

    def action_open_another(self) -> None:
        self.close_session()
        self.switch_screen(StartScreen())

    # -- changes and saving ---------------------------------------------------------------------

    def change(self, operation: Callable[[Session], object]) -> bool:
        """Apply a domain operation to the session, save at once, redraw. False if refused."""
        if self.session is None or self.read_only:
            return False
        try:
            operation(self.session)
        except SessionError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return False
        self.save_now()
        self.refresh_screen()
        return True

    def save_now(self) -> None:
        if self.autosaver is not None and self.session is not None:
            self.autosaver.submit(self.session)

    def _saved_in_thread(self, result: SaveResult) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self.show_save_result, result)
            except RuntimeError:  # the loop closed while we were saving
                pass

    def show_save_result(self, result: SaveResult) -> None:
        failed_before = self.save_result is not None and not self.save_result.ok
        self.save_result = result
        if not result.ok and not failed_before:
            self.notify(result.error, title="NOT SAVED", severity="error", markup=False, timeout=30)
        elif result.ok and failed_before:
            self.notify("Saved again: every change is on disk.", markup=False)
        if self.is_running and self.screen_stack:
            for bar in self.screen.query(StepBar):
                bar.update_saved()

    def refresh_screen(self) -> None:
        screen = self.current_step_screen()
        if screen is not None and screen.is_mounted:  # an unmounted step draws itself on mount
            screen.refresh_step()

    async def settle(self) -> None:
        """Wait for pending saves (tests and the benchmark use this)."""
        if self.autosaver is not None:
            await asyncio.to_thread(self.autosaver.wait_idle)

    # -- text dialogs and drafts ----------------------------------------------------------------

    def ask_text(self, kind: str, target: str, title: str, context: str = "", initial: str = "",
                 start_text: str | None = None) -> None:
        def done(text: str | None) -> None:
            if self.path is not None:
                drafts.discard_draft(self.path)
            if text is not None:
                self.change(lambda s: self.apply_text(s, kind, target, text))

        self.push_screen(TextEntryDialog(title, context, initial, draft_kind=kind, draft_target=target,
                                         start_text=start_text), done)

    @staticmethod
    def apply_text(session: Session, kind: str, target: str, text: str) -> None:
        if kind == "comment":
            session.add_comment(target, text)
        elif kind == "amendment":
            session.add_amendment(target, text)
        elif kind == "answer":
            session.add_answer(target, text)
        elif kind == "edit":
            session.edit(target, text)
        elif kind == "reasons":
            session.set_recommendation(session.recommendation.choice, reasons=text)
        elif kind == "general-comments":
            session.set_recommendation(session.recommendation.choice, comments=text)
        else:  # pragma: no cover - a programming error, not user input
            raise SessionError(f"unknown kind of text '{kind}'")

    def open_text_dialog(self) -> TextEntryDialog | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, TextEntryDialog):
                return screen
        return None

    def draft_changed(self, dialog: TextEntryDialog) -> None:
        if self.path is None or self.read_only:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, lambda: self.write_draft(dialog))

    def write_draft(self, dialog: TextEntryDialog) -> None:
        if self.path is None or not dialog.is_attached:
            return
        draft = drafts.Draft(dialog.draft_kind, dialog.draft_target, dialog.text, self.session_clock())
        try:
            drafts.write_draft(self.path, draft)
        except Exception as exc:  # a failed draft must not lose the dialog  # noqa: BLE001
            self.notify(f"Could not keep a draft: {exc}", severity="warning", markup=False)

    def offer_draft(self) -> None:
        draft = drafts.read_draft(self.path)
        if draft is None:
            return
        what = {"comment": "comment", "amendment": "proposed wording", "answer": "answer",
                "edit": "edit", "reasons": "reasons", "general-comments": "general comments"}
        label = what.get(draft.kind, draft.kind)

        def decided(restore: bool | None) -> None:
            if not restore:
                drafts.discard_draft(self.path)
                return
            self.ask_text(draft.kind, draft.target, f"Restored {label}", context=self.draft_context(draft),
                          start_text=draft.text)

        self.push_screen(ConfirmDialog(f"An unsaved {label} was found. Restore it?",
                                       draft.text[:500], yes="Restore", no="Discard"), decided)

    def draft_context(self, draft: drafts.Draft) -> str:
        try:
            if draft.kind in ("comment", "amendment"):
                return self.protocol.commitment(draft.target).text
            if draft.kind == "answer":
                return self.protocol.question(draft.target).text
        except KeyError:
            return ""
        return ""

    # -- editing and removing entries -----------------------------------------------------------

    def selected_entry(self):
        screen = self.current_step_screen()
        entry_id = getattr(screen, "selected_entry_id", lambda: None)()
        if entry_id is None or self.session is None:
            self.notify("Nothing highlighted to edit or remove here.", severity="warning", markup=False)
            return None
        return self.session.find(entry_id)

    def action_edit_entry(self) -> None:
        if self.read_only or (found := self.selected_entry()) is None:
            return
        kind, target, entry = found
        label = {"comments": "comment", "amendments": "proposed wording", "answers": "answer"}[kind]
        self.ask_text("edit", entry.id, f"Edit {label}", initial=entry.text)

    def action_delete_entry(self) -> None:
        if self.read_only or (found := self.selected_entry()) is None:
            return
        kind, target, entry = found
        label = {"comments": "comment", "amendments": "proposed wording", "answers": "answer"}[kind]

        def decided(remove: bool | None) -> None:
            if remove:
                self.change(lambda s: s.delete(entry.id))

        self.push_screen(ConfirmDialog(f"Remove this {label}?", entry.text[:500], yes="Remove",
                                       no="Keep"), decided)

    # -- help and the command palette ------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.protocol))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.session is not None:
            for step in self.session.steps():
                title = self.step_title(step)
                yield SystemCommand(f"Go to: {title}", f"Jump to the {title} step",
                                    lambda step=step: self.show_step(step))
            yield SystemCommand("Open another session", "Back to the list of sessions",
                                self.action_open_another)
        yield from self.results_commands(screen)
        yield from self.export_commands(screen)
        yield SystemCommand("Keys", "Show every key", self.action_help)

