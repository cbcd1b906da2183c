"""The last step: what is still missing, totals per principle, time per step; `f` finishes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop.consultation.figures import format_duration
from workshop.consultation.progress import (
    principle_totals,
    unanswered_questions,
    unvoted_commitments,
)
from workshop.session.model import RECOMMENDATIONS
from workshop.tui.messages import SessionFinished
from workshop.tui.screens.step import StepScreen


class ReviewScreen(StepScreen):
    step_name = "review"
    title_text = "Review"
    HELP_SECTION = "The review"

    BINDINGS = [Binding("f", "finish", "Finish", tooltip="Mark the session complete (it stays editable)",
                        priority=True)]

    def body(self) -> ComposeResult:
        with VerticalScroll(id="review", can_focus=True):
            yield Static(id="review-status", classes="panel")
            yield Static(id="review-missing", classes="panel")
            yield Static(id="review-totals", classes="panel")

    def refresh_step(self) -> None:
        session, protocol = self.session, self.protocol
        status = Text()
        if session.completed:
            status.append(f"Finished at {session.completed.astimezone():%H:%M on %d %B %Y}. ",
                          style="bold green")
            status.append("Everything stays editable.")
        else:
            status.append("Not finished yet: press f to mark the session complete.", style="bold")
        rec = session.recommendation.choice
        status.append("\nRecommendation: ")
        status.append(RECOMMENDATIONS.get(rec, "not decided"), style="bold")
        self.query_one("#review-status", Static).update(status)

        missing = Text()
        unvoted = unvoted_commitments(session, protocol)
        unanswered = unanswered_questions(session, protocol)
        if not unvoted and not unanswered:
            missing.append("Nothing missing: every commitment has votes and every question an answer.",
                           style="green")
        for c in unvoted:
            missing.append("No votes: ", style="bold yellow")
            missing.append(f"{protocol.principle_of(c.id).title}: {c.text}\n")
        for q in unanswered:
            missing.append("No answer: ", style="bold yellow")
            missing.append(q.text + "\n")
        self.query_one("#review-missing", Static).update(missing)

        table = Table(expand=True, title="Totals per principle", title_justify="left")
        table.add_column("Principle")
        table.add_column("Voted", justify="right")
        for option in protocol.vote_options:
            table.add_column(option.label, justify="right")
        table.add_column("Comments", justify="right")
        table.add_column("Wordings", justify="right")
        table.add_column("Time", justify="right")
        for row in principle_totals(session, protocol):
            budget = f" / {format_duration(row.budget_minutes * 60)}" if row.budget_minutes else ""
            table.add_row(Text(row.title), f"{row.voted}/{row.commitments}",
                          *(str(row.counts[o]) for o in protocol.option_ids),
                          str(row.comments), str(row.amendments),
                          format_duration(row.seconds) + budget)
        other = ", ".join(f"{label} {format_duration(session.elapsed.get(step, 0))}" for step, label in
                          (("introduction", "introduction"), ("questions", "questions"),
                           ("recommendation", "recommendation")))
        table.caption = f"Time on {other}"
        self.query_one("#review-totals", Static).update(table)

    def action_finish(self) -> None:
        if self.editing_allowed():
            self.post_message(SessionFinished())
