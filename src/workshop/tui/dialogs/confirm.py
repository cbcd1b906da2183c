"""A yes/no question. `y` or enter on Yes confirms; `n` or enter on No declines; escape closes
it without an answer (None, which every caller takes as no, except where "no" would throw
something away: the draft offer keeps the draft for next time).

The focused button, the one enter presses, is the safe answer: No for a question whose Yes
removes or loses something (the default), Yes where No would lose words (`safe="yes"`).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True (yes) or False (no)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No",
                 safe: str = "no") -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.detail = detail
        self.yes, self.no = yes, no
        self.safe = safe
        """The answer enter gives at first ("yes" or "no"): the one that loses nothing."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.question, style="bold"), classes="dialog-title")
            if self.detail:
                yield Static(Text(self.detail), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text(f"{self.yes} [y]"), id="yes",
                             variant="primary" if self.safe == "yes" else "error")
                yield Button(Text(f"{self.no} [n]"), id="no",
                             variant="error" if self.safe == "yes" else "primary")

    def on_mount(self) -> None:
        self.query_one(f"#{self.safe}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_close(self) -> None:
        self.dismiss(None)
