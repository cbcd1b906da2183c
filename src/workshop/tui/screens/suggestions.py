"""Suggested themes, one at a time: the analyst accepts, renames or rejects each group of
untagged entries that say similar things (analysis/suggest.py); nothing is tagged otherwise.

`SuggestionsScreen(report, book, save)` works the suggestions out from the report's untagged
entries in a worker thread ("Working…": scikit-learn loads, and a few thousand entries take
seconds), then shows the first: the name its theme will get, its words to start with (`r`
edits it, enter or tab keeps the edit, escape drops it), and its entries, all ticked (space
unticks one), the highlighted one shown whole below the list with what it is on and its
workshop. `a` tags every ticked entry with the theme of that name (the existing theme whose
name matches, whatever its case, or a new one) through the book, then calls `save()`; `x`
rejects the suggestion (nothing is tagged); either moves to the next. After the last, or on
escape, the screen dismisses with how many entries it tagged. A save that fails (StoreError)
is shown and the suggestion stays: the tags are kept in the book, and `a` tries the save
again. People's words are shown as typed, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, SelectionList, Static
from textual.worker import Worker, WorkerState

from workshop.analysis.book import ThemeBook
from workshop.analysis.codebook import ThemeError, clean_name
from workshop.analysis.suggest import Suggestion, suggest
from workshop.consultation.report import Note, Report
from workshop.errors import StoreError
from workshop.session.kinds import EntryKind
from workshop.tui.render import preview

QUOTE_CHARS = 200
"""The most of an entry its line in the list holds (the detail below shows more)."""
WORKING = "Working… (grouping the untagged entries by their words)"
KEYS = "space untick or tick · a accept · r rename · x reject · escape close"
NAMING_KEYS = "enter or tab: keep this name · escape: keep the name it had"


def where(note: Note, report: Report) -> str:
    """`Comment on 1.4`, `Answer to Q6`: what the entry is and what it is on."""
    kind = EntryKind(note.kind)
    if kind is EntryKind.ANSWERS:
        number = next((q.number for q in report.questions if q.question.id == note.target), None)
        return f"{kind.heading} to Q{number}" if number else f"{kind.heading} to {note.target}"
    code = next((c.code for c in report.commitments if c.id == note.target), note.target)
    return f"{kind.heading} on {code}"


def member_prompt(note: Note) -> Text:
    """One entry of a suggestion on one line (the list cuts it at its width): its words as
    typed, then, dim, its workshop's group. The highlighted one is shown whole below."""
    shown, left_out = preview(" ".join(note.text.split()), chars=QUOTE_CHARS, lines=1)
    prompt = Text(shown + ("…" if left_out else ""))
    prompt.append(f"  — {note.group}", style="dim")
    return prompt


def member_detail(note: Note, report: Report) -> Text:
    """The highlighted entry: what it is and its workshop, then its words as typed (a long
    text clipped, saying how much is left out)."""
    shown, left_out = preview(note.text)
    detail = Text.assemble((f"{where(note, report)} · ", "bold"), (note.workshop, "bold"), "\n")
    detail.append(shown)
    if left_out:
        detail.append(f"\n… ({left_out:,} more characters)", style="dim italic")
    return detail


def entries(n: int) -> str:
    return f"{n} entr{'y' if n == 1 else 'ies'}"


