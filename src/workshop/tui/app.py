"""The facilitator's app: one session at a time, stepped through the protocol, saved as it changes.

Built the same way by the CLI and the tests: `WorkshopApp(protocol, store, ...)`, dependencies
passed in. Attributes down, messages up: the app makes each screen with what it draws, screens
and dialogs post messages (messages.py), and the app is the one place that handles them, handing
each change to the `LiveSession` (workshop.session.live, which owns the session, its file, the
autosaver, the lock and the drafts) and redrawing the step. The step bar hears the save state
through a reactive the app sets on the step screen. Palette commands are in commands.py.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList

from workshop.errors import SessionError, SessionFileError, StoreError, display_path
from workshop.protocol.model import Protocol
from workshop.session.autosave import SaveResult
from workshop.session.kinds import Step
from workshop.session.live import LiveSession, SaveNews, lock_holder
from workshop.session.model import Session
from workshop.session.store import SessionStore
from workshop.tui import app_results
from workshop.tui import messages as msg
from workshop.tui.app_projector import Projector
from workshop.tui.commands import WorkshopCommands
from workshop.tui.dialogs.draft_keeper import DraftKeeper
from workshop.tui.dialogs.lock_question import lock_question
from workshop.tui.leaving import Leaving, add_signal_handlers
from workshop.tui.screens.step import StepScreen
from workshop.tui.start_listing import LISTING, is_start_screen
from workshop.tui.steps import make_screen

if TYPE_CHECKING:  # the dialogs and the help are imported when first opened, not at start-up
    from workshop.tui.dialogs.new_session import NewSessionDetails
    from workshop.tui.dialogs.text_entry import TextEntryDialog

NOT_SAVED = "NOT SAVED"  # the title of the toast a failed save raises (a recovery takes it away)


def _from_live(name: str, default: object = None) -> property:
    """An attribute of the live session, read through the app (None when none is open)."""
    return property(lambda app: getattr(app.live, name) if app.live else default)


class WorkshopApp(App):
    CSS_PATH = ["workshop.tcss", "tones.tcss"]
    TITLE = "workshop"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    COMMANDS = App.COMMANDS | {WorkshopCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True,
                tooltip="Quit: everything is already saved"),
        Binding("ctrl+p", "command_palette", "palette", show=False, priority=True,
                tooltip="Command palette: jump to a step, open another session, export"),
        Binding("b", "projector_blank", "Projector", show=False,  # not priority: b types in text
                tooltip="Hide or show the counts on the projector (workshop serve, follow)"),
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
        self.live: LiveSession | None = None
        """The session being run, if any: the one owner of the session and its file."""
        self._initial_open = open_path
        self._initial_new = new_details
        self._initial_results = results_path
        self._last_path: Path | None = None
        self.drafts = DraftKeeper(self, lambda: self.live)
        """Writes the open text dialog's words beside the session file as they are typed."""
        self.leaving = Leaving(self, lambda: self.live, self.close_session)
        """Quits and closes without losing changes that could not be saved (leaving.py)."""
        self.projector = Projector(self, lambda: self.live)  # b and the highlight, to `serve`
        self._loop: asyncio.AbstractEventLoop | None = None
        self._signals: list[int] = []
        self.last_export: Path | None = None
        """The file the last export from the palette wrote (the tests read it)."""

    def session_clock(self) -> datetime:
        return self.clock().astimezone(timezone.utc).replace(microsecond=0)

    # -- what tests and the benchmark read (the live session holds it) ---------------------------

    session = _from_live("session")
    autosaver = _from_live("autosaver")
    save_result = _from_live("save_result")
    current_step = _from_live("current_step")
    read_only = _from_live("read_only", False)

    @property
    def path(self) -> Path | None:
        """The file of the session open now, or of the last one (kept after quitting)."""
        return self.live.path if self.live else self._last_path

    async def settle(self) -> None:
        """Wait for the start screen's listing and for pending saves (tests, benchmarks)."""
        await self.workers.wait_for_complete([w for w in self.workers if w.group == LISTING])
        if self.live is not None:
            await asyncio.to_thread(self.live.wait_saved)

    # -- start-up and shut-down -----------------------------------------------------------------

    def on_mount(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._signals = add_signal_handlers(self._loop, self.on_signal)
        # A session opened at once is the first screen (the start screen only if it cannot be
        # opened: nothing is drawn that is not shown); results come over the start screen.
        if self._initial_open is not None:
            self.open_path(self._initial_open)
        elif self._initial_new is not None:
            self.create_session(self._initial_new)
        else:
            self.show_start()
            if self._initial_results is not None:
                self.open_results(self._initial_results)

    def show_start(self) -> None:
        """The start screen, if nothing is on screen yet (the first thing opened failed)."""
        if len(self.screen_stack) <= 1:  # Textual's blank default screen only
            self.push_screen(self.start_screen())

    def start_screen(self) -> Screen:
        from workshop.tui.screens.start import StartScreen  # not imported under a session

        return StartScreen(self.store, self.protocol)

    def on_unmount(self) -> None:
        if self._loop is not None:
            for signum in self._signals:
                self._loop.remove_signal_handler(signum)
        self.close_session()
        self.projector.close()

    def action_projector_blank(self) -> None:
        self.projector.toggle()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.projector.highlighted(event)

    def on_signal(self, signum: int) -> None:
        """SIGHUP (terminal closed) or SIGTERM: keep every word (an emergency copy if the file
        cannot be saved), then exit, within seconds even if the terminal has gone."""
        self.leaving.on_signal(self.drafts.write_open_dialog)

    def action_quit(self) -> None:
        """Quit once everything is on disk (a session, an analyst's themes); if it cannot be
        saved, ask what to do (leaving.py). An open text dialog's words are kept as a draft."""
        self.drafts.write_open_dialog()
        self.leaving.after_results(lambda: self.leaving.leave(self.exit))

    # -- opening and closing sessions -----------------------------------------------------------

    def action_new_session(self) -> None:
        def done(details: NewSessionDetails | None) -> None:
            if details is not None:
                self.create_session(details)

        from workshop.tui.dialogs.new_session import NewSessionDialog

        self.push_screen(NewSessionDialog(self.clock().date()), done)

    def on_new_session_requested(self, message: msg.NewSessionRequested) -> None:
        self.action_new_session()

    def create_session(self, details: NewSessionDetails) -> None:
        session = Session.new(self.protocol, details.group, details.facilitator, details.location,
                              on=details.on, participants=details.participants,
                              authority=details.authority, clock=self.session_clock,
                              mode=details.mode)
        try:
            path = self.store.create(session)  # at once, so the file exists before anything else
        except StoreError as exc:
            self.show_start()
            self.notify(str(exc), title="The session could not be created", severity="error",
                        markup=False, timeout=30)
            return
        self.start(session, path, read_only=False)

    def on_session_open_requested(self, message: msg.SessionOpenRequested) -> None:
        self.open_path(message.path)

    def open_path(self, path: Path) -> None:
        try:
            session = self.store.load(path)
        except SessionFileError as exc:
            self.show_start()
            self.notify(str(exc), title="This session cannot be opened", severity="error",
                        markup=False, timeout=15)
            return
        session.clock = self.session_clock
        held = lock_holder(path)
        if held is None:
            self.start(session, path, read_only=False)
            return

        def decided(read_only: bool | None) -> None:
            if read_only:
                self.start(session, path, read_only=True)

        self.show_start()  # under the question: Cancel comes back to it
        self.push_screen(lock_question(held, path), decided)

    def start(self, session: Session, path: Path, read_only: bool) -> None:
        self.close_session()
        self.live = LiveSession(session, path, read_only=read_only, clock=self.clock,
                                monotonic=self.monotonic, on_saved=self._saved_in_thread)
        self.show_step(session.step, record=False)
        copies = self.live.copies()
        if copies:
            self.notify("\n".join(display_path(c) for c in copies[:3]),
                        title="Copies of this session written when it could not be saved "
                              "(open one with workshop open FILE)",
                        severity="warning", markup=False, timeout=60)
        if not self.live.read_only:
            self.drafts.offer(self.protocol)

    def close_session(self) -> bool:
        """Bank the step's time, write everything, let go of the lock. True if it all reached
        the disk."""
        saved = True
        if self.live is not None:
            saved = self.live.close()
            self._last_path = self.live.path
            self.live = None
        return saved

    def action_open_another(self) -> None:
        self.leaving.leave(lambda: self.switch_screen(self.start_screen()))

    # -- steps ----------------------------------------------------------------------------------

    def show_step(self, step: Step | str, record: bool = True) -> None:
        """Switch to a step; with `record`, bank the time on the old one and save where we are."""
        if self.live is None:
            return
        step = self.live.go_to(step, record)
        screen = make_screen(self.live, self.protocol, step)
        if isinstance(self.screen, StepScreen) or is_start_screen(self.screen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def move_step(self, delta: int) -> None:
        if self.live is None:
            return
        step = self.live.step_after(delta)
        if step is None:
            self.bell()
        else:
            self.show_step(step)

    def action_next_step(self) -> None:
        self.move_step(1)

    def action_previous_step(self) -> None:
        self.move_step(-1)

    def current_step_screen(self) -> StepScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, StepScreen):
                return screen
        return None

    # -- changes: every message that changes the session ends here ------------------------------

    def apply(self, change: Callable[[LiveSession], object]) -> bool:
        """Hand a change to the live session (which saves it) and redraw. False if refused."""
        if self.live is None:
            return False
        try:
            change(self.live)
        except SessionError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return False
        screen = self.current_step_screen()
        if screen is not None and screen.is_mounted:  # an unmounted step draws itself on mount
            screen.refresh_step()
        return True

    def on_vote_cast(self, message: msg.VoteCast) -> None:
        self.apply(lambda live: live.vote(message.commitment_id, message.option_id))

    def on_vote_removed(self, message: msg.VoteRemoved) -> None:
        if self.session is not None and not self.read_only and self.session.counts(
                message.commitment_id).get(message.option_id, 0) == 0:
            self.bell()  # nothing to take away: a bell, not a warning
            return
        self.apply(lambda live: live.unvote(message.commitment_id, message.option_id))

    def on_counts_set(self, message: msg.CountsSet) -> None:
        self.apply(lambda live: live.set_counts(message.commitment_id, message.counts))

    def on_entry_deleted(self, message: msg.EntryDeleted) -> None:
        self.apply(lambda live: live.delete_entry(message.entry_id))

    def on_change_requested(self, message: msg.ChangeRequested) -> None:
        self.apply(message.change)  # an action or a signatory: the change names its own ids

    def on_recommendation_chosen(self, message: msg.RecommendationChosen) -> None:
        self.apply(lambda live: live.recommend(message.choice))

    def on_session_finished(self, message: msg.SessionFinished) -> None:
        if self.apply(lambda live: live.finish()):
            self.notify("Session marked complete. It stays editable.", markup=False)

    def on_text_entered(self, message: msg.TextEntered) -> None:
        """A text dialog closed: its draft goes either way; its text is saved if it has one."""
        self.drafts.closed()  # a draft written after its text was saved would come back later
        if self.live is None:
            return
        self.live.discard_draft()
        if message.text is not None:
            self.apply(lambda live: live.apply_text(message.kind, message.target, message.text))

    # -- saving ---------------------------------------------------------------------------------

    def _saved_in_thread(self, result: SaveResult) -> None:
        """The autosaver's report, from its thread: handed to the UI thread as a message."""
        try:
            self.post_message(msg.SaveFinished(result))
        except RuntimeError:  # the loop closed while we were saving
            pass

    def on_save_finished(self, message: msg.SaveFinished) -> None:
        if self.live is None:
            return
        news = self.live.record_save(message.result)
        if news is SaveNews.FAILED:
            self.notify(message.result.error, title=NOT_SAVED, severity="error", markup=False,
                        timeout=30)
        elif news is SaveNews.RECOVERED:
            self.clear_not_saved()
            self.notify("Saved again: every change is on disk.", markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, StepScreen):
                screen.save_result = self.live.save_result  # the step bar is bound to it

    def clear_not_saved(self) -> None:
        """Take the NOT SAVED toast away the moment saving works again (it would otherwise
        stay for its whole timeout, saying something no longer true). Textual has no public
        way to remove one notification, so this reads its collection."""
        for note in list(self._notifications):
            if note.title == NOT_SAVED:
                self._unnotify(note)

    # -- drafts (dialogs/draft_keeper.py writes them) ---------------------------------------------

    def on_draft_changed(self, message: msg.DraftChanged) -> None:
        self.drafts.changed(message)

    def open_text_dialog(self) -> TextEntryDialog | None:
        return self.drafts.open_dialog()

    # -- results, help and the command palette ---------------------------------------------------

    def open_results(self, path: Path) -> None:
        app_results.show_file_results(self, Path(path))

    def action_folder_results(self) -> None:
        """Every readable session in the sessions folder, merged in memory (nothing is written)."""
        app_results.show_folder_results(self)

    def exported(self, label: str, target: Path) -> None:
        """An export from the palette was written (app_exports.py runs it)."""
        self.last_export = target
        self.notify(f"{label} written to {display_path(target)}", title="Exported", markup=False,
                    timeout=10)

    def action_help(self) -> None:
        from workshop.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, but its "Keys" panel: ours ("Keys", commands.py) lists them."""
        return (c for c in super().get_system_commands(screen) if c.title != "Keys")
