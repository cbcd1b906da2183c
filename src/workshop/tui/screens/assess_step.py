"""A principle's step in an assessment: the room rates how well the partnership lives each
commitment today, notes its evidence and agrees actions where it is rated low.

The same step as a consultation's (principle.py), on the session's scale instead of the vote
options: a point's digit (`1`–`5`) adds one rating to the highlighted commitment and shift+digit
takes one away; `=` types every point's count at once (count mode). A terminal sends shift+1 as
`!` (US layout `! @ # $ % ^ & * ( )` for 1 … 0; a UK keyboard sends `"` for shift+2 and `£` for
shift+3), so those characters are bound as well as `shift+1`. Each row shows the count per point,
the mean to one decimal, and `⚑ needs action` on a commitment rated low (mean at or below the
scale's `low`) with no action yet. `c` notes evidence (the comment machinery, called Evidence
here); `a` agrees an action with an owner and a due date (dialogs/action_form.py), posted up
as `ChangeRequested` for the app to apply; `w` (proposed wording) is not offered. Tab moves from
the commitments to the evidence, to the actions, and back; `e` and `delete` edit or remove the
highlighted evidence note or action.
"""

from __future__ import annotations

from functools import lru_cache

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop.consultation.assessment import Spread, spread_of
from workshop.protocol.model import Commitment, Principle
from workshop.session.model import Action
from workshop.tui.dialogs.action_form import ActionDetails, ActionForm
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.dialogs.text_viewer import TextViewer
from workshop.tui.messages import ChangeRequested, EntryDeleted, TextEntered
from workshop.tui.render import (
    Options,
    action_prompt,
    entry_prompt,
    head_count,
    rating_header,
    rating_row,
    rating_summary,
    vote_bars,
)
from workshop.tui.screens.principle import PrincipleScreen
from workshop.tui.screens.step import StepData
from workshop.tui.tones import option_colours
from workshop.tui.widgets.entry_list import EntryList

SHIFTED = {"1": ("exclamation_mark",), "2": ("at", "quotation_mark"),
           "3": ("number_sign", "pound_sign"), "4": ("dollar_sign",), "5": ("percent_sign",),
           "6": ("circumflex_accent",), "7": ("ampersand",), "8": ("asterisk",),
           "9": ("left_parenthesis",), "0": ("right_parenthesis",)}
"""digit → the keys a terminal sends for shift+digit: US layout, and UK where it differs."""

EVIDENCE = "Evidence"


class EvidenceList(EntryList):
    """The commitment's evidence notes (its comments), headed `Evidence`."""

    def show(self, entries, original: str = "") -> None:
        super().show(entries)
        for index, (kind, entry) in enumerate(entries):
            self.replace_option_prompt_at_index(index, entry_prompt(kind, entry, label=EVIDENCE))

    def read_highlighted(self) -> None:
        index = self.highlighted
        if index is not None and 0 <= index < len(self.entries):
            self.app.push_screen(TextViewer(EVIDENCE, self.entries[index][1].text))


class ActionList(OptionList):
    """The actions agreed on the highlighted commitment; the highlighted one is what `e` and
    `delete` act on."""

    DEFAULT_CSS = """
    ActionList, ActionList:focus { height: auto; max-height: 100%; border: none; padding: 0; }
    ActionList > .option-list--option { padding: 0 1; }
    """

    action_ids: list[str] = []

    def show(self, actions: list[Action]) -> None:
        keep = self.highlighted_action_id()
        self.action_ids = [a.id for a in actions]
        if not actions:
            self.set_options([Option(Text("No actions agreed yet: a to agree one.",
                                          style="dim italic"), disabled=True)])
            return
        self.set_options([Option(action_prompt(a), id=a.id) for a in actions])
        self.highlighted = self.action_ids.index(keep) if keep in self.action_ids else 0

    def highlighted_action_id(self) -> str | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.action_ids):
            return None
        return self.action_ids[index]


