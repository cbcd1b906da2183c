"""The bar at the top of every step: where we are, the step's timer, and whether it is saved.

A failed save turns the bar's second line into a red warning that stays until a save succeeds,
so a facilitator cannot miss it. The timer changes colour once the step's time budget is used.

Everything the bar shows is handed down: the title, the budget, whether the session is
read-only, a callable giving the seconds on the step, and the latest save result, a reactive
bound to the step screen's (`data_bind`). The bar never reads the app.

Every key that changes the session ends in a save, and every save in a new "Saved HH:MM:SS": the
timer and that label are redrawn in place (`show`), and the screen is laid out again only when a
text's width changes (a layout of the whole screen was most of what a vote cost on screen).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from workshop.consultation.figures import format_duration
from workshop.session.autosave import SaveResult


class StepBar(Widget):
    """Title on the left, timer and save state on the right; a save error below."""

    DEFAULT_CSS = """
    StepBar { dock: top; height: auto; background: $panel; }
    StepBar Horizontal { height: 1; }
    StepBar #step-title { width: 1fr; text-style: bold; padding: 0 1; }
    StepBar #step-timer { width: auto; padding: 0 1; }
    StepBar #step-timer.-over { background: $error; color: $text; text-style: bold; }
    StepBar #step-saved { width: auto; padding: 0 1; color: $text-muted; }
    StepBar #save-error {
        display: none; background: $error; color: $text; text-style: bold; padding: 0 1;
    }
    StepBar.-save-failed #save-error { display: block; }
    StepBar.-read-only #step-saved { background: $warning; color: $text; }
    """

    save_result: reactive[SaveResult | None] = reactive(None, init=False, repaint=False)
    """The latest save's outcome (None until the first save of this run)."""

    def __init__(self, title: str, budget_minutes: float | None = None, *,
                 seconds: Callable[[], float] = lambda: 0.0, read_only: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.budget_minutes = budget_minutes
        self.seconds = seconds
        """Time on the step so far; read once a second."""
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(Text(self.title_text), id="step-title")
            yield Static("", id="step-timer")
            yield Static("", id="step-saved")
        yield Static("", id="save-error")

    def on_mount(self) -> None:
        self.update_timer()
        self.update_saved()
        self.set_interval(1.0, self.update_timer)

    def watch_save_result(self) -> None:
        if self.is_mounted:  # a bound value can arrive before the children exist
            self.update_saved()

    def update_timer(self) -> None:
        seconds = self.seconds()
        text = f"⏱ {format_duration(seconds)}"
        over = False
        if self.budget_minutes:
            text += f" / {format_duration(self.budget_minutes * 60)}"
            over = seconds > self.budget_minutes * 60
        timer = self.query_one("#step-timer", Static)
        show(timer, text)
        timer.set_class(over, "-over")

    def update_saved(self) -> None:
        result = self.save_result
        self.set_class(self.read_only, "-read-only")
        saved = self.query_one("#step-saved", Static)
        error = self.query_one("#save-error", Static)
        failed = result is not None and not result.ok
        if self.read_only:
            show(saved, "READ-ONLY")
        elif result is None:
            show(saved, "Saved")
        elif result.ok:
            show(saved, f"Saved {result.when:%H:%M:%S}")
        self.set_class(failed, "-save-failed")
        if failed:
            show(saved, "NOT SAVED")
            error.update(Text(f"NOT SAVED: {result.error}. Your changes are kept and "
                              "saving is retried every few seconds."))


def show(label: Static, text: str) -> None:
    """Put `text` in a one-line label: nothing when it is already there, a redraw of the label
    alone when it is as wide as before, a layout only when its width changes."""
    before = str(label.content)
    if text != before:
        label.update(text, layout=cell_len(text) != cell_len(before))
