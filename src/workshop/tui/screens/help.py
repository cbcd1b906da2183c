"""Every key, including this protocol's vote keys. `?` or F1 opens it; escape closes it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workshop.protocol.model import Protocol

GENERAL = [
    ("n / →", "next step (from any step)"),
    ("p / ←", "previous step"),
    ("↑ ↓ / j k", "choose a commitment or question"),
    ("tab", "move between the list and its comments or answers"),
    ("c", "comment on the highlighted commitment"),
    ("w", "propose new wording (starts from the published text)"),
    ("=", "type every vote count at once (a hand count)"),
    ("r / enter", "answer the highlighted question (Recommendation step: the reasons)"),
    ("e", "edit the highlighted comment, wording or answer"),
    ("delete", "remove the highlighted comment, wording or answer (asks first)"),
    ("1 2 3 / 0", "Recommendation step: adopt / with changes / do not adopt / undecided"),
    ("g", "Recommendation step: general comments"),
    ("f", "Review step: finish the session (it stays editable)"),
    ("ctrl+s", "in a text dialog: save"),
    ("escape", "in a dialog: cancel (asks first if you typed something)"),
    ("v", "start screen: the results of every session in the folder"),
    ("o / s", "results: change the order / show one workshop's comments and answers"),
    ("1 2 3", "results: the Commitments, Questions and Workshops tabs"),
    ("ctrl+p", "command palette: jump to a step or principle, open another session, export"),
    ("? / F1", "this help"),
    ("ctrl+q", "quit (everything is already saved)"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss_help", "Close")]

    def __init__(self, protocol: Protocol) -> None:
        super().__init__(classes="dialog")
        self.protocol = protocol

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, expand=True, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("what it does")
        for option in self.protocol.vote_options:
            table.add_row(option.key, Text(f"add one '{option.label}' vote to the highlighted commitment"))
            table.add_row(f"shift+{option.key}", Text(f"remove one '{option.label}' vote (never below 0)"))
        for key, what in GENERAL:
            table.add_row(key, what)
        with VerticalScroll(classes="dialog-box help-box"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(table)
            yield Static("escape closes", classes="dialog-keys")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
