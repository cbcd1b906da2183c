"""One step per principle: its commitments with their votes, and the highlighted one in detail.

Each vote option's key adds a vote to the highlighted commitment and shift+key takes one away;
`=` is count mode, a show of hands typed commitment after commitment (dialogs/counts.py); `c`
comments; `w` proposes new wording; `e`/`delete` edit or remove the highlighted comment or
wording (one tab moves from the commitments to those entries and back).

The list's columns are headed in its top border (the option keys, `c`, `w`), and a commitment
with more votes than people is flagged on its row (`⚠13/12`). In a narrow terminal (80x24) the
list takes the height its commitments need and the detail is compact: one line of counts
instead of bars (the rows show them), so the comments below stay in view.
"""

from __future__ import annotations

from functools import lru_cache

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static

from workshop.protocol.model import Commitment, Principle
from workshop.session.kinds import Mode, Step
from workshop.tui.dialogs.counts import CountsDialog
from workshop.tui.messages import CountsSet, VoteCast, VoteRemoved
from workshop.tui.render import (
    Options,
    commitment_header,
    commitment_row,
    head_count,
    vote_bars,
)
from workshop.tui.screens.step import StepData, StepScreen
from workshop.tui.tones import TONE_CLASSES, option_colours
from workshop.tui.widgets.entry_list import EntryList


