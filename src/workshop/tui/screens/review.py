"""The last step: what is still missing, totals per principle, time per step; `f` finishes.

What it shows depends on the session's mode, all read from the session's report
(`session_report`): a consultation its totals per principle (and the register, when
organisations signed up in it); an assessment the profile per principle, the weakest
commitments, the actions agreed and a warning naming the commitments rated low with no action
yet; a sign-up the register of the organisations signed.

Finishing stamps the time the session was finished. Once it is finished the footer no longer
offers `f`; pressing it asks first (No is focused), since a new time makes a copy that differs
from the one already sent round to be merged.
"""

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
from workshop.session.kinds import INTRODUCTION, QUESTIONS, RECOMMENDATION, Mode
from workshop.tui.assessment_render import (
    actions_table,
    needing_action_text,
    profile_table,
    unrated_text,
    weakest_table,
)
from workshop.tui.dialogs.confirm import ConfirmDialog
from workshop.tui.messages import SessionFinished
from workshop.tui.register_render import register_view
from workshop.tui.screens.step import StepScreen
from workshop.tui.tones import TONE_CLASSES, option_colours

PANELS = {Mode.CONSULT: ("status", "missing", "totals", "register"),
          Mode.ASSESS: ("status", "needing", "profile", "weakest", "actions", "missing"),
          Mode.SIGN_UP: ("status", "register")}
"""The review's panels in each mode, top to bottom."""


class ReviewScreen(StepScreen):
    step_name = "review"
    title_text = "Review"
    HELP_SECTION = "The review"
    COMPONENT_CLASSES = TONE_CLASSES

    BINDINGS = [
        Binding("f", "finish", "Finish", tooltip="Mark the session complete (it stays editable)",
                priority=True),
        # Only one of the two is active at a time (check_action): the footer shows "f Finish"
        # until the session is finished, and never offers to finish it again.
        Binding("f", "finish_again", "Finish again", show=False, priority=True,
                tooltip="Change the time it was finished to now (asks first)"),
    ]

    def body(self) -> ComposeResult:
        with VerticalScroll(id="review", can_focus=True):
            for panel in PANELS[self.session.mode]:
                yield Static(id=f"review-{panel}", classes="panel")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return self.session.completed is None
        if action == "finish_again":
            return self.session.completed is not None
        return super().check_action(action, parameters)

    def refresh_step(self) -> None:
        """Redraw from the report of the session: the same reading every other view makes."""
        report = session_report(self.session, self.protocol)
        self.show_status(report)
        if report.assessment is not None:
            self.show_assessment(report)
        elif self.session.mode is Mode.CONSULT:
            self.show_missing(report)
            self.show_totals(report)
        register = self.query("#review-register")
        if register:
            register.first(Static).update(register_view(report.register))
            # A consultation shows the register only when organisations signed up in it.
            register.first().display = bool(report.register) or report.mode is Mode.SIGN_UP
        self.refresh_bindings()  # finished or not: which `f` the footer and help show

    def show_status(self, report: Report) -> None:
        session = self.session
        status = Text()
        if session.completed:
            status.append(f"Finished at {session.completed.astimezone():%H:%M on %d %B %Y}. ",
                          style="bold green")
            status.append("Everything stays editable, and is saved as it changes.")
        else:
            status.append("Not finished yet: press f to mark the session complete.", style="bold")
        if report.mode is Mode.CONSULT:
            status.append("\nRecommendation: ")
            status.append(report.workshops[0].recommendation, style="bold")
        elif report.assessment is not None:
            status.append("\n" + report.assessment.summary_line())
        self.query_one("#review-status", Static).update(status)

    def show_assessment(self, report: Report) -> None:
        """The profile, the weakest commitments, the actions, and what still needs an action."""
        assessment = report.assessment
        colours = option_colours(self, report)
        self.query_one("#review-missing", Static).update(
            unrated_text(assessment, report.in_progress))
        self.query_one("#review-needing", Static).update(
            needing_action_text(assessment, hint="a on the commitment's step agrees one"))
        self.query_one("#review-profile", Static).update(profile_table(assessment, colours))
        self.query_one("#review-weakest", Static).update(weakest_table(assessment))
        self.query_one("#review-actions", Static).update(actions_table(assessment.actions))

    def show_missing(self, report: Report) -> None:
        missing = Text()
        unvoted, unanswered = report.unvoted(), report.unanswered()
        if not unvoted and not unanswered:
            missing.append("Nothing missing: every commitment has votes and every question an "
                           "answer.", style="green")
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
        other = ", ".join(f"{label} {format_duration(session.elapsed.get(step, 0))}"
                          for step, label in ((INTRODUCTION, "introduction"),
                                              (QUESTIONS, "questions"),
                                              (RECOMMENDATION, "recommendation")))
        table.caption = f"Time on {other}"
        self.query_one("#review-totals", Static).update(table)

    def action_finish(self) -> None:
        if self.editing_allowed():
            self.post_message(SessionFinished())

    def action_finish_again(self) -> None:
        """Asked, with No focused: the finish time is what a merge tells copies apart by."""
        completed = self.session.completed
        if completed is None or not self.editing_allowed():
            return

        def decided(again: bool | None) -> None:
            if again:
                self.post_message(SessionFinished())

        self.app.push_screen(ConfirmDialog(
            f"Finished at {completed.astimezone():%H:%M on %d %B %Y}. Change it to now?",
            "Copies of this session already sent to be merged would then differ from this one. "
            "Everything stays editable either way; finishing again is not needed to save.",
            yes="Change to now", no="Keep"), decided)
