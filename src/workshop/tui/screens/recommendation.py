"""The committee's question: should the council adopt the protocol? With reasons and comments.

`1`, `2`, `3` choose adopt / adopt with changes / do not adopt (`0` clears); `r` writes the
reasons; `g` the general comments. The question is the protocol's, word for word; a protocol
that writes it with `{authority}` reads out the authority the session names.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop.session.model import RECOMMENDATIONS
from workshop.tui.messages import RecommendationChosen
from workshop.tui.screens.step import StepScreen

CHOICE_KEYS = dict(zip("123", RECOMMENDATIONS, strict=True))
CHOOSE = Binding.Group("Choose")
"""The footer shows the three choices as one entry ("1 2 3 Choose"); the panel names each."""


class RecommendationScreen(StepScreen):
    step_name = "recommendation"
    title_text = "Recommendation"
    HELP_SECTION = "The recommendation"

    BINDINGS = [
        Binding("1", "choose('adopt')", "Adopt", tooltip="Recommend: adopt", priority=True,
                group=CHOOSE),
        Binding("2", "choose('adopt-with-changes')", "Adopt with changes",
                tooltip="Recommend: adopt with changes", priority=True, group=CHOOSE),
        Binding("3", "choose('do-not-adopt')", "Do not adopt", tooltip="Recommend: do not adopt",
                priority=True, group=CHOOSE),
        Binding("0", "choose('')", "Undecided", tooltip="Clear the choice (undecided)", show=False,
                priority=True),
        Binding("r", "reasons", "Reasons", tooltip="Write the reasons for the recommendation",
                priority=True),
        Binding("g", "general", "Comments", tooltip="General comments on the protocol",
                priority=True),
    ]

    def body(self) -> ComposeResult:
        with VerticalScroll(id="recommendation", can_focus=True):
            yield Static(id="rec-question", classes="panel")
            yield Static(id="rec-choice", classes="panel")
            yield Static(id="rec-reasons", classes="panel")
            yield Static(id="rec-comments", classes="panel")

    def refresh_step(self) -> None:
        """Redraw each panel whose content changed (a choice key changes one panel)."""
        protocol, rec = self.protocol, self.session.recommendation
        # The protocol's words; a protocol written with `{authority}` names the session's.
        question = protocol.question_for(self.session.meta.authority)
        self.show_in("#rec-question", question, lambda: Text(question, style="italic"))
        self.show_in("#rec-choice", rec.choice, lambda: choice_text(rec.choice))
        for widget_id, label, value, key in (("#rec-reasons", "Reasons", rec.reasons, "r"),
                                             ("#rec-comments", "General comments", rec.comments,
                                              "g")):
            self.show_in(widget_id, value, lambda label=label, value=value, key=key:
                         written_text(label, value, key))

    def action_choose(self, choice: str) -> None:
        if self.editing_allowed():
            self.post_message(RecommendationChosen(choice))

    def action_reasons(self) -> None:
        if self.editing_allowed():
            rec = self.session.recommendation
            self.ask_text("reasons", "", "Reasons for the recommendation", initial=rec.reasons)

    def action_general(self) -> None:
        if self.editing_allowed():
            rec = self.session.recommendation
            self.ask_text("general-comments", "", "General comments on the protocol",
                          initial=rec.comments)


def choice_text(chosen_id: str) -> Text:
    """The three choices, the chosen one marked (in words as well as colour)."""
    choice = Text()
    for key, cid in CHOICE_KEYS.items():
        chosen = chosen_id == cid
        choice.append(" ● " if chosen else " ○ ", style="bold green" if chosen else "dim")
        choice.append(f"[{key}] ", style="dim")
        choice.append(RECOMMENDATIONS[cid] + "\n", style="bold reverse" if chosen else "")
    return choice


def written_text(label: str, value: str, key: str) -> Text:
    """The reasons or the general comments, with the key that writes them."""
    text = Text()
    text.append(f"{label} ", style="bold")
    text.append(f"({key} to write)\n", style="dim")
    text.append(value or "—")
    return text
