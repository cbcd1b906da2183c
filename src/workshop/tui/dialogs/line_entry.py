"""One line of text: a theme's name or its description (the Themes tab's `n`, `r` and `d`).

A name is one line, so enter saves it (the comment dialog, text_entry.py, takes many lines and
saves with ctrl+s); escape cancels. An empty line is allowed where `allow_empty` says (a
description cleared). What is typed before the box is drawn is kept (early_keys.py). The text
comes back through the dismiss callback; the dialog changes nothing itself.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workshop.tui.dialogs.early_keys import EarlyKeys


class LineEntryDialog(EarlyKeys, ModalScreen[str | None]):
    """Dismisses with the line typed, or None when cancelled."""

    AUTO_FOCUS = "#line"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything")]

    def __init__(self, title: str, detail: str = "", initial: str = "",
                 allow_empty: bool = False, placeholder: str = "") -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.detail = detail
        self.initial = initial
        self.allow_empty = allow_empty
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box line-dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.detail:
                yield Static(Text(self.detail), classes="dialog-detail")
            line = Input(self.initial, id="line", placeholder=self.placeholder)
            line.cursor_blink = not self.app.is_headless  # steady in tests and snapshots
            yield line
            yield Static("enter saves · escape cancels", classes="dialog-keys")

    def on_mount(self) -> None:
        line = self.query_one(Input)
        line.focus()
        line.cursor_position = len(line.value)
        self.flush_early_keys()

    def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self._ready:  # typed ahead: save once the rest is in
            event.stop()
            event.prevent_default()
            self.call_after_refresh(self.save)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def save(self) -> None:
        text = self.query_one(Input).value
        if not text.strip() and not self.allow_empty:
            self.notify("Type a name, or press escape to cancel.", severity="warning",
                        markup=False)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
