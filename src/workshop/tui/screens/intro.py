"""Step 1: the introduction the facilitator reads out, the session's details, and what the
session will cover."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workshop.consultation.figures import format_duration
from workshop.tui.screens.step import StepScreen


class IntroScreen(StepScreen):
    step_name = "introduction"
    title_text = "Introduction"
    HELP_SECTION = "The introduction"

    def body(self) -> ComposeResult:
        with VerticalScroll(id="intro", can_focus=True):
            yield Static(id="intro-text")
            yield Static(id="intro-details", classes="panel")
            yield Static(id="intro-plan", classes="panel")

    def refresh_step(self) -> None:
        protocol, session = self.protocol, self.session
        intro = Text()
        intro.append(protocol.title + "\n", style="bold underline")
        intro.append(f"{protocol.source.authors}\n\n", style="dim")
        intro.append(protocol.introduction)
        self.query_one("#intro-text", Static).update(intro)

        m = session.meta
        details = Text()
        details.append("This session\n", style="bold")
        rows = [("Group", m.group), ("Facilitator", m.facilitator), ("Location", m.location),
                ("Date", m.date.isoformat()),
                ("Participants", "" if m.participants is None else str(m.participants))]
        for label, value in rows:
            details.append(f"{label:<13}", style="dim")
            details.append((value or "—") + "\n")
        self.query_one("#intro-details", Static).update(details)

        plan = Text()
        plan.append("What we will cover\n", style="bold")
        for number, p in enumerate(protocol.principles, start=1):
            budget = f"  ({format_duration(p.minutes * 60)})" if p.minutes else ""
            plan.append(f"{number}. {p.title}", style="bold")
            plan.append(f": {len(p.commitments)} commitments{budget}\n")
        budget = f"  ({format_duration(protocol.questions_minutes * 60)})" if protocol.questions_minutes else ""
        plan.append(f"Your thoughts: {len(protocol.questions)} questions{budget}\n")
        plan.append("Recommendation: should the council adopt the protocol?\n")
        plan.append("\nPress n for the first principle.", style="italic")
        self.query_one("#intro-plan", Static).update(Group(plan))
