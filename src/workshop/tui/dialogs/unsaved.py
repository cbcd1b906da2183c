"""Leaving a session whose latest changes are NOT SAVED: retry, save a copy, or quit anyway.

Shown when the facilitator quits (or opens another session) while saving fails. It says why the
file cannot be saved and offers three ways out; nothing is decided here: the dialog dismisses
with the choice (`UnsavedChoice`) and the app acts on it (tui/leaving.py). "Keep working"
(escape) closes it and changes nothing. The copy's folder starts as the home folder; the
facilitator can type another (a USB stick, a shared drive).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

RETRY, COPY, QUIT = "retry", "copy", "quit"


@dataclass(frozen=True)
class UnsavedChoice:
    """What the facilitator chose: `retry`, `copy` (into `folder`) or `quit`."""

    action: str
    folder: str = ""


class UnsavedDialog(ModalScreen[UnsavedChoice | None]):
    """Dismisses with the choice, or None to keep working."""

    BINDINGS = [
        Binding("r", "choose('retry')", "Retry"),
        Binding("c", "choose('copy')", "Save a copy"),
        Binding("q", "choose('quit')", "Quit anyway"),
        Binding("escape", "keep_working", "Keep working"),
    ]

    def __init__(self, error: str, folder: Path | None = None) -> None:
        super().__init__(classes="dialog")
        self.error = error
        self.folder = str(folder if folder is not None else Path.home())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box unsaved-dialog"):
            yield Static(Text("NOT SAVED: your latest changes are only in memory.", style="bold"),
                         classes="dialog-title")
            yield Static(Text(f"{self.error}\n\nQuitting now would lose them. Retry saving, "
                              "or save a copy of the session in another folder."),
                         classes="dialog-detail", id="unsaved-error")
            with Horizontal(classes="field"):
                yield Label("Folder for a copy", classes="field-label")
                yield Input(self.folder, id="copy-folder", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Text("Retry now [r]"), id="retry", variant="primary")
                yield Button(Text("Save a copy [c]"), id="copy", variant="success")
                yield Button(Text("Quit anyway [q]"), id="quit", variant="error")
            yield Static("escape keep working · enter in the folder saves a copy there",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or RETRY)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose(COPY)

    def action_choose(self, action: str) -> None:
        folder = self.query_one("#copy-folder", Input).value.strip()
        self.dismiss(UnsavedChoice(action, folder))

    def action_keep_working(self) -> None:
        self.dismiss(None)
