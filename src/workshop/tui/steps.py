"""Which screen shows which step, and what each step is called (the palette lists them)."""

from __future__ import annotations

from workshop.protocol.model import Protocol
from workshop.session.kinds import STEP_TITLES, Step, StepKind
from workshop.session.live import LiveSession
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.principle import principle_screen
from workshop.tui.screens.questions import QuestionsScreen
from workshop.tui.screens.recommendation import RecommendationScreen
from workshop.tui.screens.review import ReviewScreen
from workshop.tui.screens.signup import SignUpScreen
from workshop.tui.screens.step import StepData, StepScreen

SCREENS = {StepKind.INTRODUCTION: IntroScreen, StepKind.QUESTIONS: QuestionsScreen,
           StepKind.RECOMMENDATION: RecommendationScreen, StepKind.REVIEW: ReviewScreen,
           StepKind.SIGN_UP: SignUpScreen}
"""The screen of each step that is not a principle's."""


def make_screen(live: LiveSession, protocol: Protocol, step: Step) -> StepScreen:
    """A new screen for `step`, handed everything it draws (attributes down)."""
    data = StepData(live.session, protocol, live.read_only, live.position(step),
                    live.step_seconds)
    if step.is_principle:
        return principle_screen(data, protocol.principle(step.principle_id),
                                save_result=live.save_result)
    return SCREENS[step.kind](data, save_result=live.save_result)


def step_title(protocol: Protocol, step: Step | str) -> str:
    step = Step(step)
    if step.is_principle:
        return protocol.principle(step.principle_id).title
    return STEP_TITLES[step.kind]
