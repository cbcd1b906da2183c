"""What every step screen shares: the step bar, the footer, and moving between steps."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from workshop.tui.widgets.step_bar import StepBar


class StepScreen(Screen):
    """A step of the session. Subclasses compose `body()` and implement `refresh_step()`.

    Step keys are priority bindings: they run the moment their key arrives, in order. A fast
    typist's `c` + words therefore opens the dialog before the words are handled, and the words
    land in the dialog (non-priority bindings run only after queued keys, and the words were lost).
    """

    step_name: str = ""
    title_text: str = ""
    budget_minutes: float | None = None

    BINDINGS = [
        Binding("n", "app.next_step", "Next", tooltip="Go to the next step", priority=True),
        Binding("p", "app.previous_step", "Back", tooltip="Go back a step", priority=True),
        Binding("right", "app.next_step", "Next step", show=False, priority=True),
        Binding("left", "app.previous_step", "Previous", show=False, priority=True),
        Binding("question_mark,f1", "app.help", "Keys", tooltip="Show every key", priority=True),
    ]

    def compose(self) -> ComposeResult:
        position = self.app.step_position(self.step_name)
        yield StepBar(f"{position} {self.title_text}", self.budget_minutes)
        yield from self.body()
        yield Footer()

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.refresh_step()

    def refresh_step(self) -> None:
        """Redraw from the session (after any change)."""

    def editing_allowed(self) -> bool:
        if self.app.read_only:
            self.notify("This session is open read-only.", severity="warning", markup=False)
            return False
        return True
