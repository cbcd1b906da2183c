"""The form for a new session: group, facilitator, location, authority, date, participants,
and what the session is for (a consultation, an assessment or a sign-up: docs/modes.md).

It asks for what `workshop new` asks for, by the same rules: a group and a facilitator are
required; the date is YYYY-MM-DD (today by default); participants, when given, is a whole
number up to `MAX_PARTICIPANTS`. A field that breaks a rule is named in words under the form
and focused, and nothing is created until it is fixed; participants is checked as it is typed,
so "six" is answered at once rather than dropped. The authority is optional: a protocol whose
recommendation question says `{authority}` reads it there (protocol/model.py `question_for`).

The mode is a choice under the fields, Consultation unless another is chosen: tab from the last
field (or shift+tab from the first) reaches it, enter opens the three, the arrows and enter
choose; ctrl+s starts the session from anywhere in the form. It is a one-line `Select`, so the
form still fits 80x24.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from workshop.session.kinds import Mode
from workshop.session.model import MAX_PARTICIPANTS
from workshop.tui.dialogs.early_keys import EarlyKeys
from workshop.tui.dialogs.form import NEXT_FIELD, FormKeys


@dataclass(frozen=True)
class NewSessionDetails:
    group: str
    facilitator: str
    location: str
    on: date
    participants: int | None
    authority: str = ""
    """The council or authority the workshop is for ("" when not named)."""
    mode: Mode = Mode.CONSULT
    """What the session is for: consultation, assessment or sign-up (docs/modes.md)."""


FIELDS = [
    ("group", "Group or organisation *", "e.g. Manchester Partnership Board"),
    ("facilitator", "Facilitator *", "your name"),
    ("location", "Location", "e.g. Town Hall, Room 2"),
    ("authority", "Council or authority", "e.g. Leeds City Council (optional)"),
    ("date", "Date", "YYYY-MM-DD"),
    ("participants", "Participants", "how many in the room, e.g. 12"),
]

NEED_GROUP = "Type the group or organisation's name."
NEED_FACILITATOR = "Type the facilitator's name: every session records who ran it."
BAD_DATE = "Type the date as YYYY-MM-DD, for example 2026-11-22."
BAD_PARTICIPANTS = "Participants must be a whole number, e.g. 12 (or leave it empty)."
TOO_MANY = f"Participants must be at most {MAX_PARTICIPANTS:,}."


def participants_problem(value: str) -> str:
    """What is wrong with a typed head count ("" when nothing is: empty, or 0 to the limit)."""
    if not value:
        return ""
    if not (value.isascii() and value.isdigit()):
        return BAD_PARTICIPANTS
    return TOO_MANY if int(value) > MAX_PARTICIPANTS else ""


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
        self.problem_field = ""
        """The field the message under the form is about ("" when there is none)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-dialog"):
            yield Static(Text("New session", style="bold"), classes="dialog-title")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    value = self.today.isoformat() if name == "date" else ""
                    # Plain text even for participants: an integer Input drops "six" silently.
                    yield Input(value, placeholder=placeholder, id=f"field-{name}", compact=True)
            with Horizontal(classes="field mode-field"):
                yield Label("Mode", classes="field-label")
                yield Select([(mode.label, mode) for mode in Mode], value=Mode.CONSULT,
                             allow_blank=False, id="field-mode", compact=True)
            yield Static("", id="form-error", classes="field-error")
            yield Static("enter next · ctrl+s start · escape cancel · * required",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#field-group", Input))
        self.flush_early_keys()

    def value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def mode(self) -> Mode:
        """The mode chosen (Consultation unless another is)."""
        chosen = self.query_one("#field-mode", Select).value
        return chosen if isinstance(chosen, Mode) else Mode.CONSULT

    def on_input_changed(self, event: Input.Changed) -> None:
        """The head count is checked as it is typed; a fixed one takes its message away."""
        if event.input.id == "field-participants":
            problem = participants_problem(event.value.strip())
            if problem or self.problem_field == "participants":
                self.show_problem("participants", problem)

    def action_save(self) -> None:
        group, facilitator = self.value("group"), self.value("facilitator")
        if not group:
            return self.fail("group", NEED_GROUP)
        if not facilitator:
            return self.fail("facilitator", NEED_FACILITATOR)
        try:
            on = date.fromisoformat(self.value("date")) if self.value("date") else self.today
        except ValueError:
            return self.fail("date", BAD_DATE)
        typed = self.value("participants")
        if problem := participants_problem(typed):
            return self.fail("participants", problem)
        self.dismiss(NewSessionDetails(group, facilitator, self.value("location"), on,
                                       int(typed) if typed else None, self.value("authority"),
                                       mode=self.mode()))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