class AssessmentScreen(PrincipleScreen):
    """A principle's step in an assessment. `assessment_screen(data, principle)` makes one."""

    HELP_SECTION = "This principle"

    BINDINGS = [
        Binding("equals_sign", "type_counts", "Counts",
                tooltip="Type every point's count at once, one commitment after another",
                priority=True),
        Binding("c", "comment", EVIDENCE,
                tooltip="Note evidence for the highlighted commitment's rating", priority=True),
        Binding("a", "agree_action", "Action",
                tooltip="Agree an action on the highlighted commitment (owner, due date)",
                priority=True),
        # No proposed wording in an assessment: `w` is bound to nothing, so it does nothing.
        Binding("w", "nothing", "", show=False, priority=True),
        Binding("e", "edit_entry", "Edit",
                tooltip="Edit the highlighted evidence note or action", show=False,
                priority=True),
        Binding("delete", "delete_entry", "Remove",
                tooltip="Remove the highlighted evidence note or action (asks first)",
                show=False, priority=True),
        Binding("tab", "next_pane(1)", "Next pane",
                tooltip="Move from the commitments to their evidence, their actions, and back",
                show=False, priority=True),
    ]

    def body(self) -> ComposeResult:
        yield Static(Text(self.principle.statement, style="italic"), id="statement")
        with Vertical(id="split"):
            yield OptionList(id="commitments")
            with VerticalScroll(id="detail"):
                yield Static(id="detail-text")
                yield Static(id="detail-bars")
                yield Static(id="detail-compact")
                yield EvidenceList("No evidence noted yet: c to note evidence.", id="entries")
                yield ActionList(id="actions")

    # -- drawing --------------------------------------------------------------------------------

    def spread(self, c: Commitment) -> Spread:
        return spread_of(self.session.scale, self.session.counts(c.id))

    def low(self, spread: Spread) -> bool:
        """Rated, with a mean at or below the scale's `low` (assessment.Rating.low)."""
        return spread.mean is not None and spread.mean <= self.session.scale.low

    def header(self) -> Text:
        return rating_header(self.session.options)

    def row_key(self, commitment: Commitment) -> tuple:
        session, cid = self.session, commitment.id
        return (tuple(session.counts(cid).items()), len(session.comments.get(cid, [])),
                len(session.actions.get(cid, [])), session.meta.participants)

    def entries_key(self, c: Commitment) -> tuple:
        """The evidence and the actions, as values (both are edited in place)."""
        session = self.session
        return (tuple(tuple(vars(e).values()) for e in session.comments.get(c.id, [])),
                tuple(tuple(vars(a).values()) for a in session.actions.get(c.id, [])))

    def row(self, number: int, commitment: Commitment) -> RenderableType:
        session, cid = self.session, commitment.id
        spread = self.spread(commitment)
        actions = len(session.actions.get(cid, []))
        return rating_row(number, commitment.text, spread, len(session.comments.get(cid, [])),
                          actions, self.low(spread) and not actions, session.meta.participants)

    def bars(self, c: Commitment) -> RenderableType:
        session = self.session
        spread = self.spread(c)
        return Group(Text(""), vote_bars(session.counts(c.id), session.options,
                                         session.meta.participants, option_colours(self, session),
                                         verb="rated"),
                     rating_summary(spread, session.scale, self.low(spread),
                                    len(session.actions.get(c.id, []))))

    def compact(self, c: Commitment) -> Text:
        """`1 of 7 · 1:0 · 2:3 … 10 of 12 rated`, then the mean and spread and what a low rating
        asks for, on as few lines as they fit (the evidence and actions below need them)."""
        session = self.session
        spread = self.spread(c)
        line = Text(f"{self.commitment_index + 1} of {len(self.principle.commitments)}",
                    style="dim")
        for option in session.options:
            n = session.counts(c.id).get(option.id, 0)
            line.append(f" · {option.key}:", style="dim")
            line.append(str(n), style="bold" if n else "dim")
        summary = rating_summary(spread, session.scale, self.low(spread),
                                 len(session.actions.get(c.id, [])), sep=" · ")
        return Text.assemble(line, "  ", head_count(spread.n, session.meta.participants,
                                                     "rated"), "\n", summary)

    def show_entries(self, c: Commitment) -> None:
        session = self.session
        evidence = [("comments", e) for e in session.comments.get(c.id, [])]
        self.query_one("#entries", EvidenceList).show(evidence)
        self.query_one("#actions", ActionList).show(session.actions.get(c.id, []))

    # -- keys -----------------------------------------------------------------------------------

    def action_nothing(self) -> None:
        """`w`: no proposed wording in an assessment."""

    def action_comment(self) -> None:
        if self.editing_allowed():
            c = self.commitment
            self.ask_text("comment", c.id, f"Evidence for: {c.text}", context="")

    def action_next_pane(self, delta: int) -> None:
        """Tab: the commitments, their evidence, their actions, and round again."""
        panes = [self.query_one(f"#{pane}") for pane in ("commitments", "entries", "actions")]
        index = panes.index(self.focused) if self.focused in panes else -delta
        self.set_focus(panes[(index + delta) % len(panes)])

    def focused_action(self) -> Action | None:
        """The highlighted action while the actions have the focus (else None)."""
        actions = self.query_one("#actions", ActionList)
        if self.focused is not actions or (action_id := actions.highlighted_action_id()) is None:
            return None
        return self.session.find_action(action_id)[1]

    def action_agree_action(self) -> None:
        if not self.editing_allowed():
            return
        cid = self.commitment.id

        def done(details: ActionDetails | None) -> None:
            if details is not None:
                self.post_message(ChangeRequested(lambda live: live.add_action(
                    cid, details.text, details.owner, details.due)))
            self.post_message(TextEntered("action", cid, None))  # its draft goes either way

        self.app.push_screen(ActionForm("Agree an action", self.commitment.text,
                                        draft_target=cid), done)

    def action_edit_entry(self) -> None:
        action = self.focused_action()
        if action is None:
            return self.edit_evidence()
        if self.read_only:
            return

        def done(details: ActionDetails | None) -> None:
            if details is not None:
                self.post_message(ChangeRequested(lambda live: live.edit_action(
                    action.id, text=details.text, owner=details.owner, due=details.due)))

        self.app.push_screen(ActionForm("Edit the action", self.commitment.text,
                                        ActionDetails(action.text, action.owner, action.due)),
                             done)

    def edit_evidence(self) -> None:
        if not self.read_only and (found := self._selected_entry()) is not None:
            self.ask_text("edit", found[1].id, "Edit evidence", initial=found[1].text)

    def action_delete_entry(self) -> None:
        action = self.focused_action()
        if self.read_only:
            return
        if action is None:
            found = self._selected_entry()
            if found is None:
                return
            what, entry_id, text = "evidence note", found[1].id, found[1].text
        else:
            what, entry_id, text = "action", action.id, action.text

        def decided(remove: bool | None) -> None:
            if not remove:
                return
            if action is None:
                self.post_message(EntryDeleted(entry_id))
            else:
                self.post_message(ChangeRequested(lambda live: live.delete_action(entry_id)))

        self.app.push_screen(ConfirmDialog(f"Remove this {what}?", text[:500], yes="Remove",
                                           no="Keep"), decided)


