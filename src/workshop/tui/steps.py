"""Which screen shows which step, and what each step is called (the palette lists them).

A step's screen module is imported when a screen for it is first made: opening a session at
its introduction does not pay for the review's report or the sign-up's forms."""

from __future__ import annotations

import importlib

from workshop.protocol.model import Protocol
from workshop.session.kinds import STEP_TITLES, Step, StepKind
from workshop.session.live import LiveSession
from workshop.tui.screens.step import StepData, StepScreen

SCREENS = {StepKind.INTRODUCTION: ("intro", "IntroScreen"),
           StepKind.QUESTIONS: ("questions", "QuestionsScreen"),
           StepKind.RECOMMENDATION: ("recommendation", "RecommendationScreen"),
           StepKind.REVIEW: ("review", "ReviewScreen"),
           StepKind.SIGN_UP: ("signup", "SignUpScreen")}
"""The screen of each step that is not a principle's: its module in tui/screens, its class."""


def screen_class(kind: StepKind) -> type[StepScreen]:
    module, name = SCREENS[kind]
    return getattr(importlib.import_module(f"workshop.tui.screens.{module}"), name)


def make_screen(live: LiveSession, protocol: Protocol, step: Step) -> StepScreen:
    """A new screen for `step`, handed everything it draws (attributes down)."""
    data = StepData(live.session, protocol, live.read_only, live.position(step),
                    live.step_seconds)
    if step.is_principle:
        from workshop.tui.screens.principle import principle_screen

        return principle_screen(data, protocol.principle(step.principle_id),
                                save_result=live.save_result)
    return screen_class(step.kind)(data, save_result=live.save_result)


def step_title(protocol: Protocol, step: Step | str) -> str:
    step = Step(step)
    if step.is_principle:
        return protocol.principle(step.principle_id).title
    return STEP_TITLES[step.kind]
