"""The theme picker: type a few letters, press enter.

One dialog for three choices, by `mode`:
- **tag** (`t` in the results view): the codebook's themes, each child indented under its
  parent, a ✓ on those already on the entry, each description dimmed. Enter puts the highlighted
  theme on the entry, or takes it off if it has a ✓. When what is typed is no theme's name, the
  list ends with `+ New theme "…"`, and enter on it makes the theme and tags the entry. So an
  existing theme takes three keys: `t`, a letter or two, enter.
- **filter** (`T`): "Every entry", "Untagged" and every theme.
- **parent** (`p` in the Themes tab): "Top level" and the top-level themes.

Typing filters the list (case-insensitive, anywhere in the name; a name that is what was typed
comes first, then names that start with it, then names with a word that does, then the rest)
and highlights the first match; up and down move; escape cancels. Focus stays in the box, so
keys typed before the dialog is drawn are kept (early_keys.py). The choice comes back through
the dismiss callback as a `Picked`; the dialog changes nothing itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workshop.analysis.codebook import Theme, ThemeError, clean_name, name_key
from workshop.tui.dialogs.early_keys import EarlyKeys

TAG, FILTER, PARENT = "tag", "filter", "parent"

THEME, NEW, EVERY, UNTAGGED, TOP = "theme", "new", "every", "untagged", "top"
"""What a `Picked` is: a theme of the codebook, a theme to make, and the special rows."""

SPECIAL = {FILTER: ((EVERY, "Every entry"), (UNTAGGED, "Untagged")), PARENT: ((TOP, "Top level"),)}
"""The rows above the themes in each mode."""

KEYS = {TAG: "type to filter · ↑↓ choose · enter tags (on a ✓: untags) · escape cancels",
        FILTER: "type to filter · ↑↓ choose · enter shows only those entries · escape cancels",
        PARENT: "type to filter · ↑↓ choose · enter moves the theme there · escape cancels"}


@dataclass(frozen=True)
class Picked:
    """What was chosen: a theme (`name`), a new theme's name, or a special row."""

    kind: str
    name: str = ""


def rank(name: str, query: str) -> int | None:
    """How well a theme's name matches what was typed (lower is better), or None."""
    key, q = name_key(name), name_key(query)
    if q not in key:
        return None
    if key == q:
        return 0
    if key.startswith(q):
        return 1
    if any(word.startswith(q) for word in key.split()):
        return 2
    return 3


def matching(themes: Iterable[Theme], query: str) -> list[Theme]:
    """The themes whose name holds `query`, best first (codebook order among equals); every
    theme, in codebook order, when nothing is typed."""
    themes = list(themes)
    if not name_key(query):
        return themes
    scored = [(r, n, t) for n, t in enumerate(themes) if (r := rank(t.name, query)) is not None]
    return [t for _, _, t in sorted(scored, key=lambda s: (s[0], s[1]))]


def theme_prompt(theme: Theme, ticked: bool, nested: bool, flat: bool) -> Text:
    """`✓ Resources  what belongs here`: indented under its parent in the whole list, with its
    parent named when the list is filtered (`flat`)."""
    text = Text()
    text.append("✓ " if ticked else "  ", style="bold green")
    if nested and theme.parent and not flat:
        text.append("   ")
    text.append(theme.name, style="bold" if not theme.parent else "")
    if flat and theme.parent:
        text.append(f"  in {theme.parent}", style="dim")
    if theme.description:
        text.append(f"  {theme.description}", style="dim italic")
    return text