@lru_cache(maxsize=None)
def _screen_class(options: Options) -> type[AssessmentScreen]:
    """An AssessmentScreen whose bindings include the scale's keys: a point's digit adds one
    rating, shift+digit (as a terminal sends it) takes one away."""
    bindings = []
    # One footer entry for every point ("1 2 3 4 5 Rate"): the detail labels each point.
    rate = Binding.Group("Rate", compact=False)
    for option in options:
        adds = f"Add one '{option.label}' ({option.key}) rating to the highlighted commitment"
        bindings.append(Binding(option.key, f"vote('{option.id}')", option.label, tooltip=adds,
                                priority=True, group=rate))
        keys = [*SHIFTED.get(option.key, ()), f"shift+{option.key}"]
        bindings.append(Binding(",".join(keys), f"unvote('{option.id}')", f"-{option.label}",
                                show=False, priority=True, key_display=f"shift+{option.key}",
                                tooltip=f"Remove one '{option.label}' rating (never below 0)"))
    return type("AssessmentScreen", (AssessmentScreen,),
                {"BINDINGS": bindings, "HELP_SECTION": "Ratings of the highlighted commitment",
                 "__module__": __name__})


def assessment_screen(data: StepData, principle: Principle, **kwargs) -> AssessmentScreen:
    return _screen_class(data.session.options)(data, principle, **kwargs)
