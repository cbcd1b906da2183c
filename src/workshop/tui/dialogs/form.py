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

from textual.actions import SkipAction
from textual.binding import Binding
from textual.widgets import Input

NEXT_FIELD = Binding("enter", "next_field", "Next field", show=False, priority=True)
"""Put this in the dialog's BINDINGS (Textual merges bindings only from widget classes)."""


class FormKeys:
    """Mix into a ModalScreen with Inputs and an `action_save`; bind `NEXT_FIELD`."""

    def action_next_field(self) -> None:
        inputs = list(self.query(Input))
        if self.focused not in inputs or inputs.index(self.focused) + 1 == len(inputs):
            raise SkipAction()
        self.set_focus(inputs[inputs.index(self.focused) + 1])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
