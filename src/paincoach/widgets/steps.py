"""Step views for every step type, and the one function that picks the right one."""

from __future__ import annotations

from paincoach.exercises.engine import Runner
from paincoach.exercises.model import (
    BreatheStep,
    ChoiceStep,
    PacingStep,
    PromptStep,
    RatingStep,
    TimerStep,
)
from paincoach.widgets.breath_pacer import BreatheStepView
from paincoach.widgets.step_base import StepView, markdown_escape
from paincoach.widgets.step_choice import ChoiceStepView
from paincoach.widgets.step_intervals import IntervalsStepView, PhaseChanged
from paincoach.widgets.step_pacing import PlanStepView, PlansWanted, PlanWanted
from paincoach.widgets.step_prompt import PromptStepView
from paincoach.widgets.step_rating import RatingStepView
from paincoach.widgets.step_timer import TimedStepView, TimerStepView

__all__ = [
    "PhaseChanged",
    "PlanWanted",
    "PlansWanted",
    "StepView",
    "TimedStepView",
    "markdown_escape",
    "step_view",
]


def step_view(runner: Runner, *, reduced_motion: bool = False) -> StepView:
    """A view of the runner's current step."""
    step = runner.step
    if isinstance(step, PromptStep):
        return PromptStepView(runner)
    if isinstance(step, RatingStep):
        return RatingStepView(runner)
    if isinstance(step, ChoiceStep):
        return ChoiceStepView(runner)
    if isinstance(step, TimerStep):
        return TimerStepView(runner)
    if isinstance(step, BreatheStep):
        return BreatheStepView(runner, reduced_motion=reduced_motion)
    if isinstance(step, PacingStep):
        return PlanStepView(runner) if step.mode == "plan" else IntervalsStepView(runner)
    return StepView(runner)  # text
