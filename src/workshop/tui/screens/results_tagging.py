"""The tagging half of the results view: `t` tags the highlighted entry, `T` filters the
entries by theme, `S` opens the suggested themes (screens/suggestions.py); the Themes tab's
keys, which change the codebook, are results_codebook.py's. Also the lists of entries, a page
at a time (`show_entries`): a merge of a thousand workshops has thousands of comments on one
commitment, and laying them all out took seconds a move; `m` (or ↓ past the last) shows more,
and the line under the list says how many are shown of how many.
The results screen (results.py) is built on these and lays everything out; they decide and call
the book.

Every change goes to the `Tagging` the screen was given (tui/tagging.py), which saves the theme
file at once; the screen then rebuilds its report with the book and redraws (`redraw`),
keeping the highlight. A refused change (a name in use, a third level) is a notice and changes
nothing; a failed save is an error notice, and the title line says the themes are not saved
until a later save works (every change, and leaving the results, tries again).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from rich.text import Text
from textual.screen import Screen
from textual.widgets import OptionList, Static, TabbedContent
from textual.widgets.option_list import Option

from workshop.analysis.book import ThemeBook
from workshop.analysis.codebook import ThemeError, name_key
from workshop.consultation.findings import Findings, findings
from workshop.consultation.records import Merged
from workshop.consultation.report import CommitmentView, Note, Report
from workshop.consultation.report_build import build_report
from workshop.errors import StoreError
from workshop.protocol.model import Protocol
from workshop.session.kinds import EntryKind
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.theme_picker import (
    EVERY,
    FILTER,
    NEW,
    TAG,
    THEME,
    UNTAGGED,
    Picked,
    ThemePicker,
)
from workshop.tui.render import preview
from workshop.tui.results_render import more_line, note_prompt
from workshop.tui.tagging import Tagging
from workshop.tui.widgets.themes_pane import ThemesPane

ENTRY_LISTS = {"result-list": "result-entries", "question-list": "answer-list"}
"""Each list of items, and the list of its entries that `t` moves to."""

NOT_SAVED = "Themes NOT SAVED"

PAGE = 20
"""How many entries a list lays out at first, and how many more each `m` adds."""


def entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


class TaggingScreen(Screen):
    """Tagging and the theme filter; the results screen supplies the lists and their drawing
    (`show_commitment`, `show_question`, `show_title`)."""

    tagging: Tagging
    merged: Merged
    protocol: Protocol
    report: Report
    rows: list[CommitmentView]
    session_filter: str

    def __init__(self) -> None:
        super().__init__()
        self.theme_filter = Picked(EVERY)
        """`T`: every entry, the untagged ones, or those with a theme (or one under it)."""
        self.notes: dict[str, list[Note]] = {}
        """The notes each entries list shows, by the list's id, in its order (enter reads one
        in full, t tags one): the first pages of `listed`."""
        self._found: tuple[Report, Findings] | None = None
        self.listed: dict[str, tuple[list[Note], str]] = {}
        """Every note each entries list has to show (`notes` is its start), and the text a
        proposed wording is compared with."""

    # -- the entries lists, a page at a time -----------------------------------------------------

    def show_entries(self, selector: str, notes: list[Note], original: str, empty: str,
                     keep: str = "") -> None:
        """Fill an entries list with the first page of `notes`. With `keep`, as many pages as
        were shown, and the highlight stays on the same entry if it is still listed (its page
        shown); if not, on the first ("entry": the list is filtered anew) or on the one that
        took its place ("place": it was tagged while showing the untagged)."""
        listing = self.query_one(selector, OptionList)
        list_id = listing.id or ""
        before = self.notes.get(list_id, [])
        index = listing.highlighted
        was = before[index].ref if keep and index is not None and index < len(before) else None
        refs = [n.ref for n in notes] if was is not None else []
        at = refs.index(was) if was in refs else -1
        count = max(PAGE, at + 1, len(before) if keep == "place" else 0)
        self.notes[list_id] = notes[:count]
        self.listed[list_id] = (notes, original)
        self.show_more_line(list_id)
        if not notes:
            suffix = " from this workshop" if self.session_filter else ""
            if self.theme_filter.kind != EVERY:
                suffix += f" ({self.filter_label()})"
            listing.set_options([Option(Text(empty + suffix + ".", style="dim italic"),
                                        disabled=True)])
            return
        listing.set_options([Option(note_prompt(n, original)) for n in self.notes[list_id]])
        if was is not None:
            place = min(index, len(notes) - 1) if keep == "place" else 0
            listing.highlighted = at if at >= 0 else place

    def show_more(self, list_id: str) -> bool:
        """The next page of an entries list, added under what it shows; False if none is left."""
        every, original = self.listed.get(list_id, ([], ""))
        shown = self.notes.get(list_id, [])
        more = every[len(shown):len(shown) + PAGE]
        if not more:
            return False
        self.notes[list_id] = shown + more
        self.query_one(f"#{list_id}", OptionList).add_options(
            [Option(note_prompt(n, original)) for n in more])
        self.show_more_line(list_id)
        return True

    def show_more_line(self, list_id: str) -> None:
        """Under a list that does not show all its entries: how many it shows of how many."""
        line = self.query_one(f"#{list_id}-more", Static)
        shown, every = len(self.notes[list_id]), len(self.listed[list_id][0])
        line.display = shown < every
        if shown < every:
            line.update(more_line(shown, every, min(PAGE, every - shown)))

    def action_more(self) -> None:
        """`m`: the next page of the entries in this tab."""
        list_id = {"tab-commitments": "result-entries", "tab-questions": "answer-list"}.get(
            self.active_tab)
        if list_id is None:
            self.notify("m shows more comments, proposed wordings or answers: in the "
                        "Commitments (1) or Questions (2) tab.", markup=False, timeout=4)
        elif not self.show_more(list_id):
            self.notify("Every entry is shown.", markup=False, timeout=2)

    # -- redrawing -------------------------------------------------------------------------------

    def redraw(self, keep_theme: str | None = None, keep: str = "place") -> None:
        """After a change to the themes or to the theme filter: the report again with the book,
        and everything that shows themes redrawn, each highlight kept (`keep`: see the results
        `show_entries`; `keep_theme`: the Themes tab's)."""
        self.report = build_report(self.merged, self.protocol, self.tagging.book)
        gc.freeze()  # as the results screen does on opening: the report lives on
        by_id = {c.id: c for c in self.report.commitments}
        self.rows = [by_id[c.id] for c in self.rows]
        self.show_commitment(keep)
        self.show_question(keep)
        self.show_findings()
        self.themes_pane().show(self.report, self.found(), keep_theme)
        self.show_title()
        focused = self.focused
        if isinstance(focused, OptionList) and focused.id in self.notes \
                and not self.notes[focused.id]:  # its last untagged entry was just tagged
            items = next(k for k, v in ENTRY_LISTS.items() if v == focused.id)
            self.set_focus(self.query_one(f"#{items}", OptionList))

    def found(self) -> Findings:
        """The report's findings (consultation/findings.py), worked out once for each report:
        the Findings tab and the Themes tab both show them."""
        if self._found is None or self._found[0] is not self.report:
            self._found = (self.report, findings(self.report))
        return self._found[1]

    def themes_pane(self) -> ThemesPane:
        return self.query_one(ThemesPane)

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active

    def show_commitment(self, keep: str = "") -> None:
        raise NotImplementedError  # the results screen's

    def show_question(self, keep: str = "") -> None:
        raise NotImplementedError  # the results screen's

    def show_title(self) -> None:
        raise NotImplementedError  # the results screen's

    def show_findings(self) -> None:
        raise NotImplementedError  # the results screen's

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
                self.redraw(keep="entry")

        self.app.push_screen(ThemePicker(self.tagging.book.themes, FILTER,
                                         current=self.theme_filter), chosen)

    def action_suggest(self) -> None:
        """Offline suggestions of themes for the untagged entries (screens/suggestions.py):
        nothing is tagged unless the analyst accepts a suggestion there."""
        if not self.tagging_on():
            return
        from workshop.tui.screens.suggestions import SuggestionsScreen

        def save() -> None:
            if not self.tagging.save():
                raise StoreError(self.tagging.unsaved)

        def done(tagged: int | None) -> None:
            self.redraw(keep="entry")
            if tagged:
                self.notify(f"Tagged {entries(tagged)} from the suggestions.", markup=False,
                            timeout=3)

        self.app.push_screen(SuggestionsScreen(self.report, self.tagging.book, save), done)

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
            # The entries of the item highlighted now: "down, t" typed fast reaches here
            # before the list's highlight message has redrawn them.
            if list_id == "result-list":
                self.show_commitment()
            else:
                self.show_question()
            focused = self.query_one(f"#{ENTRY_LISTS[list_id]}", OptionList)
            list_id = focused.id or ""
            if self.notes.get(list_id):
                focused.highlighted = 0
                self.set_focus(focused)  # now: the keys after t are the picker's
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
