"""The tagging half of the results view: `t` tags the highlighted entry, `T` filters the
entries by theme, and the Themes tab's keys change the codebook. The results screen
(results.py) is built on it and lays everything out; this class decides and calls the book.

Every change goes to the `Tagging` the screen was given (tui/tagging.py), which saves the theme
file at once; the screen then rebuilds its report with the book and redraws (`redraw`),
keeping the highlight. A refused change (a name in use, a third level) is a notice and changes
nothing; a failed save is an error notice, and the title line says the themes are not saved
until a later save works (every change, and leaving the results, tries again).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, TabbedContent

from workshop.analysis.book import ThemeBook
from workshop.analysis.codebook import Theme, ThemeError, clean_name, name_key
from workshop.consultation.report import Note, Report
from workshop.session.kinds import EntryKind
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.line_entry import LineEntryDialog
from workshop.tui.dialogs.theme_picker import (
    EVERY,
    FILTER,
    NEW,
    PARENT,
    TAG,
    THEME,
    TOP,
    UNTAGGED,
    Picked,
    ThemePicker,
)
from workshop.tui.render import preview
from workshop.tui.tagging import Tagging
from workshop.tui.widgets.themes_pane import ThemesPane

ENTRY_LISTS = {"result-list": "result-entries", "question-list": "answer-list"}
"""Each list of items, and the list of its entries that `t` moves to."""

NOT_SAVED = "Themes NOT SAVED"


def entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


class TaggingScreen(Screen):
    """Keys and actions for themes; the results screen supplies the lists and `redraw`."""

    HELP_SECTION = "The Themes tab (5)"
    BINDINGS = [
        Binding("n", "new_theme", "New theme", show=False, priority=True,
                tooltip="Make a new theme (top level; p puts it under another)"),
        Binding("r", "rename_theme", "Rename", show=False, priority=True,
                tooltip="Rename the highlighted theme; another theme's name merges the two "
                "(asks first)"),
        Binding("d", "describe_theme", "Describe", show=False, priority=True,
                tooltip="Describe the highlighted theme: what belongs under it"),
        Binding("p", "parent_theme", "Parent", show=False, priority=True,
                tooltip="Put the highlighted theme under another, or at the top level"),
        Binding("delete", "remove_theme", "Remove", show=False, priority=True,
                tooltip="Remove the highlighted theme from the codebook and every entry "
                "(asks first)"),
    ]

    tagging: Tagging
    report: Report
    notes: dict[str, list[Note]]

    def __init__(self) -> None:
        super().__init__()
        self.theme_filter = Picked(EVERY)
        """`T`: every entry, the untagged ones, or those with a theme (or one under it)."""

    # -- what the results screen supplies -------------------------------------------------------

    def redraw(self, keep_theme: str | None = None) -> None:
        """Rebuild the report with the book and redraw, keeping the highlights."""
        raise NotImplementedError

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def announce_themes(self) -> None:
        """On opening: a theme file that cannot be read, or tags that need a look."""
        check = self.report.tag_check
        if not self.tagging.on:
            self.notify(self.tagging.off_reason, title="Tagging is off", severity="error",
                        markup=False, timeout=15)
        elif not check.clean:
            self.notify(check.summary() + " workshop themes check FILE lists them.",
                        title="Tags to look at", severity="warning", markup=False, timeout=10)

    # -- filtering ------------------------------------------------------------------------------

    def theme_shown(self, note: Note) -> bool:
        """Whether `note` passes the theme filter (a parent theme takes in its children)."""
        kind = self.theme_filter.kind
        if kind == EVERY or self.tagging.book is None:
            return True
        if kind == UNTAGGED:
            return not note.themes
        keys = self.filter_keys()
        return any(name_key(t) in keys for t in note.themes)

    def filter_keys(self) -> set[str]:
        book = self.tagging.book
        name = self.theme_filter.name
        if book is None or book.find(name) is None:
            return set()
        return {name_key(name)} | {t.key for t in book.children(name)}

    def filter_label(self) -> str:
        return {EVERY: "every entry", UNTAGGED: "untagged"}.get(self.theme_filter.kind,
                                                               self.theme_filter.name)

    def action_filter_theme(self) -> None:
        if not self.tagging_on():
            return

        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                self.theme_filter = picked
                self.redraw()

        self.app.push_screen(ThemePicker(self.tagging.book.themes, FILTER,
                                         current=self.theme_filter), chosen)

    # -- tagging an entry -----------------------------------------------------------------------

    def tagging_on(self) -> bool:
        if self.tagging.on:
            return True
        self.notify(self.tagging.off_reason, title="Tagging is off", severity="error",
                    markup=False, timeout=15)
        return False

    def action_tag(self) -> None:
        if not self.tagging_on():
            return
        note = self.entry_to_tag()
        if note is None:
            return
        text, left_out = preview(note.text, 240, 3)
        detail = f"{note.workshop}\n{text}" + ("…" if left_out else "")
        self.app.push_screen(
            ThemePicker(self.tagging.book.themes, TAG, detail=detail, ticked=note.themes,
                        title=f"Tag this {EntryKind(note.kind).singular}"),
            lambda picked: self.tag(note, picked))

    def entry_to_tag(self) -> Note | None:
        """The highlighted entry; from a list of items, its first entry (highlighted, and
        focused so the analyst sees which)."""
        focused = self.focused
        list_id = (focused.id or "") if isinstance(focused, OptionList) else ""
        if list_id in ENTRY_LISTS:
            focused = self.query_one(f"#{ENTRY_LISTS[list_id]}", OptionList)
            list_id = focused.id or ""
            if self.notes.get(list_id):
                focused.highlighted = 0
                focused.focus()
        if list_id not in self.notes:
            self.notify("t tags a comment, proposed wording or answer: in the Commitments (1) "
                        "or Questions (2) tab.", markup=False, timeout=4)
            return None
        notes = self.notes[list_id]
        if not notes:
            self.notify("Nothing here to tag" + ("" if self.theme_filter.kind == EVERY else
                                                 f" (showing: {self.filter_label()})") + ".",
                        markup=False, timeout=3)
            return None
        index = focused.highlighted if isinstance(focused, OptionList) else None
        return notes[index if index is not None and 0 <= index < len(notes) else 0]

    def tag(self, note: Note, picked: Picked | None) -> None:
        if picked is None:
            return

        def edit(book: ThemeBook) -> None:
            if picked.kind == NEW:
                book.add(picked.name)
            book.toggle(note.session_id, note.entry_id, note.kind, note.target, note.text,
                        picked.name)

        self.change(edit)

    # -- changing the codebook (the Themes tab) -------------------------------------------------

    def change(self, edit: Callable[[ThemeBook], object], keep_theme: str | None = None,
               done: str = "") -> None:
        """Apply and save a change, say how it went, and redraw."""
        was_unsaved = self.tagging.unsaved
        try:
            self.tagging.change(edit)
        except ThemeError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        if self.tagging.unsaved:
            self.notify(f"{self.tagging.unsaved}\nThe change is kept here, and saved with the "
                        "next one.", title=NOT_SAVED, severity="error", markup=False, timeout=30)
        elif was_unsaved:
            self.notify("The themes are saved again: every change is on disk.", markup=False)
        elif done:
            self.notify(done, markup=False, timeout=4)
        book = self.tagging.book
        if self.theme_filter.kind == THEME and book is not None \
                and book.find(self.theme_filter.name) is None:
            self.theme_filter = Picked(EVERY)
        self.redraw(keep_theme)

    def theme_at_hand(self, verb: str) -> Theme | None:
        """The Themes tab's highlighted theme, or None with a notice saying what to do."""
        if not self.tagging_on():
            return None
        if self.active_tab != "tab-themes":
            self.notify(f"{verb} in the Themes tab (5).", markup=False, timeout=4)
            return None
        name = self.themes_pane().highlighted_theme
        if name is None:
            self.notify("No themes yet: n makes one.", markup=False, timeout=4)
            return None
        return self.tagging.book.theme(name)

    def themes_pane(self) -> ThemesPane:
        return self.query_one(ThemesPane)

    def action_new_theme(self) -> None:
        if not self.tagging_on():
            return
        if self.active_tab != "tab-themes":
            self.notify("n makes a theme in the Themes tab (5); t makes one as it tags.",
                        markup=False, timeout=4)
            return

        def named(text: str | None) -> None:
            if text is not None:
                self.change(lambda book: book.add(text), keep_theme=" ".join(text.split()))

        self.app.push_screen(LineEntryDialog("New theme", "A theme at the top level; p puts it "
                                             "under another.", placeholder="e.g. Resources"),
                             named)

    def action_rename_theme(self) -> None:
        theme = self.theme_at_hand("r renames a theme")
        if theme is not None:
            self.app.push_screen(LineEntryDialog(
                f"Rename the theme '{theme.name}'", "Every entry keeps it under its new name. "
                "Another theme's name merges the two (asks first).", theme.name),
                lambda text: self.rename(theme.name, text))

    def rename(self, old: str, text: str | None) -> None:
        if text is None:
            return
        try:
            new = clean_name(text)
        except ThemeError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        book = self.tagging.book
        other = book.find(new)
        if other is None or other.key == name_key(old):
            self.follow_rename(old, new)
            self.change(lambda b: b.rename(old, new), keep_theme=new)
            return
        n = book.uses(old)

        def decided(yes: bool | None) -> None:
            if yes:
                self.follow_rename(old, other.name)
                self.change(lambda b: b.merge(old, other.name), keep_theme=other.name,
                            done=f"'{old}' merged into '{other.name}'.")

        self.app.push_screen(ConfirmDialog(
            f"Merge '{old}' into '{other.name}'?",
            f"'{other.name}' is a theme already. The {entries(n)} tagged '{old}' get "
            f"'{other.name}' (once each), the themes under '{old}' move to '{other.name}', and "
            f"'{old}' is gone from the codebook.", yes="Merge", no="Cancel"), decided)

    def follow_rename(self, old: str, new: str) -> None:
        """A filter on a renamed or merged theme follows it to its new name."""
        if self.theme_filter.kind == THEME and name_key(self.theme_filter.name) == name_key(old):
            self.theme_filter = Picked(THEME, new)

    def action_describe_theme(self) -> None:
        theme = self.theme_at_hand("d describes a theme")
        if theme is None:
            return

        def described(text: str | None) -> None:
            if text is not None:
                self.change(lambda book: book.describe(theme.name, text), keep_theme=theme.name)

        self.app.push_screen(LineEntryDialog(
            f"Describe the theme '{theme.name}'", "What belongs under it (empty: no "
            "description).", theme.description, allow_empty=True), described)

    def action_parent_theme(self) -> None:
        theme = self.theme_at_hand("p moves a theme")
        if theme is None:
            return

        def chosen(picked: Picked | None) -> None:
            if picked is not None:
                parent = "" if picked.kind == TOP else picked.name
                self.change(lambda book: book.move(theme.name, parent), keep_theme=theme.name)

        current = Picked(THEME, theme.parent) if theme.parent else Picked(TOP)
        self.app.push_screen(ThemePicker(self.tagging.book.themes, PARENT, current=current,
                                         title=f"Put '{theme.name}' under", leave_out=theme.name),
                             chosen)

    def action_remove_theme(self) -> None:
        theme = self.theme_at_hand("delete removes a theme")
        if theme is None:
            return
        book = self.tagging.book
        n = book.uses(theme.name)
        children = [t.name for t in book.children(theme.name)]
        moved = f" {', '.join(children)} move to the top level." if children else ""

        def decided(yes: bool | None) -> None:
            if yes:
                self.change(lambda b: b.remove(theme.name),
                            done=f"Theme '{theme.name}' removed; {entries(n)} lost it.")

        self.app.push_screen(ConfirmDialog(
            f"Remove the theme '{theme.name}'?",
            f"{entries(n).capitalize()} lose it (the entries themselves stay).{moved}",
            yes="Remove", no="Keep it"), decided)

    # -- leaving --------------------------------------------------------------------------------

    def leave_safely(self, leave: Callable[[], object]) -> None:
        """Leave once the themes are on disk; if they still cannot be saved, ask first."""
        if not self.tagging.unsaved or self.tagging.save():
            leave()
            return

        def decided(yes: bool | None) -> None:
            if yes:
                leave()

        self.app.push_screen(ConfirmDialog(
            "The themes cannot be saved. Leave anyway?",
            f"{self.tagging.unsaved}\nLeaving loses the changes since the last save; the theme "
            "file on disk stays as it was.", yes="Leave without saving", no="Stay"), decided)

    # -- which keys apply where -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`t` is dimmed outside the Commitments and Questions tabs (where the entries are)."""
        if action == "tag" and self.tagging.on and self.is_mounted and self.active_tab not in (
                "tab-commitments", "tab-questions"):
            return None
        return True
