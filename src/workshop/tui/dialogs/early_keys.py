"""Keys typed before a dialog is ready are kept, not dropped.

A facilitator presses `c` and starts typing at once; the first characters can arrive before the
dialog's editor exists or has focus. This mixin buffers them and puts them in the editor, in
order, once the dialog is mounted.

`typed_text` says what a key types. Textual types only characters Python calls printable, and
Python calls format characters and most spaces unprintable: a typed zero-width joiner,
no-break space, U+FEFF or direction mark was dropped (pasted ones were kept), and a family
emoji became four faces. Here every character a key brings is text except control characters.
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input, TextArea

NOT_TEXT = {"Cc", "Cs"}
"""Unicode categories a key never types: control characters (enter, tab, escape, ctrl+...)
and lone surrogates."""


def typed_text(event: events.Key) -> str | None:
    """The text a key types, or None for a key that types nothing."""
    character = event.character
    if event.is_printable:
        return character
    if not character or any(unicodedata.category(c) in NOT_TEXT for c in character):
        return None
    return character


class TypedTextArea(TextArea):
    """A TextArea that also types the characters Textual leaves out (see `typed_text`)."""

    async def _on_key(self, event: events.Key) -> None:
        # Only what TextArea would drop is handled here; for anything else this returns and
        # Textual goes on to TextArea's own `_on_key` (handlers run along the class's MRO).
        text = typed_text(event)
        if text is None or event.is_printable or self.read_only:
            return
        event.stop()
        event.prevent_default()
        start, end = self.selection
        self.replace(text, start, end, maintain_selection_offset=False)


class EarlyKeys:
    """Mix into a ModalScreen; call `flush_early_keys()` at the end of `on_mount`."""

    _early: list[str]
    _ready: bool = False

    def on_key(self, event: events.Key) -> None:
        if isinstance(self.focused, (Input, TextArea)) and self._ready:
            return
        text = typed_text(event)
        if text:
            event.stop()
            event.prevent_default()
            self.take_early_key(text)

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
