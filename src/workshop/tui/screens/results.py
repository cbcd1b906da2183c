"""The results view: a merged file, a single session, or every session in the folder. The
result is read-only; the analyst's themes are kept beside it (screens/results_tagging.py
and results_codebook.py).

Five tabs. **Commitments**: per principle, each commitment with a stacked bar of its vote
shares, its totals, its mark (contested / consensus, see consultation/marks.py) and how many
comments and wordings it has; the highlighted one in detail with each workshop's counts, the
themes on its entries, and its comments and proposed wordings, each with its themes.
**Questions**: each question with its answers, each with its workshop.
**Workshops**: the sessions merged, with their recommendations. **Findings**: what the committee
decides on. **Themes**: the analyst's codebook with its counts and quotes (widgets/themes_pane.py).
`o` changes the order (protocol, most contested, most commented); `s` shows the comments and
answers of one workshop only; `t` tags the highlighted comment, wording or answer with a theme,
`T` shows only the entries with one theme (or none); the command palette jumps to a principle.
A long comment, wording or answer is clipped in its list; enter on it shows all of it
(dialogs/text_viewer.py). A list shows its entries a page at a time: `m`, or ↓ past the last
one, shows more (results_tagging.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from workshop.consultation.marks import ORDERS
from workshop.consultation.records import Merged
from workshop.consultation.report import CommitmentView, Note
from workshop.consultation.report_build import build_report
from workshop.protocol.model import Protocol
from workshop.session.kinds import EntryKind, Mode
from workshop.tui import results_modes as modes
from workshop.tui.dialogs.text_viewer import TextViewer
from workshop.tui.dialogs.theme_picker import EVERY
from workshop.tui.results_render import question_detail, workshop_detail
from workshop.tui.screens.results_codebook import CodebookScreen
from workshop.tui.tagging import Tagging
from workshop.tui.tones import TONE_CLASSES, option_colours
from workshop.tui.widgets.themes_pane import ThemesPane

TAB_FOCUS = {"tab-commitments": "#result-list", "tab-questions": "#question-list",
             "tab-workshops": "#workshop-table", "tab-findings": "#findings",
             "tab-themes": "#theme-list"}
"""What each tab focuses when it is shown."""


class ResultsScreen(CodebookScreen):
    CSS_PATH = "results_themes.tcss"
    COMPONENT_CLASSES = TONE_CLASSES
    HELP_SECTION = "The results"
    BINDINGS = [
        Binding("escape,q", "close", "Back", tooltip="Back to the list of sessions", priority=True),
        Binding("o", "cycle_order", "Order", priority=True,
                tooltip="Protocol order, most contested, most commented"),
        Binding("s", "pick_session", "Workshop", tooltip="Show one workshop's comments and answers",
                priority=True),
        Binding("t", "tag", "Tag", priority=True, tooltip="Tag the highlighted comment, "
                "proposed wording or answer with a theme (again for another; ✓ takes it off)"),
        # A terminal sends shift+t as "T".
        Binding("T,shift+t", "filter_theme", "Theme", priority=True, key_display="T",
                tooltip="Show only the entries with a theme, or the untagged ones"),
        Binding("S,shift+s", "suggest", "Suggest", priority=True, key_display="S",
                tooltip="Suggested themes for the untagged entries: accept, rename or reject each"),
        Binding("1", "tab('commitments')", "Commitments", show=False, priority=True,
                tooltip="The Commitments tab: shares, marks, comments and wordings"),
        Binding("2", "tab('questions')", "Questions", show=False, priority=True,
                tooltip="The Questions tab: every answer under its question"),
        Binding("3", "tab('workshops')", "Workshops", show=False, priority=True,
                tooltip="The Workshops tab: the sessions and their recommendations"),
        Binding("4", "tab('findings')", "Findings", show=False, priority=True,
                tooltip="The Findings tab: marks counted, recommendations, contested and most "
                "amended commitments"),
        Binding("5", "tab('themes')", "Themes", show=False, priority=True,
                tooltip="The Themes tab: each theme's counts and quotes; change the codebook"),
        Binding("m", "more", "More", show=False, priority=True,
                tooltip="Show more of the comments, proposed wordings or answers (as does ↓ "
                "past the last one shown)"),
        Binding("question_mark,f1", "app.help", "Keys", show=False, priority=True,
                tooltip="Show every key"),
        # Bound here, not left to the focused list, so they run in step with t and the Themes
        # tab's keys: "down, t" tags the entry below, however fast it is typed.
        Binding("down,j", "move(1)", "Down", show=False, priority=True,
                tooltip="Move down the list"),
        Binding("up,k", "move(-1)", "Up", show=False, priority=True, tooltip="Move up the list"),
        Binding("home", "jump('first')", "First", show=False, priority=True,
                tooltip="The top of the list"),
        Binding("end", "jump('last')", "Last", show=False, priority=True,
                tooltip="The end of the list"),
        Binding("pageup", "jump('page_up')", "Page up", show=False, priority=True),
        Binding("pagedown", "jump('page_down')", "Page down", show=False, priority=True),
    ]

    def __init__(self, merged: Merged, protocol: Protocol, label: str, source: Path,
                 tagging: Tagging | None = None) -> None:
        super().__init__()
        self.source = source
        """The file the results came from; exports are written beside it, named after it. The
        sessions folder's results, merged in memory, name a file in that folder that does not
        exist: their exports are `results-<today>` there (app_exports.py)."""
        self.merged = merged
        self.protocol = protocol
        self.label = label
        """What is shown, for the title line: a file name, or the sessions folder."""
        self.tagging = tagging or Tagging.beside(source)
        """The analyst's themes: the book and its theme file beside `source`."""
        self.report = build_report(merged, protocol, self.tagging.book)
        """What the view lays out: every figure and label comes from here."""
        self.order = "protocol"
        self.session_filter = ""
        """A session id: only its comments and answers are shown. "" shows every workshop's."""
        self.rows: list[CommitmentView] = list(self.report.commitments)
        """The commitments as listed, in the current order."""
        self.due: set[str] = set()
        """The lists whose highlight moved since their item was last shown."""
        self.oldest_first: dict[str, tuple[CommitmentView, list[Note]]] = {}
        """Each commitment's comments and wordings, oldest first, and the view they are of."""

    def compose(self) -> ComposeResult:
        yield Static(id="results-title")
        with TabbedContent(id="results-tabs", initial=modes.first_tab(self.report)):
            with TabPane("1 Commitments", id="tab-commitments"):
                # What the figures under each commitment are, and what ✎ counts.
                yield Static(modes.legend(self.report), id="results-legend")
                yield from self._split("result-list", "result-detail", "result-text",
                                       "result-entries")
            with TabPane("2 Questions", id="tab-questions"):
                yield from self._split("question-list", "question-detail", "question-text",
                                       "answer-list")
            with TabPane("3 Workshops", id="tab-workshops"):
                with VerticalScroll(classes="results-detail"):
                    yield DataTable(id="workshop-table", cursor_type="row", zebra_stripes=True)
                    yield Static(id="workshop-detail")
            with TabPane(modes.FINDINGS_TAB[self.report.mode], id="tab-findings"):
                with VerticalScroll(id="findings", classes="results-detail", can_focus=True):
                    yield Static(id="findings-text")
            with TabPane("5 Themes", id="tab-themes"):
                yield ThemesPane(id="themes")
        yield Footer()

    @staticmethod
    def _split(list_id: str, detail_id: str, text_id: str, entries_id: str) -> ComposeResult:
        """A list beside (or, narrow, above) the highlighted item's detail and its entries."""
        with Horizontal(classes="results-split"):
            yield OptionList(id=list_id, markup=False)
            with VerticalScroll(id=detail_id, classes="results-detail"):
                yield Static(id=text_id)
                yield OptionList(id=entries_id, classes="results-entries", markup=False)
                yield Static(id=f"{entries_id}-more", classes="entries-more")

    def on_mount(self) -> None:
        # The result and its report live as long as the view: kept out of the collector's scans
        # (a third of a move's time at 1,000 workshops) until it closes.
        gc.freeze()
        self.show_title()
        self.show_findings()
        self.query_one(TAB_FOCUS[modes.first_tab(self.report)]).focus()
        # The lists take a highlight only once they have been laid out in their tab.
        self.call_after_refresh(self.fill_commitments)
        self.call_after_refresh(self.fill_questions)
        self.call_after_refresh(self.show_themes)
        self.announce_themes()

    def on_unmount(self) -> None:
        gc.unfreeze()

    # -- the title line -------------------------------------------------------------------------

    def show_title(self) -> None:
        title = Text()
        title.append("Results", style="bold")
        title.append(f" · {self.label} · ")
        title.append(f"{modes.title_figures(self.report)}\n")
        title.append(f"Order: {ORDERS[self.order]} (o)", style="dim")
        title.append(" · Comments and answers from: ", style="dim")
        if self.session_filter:
            title.append(self.report.workshop(self.session_filter).name, style="bold yellow")
        else:
            title.append("every workshop", style="dim")
        title.append(" (s)", style="dim")
        if self.tagging.on and (self.tagging.book.themes or self.theme_filter.kind != EVERY):
            title.append(" · Theme: ", style="dim")
            every = self.theme_filter.kind == EVERY
            title.append(self.filter_label(), style="dim" if every else "bold yellow")
            title.append(" (T)", style="dim")
        if self.tagging.unsaved:
            title.append("  Themes NOT SAVED", style="bold white on red")
        self.query_one("#results-title", Static).update(title)

    # -- commitments ----------------------------------------------------------------------------

    def fill_commitments(self, keep: str | None = None) -> None:
        """The list in the current order; in protocol order each principle's first commitment
        carries the principle's title."""
        self.rows = self.report.sorted_commitments(self.order)
        grouped = self.order == "protocol"
        colours = option_colours(self, self.report)
        options = [Option(modes.row(self.report, c, not grouped, colours,
                                    header=grouped and c.number == 1), id=c.id)
                   for c in self.rows]
        listing = self.query_one("#result-list", OptionList)
        listing.set_options(options)
        ids = [c.id for c in self.rows]
        listing.highlighted = ids.index(keep) if keep in ids else 0
        self.show_commitment()

    @property
    def current(self) -> CommitmentView | None:
        index = self.query_one("#result-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def show_commitment(self, keep: str = "") -> None:
        view = self.current
        if view is None:
            return
        self.query_one("#result-text", Static).update(
            modes.detail(self.report, view, option_colours(self, self.report)))
        cached = self.oldest_first.get(view.id)
        if cached is None or cached[0] is not view:  # sorted once for each report
            cached = self.oldest_first[view.id] = (view, sorted(
                (*view.comments, *view.amendments), key=lambda n: (n.created, n.session_id)))
        self.show_entries("#result-entries", self._shown(cached[1]), view.text,
                          modes.no_entries(self.report), keep)

    def _shown(self, notes: Iterable[Note]) -> list[Note]:
        """The notes the workshop and theme filters let through (all, with neither on)."""
        if not self.session_filter and self.theme_filter.kind == EVERY:
            return list(notes)
        return [n for n in notes if self.theme_shown(n) and (
            not self.session_filter or n.session_id == self.session_filter)]

    def show_findings(self) -> None:
        """The Findings tab in the report's mode (results_modes.py)."""
        findings_view = modes.findings_view(self.report, option_colours(self, self.report),
                                            self.found())
        self.query_one("#findings-text", Static).update(findings_view)

    # -- questions ------------------------------------------------------------------------------

    def fill_questions(self) -> None:
        listing = self.query_one("#question-list", OptionList)
        options = []
        for view in self.report.questions:
            n = len(view.answers)
            options.append(Option(Text.assemble((f"{n:>3} ", "bold" if n else "dim"),
                                                (f"Q{view.number}. ", "dim"), view.question.text),
                                  id=view.question.id))
        listing.set_options(options)
        listing.highlighted = 0
        self.show_question()

    def show_question(self, keep: str = "") -> None:
        index = self.query_one("#question-list", OptionList).highlighted or 0
        view = self.report.questions[index]
        self.query_one("#question-text", Static).update(question_detail(view))
        answers = self._shown(view.answers)
        self.show_entries("#answer-list", answers, "", "No answers", keep)

    # -- themes ---------------------------------------------------------------------------------

    def show_themes(self) -> None:
        self.themes_pane().show(self.report, self.found())

    # -- workshops ------------------------------------------------------------------------------

    def fill_workshops(self) -> None:
        """The Workshops tab's table, filled when the tab is first shown (a thousand rows are
        not laid out for a view that may never show them)."""
        table = self.query_one("#workshop-table", DataTable)
        if table.columns:
            return
        heading, outcome = modes.workshop_outcome(self.report)
        table.add_columns("Workshop", heading, "Status", "People", "Location", "Facilitator")
        for w in self.report.workshops:
            r = w.record
            table.add_row(Text(w.name), outcome(w),
                          "complete" if r.complete else "in progress",
                          "" if r.participants is None else str(r.participants),
                          Text(r.location), Text(r.facilitator), key=r.id)
        self.show_workshop()

    def show_workshop(self) -> None:
        table = self.query_one("#workshop-table", DataTable)
        workshops = self.report.workshops
        if not workshops:
            return
        w = workshops[min(table.cursor_row, len(workshops) - 1)]
        self.query_one("#workshop-detail", Static).update(
            workshop_detail(w, recommendation=self.report.mode is Mode.CONSULT))

    # -- events and actions ---------------------------------------------------------------------

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted item's detail and entries, once for a burst of moves: ↓ held down
        queues highlights faster than a commitment's entries are laid out, and only the last
        is seen."""
        list_id = event.option_list.id or ""
        if list_id in ("result-list", "question-list"):
            if not self.due:
                self.call_later(self.show_due)
            self.due.add(list_id)

    def show_due(self) -> None:
        due, self.due = self.due, set()
        if "result-list" in due:
            self.show_commitment()
        if "question-list" in due:
            self.show_question()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Tabbing to a list of entries highlights its first, so enter reads it at once."""
        widget = event.widget
        if isinstance(widget, OptionList) and (widget.id or "") in self.notes \
                and widget.highlighted is None and self.notes[widget.id or ""]:
            widget.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        notes = self.notes.get(event.option_list.id or "", [])
        if 0 <= event.option_index < len(notes):
            note = notes[event.option_index]
            self.app.push_screen(TextViewer(f"{EntryKind(note.kind).heading} · {note.workshop}",
                                            note.text))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_workshop()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-workshops":
            self.fill_workshops()
        self.query_one(TAB_FOCUS[event.pane.id]).focus()
        self.refresh_bindings()  # t applies only where the entries are

    def action_tab(self, tab: str) -> None:
        """Show a tab and focus its list at once, so keys typed right after the tab's number
        ("5, end, r") act in it."""
        self.query_one(TabbedContent).active = f"tab-{tab}"
        if tab == "workshops":
            self.fill_workshops()
        self.set_focus(self.query_one(TAB_FOCUS[f"tab-{tab}"]))

    def action_cycle_order(self) -> None:
        orders = list(ORDERS)
        self.order = orders[(orders.index(self.order) + 1) % len(orders)]
        keep = self.current.id if self.current else None
        self.fill_commitments(keep)
        self.show_title()
        self.action_tab("commitments")
        self.notify(f"Sorted: {ORDERS[self.order]}", markup=False, timeout=2)

    def action_pick_session(self) -> None:
        from workshop.tui.dialogs.pick_session import PickSessionDialog

        def chosen(session_id: str | None) -> None:
            if session_id is None:
                return
            self.session_filter = session_id
            self.show_commitment()
            self.show_question()
            self.show_title()

        self.app.push_screen(PickSessionDialog(self.report.workshops, self.session_filter), chosen)

    def jump_to_principle(self, principle_id: str) -> None:
        """Show the principle's first commitment (in protocol order)."""
        if self.order != "protocol":
            self.order = "protocol"
            self.fill_commitments()
            self.show_title()
        self.action_tab("commitments")
        first = next(p.commitments[0].id for p in self.protocol.principles if p.id == principle_id)
        ids = [c.id for c in self.rows]
        listing = self.query_one("#result-list", OptionList)
        listing.highlighted = ids.index(first)
        listing.scroll_to_highlight(top=True)

    def action_close(self) -> None:
        """Back to what was under the results: the start screen (also when they were opened
        from the command line, which puts the start screen under them), once the themes are
        on disk (or the analyst chose to leave without them)."""
        self.leave_safely(self.dismiss)
