"""The bar at the top of every step: where we are, the step's timer, and whether it is saved.

A failed save turns the bar's second line into a red warning that stays until a save succeeds,
so a facilitator cannot miss it. The timer changes colour once the step's time budget is used.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Static

from workshop.consultation.figures import format_duration


class StepBar(Widget):
    """Title on the left, timer and save state on the right; a save error below."""

    DEFAULT_CSS = """
    StepBar { dock: top; height: auto; background: $panel; }
    StepBar Horizontal { height: 1; }
    StepBar #step-title { width: 1fr; text-style: bold; padding: 0 1; }
    StepBar #step-timer { width: auto; padding: 0 1; }
    StepBar #step-timer.-over { background: $error; color: $text; text-style: bold; }
    StepBar #step-saved { width: auto; padding: 0 1; color: $text-muted; }
    StepBar #save-error { display: none; background: $error; color: $text; text-style: bold; padding: 0 1; }
    StepBar.-save-failed #save-error { display: block; }
    StepBar.-read-only #step-saved { background: $warning; color: $text; }
    """

    def __init__(self, title: str, budget_minutes: float | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.budget_minutes = budget_minutes

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

    def update_timer(self) -> None:
        seconds = self.app.step_seconds()
        text = f"⏱ {format_duration(seconds)}"
        over = False
        if self.budget_minutes:
            text += f" / {format_duration(self.budget_minutes * 60)}"
            over = seconds > self.budget_minutes * 60
        timer = self.query_one("#step-timer", Static)
        timer.update(text)
        timer.set_class(over, "-over")

    def update_saved(self) -> None:
        app = self.app
        self.set_class(app.read_only, "-read-only")
        saved = self.query_one("#step-saved", Static)
        error = self.query_one("#save-error", Static)
        if app.read_only:
            saved.update("READ-ONLY")
        elif app.save_result is None:
            saved.update("Saved")
        elif app.save_result.ok:
            saved.update(f"Saved {app.save_result.when:%H:%M:%S}")
        self.set_class(app.save_result is not None and not app.save_result.ok, "-save-failed")
        if app.save_result is not None and not app.save_result.ok:
            saved.update("NOT SAVED")
            error.update(Text(f"NOT SAVED: {app.save_result.error}. Your changes are kept and "
                              "saving is retried every few seconds."))