class ThemePicker(EarlyKeys, ModalScreen[Picked | None]):
    """Dismisses with what was picked, or None when cancelled."""

    AUTO_FOCUS = "#theme-query"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without choosing"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(8)", "Page down", show=False),
        Binding("pageup", "move(-8)", "Page up", show=False),
    ]

    def __init__(self, themes: tuple[Theme, ...], mode: str = TAG, title: str = "",
                 detail: str = "", ticked: Iterable[str] = (), current: Picked | None = None,
                 leave_out: str = "") -> None:
        super().__init__(classes="dialog")
        self.themes = themes
        """The codebook in display order (each parent followed by its children)."""
        self.mode = mode
        self.title_text = title or {TAG: "Tag with a theme", FILTER: "Show entries with the theme",
                                    PARENT: "Put the theme under"}[mode]
        self.detail = detail
        self.ticked = {name_key(n) for n in ticked}
        """The themes already on the entry (tag mode): a ✓, and enter takes them off."""
        self.current = current
        """The choice now in force (filter, parent): highlighted when nothing is typed."""
        if mode == PARENT:
            self.themes = tuple(t for t in themes if not t.parent
                                and t.key != name_key(leave_out))
        self.rows: list[Picked] = []
        self.query_text = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box pick-dialog theme-picker"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.detail:
                yield Static(Text(self.detail), classes="dialog-detail")
            box = Input(id="theme-query", placeholder="Type a theme's name")
            box.cursor_blink = not self.app.is_headless  # steady in tests and snapshots
            yield box
            listing = OptionList(id="theme-options", markup=False)
            listing.can_focus = False  # typing stays in the box; up and down move the list
            yield listing
            yield Static(KEYS[self.mode], classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.flush_early_keys()
        self.refilter()

    def on_key(self, event: events.Key) -> None:
        # Enter typed before the box was ready chooses once the keys before it are in.
        if event.key == "enter" and not self._ready:
            event.stop()
            event.prevent_default()
            self.call_after_refresh(self.choose)
        # Anything else: EarlyKeys.on_key (Textual calls each class's handler in turn).

    # -- the list -------------------------------------------------------------------------------

    @property
    def typed(self) -> str:
        return self.query_one(Input).value

    def refilter(self) -> None:
        """The rows for what is typed now, the best highlighted."""
        query = self.typed
        if query == self.query_text:
            return
        self.query_text = query
        self.rows, options = [], []
        for kind, label in SPECIAL.get(self.mode, ()):
            if not name_key(query) or rank(label, query) is not None:
                self.rows.append(Picked(kind))
                options.append(Option(Text(f"  {label}", style="italic")))
        flat = bool(name_key(query))
        for theme in matching(self.themes, query):
            self.rows.append(Picked(THEME, theme.name))
            options.append(Option(theme_prompt(theme, theme.key in self.ticked,
                                               self.mode == TAG, flat)))
        new = self.new_name(query)
        if new:
            self.rows.append(Picked(NEW, new))
            options.append(Option(Text.assemble(("+ New theme ", "bold cyan"),
                                                (f'"{new}"', "bold"))))
        listing = self.query_one(OptionList)
        nothing = "No theme matches." if self.themes or query.strip() else (
            "No themes yet: type a name to make one." if self.mode == TAG else "No themes yet.")
        listing.set_options(options or [Option(Text(nothing, style="dim italic"), disabled=True)])
        listing.highlighted = self.first_highlight(flat) if self.rows else None

    def new_name(self, query: str) -> str:
        """The theme to make from what is typed (tag mode), or "" (nothing typed, a theme of
        that name exists, or it is no valid name: clean_name says why when it is chosen)."""
        if self.mode != TAG or not name_key(query):
            return ""
        if any(t.key == name_key(query) for t in self.themes):
            return ""
        return " ".join(query.split())

    def first_highlight(self, filtered: bool) -> int:
        if not filtered and self.current is not None and self.current in self.rows:
            return self.rows.index(self.current)
        return 0

    @on(Input.Changed)
    def _typed(self) -> None:
        self.refilter()

    def action_move(self, delta: int) -> None:
        listing = self.query_one(OptionList)
        if not self.rows:
            return
        current = listing.highlighted if listing.highlighted is not None else 0
        listing.highlighted = min(max(current + delta, 0), len(self.rows) - 1)

    # -- choosing -------------------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.choose()

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(OptionList).highlighted = event.option_index
        self.choose()

    def choose(self) -> None:
        self.refilter()  # what is in the box now, even if its Changed message is still queued
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            self.app.bell()
            return
        picked = self.rows[index]
        if picked.kind == NEW:
            try:
                clean_name(picked.name)
            except ThemeError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return
        self.dismiss(picked)

    def action_cancel(self) -> None:
        self.dismiss(None)
