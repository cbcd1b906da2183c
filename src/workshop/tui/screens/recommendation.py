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
        Binding("g", "general", "Comments", tooltip="General comments on the protocol", priority=True),
    ]

    def body(self) -> ComposeResult:
        with VerticalScroll(id="recommendation", can_focus=True):
            yield Static(id="rec-question", classes="panel")
            yield Static(id="rec-choice", classes="panel")
            yield Static(id="rec-reasons", classes="panel")
            yield Static(id="rec-comments", classes="panel")

    def refresh_step(self) -> None:
        protocol, rec = self.protocol, self.session.recommendation
        # The protocol's words; a protocol written with `{authority}` names the session's.
        question = protocol.question_for(self.session.meta.authority)
        self.query_one("#rec-question", Static).update(Text(question, style="italic"))
        choice = Text()
        for key, cid in CHOICE_KEYS.items():
            chosen = rec.choice == cid
            choice.append(" ● " if chosen else " ○ ", style="bold green" if chosen else "dim")
            choice.append(f"[{key}] ", style="dim")
            choice.append(RECOMMENDATIONS[cid] + "\n", style="bold reverse" if chosen else "")
        self.query_one("#rec-choice", Static).update(choice)
        for widget_id, label, value, key in (("#rec-reasons", "Reasons", rec.reasons, "r"),
                                             ("#rec-comments", "General comments", rec.comments, "g")):
            text = Text()
            text.append(f"{label} ", style="bold")
            text.append(f"({key} to write)\n", style="dim")
            text.append(value or "—")
            self.query_one(widget_id, Static).update(text)

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
