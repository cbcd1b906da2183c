"""Type every vote count at once (a hand count in a big room). `=` opens it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from workshop.protocol.model import Protocol
from workshop.tui.dialogs.early_keys import EarlyKeys
from workshop.tui.dialogs.form import NEXT_FIELD, FormKeys


class CountsDialog(FormKeys, EarlyKeys, ModalScreen[dict[str, int] | None]):
    """Dismisses with {option id: count}, or None when cancelled."""

    BINDINGS = [
        NEXT_FIELD,
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "dismiss_none", "Cancel"),
    ]

    def __init__(self, protocol: Protocol, commitment_text: str, counts: dict[str, int]) -> None:
        super().__init__(classes="dialog")
        self.protocol = protocol
        self.commitment_text = commitment_text
        self.counts = counts

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box counts-dialog"):
            yield Static(Text("Type the counts", style="bold"), classes="dialog-title")
            yield Static(Text(self.commitment_text), classes="dialog-detail")
            for option in self.protocol.vote_options:
                with Horizontal(classes="field"):
                    yield Label(Text(option.label), classes="field-label")
                    yield Input(str(self.counts.get(option.id, 0)), id=f"count-{option.id}",
                                type="integer", select_on_focus=True, compact=True)
            yield Static("", id="counts-error", classes="field-error")
            yield Static("enter next/save · ctrl+s save · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query(Input).first())
        self.flush_early_keys(replace=True)

    def action_save(self) -> None:
        counts = {}
        for option in self.protocol.vote_options:
            raw = self.query_one(f"#count-{option.id}", Input).value.strip() or "0"
            try:
                value = int(raw)
            except ValueError:
                value = -1
            if value < 0:
                self.query_one("#counts-error", Static).update(
                    Text(f"{option.label}: type a whole number, 0 or more"))
                self.query_one(f"#count-{option.id}", Input).focus()
                return
            counts[option.id] = value
        self.dismiss(counts)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
