"""The form for a signatory: the organisation signing up, who signs, their role, the date, and
any reservations in their own words.

The organisation is required; the date is YYYY-MM-DD (today by default) and is checked as it
is typed, so "22/11/2026" is answered at once. Reservations are several lines, kept exactly as
typed (markup characters included). Enter moves from field to field (dialogs/form.py) and, in
the reservations, starts a new line; `ctrl+s` saves from anywhere, `escape` cancels (asking
first if anything was changed). Nothing is saved until the form is valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from workshop.session.model import Signatory
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.early_keys import EarlyKeys, TypedTextArea
from workshop.tui.dialogs.form import NEXT_FIELD, FormKeys, date_problem, typed_date
from workshop.tui.dialogs.form_draft import DraftedForm


@dataclass(frozen=True)
class SignatoryDetails:
    """What the form gives back, ready for `add_signatory` / `edit_signatory`."""

    organisation: str
    name: str
    role: str
    signed: date
    reservations: str
    """Exactly as typed; "" when there are none (only spaces count as none)."""

    def changes(self) -> dict[str, object]:
        return {"organisation": self.organisation, "name": self.name, "role": self.role,
                "signed": self.signed, "reservations": self.reservations}


FIELDS = [
    ("organisation", "Organisation *", "e.g. Manchester City Council"),
    ("name", "Person signing", "their name (left out of anonymised exports)"),
    ("role", "Their role", "e.g. Chief Executive"),
    ("signed", "Date signed", "YYYY-MM-DD"),
]

NEED_ORGANISATION = "Type the name of the organisation signing up."
BAD_DATE = "Type the date signed as YYYY-MM-DD, for example 2026-11-22."


def signed_problem(value: str) -> str:
    """What is wrong with a typed date signed ("" when nothing is: empty means today)."""
    return date_problem(value, BAD_DATE)


class SignatoryForm(DraftedForm, FormKeys, EarlyKeys, ModalScreen[SignatoryDetails | None]):
    """Dismisses with the details, or None when cancelled. Given a signatory, it edits it."""

    CSS_PATH = "signatory_form.tcss"
    BINDINGS = [
        NEXT_FIELD,
        Binding("ctrl+s", "save", "Save", tooltip="Save the signatory"),
        Binding("escape", "cancel", "Cancel", tooltip="Cancel (asks first if you changed it)"),
    ]

    def __init__(self, today: date, signatory: Signatory | None = None,
                 typed: dict[str, str] | None = None) -> None:
        super().__init__(classes="dialog")
        self.today = today
        self.signatory = signatory
        self.typed = typed or {}
        """Fields as typed before (a restored draft): shown instead of the defaults."""
        self.problem_field = ""
        """The field the message under the form is about ("" when there is none)."""
        if signatory is None:  # a new signatory's form keeps a draft (form_draft.py)
            self.draft_kind = "signatory"

    def draft_field_values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#field-{name}", Input).value for name, *_ in FIELDS}
        return values | {"reservations": self.query_one(TextArea).text}

    def initial(self, name: str) -> str:
        if name in self.typed:
            return self.typed[name]
        s = self.signatory
        if name == "signed":
            return (s.signed if s else self.today).isoformat()
        return getattr(s, name) if s else ""

    def compose(self) -> ComposeResult:
        title = "Edit signatory" if self.signatory else "Sign up an organisation"
        with Vertical(classes="dialog-box form-dialog signatory-form"):
            yield Static(Text(title, style="bold"), classes="dialog-title")
            for name, label, placeholder in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(self.initial(name), placeholder=placeholder, id=f"field-{name}",
                                compact=True)
            yield Label("Reservations: commitments they do not accept, in their words "
                        "(optional)", classes="field-label reservations-label")
            area = TypedTextArea(self.initial("reservations"), id="field-reservations",
                                 soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            area.cursor_blink = not self.app.is_headless  # steady cursor in tests and snapshots
            yield area
            yield Static("", id="form-error", classes="field-error")
            yield Static("enter next field · ctrl+s save · escape cancel · * required",
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#field-organisation", Input))
        self.flush_early_keys()

    def action_next_field(self) -> None:
        """Enter moves on through the fields and into the reservations (where it starts a new
        line); it never saves, since the reservations come after the last one-line field."""
        fields = [*self.query(Input), self.query_one(TextArea)]
        if self.focused not in fields[:-1]:
            raise SkipAction()
        self.set_focus(fields[fields.index(self.focused) + 1])

    def value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    @property
    def reservations(self) -> str:
        text = self.query_one(TextArea).text
        return text if text.strip() else ""

    def on_input_changed(self, event: Input.Changed) -> None:
        """The date is checked as it is typed; a fixed one takes its message away."""
        if event.input.id == "field-signed":
            typed = event.value.strip()
            problem = signed_problem(typed)
            if problem or self.problem_field == "signed":
                self.show_problem("signed", problem)

    def action_save(self) -> None:
        self.flush_early_keys()
        organisation = self.value("organisation")
        if not organisation:
            return self.fail("organisation", NEED_ORGANISATION)
        typed = self.value("signed")
        signed = typed_date(typed) if typed else self.today
        if signed is None:
            return self.fail("signed", BAD_DATE)
        self.dismiss(SignatoryDetails(organisation, self.value("name"), self.value("role"),
                                      signed, self.reservations))

    def changed(self) -> bool:
        typed = [self.query_one(f"#field-{name}", Input).value for name, *_ in FIELDS]
        return (typed != [self.initial(name) for name, *_ in FIELDS]
                or self.query_one(TextArea).text != self.initial("reservations"))

    def action_cancel(self) -> None:
        if not self.changed():
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard what you typed?", yes="Discard",
                                           no="Keep typing"), decided)
