"""The whole of a long comment, proposed wording or answer, read-only and scrollable.

Lists show only the start of a long entry (render.preview); enter on it opens this viewer. The
text is shown exactly as typed, in a read-only editor, which draws only the lines in view, so
a megabyte of text opens in a moment and scrolls like any other.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea


class TextViewer(ModalScreen[None]):
    """Shows `text` under `title`; escape, q or enter closes it."""

    AUTO_FOCUS = "TextArea"
    BINDINGS = [Binding("escape,q,enter", "close", "Close", tooltip="Close the text")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box text-dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            area = TextArea(self.text, id="full-text", read_only=True, soft_wrap=True,
                            show_line_numbers=False)
            area.cursor_blink = False
            yield area
            yield Static(f"{len(self.text):,} characters · arrows and page keys scroll · "
                         "escape closes", classes="dialog-keys")

    def action_close(self) -> None:
        self.dismiss(None)
