"""What every step screen shares: the step bar, the footer, moving between steps, and asking
for text (comments, wordings, answers, edits) or removing an entry.

Attributes down, messages up: a step screen is made with everything it draws (`StepData`: the
session, the protocol, whether it is read-only, its position, its timer) and the latest save
result; it never changes the session, it posts a message (tui/messages.py) and the app applies
it and calls `refresh_step()`.

A key that changes the session redraws what it changed and nothing else: a row of the main list
whose figures changed (`replace_rows`, which keeps the other rows' rendering), a part of the
detail whose content changed (`show_in`), and the screen is laid out again only when something
changed height. Redrawing every row and laying the screen out after each vote was most of what
a key cost on screen (benchmarks/keys.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.visual import visualize
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from workshop.protocol.model import Protocol
from workshop.session.autosave import SaveResult
from workshop.session.kinds import EntryKind
from workshop.session.model import Session
from workshop.tui.messages import EntryDeleted, TextEntered
from workshop.tui.widgets.step_bar import StepBar

Row = tuple[object, Callable[[], RenderableType]]
"""A row of a list as `StepScreen.update_rows` takes it: a key of what it shows, and how to make
it (called only when the key changed)."""


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

    save_result: reactive[SaveResult | None] = reactive(None, init=False, repaint=False)
    """The latest save's outcome, set by the app; the step bar is bound to it. Setting it
    repaints nothing here (a repaint of the whole screen after every save): the bar redraws
    its label."""

    def __init__(self, data: StepData, save_result: SaveResult | None = None) -> None:
        super().__init__()
        self.data = data
        self.session = data.session
        self.protocol = data.protocol
        self.read_only = data.read_only
        self.set_reactive(StepScreen.save_result, save_result)
        self.drawn: dict[str, object] = {}
        """What each part of the screen shows now, by a key of its content (`show_in`)."""
        self._heights: dict[str, tuple[int, int]] = {}
        self._statics: dict[str, Static] = {}

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
        self.drawn = {key: value for key, value in self.drawn.items() if not key.startswith("row")}

    def show_in(self, selector: str, key: object, make: Callable[[], RenderableType]) -> bool:
        """Show `make()` in the Static `selector` unless it shows the content `key` names
        already; lay the screen out again only when the Static's height changes. True if it
        was redrawn."""
        if selector in self.drawn and self.drawn[selector] == key:
            return False
        self.drawn[selector] = key
        static = self._statics.get(selector)
        if static is None:
            static = self._statics[selector] = self.query_one(selector, Static)
        content = make()
        static.update(content, layout=self._height_changed(selector, static, content))
        return True

    def _height_changed(self, selector: str, static: Static, content: RenderableType) -> bool:
        if not static.display:  # hidden: drawn (and laid out) when shown
            return False
        width = static.content_region.width
        if width <= 0:
            return True
        height = (width, visualize(static, content).get_height(static.styles, width))
        changed = self._heights.get(selector) != height
        self._heights[selector] = height
        return changed

    def update_rows(self, listing: OptionList, rows: dict[int, Row]) -> None:
        """Redraw the rows of `listing` (index → a key of what the row shows, and how to make
        it) whose key changed since they were last drawn."""
        changed = {}
        for index, (key, make) in rows.items():
            name = f"row{listing.id}:{index}"
            if name not in self.drawn or self.drawn[name] != key:
                self.drawn[name] = key
                changed[index] = make()
        replace_rows(listing, changed)

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
        from workshop.tui.dialogs.text_entry import TextEntryDialog  # (TextArea: not at start)

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

        from workshop.tui.dialogs.confirm import ConfirmDialog

        def decided(remove: bool | None) -> None:
            if remove:
                self.post_message(EntryDeleted(entry.id))

        self.app.push_screen(ConfirmDialog(f"Remove this {kind.singular}?", entry.text[:500],
                                           yes="Remove", no="Keep"), decided)


def replace_rows(listing: OptionList, rows: dict[int, RenderableType]) -> None:
    """Put new prompts in these rows of `listing` (index → prompt), rendering those rows alone.

    OptionList's own `replace_option_prompt_at_index` forgets the rendering of every row, so
    one new count re-rendered the whole list. Here only the changed rows' renderings are
    dropped; if a row's height changes, the list is remade the public way and laid out again.
    (Uses OptionList's caches: Textual is pinned to one version; tests/tui/test_incremental.py
    checks the rows drawn.)"""
    if not rows:
        return
    width = listing.scrollable_content_region.width - listing._get_left_gutter_width()
    heights = listing._line_cache.heights
    padding = listing.get_component_styles("option-list--option").padding.width
    options = {index: listing.get_option_at_index(index) for index in rows}
    for index, prompt in rows.items():
        options[index]._set_prompt(prompt)
    same_heights = width > 0 and all(
        heights.get(index) == listing._get_visual(option).get_height(listing.styles,
                                                                     width - padding)
        for index, option in options.items())
    if not same_heights:
        for index, prompt in rows.items():
            listing.replace_option_prompt_at_index(index, prompt)
        listing.refresh(layout=True)
        return
    dropped = set(options.values())
    cache = listing._option_render_cache
    for key in [key for key in cache.keys() if key[0] in dropped]:
        cache.discard(key)
    for index in rows:  # repaint those rows' lines, not the whole list
        listing.refresh_lines(listing._line_cache.index_to_line[index], heights[index])
