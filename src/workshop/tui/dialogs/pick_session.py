"""Choose one workshop to filter the results by, or all of them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.consultation.report import Workshop


class PickSessionDialog(ModalScreen[str | None]):
    """Dismisses with a session id, "" for all workshops, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, workshops: tuple[Workshop, ...], current: str) -> None:
        super().__init__(classes="dialog")
        self.records = workshops
        """The report's workshops, in its order (each with its unique name)."""
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option(Text("All workshops", style="bold"))]
        for workshop in self.records:
            label = Text(workshop.name, style="bold")
            if workshop.record.location:
                label.append(f"  {workshop.record.location}", style="dim")
            options.append(Option(label))
        with Vertical(classes="dialog-box pick-dialog"):
            yield Static(Text("Show comments and answers from", style="bold"), classes="dialog-title")
            yield OptionList(*options, id="pick", markup=False)
            yield Static("enter choose · escape cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        picker = self.query_one(OptionList)
        ids = [r.id for r in self.records]
        picker.highlighted = ids.index(self.current) + 1 if self.current in ids else 0
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        """Option 0 is "all"; option n is the n-th record (by position, never by id)."""
        self.dismiss("" if index == 0 else self.records[index - 1].id)

    def action_cancel(self) -> None:
        self.dismiss(None)
