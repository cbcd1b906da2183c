"""Moving between steps, and each step's timer, for the app (a mixin kept out of app.py)."""

from __future__ import annotations

from workshop.session.kinds import INTRODUCTION, STEP_TITLES, Step, StepKind
from workshop.tui.screens.intro import IntroScreen
from workshop.tui.screens.principle import principle_screen
from workshop.tui.screens.questions import QuestionsScreen
from workshop.tui.screens.recommendation import RecommendationScreen
from workshop.tui.screens.review import ReviewScreen
from workshop.tui.screens.step import StepScreen


class StepsMixin:
    """Needs `self.session`, `self.protocol`, `self.monotonic`, `self.read_only`."""

    def make_screen(self, step: Step) -> StepScreen:
        if step.is_principle:
            return principle_screen(self.protocol, self.protocol.principle(step.principle_id))
        return {StepKind.INTRODUCTION: IntroScreen, StepKind.QUESTIONS: QuestionsScreen,
                StepKind.RECOMMENDATION: RecommendationScreen,
                StepKind.REVIEW: ReviewScreen}[step.kind]()

    def step_title(self, step: Step | str) -> str:
        step = Step(step)
        if step.is_principle:
            return self.protocol.principle(step.principle_id).title
        return STEP_TITLES[step.kind]

    current_step: Step = INTRODUCTION
    """The step on screen (kept apart from `session.step`, which a read-only view never changes)."""

    def step_position(self, step: Step | str) -> str:
        steps = self.session.steps()
        return f"{steps.index(step) + 1}/{len(steps)}"

    def current_step_screen(self) -> StepScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, StepScreen):
                return screen
        return None

    def show_step(self, step: Step | str, record: bool = True) -> None:
        """Switch to a step; with `record`, bank the time on the old one and save where we are."""
        if self.session is None:
            return
        step = Step(step)
        if record:
            self.bank_time()
        self.current_step = step
        if record and not self.read_only:
            self.session.set_step(step)
            self.save_now()
        self._step_entered = self.monotonic()
        screen = self.make_screen(step)
        if isinstance(self.screen, StepScreen) or self._top_is_start():
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _top_is_start(self) -> bool:
        from workshop.tui.screens.start import StartScreen

        return isinstance(self.screen, StartScreen)

    def move_step(self, delta: int) -> None:
        if self.session is None:
            return
        steps = self.session.steps()
        index = steps.index(self.current_step) + delta
        if 0 <= index < len(steps):
            self.show_step(steps[index])
        else:
            self.bell()

    def action_next_step(self) -> None:
        self.move_step(1)

    def action_previous_step(self) -> None:
        self.move_step(-1)

    def step_seconds(self) -> float:
        """Time on the current step: what was banked before plus this visit."""
        if self.session is None:
            return 0.0
        banked = self.session.elapsed.get(self.current_step, 0.0)
        if self._step_entered is None:
            return banked
        return banked + max(self.monotonic() - self._step_entered, 0.0)

    def bank_time(self) -> None:
        if self.session is None or self._step_entered is None or self.read_only:
            return
        seconds = max(self.monotonic() - self._step_entered, 0.0)
        self._step_entered = self.monotonic()
        if seconds > 0:
            self.session.add_elapsed(self.current_step, round(seconds, 1))
