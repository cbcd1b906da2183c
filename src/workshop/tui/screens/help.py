"""Every key of the screen under the help, read from its active bindings so it cannot drift.

`?` or F1 opens it (the palette's "Keys" too); escape closes it. A key's line says what its
binding's tooltip says (or its label when it has none). Keys are grouped by the class that
declares them, headed by that class's `HELP_SECTION` (for a principle: its vote keys, then the
principle's keys, then the keys of every step), then the app's keys, then, on a step (where
comments, wordings and answers are typed), the text dialog's. So each screen's help lists its
own keys and no other screen's: the start screen's `n` is "start a new session", a step's `n`
is "go to the next step". Textual's own plumbing (focus, copy) is left out: only what this app
binds is listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.screens.step import StepScreen

EVERYWHERE = "Everywhere"
IN_A_DIALOG = "In a text dialog"


@dataclass
class KeyRow:
    """One action and every key bound to it."""

    keys: list[str] = field(default_factory=list)
    tooltip: str = ""
    """The first tooltip among its bindings (`n` has one; `right`, bound to the same, does not)."""
    label: str = ""

    @property
    def what(self) -> str:
        """What the keys do, as a line of the list reads it ("comment on ...")."""
        text = self.tooltip or self.label
        return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Declared:
    """Where a binding is declared: the class, its place in that class's BINDINGS, and the
    key's place among the binding's keys (so `n / →` reads as declared)."""

    cls: type
    index: int
    key_index: int


def declared(node: DOMNode, binding: Binding) -> Declared | None:
    """The most derived class of `node` whose own BINDINGS bind this action (one of ours)."""
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("workshop."):
            continue  # Textual's own plumbing (focus, copy) is not what this help is about
        for index, one in enumerate(cls.__dict__.get("BINDINGS", [])):
            if isinstance(one, Binding) and one.action == binding.action:
                keys = [key.strip() for key in one.key.split(",")]
                key_index = keys.index(binding.key) if binding.key in keys else len(keys)
                return Declared(cls, index, key_index)
    return None


def section_rows(app: App, found: list[tuple[Declared, Binding]]) -> list[KeyRow]:
    """One row per action, in declared order, each with its keys in declared order."""
    rows: dict[str, KeyRow] = {}
    for _, binding in sorted(found, key=lambda pair: (pair[0].index, pair[0].key_index)):
        row = rows.setdefault(binding.action, KeyRow(label=binding.description))
        key = app.get_key_display(binding)
        if key not in row.keys:
            row.keys.append(key)
        row.tooltip = row.tooltip or binding.tooltip
    return list(rows.values())


def key_sections(screen: Screen) -> list[tuple[str, list[KeyRow]]]:
    """The screen's active bindings and the app's, as (heading, rows) in reading order."""
    app = screen.app
    mro = type(screen).__mro__
    found: dict[tuple[int, str], list[tuple[Declared, Binding]]] = {}
    for active in screen.active_bindings.values():
        binding, node = active.binding, active.node
        if node not in (screen, app) or not binding.description or binding.system:
            continue
        where = declared(node, binding)
        if where is None:
            continue
        heading = ((len(mro), EVERYWHERE) if node is app else
                   (mro.index(where.cls), where.cls.__dict__.get("HELP_SECTION", "This screen")))
        found.setdefault(heading, []).append((where, binding))
    sections = [(title, section_rows(app, pairs)) for (_, title), pairs in sorted(found.items())]
    if not isinstance(screen, StepScreen):
        return sections  # no text is typed here: the text dialog's keys would not apply
    dialog = [(Declared(TextEntryDialog, index, 0), binding)
              for index, binding in enumerate(Binding.make_bindings(TextEntryDialog.BINDINGS))]
    return [*sections, (IN_A_DIALOG, section_rows(app, dialog))]


def keys_table(sections: list[tuple[str, list[KeyRow]]]) -> Group:
    """One heading and one two-column table per section, the key columns all one width."""
    width = max(cell_len(" / ".join(row.keys)) for _, rows in sections for row in rows)
    parts = []
    for number, (title, rows) in enumerate(sections):
        parts.append(Text(("\n" if number else "") + title, style="bold underline"))
        table = Table(show_header=False, box=None, expand=True, padding=(0, 1))
        table.add_column("key", style="bold", no_wrap=True, width=width)
        table.add_column("what it does", ratio=1)
        for row in rows:
            table.add_row(" / ".join(row.keys), Text(row.what))
        parts.append(table)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """The keys of `under`, the screen it opens over."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "dismiss_help", "Close")]

    def __init__(self, under: Screen) -> None:
        super().__init__(classes="dialog")
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(keys_table(key_sections(self.under)), id="help-keys")
            yield Static("escape closes", classes="dialog-keys")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
