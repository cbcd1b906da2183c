"""A form that keeps what is typed in it as a draft, as a text dialog does (draft_keeper.py).

The form for a new action and the form for a new signatory set `draft_kind` (session/drafts.py
FORM_KINDS) and give their fields (`draft_field_values`); every change posts `DraftChanged`
with the fields as the draft's text, so a closed terminal, a SIGHUP or a crash leaves them beside
the session file, offered back (in the same form, filled in) the next time it opens. A form
editing something already saved keeps no draft (`draft_kind` ""): what it edits is on disk.
Whoever opens the form posts `TextEntered(kind, target, None)` when it closes, which removes the
draft, as for a text dialog.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from workshop.session.drafts import fields_text
from workshop.tui.messages import DraftChanged


class DraftedForm:
    """Mix into a form (before ModalScreen); set `draft_kind` and `draft_target` to keep one."""

    draft_kind: str = ""
    draft_target: str = ""

    def draft_field_values(self) -> dict[str, str]:
        raise NotImplementedError

    @property
    def text(self) -> str:
        """The fields as a draft's text (what the draft keeper writes on a signal)."""
        return fields_text(self.draft_field_values())

    # Textual calls the handler of each class in the method resolution order, so the form's own
    # `on_input_changed` (checking a date as it is typed) runs as well as this one.
    def on_input_changed(self, event: Input.Changed) -> None:
        self._keep_draft()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._keep_draft()

    def _keep_draft(self) -> None:
        if self.draft_kind and self.is_mounted:
            self.post_message(DraftChanged(self.draft_kind, self.draft_target, self.text))