class PrincipleScreen(StepScreen):
    """The step for one principle. Use `principle_screen(protocol, principle)` to make one."""

    main_list_id = "commitments"
    HELP_SECTION = "This principle"
    COMPONENT_CLASSES = TONE_CLASSES

    BINDINGS = [
        Binding("equals_sign", "type_counts", "Counts",
                tooltip="Type every vote count at once, one commitment after another",
                priority=True),
        Binding("c", "comment", "Comment", tooltip="Comment on the highlighted commitment",
                priority=True),
        Binding("w", "wording", "Wording",
                tooltip="Propose new wording (starts from the published text)", priority=True),
        Binding("e", "edit_entry", "Edit", tooltip="Edit the highlighted comment or wording",
                show=False, priority=True),
        Binding("delete", "delete_entry", "Remove",
                tooltip="Remove the highlighted comment or wording (asks first)", show=False,
                priority=True),
    ]

    def __init__(self, data: StepData, principle: Principle, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.principle = principle
        self.step_name = Step.principle(principle.id)
        self.title_text = principle.title
        self.budget_minutes = principle.minutes
        self._commitments_list: OptionList | None = None

    def body(self) -> ComposeResult:
        yield Static(Text(self.principle.statement, style="italic"), id="statement")
        with Vertical(id="split"):
            yield OptionList(id="commitments")
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
                yield Static(id="detail-bars")
                yield Static(id="detail-compact")
                yield EntryList("No comments or proposed wordings yet: c to comment, "
                                "w to propose wording.", id="entries")

    def on_mount(self) -> None:
        self.fill_main_list([(c.id, c.text) for c in self.principle.commitments])
        # The columns' heading sits in the list's top border, so it takes no line of the list.
        # The border draws "╭─ " before it, a column more than the rows' "│ ": hence [1:].
        header = self.header()
        self.query_one("#commitments", OptionList).border_title = header[1:]
        super().on_mount()

    # -- what is highlighted --------------------------------------------------------------------

    @property
    def commitment_index(self) -> int:
        """The highlighted commitment (the first while the list is still being mounted: a vote
        key can arrive a moment after `n` has switched to this step)."""
        listing = self.commitments_list
        return (listing.highlighted or 0) if listing is not None else 0

    @property
    def commitments_list(self) -> OptionList | None:
        """The list of commitments, once mounted (looked up once: a query walks the screen,
        and every key asks for the highlighted commitment)."""
        if self._commitments_list is None:
            lists = self.query("#commitments")
            self._commitments_list = lists.first() if lists else None
        return self._commitments_list

    @property
    def commitment(self):
        return self.principle.commitments[self.commitment_index]

    def selected_entry_id(self) -> str | None:
        return self.query_one("#entries", EntryList).highlighted_entry_id()

    # -- drawing --------------------------------------------------------------------------------

    def header(self) -> Text:
        """The heading of the list's columns (in its top border)."""
        return commitment_header(self.session.options)

    def row(self, number: int, commitment: Commitment) -> RenderableType:
        """One commitment's row in the list."""
        session, cid = self.session, commitment.id
        return commitment_row(number, commitment.text, session.counts(cid),
                              len(session.comments.get(cid, [])),
                              len(session.amendments.get(cid, [])), session.options,
                              session.meta.participants)

    def row_key(self, commitment: Commitment) -> tuple:
        """What a commitment's row shows, as a value: its row is redrawn when this changes."""
        session, cid = self.session, commitment.id
        return (tuple(session.counts(cid).items()), len(session.comments.get(cid, [])),
                len(session.amendments.get(cid, [])), session.meta.participants)

    def entries_key(self, c: Commitment) -> tuple:
        """What the detail's entries show, as a value (an edit changes an entry in place)."""
        session = self.session
        return tuple(tuple(vars(e).values()) for table in (session.comments, session.amendments)
                     for e in table.get(c.id, []))

    def refresh_step(self) -> None:
        """Redraw the rows whose figures changed, and the detail (after any change)."""
        self.update_rows(self.commitments_list, {
            index: (self.row_key(c), lambda index=index, c=c: self.row(index + 1, c))
            for index, c in enumerate(self.principle.commitments)})
        self.refresh_detail()

    def refresh_detail(self) -> None:
        """The highlighted commitment in detail: each part redrawn only if what it shows
        changed (a vote changes the bars, not the text or the comments)."""
        c, index = self.commitment, self.commitment_index
        figures = (index, self.row_key(c))
        self.show_in("#detail-text", index, lambda: self.detail_head(c))
        colours = tuple(option_colours(self, self.session).items())
        self.show_in("#detail-bars", (figures, colours), lambda: self.bars(c))
        self.show_in("#detail-compact", figures, lambda: self.compact(c))
        key = (c.id, self.entries_key(c))
        if self.drawn.get("entries") != key:
            self.drawn["entries"] = key
            self.show_entries(c)

    def detail_head(self, c: Commitment) -> Text:
        head = Text()
        count = len(self.principle.commitments)
        head.append(f"Commitment {self.commitment_index + 1} of {count}\n", style="dim")
        head.append(c.text, style="bold")
        return head

    def bars(self, c: Commitment) -> RenderableType:
        """The detail's bars, one per option, with the head count under them."""
        session = self.session
        return Group(Text(""), vote_bars(session.counts(c.id), session.options,
                                         session.meta.participants, option_colours(self, session)))

    def compact(self, c: Commitment) -> Text:
        """The detail's head in a narrow terminal."""
        return compact_detail(self.commitment_index, len(self.principle.commitments),
                              self.session.counts(c.id), self.session.options,
                              self.session.meta.participants)

    def show_entries(self, c: Commitment) -> None:
        session = self.session
        entries = [("comments", e) for e in session.comments.get(c.id, [])]
        entries += [("amendments", e) for e in session.amendments.get(c.id, [])]
        entries.sort(key=lambda pair: pair[1].created)
        self.query_one("#entries", EntryList).show(entries, original=c.text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "commitments":
            self.refresh_detail()

    # -- actions --------------------------------------------------------------------------------

    def action_vote(self, option_id: str) -> None:
        if self.editing_allowed():
            self.post_message(VoteCast(self.commitment.id, option_id))

    def action_unvote(self, option_id: str) -> None:
        if self.editing_allowed():
            self.post_message(VoteRemoved(self.commitment.id, option_id))

    def action_type_counts(self) -> None:
        """Count mode from the highlighted commitment on (dialogs/counts.py); the list follows
        the commitment being counted and stays on it when the dialog closes."""
        if not self.editing_allowed():
            return
        self.app.push_screen(CountsDialog(self.principle, self.commitment_index,
                                          self.session, on_counted=self.counted,
                                          on_move=self.highlight),
                             self.highlight)

    def counted(self, commitment_id: str, counts: dict[str, int]) -> None:
        """A commitment counted in count mode: up to the app, which saves it."""
        self.post_message(CountsSet(commitment_id, counts))

    def highlight(self, index: int | None) -> None:
        """Highlight the commitment at `index` (the count dialog moves it). Not once this
        screen has gone: an `n` typed straight after escape switches steps first."""
        if index is not None and self.is_attached:
            self.query_one("#commitments", OptionList).highlighted = index

    def action_comment(self) -> None:
        if self.editing_allowed():
            c = self.commitment
            self.ask_text("comment", c.id, f"Comment on: {c.text}", context="")

    def action_wording(self) -> None:
        if self.editing_allowed():
            c = self.commitment
            self.ask_text("amendment", c.id, "Propose new wording",
                          context=f"Published text: {c.text}", start_text=c.text)


def compact_detail(index: int, count: int, counts: dict[str, int], options: Options,
                   participants: int | None) -> Text:
    """The detail's head in a narrow terminal (80x24), where the list shows the commitment's
    text: `1 of 7 · [a] Agree 7 · [m] Agree if amended 3 · [d] Disagree 2`, then the head
    count, so the comments below get the lines the bars took."""
    line = Text(f"{index + 1} of {count}", style="dim")
    for option in options:
        n = counts.get(option.id, 0)
        line.append(" · ", style="dim")
        line.append(f"[{option.key}] ", style="dim")
        line.append(f"{option.label} ")
        line.append(str(n), style="bold" if n else "dim")
    total = sum(counts.values())
    status = head_count(total, participants)
    if participants is not None and total > participants:
        status = Text.assemble(("⚠ ", "bold red"), status)
    return Text.assemble(line, "\n", status)


@lru_cache(maxsize=None)
def _screen_class(options: Options) -> type[PrincipleScreen]:
    """A PrincipleScreen whose bindings include these vote keys."""
    bindings = []
    # One footer entry for all the vote keys ("a m d Vote"), so the footer fits 80 columns; the
    # detail pane labels each key ("[a] Agree") beside its bar.
    votes = Binding.Group("Vote", compact=False)
    for option in options:
        adds = f"Add one '{option.label}' vote to the highlighted commitment"
        bindings.append(Binding(option.key, f"vote('{option.id}')", option.label, tooltip=adds,
                                priority=True, group=votes))
        # A terminal sends shift+a as "A"; both keys are shown as the one a person presses.
        bindings.append(Binding(f"{option.key.upper()},shift+{option.key}",
                                f"unvote('{option.id}')", f"-{option.label}", show=False,
                                priority=True,
                                key_display=f"shift+{option.key}",
                                tooltip=f"Remove one '{option.label}' vote (never below 0)"))
    return type("PrincipleScreen", (PrincipleScreen,),
                {"BINDINGS": bindings, "HELP_SECTION": "Votes on the highlighted commitment",
                 "__module__": __name__})


def principle_screen(data: StepData, principle: Principle, **kwargs) -> PrincipleScreen:
    """The step for `principle`: a consultation's votes, or an assessment's ratings."""
    if data.session.mode is Mode.ASSESS:
        from workshop.tui.screens.assess_step import assessment_screen
        return assessment_screen(data, principle, **kwargs)
    return _screen_class(data.session.options)(data, principle, **kwargs)
