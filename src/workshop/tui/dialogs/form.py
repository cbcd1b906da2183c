"""Enter moves to the next field of a form, and saves from the last one, however fast it is typed.

Moving on is a priority binding: it runs the moment enter arrives, so the characters typed after
it go to the next field (left to `Input.Submitted`, the focus moved only after the keys already
queued, and in a real terminal "Taunton⏎Tonya" put both names in the first field). Characters
typed before enter were already handed to their field, which types them in order.

Saving is the opposite case: it must wait for the last field to take every character typed
before enter. So on the last field the binding steps aside (`SkipAction`), the field handles
enter after its queued characters, and its `Input.Submitted` saves.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.actions import SkipAction
from textual.binding import Binding
from textual.widgets import Input, Static

NEXT_FIELD = Binding("enter", "next_field", "Next field", show=False, priority=True)
"""Put this in the dialog's BINDINGS (Textual merges bindings only from widget classes)."""


DATE_SHAPE = "dddd-dd-dd"
"""How a date is typed in a form: YYYY-MM-DD, digits 0-9."""


def typed_date(value: str) -> date | None:
    """The date typed as YYYY-MM-DD, or None (other ISO spellings are not taken: a week date
    or `20270331` would read as a different habit)."""
    if len(value) != len(DATE_SHAPE) or not _fits(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def date_problem(value: str, message: str) -> str:
    """`message` when a typed date is wrong, "" when nothing is (empty, or a real date). A date
    still being typed (`2027-0`) is not yet wrong; a finished one must be a real day."""
    if not value:
        return ""
    if len(value) < len(DATE_SHAPE):
        return "" if _fits(value) else message
    return "" if typed_date(value) is not None else message


def _fits(value: str) -> bool:
    return all((c.isascii() and c.isdigit()) if s == "d" else c == s
               for c, s in zip(value, DATE_SHAPE, strict=False))


class FormKeys:
    """Mix into a ModalScreen with Inputs and an `action_save`; bind `NEXT_FIELD`. A problem is
    said in the Static `ERROR_ID` and names the field whose Input is `FIELD_ID` with its name."""

    ERROR_ID = "#form-error"
    FIELD_ID = "#field-{}"
    problem_field: str = ""
    """The field the problem shown is about ("" for none)."""

    def show_problem(self, field: str, message: str) -> None:
        self.problem_field = field if message else ""
        self.query_one(self.ERROR_ID, Static).update(Text(message))

    def fail(self, field: str, message: str) -> None:
        """Say what is wrong and put the cursor in the field to fix."""
        self.show_problem(field, message)
        self.query_one(self.FIELD_ID.format(field), Input).focus()

    def action_next_field(self) -> None:
        inputs = list(self.query(Input))
        if self.focused not in inputs or inputs.index(self.focused) + 1 == len(inputs):
            raise SkipAction()
        self.set_focus(inputs[inputs.index(self.focused) + 1])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
