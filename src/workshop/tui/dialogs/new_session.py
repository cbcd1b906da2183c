"""The form for a new session: group, facilitator, location, date, number of participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from workshop.tui.dialogs.early_keys import EarlyKeys
from workshop.tui.dialogs.form import NEXT_FIELD, FormKeys


@dataclass(frozen=True)
class NewSessionDetails:
    group: str
    facilitator: str
    location: str
    on: date
    participants: int | None


FIELDS = [
    ("group", "Group or organisation *", "e.g. Manchester Partnership Board"),
    ("facilitator", "Facilitator", "your name"),
    ("location", "Location", "e.g. Town Hall, Room 2"),
    ("date", "Date", "YYYY-MM-DD"),
    ("participants", "Participants", "how many people are in the room"),
]


class NewSessionDialog(FormKeys, EarlyKeys, ModalScreen[NewSessionDetails | None]):
    """Dismisses with the details, or None when cancelled."""

    BINDINGS = [
        NEXT_FIELD,
        Binding("ctrl+s", "save", "Start"),
        Binding("escape", "dismiss_none", "Cancel"),
    ]

    def __init__(self, today: date) -> None:
        super().__init__(classes="dialog")
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-dialog"):
            yield Static(Text("New session", style="bold"), classes="dialog-title")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    value = self.today.isoformat() if name == "date" else ""
                    kind = "integer" if name == "participants" else "text"
                    yield Input(value, placeholder=placeholder, id=f"field-{name}", type=kind,
                                compact=True)
            yield Static("", id="form-error", classes="field-error")
            yield Static("enter next · ctrl+s start · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#field-group", Input))
        self.flush_early_keys()

    def value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()


    def fail(self, field: str, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(message))
        self.query_one(f"#field-{field}", Input).focus()

    def action_save(self) -> None:
        group = self.value("group")
        if not group:
            return self.fail("group", "Type the group or organisation's name.")
        try:
            on = date.fromisoformat(self.value("date")) if self.value("date") else self.today
        except ValueError:
            return self.fail("date", "Type the date as YYYY-MM-DD, for example 2026-11-22.")
        participants = None
        if self.value("participants"):
            try:
                participants = int(self.value("participants"))
            except ValueError:
                participants = -1
            if participants < 0:
                return self.fail("participants", "Participants: a whole number, 0 or more.")
        self.dismiss(NewSessionDetails(group, self.value("facilitator"), self.value("location"),
                                       on, participants))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
