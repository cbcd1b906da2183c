"""The last step: what is still missing, totals per principle, time per step; `f` finishes."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop.consultation.figures import format_duration
from workshop.consultation.progress import principle_totals
from workshop.consultation.report import Report
from workshop.consultation.report_build import session_report
from workshop.session.kinds import INTRODUCTION, QUESTIONS, RECOMMENDATION
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
        """Redraw from the report of the session: the same reading every other view makes."""
        report = session_report(self.session, self.protocol)
        self.show_status(report)
        self.show_missing(report)
        self.show_totals(report)

    def show_status(self, report: Report) -> None:
        session = self.session
        status = Text()
        if session.completed:
            status.append(f"Finished at {session.completed.astimezone():%H:%M on %d %B %Y}. ",
                          style="bold green")
            status.append("Everything stays editable.")
        else:
            status.append("Not finished yet: press f to mark the session complete.", style="bold")
        status.append("\nRecommendation: ")
        status.append(report.workshops[0].recommendation, style="bold")
        self.query_one("#review-status", Static).update(status)

    def show_missing(self, report: Report) -> None:
        missing = Text()
        unvoted, unanswered = report.unvoted(), report.unanswered()
        if not unvoted and not unanswered:
            missing.append("Nothing missing: every commitment has votes and every question an answer.",
                           style="green")
        for c in unvoted:
            missing.append("No votes: ", style="bold yellow")
            missing.append(f"{c.principle.title}: {c.text}\n")
        for q in unanswered:
            missing.append("No answer: ", style="bold yellow")
            missing.append(q.question.text + "\n")
        self.query_one("#review-missing", Static).update(missing)

    def show_totals(self, report: Report) -> None:
        session, protocol = self.session, self.protocol
        table = Table(expand=True, title="Totals per principle", title_justify="left")
        table.add_column("Principle")
        table.add_column("Voted", justify="right")
        for option in protocol.vote_options:
            table.add_column(option.label, justify="right")
        table.add_column("Comments", justify="right")
        table.add_column("Wordings", justify="right")
        table.add_column("Time", justify="right")
        for row in principle_totals(session, protocol, report):
            budget = f" / {format_duration(row.budget_minutes * 60)}" if row.budget_minutes else ""
            table.add_row(Text(row.title), f"{row.voted}/{row.commitments}",
                          *(str(row.counts[o]) for o in protocol.option_ids),
                          str(row.comments), str(row.amendments),
                          format_duration(row.seconds) + budget)
        other = ", ".join(f"{label} {format_duration(session.elapsed.get(step, 0))}" for step, label in
                          ((INTRODUCTION, "introduction"), (QUESTIONS, "questions"),
                           (RECOMMENDATION, "recommendation")))
        table.caption = f"Time on {other}"
        self.query_one("#review-totals", Static).update(table)

    def action_finish(self) -> None:
        if self.editing_allowed():
            self.post_message(SessionFinished())
