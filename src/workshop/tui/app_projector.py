"""The facilitator's side of the projector: `b` blanks or reveals the counts, and the
highlighted commitment or question is told to `workshop serve` and `workshop follow`.

Both go in the projector sidecar beside the session file (session/projector_state.py), never
in the session itself: what the room may see is not part of the record. The app owns one
`Projector` (as it owns its DraftKeeper and Leaving) and hands it two things: `b`, an app
binding that is not a priority one, so a `b` typed in a text dialog is a letter, not a toggle;
and the step's main list's `OptionList.OptionHighlighted`, which bubbles up to the app.
Writes go through a `StateWriter` thread, so moving the highlight never waits for the disk.

A read-only window (the session open in another one) writes nothing: the projector follows the
window that holds the session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.dom import NoScreen
from textual.widgets import OptionList

from workshop.session.live import READ_ONLY, LiveSession
from workshop.session.projector_state import ProjectorState, StateWriter, read_state
from workshop.tui.screens.step import StepScreen

BLANKED = "Counts hidden on the projector: b shows them."
SHOWN = "Counts shown on the projector: b hides them."
TITLE = "Projector"


def projector_note(state: ProjectorState) -> str:
    """What the notification says about the projector's state."""
    return BLANKED if state.blanked else SHOWN


class ProjectorLink:
    """One session's projector state, as the app last set it, and its writer."""

    def __init__(self, session_path: Path) -> None:
        self.path = session_path
        self.state = read_state(session_path)
        """Kept from the last run: a projector left blanked stays blanked."""
        self.writer = StateWriter(session_path)

    def update(self, state: ProjectorState) -> None:
        if state != self.state:
            self.state = state
            self.writer.submit(state)

    def close(self) -> None:
        self.writer.close()


class Projector:
    """The app's side of the projector: the `b` toggle and the highlight, written to the open
    session's sidecar; `live` gives the session open now."""

    def __init__(self, app: App, live: Callable[[], LiveSession | None]) -> None:
        self.app = app
        self.live = live
        self._link: ProjectorLink | None = None

    def link(self) -> ProjectorLink | None:
        """The open session's projector state (None when there is none or it is read-only).
        Opening a session whose projector is blanked says so once."""
        live = self.live()
        if live is None or live.read_only or live.closed:
            return None
        link = self._link
        if link is None or link.path != live.path:
            if link is not None:
                link.close()
            link = self._link = ProjectorLink(live.path)
            if link.state.blanked:
                self.app.notify(BLANKED, title=TITLE, markup=False, timeout=8)
        return link

    def toggle(self) -> None:
        """Hide the counts on the projector, or show them again."""
        live = self.live()
        if live is None:
            self.app.notify("Open a session first: b then hides or shows its counts on the "
                            "projector.", severity="warning", markup=False)
            return
        if live.read_only:
            self.app.notify(f"{READ_ONLY} The projector follows the window that holds it.",
                            severity="warning", markup=False)
            return
        link = self.link()
        if link is not None:
            link.update(link.state.toggled())
            self.app.notify(projector_note(link.state), title=TITLE, markup=False)

    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The step's main list moved: the projector shows the row now highlighted. Keys in a
        burst can leave a step before its list's message arrives: such a list is no news."""
        try:
            screen = event.option_list.screen
        except NoScreen:  # its step was left before this arrived ("n a n a" typed fast)
            return
        if not isinstance(screen, StepScreen) or not screen.main_list_id \
                or event.option_list.id != screen.main_list_id or event.option.id is None:
            return
        live = self.live()
        if live is None or screen.step_name != live.current_step:
            return
        link = self.link()
        if link is not None:
            link.update(link.state.highlighting(screen.step_name, event.option.id))

    def close(self) -> None:
        """Write what is waiting before the app goes (the thread would not outlive it)."""
        if self._link is not None:
            self._link.close()
            self._link = None

    def wait(self, timeout: float = 5.0) -> bool:
        """Wait for the sidecar to be written (tests)."""
        return self._link is None or self._link.writer.wait_idle(timeout)
