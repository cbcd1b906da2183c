"""Keys typed before a dialog is ready are kept, not dropped.

A facilitator presses `c` and starts typing at once; the first characters can arrive before the
dialog's editor exists or has focus. This mixin buffers them and puts them in the editor, in
order, once the dialog is mounted.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea


class EarlyKeys:
    """Mix into a ModalScreen; call `flush_early_keys()` at the end of `on_mount`."""

    _early: list[str]
    _ready: bool = False

    def on_key(self, event: events.Key) -> None:
        if isinstance(self.focused, (Input, TextArea)) and self._ready:
            return
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.take_early_key(event.character)

    def take_early_key(self, character: str) -> None:
        if not hasattr(self, "_early"):
            self._early = []
        if self._ready and isinstance(self.focused, (Input, TextArea)):
            self._insert(self.focused, character)
        else:
            self._early.append(character)

    def flush_early_keys(self, replace: bool = False) -> None:
        """Put buffered keys into the focused editor (replacing its value if `replace`)."""
        self._ready = True
        early = "".join(getattr(self, "_early", []))
        self._early = []
        if early and isinstance(self.focused, (Input, TextArea)):
            if replace and isinstance(self.focused, Input):
                self.focused.value = ""
            self._insert(self.focused, early)

    @staticmethod
    def _insert(editor: Input | TextArea, text: str) -> None:
        if isinstance(editor, TextArea):
            editor.insert(text)
        else:
            editor.insert_text_at_cursor(text)
