"""The Themes tab's keys: the codebook changed from the keyboard. `n` makes a theme, `r`
renames the highlighted one (to another theme's name: the two are merged, after asking), `d`
describes it, `p` puts it under another or at the top level, `delete` removes it (after saying
how many entries lose it). Each is one call on the book, saved at once (`change`,
results_tagging.py); a refused one (a name in use, a third level) says why and changes nothing.
The keys act on the Themes tab's highlighted theme, and say so when pressed elsewhere.
The moves are here too (↓ ↑ home end, page up and down, which the results screen binds so that
a move and the key after it run in order: "end, r" renames the last theme, "down, t" tags the
entry below); ↓ past the last entry shown shows the next page (results_tagging.py).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, OptionList

from workshop.analysis.book import ThemeBook
from workshop.analysis.codebook import Theme, ThemeError, clean_name, name_key
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.line_entry import LineEntryDialog
from workshop.tui.dialogs.theme_picker import PARENT, THEME, TOP, Picked, ThemePicker
from workshop.tui.screens.results_tagging import TaggingScreen, entries


def merge_detail(book: ThemeBook, old: str, into: str) -> str:
    """What merging `old` into `into` does, in words, for the question before it."""
    n = book.uses(old)
    said = (f"'{into}' is a theme already. {entries(n).capitalize()} tagged '{old}' "
            f"{'gets' if n == 1 else 'get'} '{into}' instead (once each)")
    children = [t.name for t in book.children(old)]
    if children:
        said += f"; the themes under '{old}' ({', '.join(children)}) move to '{into}'"
    return said + f"; '{old}' is gone from the codebook."


class CodebookScreen(TaggingScreen):
    """The codebook's keys, on top of tagging; the results screen is built on this."""

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

    # -- moving, in step with the keys that act on the highlight ----------------------------------

    def action_move(self, delta: int) -> None:
        """The focused list's highlight or table's cursor (stopping at the ends), or the
        focused pane scrolled."""
        focused = self.focused
        if isinstance(focused, OptionList) and focused.option_count:
            current = focused.highlighted if focused.highlighted is not None else 0
            if delta > 0 and current == focused.option_count - 1 and focused.id in self.listed:
                self.show_more(focused.id or "")  # ↓ past the last entry shown: the next page
            focused.highlighted = min(max(current + delta, 0), focused.option_count - 1)
        elif isinstance(focused, DataTable):
            focused.move_cursor(row=focused.cursor_row + delta)
        elif focused is not None:
            focused.scroll_relative(y=delta, animate=False)

    def action_jump(self, where: str) -> None:
        """home, end, page up and down: what the focused widget does with them itself (a list's
        `first`, a pane's `scroll_home`), at once."""
        names = {"first": ("first", "scroll_home"), "last": ("last", "scroll_end")}.get(
            where, (where,))
        for name in names:
            action = getattr(self.focused, f"action_{name}", None)
            if action is not None:
                action()
                return

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
        self.app.push_screen(ConfirmDialog(
            f"Merge '{old}' into '{other.name}'?", merge_detail(book, old, other.name),
            yes="Merge", no="Cancel"), lambda yes: yes and self.merge(old, other.name))

    def merge(self, old: str, into: str) -> None:
        self.follow_rename(old, into)
        self.change(lambda b: b.merge(old, into), keep_theme=into,
                    done=f"'{old}' merged into '{into}'.")

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

