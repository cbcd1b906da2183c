"""What every step screen shares: the step bar, the footer, moving between steps, and asking
for text (comments, wordings, answers, edits) or removing an entry.

Attributes down, messages up: a step screen is made with everything it draws (`StepData`: the
session, the protocol, whether it is read-only, its position, its timer) and the latest save
result; it never changes the session, it posts a message (tui/messages.py) and the app applies
it and calls `refresh_step()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from workshop.protocol.model import Protocol
from workshop.session.autosave import SaveResult
from workshop.session.kinds import EntryKind
from workshop.session.model import Session
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.text_entry import TextEntryDialog
from workshop.tui.messages import EntryDeleted, TextEntered
from workshop.tui.widgets.step_bar import StepBar


@dataclass(frozen=True)
class StepData:
    """What a step screen is given when the app makes it."""

    session: Session
    """The session to draw (read only here: changes go up as messages)."""
    protocol: Protocol
    read_only: bool
    """Open read-only: moving is allowed, changing is not."""
    position: str
    """Where the step is in the session, e.g. `3/10`."""
    seconds: Callable[[], float]
    """Time on this step so far (the step bar's timer reads it)."""


class StepScreen(Screen):
    """A step of the session. Subclasses compose `body()` and implement `refresh_step()`.

    Step keys are priority bindings: they run the moment their key arrives, in order. A fast
    typist's `c` + words therefore opens the dialog before the words are handled, and the words
    land in the dialog (non-priority bindings run only after queued keys, and the words were lost).
    For the same reason `n` and `p` are the app's actions, run at once, not messages: the keys
    typed after `n` act on the next step.
    """

    HELP_SECTION = "Every step"
    """The heading of these keys in the help screen (help.py)."""

    step_name: str = ""
    title_text: str = ""
    budget_minutes: float | None = None

    BINDINGS = [
        Binding("n", "app.next_step", "Next", tooltip="Go to the next step", priority=True),
        Binding("p", "app.previous_step", "Back", tooltip="Go back a step", priority=True),
        Binding("right", "app.next_step", "Next step", show=False, priority=True),
        Binding("left", "app.previous_step", "Previous", show=False, priority=True),
        Binding("question_mark,f1", "app.help", "Keys", tooltip="Show every key", priority=True),
        # Moving is bound here too (not left to the list widget) so that it runs in step with the
        # vote keys: "up, a" votes on the commitment above, however fast it is typed.
        Binding("down,j", "move(1)", "Down", tooltip="Highlight the next commitment or question",
                show=False, priority=True),
        Binding("up,k", "move(-1)", "Up", tooltip="Highlight the previous commitment or question",
                show=False, priority=True),
        Binding("tab", "next_pane(1)", "Next pane",
                tooltip="Move between the list and its comments or answers", show=False,
                priority=True),
        Binding("shift+tab", "next_pane(-1)", "Previous pane", show=False, priority=True),
    ]

    main_list_id: str = ""
    """The id of the step's main OptionList (commitments or questions), if it has one."""

    save_result: reactive[SaveResult | None] = reactive(None, init=False)
    """The latest save's outcome, set by the app; the step bar is bound to it."""

    def __init__(self, data: StepData, save_result: SaveResult | None = None) -> None:
        super().__init__()
        self.data = data
        self.session = data.session
        self.protocol = data.protocol
        self.read_only = data.read_only
        self.set_reactive(StepScreen.save_result, save_result)

    def compose(self) -> ComposeResult:
        bar = StepBar(f"{self.data.position} {self.title_text}", self.budget_minutes,
                      seconds=self.data.seconds, read_only=self.read_only)
        yield bar.data_bind(StepScreen.save_result)
        yield from self.body()
        footer = Footer(show_command_palette=False)
        footer.compact = True  # room for every vote key at 80 columns
        yield footer

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.refresh_step()

    def fill_main_list(self, rows: list[tuple[str, str]]) -> None:
        """The step's main list (`main_list_id`), one row per (id, text), the first highlighted
        and focused; `refresh_step` then draws each row's figures."""
        listing = self.query_one(f"#{self.main_list_id}", OptionList)
        listing.set_options([Option(Text(text), id=row_id) for row_id, text in rows])
        listing.highlighted = 0
        listing.focus()

    def refresh_step(self) -> None:
        """Redraw from the session (after any change)."""

    def action_move(self, delta: int) -> None:
        """Move the highlight in the focused list (the main list when nothing else is focused)."""
        target = self.focused if isinstance(self.focused, OptionList) else None
        if target is None and self.main_list_id:
            found = self.query(f"#{self.main_list_id}")
            target = found.first() if found else None
        if target is None:
            scroller = self.focused
            if scroller is not None and hasattr(scroller, "scroll_relative"):
                scroller.scroll_relative(y=delta * 3, animate=False)
            return
        if target.option_count:
            current = target.highlighted if target.highlighted is not None else -delta
            target.highlighted = min(max(current + delta, 0), target.option_count - 1)

    entries_id: str = "entries"
    """The id of the step's list of comments, wordings or answers, if it has one."""

    def action_next_pane(self, delta: int) -> None:
        """Tab: from the main list straight to its entries (the first one highlighted) and
        back. The detail pane around the entries is a scroll container, which Textual's own
        focus chain stops on first: it looked like a highlighted comment, and `delete` there
        found nothing highlighted. Steps without the two lists move focus as usual."""
        ids = [self.main_list_id, self.entries_id] if self.main_list_id else []
        panes = [widget for pane_id in ids for widget in self.query(f"#{pane_id}")]
        if len(panes) < 2:
            self.focus_next() if delta > 0 else self.focus_previous()
            return
        index = panes.index(self.focused) if self.focused in panes else -delta
        self.set_focus(panes[(index + delta) % len(panes)])

    def editing_allowed(self) -> bool:
        if self.read_only:
            self.notify("This session is open read-only.", severity="warning", markup=False)
            return False
        return True

    # -- texts and entries ----------------------------------------------------------------------

    def ask_text(self, kind: str, target: str, title: str, context: str = "", initial: str = "",
                 start_text: str | None = None) -> None:
        """Open the text dialog at once (so fast typing lands in it); its text goes up as
        `TextEntered` when it closes."""
        def done(text: str | None) -> None:
            self.post_message(TextEntered(kind, target, text))

        self.app.push_screen(TextEntryDialog(title, context, initial, draft_kind=kind,
                                             draft_target=target, start_text=start_text), done)

    def selected_entry_id(self) -> str | None:
        """The highlighted comment, proposed wording or answer (screens with entries say)."""
        return None

    def _selected_entry(self):
        entry_id = self.selected_entry_id()
        if entry_id is None:
            self.notify("Nothing highlighted to edit or remove here.", severity="warning",
                        markup=False)
            return None
        kind, _, entry = self.session.find(entry_id)
        return EntryKind(kind), entry

    def action_edit_entry(self) -> None:
        if not self.read_only and (found := self._selected_entry()) is not None:
            kind, entry = found
            self.ask_text("edit", entry.id, f"Edit {kind.singular}", initial=entry.text)

    def action_delete_entry(self) -> None:
        if self.read_only or (found := self._selected_entry()) is None:
            return
        kind, entry = found

        def decided(remove: bool | None) -> None:
            if remove:
                self.post_message(EntryDeleted(entry.id))

        self.app.push_screen(ConfirmDialog(f"Remove this {kind.singular}?", entry.text[:500],
                                           yes="Remove", no="Keep"), decided)
