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
        # Moving is bound here too (not left to the list widget) so that it runs in step with the
        # vote keys: "up, a" votes on the commitment above, however fast it is typed.
        Binding("down,j", "move(1)", "Down", show=False, priority=True),
        Binding("up,k", "move(-1)", "Up", show=False, priority=True),
        Binding("tab", "app.focus_next", "Next pane", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, priority=True),
    ]

    main_list_id: str = ""
    """The id of the step's main OptionList (commitments or questions), if it has one."""

    def compose(self) -> ComposeResult:
        position = self.app.step_position(self.step_name)
        yield StepBar(f"{position} {self.title_text}", self.budget_minutes)
        yield from self.body()
        footer = Footer(show_command_palette=False)
        footer.compact = True  # room for every vote key at 80 columns
        yield footer

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.refresh_step()

    def refresh_step(self) -> None:
        """Redraw from the session (after any change)."""

    def action_move(self, delta: int) -> None:
        """Move the highlight in the focused list (the main list when nothing else is focused)."""
        from textual.widgets import OptionList

        target = self.focused if isinstance(self.focused, OptionList) else None
        if target is None and self.main_list_id:
            found = self.query(f"#{self.main_list_id}")
            target = found.first() if found else None
        if target is None:
            scroller = self.focused
            if scroller is not None and hasattr(scroller, "scroll_relative"):
                scroller.scroll_relative(y=delta * 3, animate=False)
            return
        if target.option_count:
            current = target.highlighted if target.highlighted is not None else -delta
            target.highlighted = min(max(current + delta, 0), target.option_count - 1)

    def editing_allowed(self) -> bool:
        if self.app.read_only:
            self.notify("This session is open read-only.", severity="warning", markup=False)
            return False
        return True
