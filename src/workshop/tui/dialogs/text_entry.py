"""The multi-line text dialog used for every comment, proposed wording, answer and edit.

`ctrl+s` saves; `escape` cancels, asking first if anything was typed. Every character typed is
kept, joiners and direction marks included (early_keys.TypedTextArea). While it is open, it
posts `DraftChanged` as the text changes, and the app keeps it as a draft beside the session
file, so a closed terminal loses nothing. Whoever opens it hears the text through the dismiss
callback (step.py posts it up as `TextEntered`).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.early_keys import EarlyKeys, TypedTextArea
from workshop.tui.messages import DraftChanged


class TextEntryDialog(EarlyKeys, ModalScreen[str | None]):
    """Dismisses with the text to save, or None when cancelled."""

    AUTO_FOCUS = "TextArea"

    # Not priority bindings: those run the moment the key arrives, ahead of characters still
    # queued for the editor, so a fast "words + ctrl+s" would save the text without its last words.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the text"),
        Binding("escape", "cancel", "Cancel",
                tooltip="Cancel (asks first if you typed something)"),
    ]

    def __init__(self, title: str, context: str = "", initial: str = "", *,
                 draft_kind: str = "", draft_target: str = "", start_text: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.context = context
        self.initial = initial
        """The text the dialog opened with; cancelling asks first if it has changed."""
        self.start_text = initial if start_text is None else start_text
        self.draft_kind = draft_kind
        self.draft_target = draft_target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box text-dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.context:
                yield Static(Text(self.context), classes="dialog-detail")
            area = TypedTextArea(self.start_text, id="text", soft_wrap=True, show_line_numbers=False,
                            tab_behavior="focus")
            area.cursor_blink = not self.app.is_headless  # steady cursor in tests and snapshots
            yield area
            yield Static("ctrl+s save · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        self.set_focus(area)
        area.move_cursor(area.document.end)
        self.flush_early_keys()

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @on(TextArea.Changed)
    def _changed(self) -> None:
        self.post_message(DraftChanged(self.draft_kind, self.draft_target, self.text))

    def action_save(self) -> None:
        self.flush_early_keys()
        text = self.text
        if not text.strip():
            self.notify("Nothing to save: type some text, or press escape to cancel.",
                        severity="warning", markup=False)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        if self.text == self.initial:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard what you typed?", yes="Discard", no="Keep typing"),
                             decided)