class SuggestionsScreen(Screen[int]):
    """Dismisses with how many entries were tagged."""

    CSS_PATH = "suggestions.tcss"
    HELP_SECTION = "Suggested themes"
    AUTO_FOCUS = "#suggest-members"
    # Priority, so each acts on the state the keys before it left: "down space a" or "r" and a
    # name typed in one burst would otherwise reach the list after the action they follow (a key
    # for a widget waits in its queue; a priority binding runs as the key arrives). While the
    # name is being typed they are off (check_action), and the letters go into the name. (Enter
    # in the name stays the field's own, so it comes after the letters typed before it.)
    BINDINGS = [
        Binding("a", "accept", "Accept", priority=True, tooltip="Tag every ticked entry with a "
                "theme of the name shown (the existing theme of that name, or a new one)"),
        Binding("r", "rename", "Rename", priority=True, tooltip="Edit the name the theme will "
                "get (enter keeps it, escape drops the edit)"),
        Binding("x", "reject", "Reject", priority=True,
                tooltip="Reject this suggestion: nothing is tagged"),
        Binding("space", "toggle", "Tick", show=False, priority=True,
                tooltip="Untick (or tick) the highlighted entry"),
        Binding("down", "move(1)", "Down", show=False, priority=True, tooltip="The next entry"),
        Binding("up", "move(-1)", "Up", show=False, priority=True, tooltip="The entry before"),
        Binding("escape", "close", "Close", tooltip="Back to the results: what was accepted "
                "stays tagged"),
    ]

    def __init__(self, report: Report, book: ThemeBook, save: Callable[[], None]) -> None:
        super().__init__()
        self.report = report
        self.book = book
        self.save = save
        """Saves the book (atomically); may raise StoreError."""
        untagged = report.untagged()
        self.notes: dict[tuple[str, str], Note] = {note.ref: note for note in untagged}
        self.suggestions: list[Suggestion] = []
        self.index = 0
        """The suggestion shown: its place in `suggestions`."""
        self.label = ""
        """The name the shown suggestion's theme will get: its words, or the analyst's."""
        self.tagged: set[tuple[str, str]] = set()
        self.working = True

    def compose(self) -> ComposeResult:
        yield Static(Text("Suggested themes", style="bold"), id="suggest-title")
        yield Static(WORKING, id="suggest-status")
        with Vertical(id="suggest-body"):
            with Horizontal(id="suggest-name"):
                yield Static("Theme name", id="suggest-name-label")
                yield Input(id="suggest-label", select_on_focus=False)
            yield Static(id="suggest-counts")
            yield SelectionList[tuple[str, str]](id="suggest-members")
            with VerticalScroll(id="suggest-detail"):
                yield Static(id="suggest-detail-text")
            yield Static(KEYS, id="suggest-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = not self.app.is_headless  # still in snapshots
        self.query_one("#suggest-body").display = False
        items = [(note.ref, note.text) for note in self.notes.values()]
        self.run_worker(lambda: suggest(items), thread=True, exit_on_error=False,
                        name="suggestions")

    # -- the suggestions arrive -----------------------------------------------------------------

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "suggestions" or event.state not in (WorkerState.SUCCESS,
                                                                      WorkerState.ERROR):
            return
        self.working = False
        if event.state is WorkerState.ERROR:
            self.show_status(str(event.worker.error))
        else:
            self.suggestions = list(event.worker.result or [])
            if self.suggestions:
                self.show(0)
            else:
                self.show_status(self.nothing_to_suggest())
        self.refresh_bindings()

    def nothing_to_suggest(self) -> str:
        if not self.notes:
            return "Every comment, proposed wording and answer has a theme: nothing to suggest."
        return (f"No suggestions: the {entries(len(self.notes))} without a theme share too few "
                "words to group (a group needs two entries that use the same words).")

    def show_status(self, message: str) -> None:
        self.query_one("#suggest-body").display = False
        status = self.query_one("#suggest-status", Static)
        status.display = True
        status.update(Text(message + "\n\nescape: back to the results"))

    # -- one suggestion -------------------------------------------------------------------------

    @property
    def current(self) -> Suggestion | None:
        if self.working or self.index >= len(self.suggestions):
            return None
        return self.suggestions[self.index]

    def show(self, index: int) -> None:
        self.index = index
        suggestion = self.suggestions[index]
        self.label = suggestion.label
        grouped = sum(len(s.members) for s in self.suggestions)
        self.query_one("#suggest-title", Static).update(Text.assemble(
            ("Suggested themes", "bold"), f" · {index + 1} of {len(self.suggestions)} · "
            f"grouping {grouped} of the {entries(len(self.notes))} without a theme"))
        self.query_one("#suggest-status").display = False
        self.query_one("#suggest-body").display = True
        self.query_one(Input).value = self.label
        members = self.query_one(SelectionList)
        members.clear_options()
        members.add_options([(member_prompt(self.notes[ref]), ref, True)
                             for ref in suggestion.members])
        members.highlighted = 0
        self.show_detail(suggestion.members[0])
        members.focus()
        self.show_counts()

    def show_counts(self) -> None:
        suggestion = self.current
        if suggestion is None:
            return
        workshops = len({ref[0] for ref in suggestion.members})
        ticked = len(self.query_one(SelectionList).selected)
        self.query_one("#suggest-counts", Static).update(
            f"{entries(len(suggestion.members))} from {workshops} workshop"
            f"{'' if workshops == 1 else 's'} · {ticked} ticked: a tags "
            f"{'them' if ticked != 1 else 'it'}")

    def on_selection_list_selected_changed(self) -> None:
        self.show_counts()

    def on_selection_list_selection_highlighted(
            self, event: SelectionList.SelectionHighlighted) -> None:
        self.show_detail(event.selection.value)

    def show_detail(self, ref: tuple[str, str]) -> None:
        self.query_one("#suggest-detail-text", Static).update(
            member_detail(self.notes[ref], self.report))
        self.query_one("#suggest-detail").scroll_home(animate=False)

    def next_suggestion(self) -> None:
        if self.index + 1 < len(self.suggestions):
            self.show(self.index + 1)
        else:
            self.dismiss(len(self.tagged))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "rename", "reject", "toggle", "move"):
            return self.current is not None and not isinstance(self.focused, Input)
        return True

    def action_toggle(self) -> None:
        members = self.query_one(SelectionList)
        if members.highlighted is not None:
            members.toggle(members.get_option_at_index(members.highlighted))

    def action_move(self, delta: int) -> None:
        members = self.query_one(SelectionList)
        if members.option_count:
            current = members.highlighted if members.highlighted is not None else -delta
            members.highlighted = min(max(current + delta, 0), members.option_count - 1)

    # -- the analyst decides --------------------------------------------------------------------

    def action_accept(self) -> None:
        ticked = self.query_one(SelectionList).selected
        if self.current is None:
            return
        if not ticked:
            self.notify("No entry is ticked: tick some with space, or press x to reject.",
                        severity="warning", markup=False)
            return
        try:
            theme = self.book.find(self.label) or self.book.add(self.label)
            for ref in ticked:
                note = self.notes[ref]
                self.book.tag(note.session_id, note.entry_id, note.kind, note.target, note.text,
                              theme.name)
        except ThemeError as exc:
            self.notify(str(exc), title="Not tagged", severity="error", markup=False)
            return
        self.tagged.update(ticked)
        try:
            self.save()
        except StoreError as exc:
            self.notify(f"{exc}\nThe tags are kept here; press a to try saving again.",
                        title="Themes NOT SAVED", severity="error", markup=False, timeout=30)
            return
        self.notify(f"Tagged {entries(len(ticked))} with '{theme.name}'.", markup=False)
        self.next_suggestion()

    def action_reject(self) -> None:
        if self.current is not None:
            self.next_suggestion()

    def action_rename(self) -> None:
        if self.current is None:
            return
        field = self.query_one(Input)
        # At once, not after a refresh as `focus()` does: a name typed in the same burst as the
        # r ("rTraining⏎a") must reach the field, not the list, where its a would accept.
        self.set_focus(field)
        field.action_end()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.keep_name(event.input):
            self.set_focus(self.query_one(SelectionList))

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Leaving the name (tab, a click) keeps what was typed, as enter does."""
        if event.input.value != self.label and not self.keep_name(event.input):
            event.input.value = self.label
        self.query_one("#suggest-keys", Static).update(KEYS)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self.query_one("#suggest-keys", Static).update(NAMING_KEYS)

    def keep_name(self, field: Input) -> bool:
        """The name typed becomes the label, if a theme may have it (codebook.clean_name)."""
        try:
            self.label = clean_name(field.value)
        except ThemeError as exc:
            self.notify(str(exc), title="Not renamed", severity="error", markup=False)
            return False
        field.value = self.label
        return True

    def action_close(self) -> None:
        field = self.query_one(Input)
        if field.has_focus:  # escape while renaming drops the edit
            field.value = self.label
            self.set_focus(self.query_one(SelectionList))
            return
        self.dismiss(len(self.tagged))
