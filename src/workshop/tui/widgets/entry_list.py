"""A list of comments, proposed wordings or answers; the highlighted one is what `e` and
`delete` act on. Entries are shown exactly as typed (see render.py), a long one clipped to its
start; enter opens the highlighted entry in full, read-only (dialogs/text_viewer.py)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop.session.kinds import EntryKind
from workshop.session.model import Entry
from workshop.tui.dialogs.text_viewer import TextViewer
from workshop.tui.render import entry_prompt


class EntryList(OptionList):
    """Entries for one commitment or question, oldest first."""

    DEFAULT_CSS = """
    EntryList, EntryList:focus { height: auto; max-height: 100%; border: none; padding: 0; }
    EntryList > .option-list--option { padding: 0 1; }
    """

    def __init__(self, empty: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.empty = empty
        self.entry_ids: list[str] = []
        self.entries: list[tuple[str, Entry]] = []

    def show(self, entries: list[tuple[str, Entry]], original: str = "") -> None:
        """Replace the list; keep the highlight on the same entry where it still exists, else
        on the first, so the list is never entered with nothing for `e` or `delete` to act on."""
        keep = self.highlighted_entry_id()
        self.entry_ids = [entry.id for _, entry in entries]
        self.entries = list(entries)
        if not entries:
            self.set_options([Option(Text(self.empty, style="dim italic"), disabled=True)])
            return
        self.set_options([Option(entry_prompt(kind, entry, original), id=entry.id)
                          for kind, entry in entries])
        index = self.entry_ids.index(keep) if keep in self.entry_ids else 0
        self.highlighted = index

    def highlighted_entry_id(self) -> str | None:
        if self.highlighted is None or not self.entry_ids:
            return None
        if 0 <= self.highlighted < len(self.entry_ids):
            return self.entry_ids[self.highlighted]
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an entry: read all of it."""
        event.stop()
        self.read_highlighted()

    def read_highlighted(self) -> None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.entries):
            return
        kind, entry = self.entries[index]
        self.app.push_screen(TextViewer(EntryKind(kind).heading, entry.text))
