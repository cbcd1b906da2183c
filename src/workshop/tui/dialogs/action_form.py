"""The form for an assessment's agreed action: what will be done, who owns it, and by when.

`a` on a commitment opens it empty; `e` on a highlighted action opens it filled in. The action
is required; the owner (an organisation or a role) and the due date are optional. The date is
YYYY-MM-DD and is checked as it is typed, so "next March" is answered at once rather than
refused at the end; a field that breaks a rule is named under the form and focused, and nothing
is saved until it is fixed. Enter moves on, and saves from the last field (form.py).
"""

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
from workshop.tui.dialogs.form import NEXT_FIELD, FormKeys, date_problem, typed_date
from workshop.tui.dialogs.form_draft import DraftedForm


@dataclass(frozen=True)
class ActionDetails:
    """What the form gives back."""

    text: str
    owner: str = ""
    due: date | None = None


FIELDS = [
    ("text", "Action *", "what will be done, e.g. Publish the decision log"),
    ("owner", "Owner", "who will do it, e.g. Partnership manager"),
    ("due", "Due by", "YYYY-MM-DD (optional)"),
]

NEED_TEXT = "Type the action: what the partnership agreed to do."
BAD_DUE = "Type the due date as YYYY-MM-DD, for example 2027-03-31 (or leave it empty)."


def due_problem(value: str) -> str:
    """What is wrong with a typed due date ("" when nothing is: empty, or a real date)."""
    return date_problem(value, BAD_DUE)


class ActionForm(DraftedForm, FormKeys, EarlyKeys, ModalScreen[ActionDetails | None]):
    """Dismisses with the action's details, or None when cancelled. With `draft_target` (the
    commitment of a new action), what is typed is kept as a draft (form_draft.py)."""

    ERROR_ID = "#action-error"
    FIELD_ID = "#action-{}"

    BINDINGS = [
        NEXT_FIELD,
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "dismiss_none", "Cancel"),
    ]

    def __init__(self, title: str, context: str = "",
                 start: ActionDetails | None = None, draft_target: str = "",
                 typed: dict[str, str] | None = None) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.context = context
        self.start = start or ActionDetails("")
        self.typed = typed or {}
        """Fields as typed before (a restored draft), over `start`."""
        self.problem_field = ""
        if draft_target:
            self.draft_kind, self.draft_target = "action", draft_target

    def compose(self) -> ComposeResult:
        start = {"text": self.start.text, "owner": self.start.owner,
                 "due": self.start.due.isoformat() if self.start.due else ""} | self.typed
        with Vertical(classes="dialog-box form-dialog action-form"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.context:
                yield Static(Text(self.context), classes="dialog-detail")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(start[name], placeholder=placeholder, id=f"action-{name}",
                                compact=True)
            yield Static("", id="action-error", classes="field-error")
            yield Static("enter next · ctrl+s save · escape cancel · * required",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#action-text", Input))
        self.flush_early_keys()

    def value(self, name: str) -> str:
        return self.query_one(f"#action-{name}", Input).value.strip()

    def draft_field_values(self) -> dict[str, str]:
        return {name: self.query_one(f"#action-{name}", Input).value for name, *_ in FIELDS}

    def on_input_changed(self, event: Input.Changed) -> None:
        """The date is checked as it is typed; a fixed one takes its message away."""
        if event.input.id == "action-due":
            problem = due_problem(event.value.strip())
            if problem or self.problem_field == "due":
                self.show_problem("due", problem)

    def action_save(self) -> None:
        text, due = self.value("text"), self.value("due")
        if not text:
            return self.fail("text", NEED_TEXT)
        if due and typed_date(due) is None:
            return self.fail("due", BAD_DUE)
        self.dismiss(ActionDetails(text, self.value("owner"), typed_date(due) if due else None))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
