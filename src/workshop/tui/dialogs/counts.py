"""Count mode: a show of hands for a whole principle without leaving the dialog. `=` opens it.

It starts at the highlighted commitment. Each count is digits then `enter` (empty is 0); the
last field is filled in with the rest of the head count (count_sheet.py), so `enter` on it saves
this commitment's counts and moves on to the next commitment, the dialog still open; after the
principle's last commitment it closes. `!` records everyone agreeing (the head count for the
first option, 0 for the others) and moves on (not in an assessment, where no point of the
scale means "everyone agrees": there `!` asks for the counts per point). `escape` leaves:
every commitment already saved stays saved, and the one being typed is not saved (its saved
counts are still there; no question is asked, since typing it again is a few keys).

Every key here is a priority binding, handled the moment it arrives and in order, so a burst
typed at full speed ("=7⏎3⏎⏎!4⏎…") lands in the right fields of the right commitments. There is
no Input widget: the digits go into the sheet, which the dialog draws.

Attributes down, messages up: the dialog is given the session (read only) to read each
commitment's saved counts and the head count, and two callables from the principle screen:
`on_counted` hands it each commitment's counts, which it posts up as `CountsSet` for the app to
save (from the screen, in order with its vote keys' messages: a vote typed straight after the
dialog closes lands after the counts), and `on_move` says which commitment is being counted, so
the list follows the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workshop.protocol.model import Principle
from workshop.session.kinds import Mode
from workshop.session.model import Session
from workshop.tui.dialogs.count_sheet import CountSheet, total_line

KEYS_HELP = ("a count, then enter: next count (empty is 0) · enter on the last: save and go on "
             "· ! everyone agrees · tab, shift+tab: move · b: blank or reveal the projector · "
             "escape: leave (this commitment unsaved)")
ASSESS_KEYS_HELP = ("how many gave each point, then enter: next point (empty is 0) · enter on "
                    "the last: save and go on · tab, shift+tab: move · b: blank or reveal the "
                    "projector · escape: leave (this commitment unsaved)")
NO_EVERYONE = ("In an assessment the room's ratings are counted point by point: type how many "
               "gave each.")


def _bindings() -> list[Binding]:
    digits = [Binding(str(d), f"digit('{d}')", str(d), show=False, priority=True)
              for d in range(10)]
    return digits + [
        Binding("backspace", "backspace", "Delete a digit", show=False, priority=True),
        Binding("enter", "enter", "Next count; on the last, save and go on", priority=True),
        Binding("tab,down", "move(1)", "Next count", show=False, priority=True),
        Binding("shift+tab,up", "move(-1)", "Previous count", show=False, priority=True),
        Binding("exclamation_mark", "everyone", "Everyone agrees", priority=True),
        Binding("ctrl+s", "confirm", "Save this commitment and go on", show=False, priority=True),
        Binding("escape", "leave", "Leave", priority=True),
        # The app's b (blank or reveal the projector) stops at a modal screen: passed on here,
        # so the room's screen can be hidden or shown without leaving count mode.
        Binding("b", "app.projector_blank", "Blank or reveal the projector", show=False,
                priority=True),
    ]


class CountsDialog(ModalScreen[int]):
    """Dismisses with the index of the commitment it was on when it closed."""

    BINDINGS = _bindings()

    def __init__(self, principle: Principle, start: int, session: Session,
                 on_counted: Callable[[str, dict[str, int]], None],
                 on_move: Callable[[int], None] = lambda index: None) -> None:
        super().__init__(classes="dialog")
        self.options = session.options
        """The session's options: its vote options, or an assessment's scale points."""
        self.assessing = session.mode is Mode.ASSESS
        self.principle = principle
        self.session = session
        self.on_counted = on_counted
        self.on_move = on_move
        self.index = start
        """The commitment being counted (its place in the principle)."""
        self.sheet = self._sheet_for(start)
        self.note = Text("")
        """What the last key did ("Saved 1.3 …", "No head count …")."""

    def _sheet_for(self, index: int) -> CountSheet:
        commitment = self.principle.commitments[index]
        return CountSheet.start(tuple(o.id for o in self.options), self.session.meta.participants,
                                self.session.counts(commitment.id))

    @property
    def commitment(self):
        return self.principle.commitments[self.index]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box counts-dialog"):
            yield Static(id="counts-title", classes="dialog-title")
            yield Static(id="counts-commitment", classes="dialog-detail")
            yield Static(id="counts-fields")
            yield Static(id="counts-total")
            yield Static(id="counts-note")
            yield Static(Text(ASSESS_KEYS_HELP if self.assessing else KEYS_HELP),
                         classes="dialog-keys")

    def on_mount(self) -> None:
        self.redraw()

    # -- drawing --------------------------------------------------------------------------------

    def redraw(self) -> None:
        """Draw the sheet (keys can arrive before the dialog is mounted: then on_mount draws)."""
        if not self.query("#counts-fields"):
            return
        count = len(self.principle.commitments)
        self.query_one("#counts-title", Static).update(Text.assemble(
            ("Count mode", "bold"), f" · commitment {self.index + 1} of {count}",
            (f" · {self.principle.title}", "dim")))
        self.query_one("#counts-commitment", Static).update(Text(self.commitment.text))
        self.query_one("#counts-fields", Static).update(self.fields())
        line, over = total_line(self.sheet.total, self.sheet.head)
        total = self.query_one("#counts-total", Static)
        total.update(Text(line, style="bold"))
        total.set_class(over, "-over")
        self.query_one("#counts-note", Static).update(self.note)

    def fields(self) -> Table:
        """One row per option: a ▶ at the field being typed in (readable without colour), the
        option's key and label, the count, and "the rest" beside a count filled in for us."""
        sheet = self.sheet
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True, justify="right", min_width=MIN_FIELD)
        grid.add_column(no_wrap=True)
        for index, option in enumerate(self.options):
            here = index == sheet.at
            shown = sheet.shown(index)
            value = Text(shown or "0", style="bold" if shown else "dim")
            if here:
                value.stylize("reverse")
            follows = index == sheet.last and sheet.follows
            grid.add_row(Text("▶" if here else " ", style="bold"),
                         Text.assemble((f"[{option.key}] ", "dim"), option.label),
                         value, Text("the rest of the room" if follows else "", style="dim"))
        return grid

    # -- keys -----------------------------------------------------------------------------------

    def action_digit(self, character: str) -> None:
        self.sheet.digit(character)
        self.redraw()

    def action_backspace(self) -> None:
        self.sheet.backspace()
        self.redraw()

    def action_move(self, delta: int) -> None:
        moved = self.sheet.previous_field() if delta < 0 else not self.sheet.next_field()
        if not moved:
            self.app.bell()
        self.redraw()

    def action_enter(self) -> None:
        if self.sheet.next_field():
            self.action_confirm()
        else:
            self.redraw()

    def action_confirm(self) -> None:
        self.save_and_go_on(self.sheet.counts())

    def action_everyone(self) -> None:
        if self.assessing:
            self.note = Text(NO_EVERYONE, style="bold")
            self.app.bell()
            self.redraw()
            return
        counts = self.sheet.everyone_agrees()
        if counts is None:
            self.note = Text("No head count for this session, so ! cannot say how many: "
                             "type the counts.", style="bold")
            self.app.bell()
            self.redraw()
            return
        self.save_and_go_on(counts)

    def action_leave(self) -> None:
        self.dismiss(self.index)

    def save_and_go_on(self, counts: dict[str, int]) -> None:
        """Hand this commitment's counts up (the app saves them), then show the next
        commitment, or close after the principle's last one."""
        self.on_counted(self.commitment.id, dict(counts))
        figures = " · ".join(f"{o.label} {counts[o.id]}" for o in self.options)
        self.note = Text(f"Saved {self.index + 1}. {figures}", style="dim")
        if self.index + 1 >= len(self.principle.commitments):
            self.dismiss(self.index)
            return
        self.index += 1
        self.sheet = self._sheet_for(self.index)
        self.on_move(self.index)
        self.redraw()


MIN_FIELD = 5
"""Width of the count column: room for a four-digit count and the highlight around it."""
