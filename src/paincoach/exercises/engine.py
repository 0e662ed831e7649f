"""The exercise runner: a plain state machine the runner screen drives, one step at a time."""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from paincoach.core.clock import now as wall_now
from paincoach.exercises.answers import (
    AnswerError,
    check_answer,
    items_for,
    missing,
    options_for,
)
from paincoach.exercises.model import (
    AnyStep,
    BreatheStep,
    ChoiceStep,
    Exercise,
    Option,
    PacingStep,
    RatingSpec,
    RatingStep,
    TimerStep,
)
from paincoach.exercises.pacing import DEFAULT_PERCENT, PacingPlan
from paincoach.exercises.pacing_changes import check_goal, check_safe_percent
from paincoach.exercises.session import (
    AnswerRequiredError,
    Progress,
    RunnerClosedError,
    RunState,
    SessionResult,
    TimedRun,
    ran_enough,
)
from paincoach.exercises.step_runs import StepRuns, StepTimer
from paincoach.exercises.templates import fill, format_answer
from paincoach.exercises.timing import BreathPacer, Clock, Countdown, IntervalTimer, MonotonicClock

__all__ = [
    "AnswerError",
    "AnswerRequiredError",
    "Progress",
    "RunState",
    "Runner",
    "RunnerClosedError",
    "SessionResult",
    "StepTimer",
]


class Runner:
    """Runs one exercise: navigation, answers, timers, pause and the session result."""

    def __init__(
        self,
        exercise: Exercise,
        *,
        clock: Clock | None = None,
        wall: Callable[[], datetime] = wall_now,
        answers: Mapping[str, Any] | None = None,
    ) -> None:
        """Start a session at the first step; `clock` drives timers, `wall` stamps times.

        `answers` start the session from what the person wrote before (editing a plan).
        """
        if not exercise.steps:
            raise ValueError("an exercise needs at least one step")
        self.exercise = exercise
        self.clock: Clock = clock or MonotonicClock()
        self._wall = wall
        self.started_at = wall()
        self.ended_at: datetime | None = None
        self._index = 0
        self._done = 0
        self._answers: dict[str, Any] = copy.deepcopy(dict(answers or {}))
        self._ratings: dict[str, int | None] = {"before": None, "after": None}
        self._state = RunState.RUNNING
        self._timer: StepTimer | None = None
        self._activity = ""
        self._runs = StepRuns(exercise.steps)
        self._enter()

    # -- where we are -----------------------------------------------------------------
    @property
    def index(self) -> int:
        """0-based index of the current step."""
        return self._index

    @property
    def step(self) -> AnyStep:
        """The current step."""
        return self.exercise.steps[self._index]

    @property
    def progress(self) -> Progress:
        """`step 3 of 8`."""
        return Progress(self._index + 1, len(self.exercise.steps))

    @property
    def state(self) -> RunState:
        """Running, paused, finished or left."""
        return self._state

    @property
    def ended(self) -> bool:
        """Whether the session is over (finished or left early)."""
        return self._state in (RunState.FINISHED, RunState.LEFT)

    @property
    def is_first(self) -> bool:
        """Whether Back has nowhere to go."""
        return self._index == 0

    @property
    def is_last(self) -> bool:
        """Whether Next finishes the session."""
        return self._index == len(self.exercise.steps) - 1

    @property
    def timer(self) -> StepTimer | None:
        """The current step's timer or pacer (not started until `start_timer()`)."""
        return self._timer

    @property
    def answers(self) -> Mapping[str, Any]:
        """Answers so far, by key (read-only)."""
        return MappingProxyType(self._answers)

    # -- what the current step shows ----------------------------------------------------
    def text(self, escape: Callable[[str], str] | None = None) -> str:
        """The step's text with `{key}` filled from answers (`escape` applies to answers)."""
        return fill(self.step.text, self._answers, escape)

    def shown(self) -> list[tuple[str, str]]:
        """Earlier answers the step shows above itself, as (key, words)."""
        keys = [k for k in self.step.show if self._answers.get(k) not in (None, "", [], {})]
        return [(k, format_answer(self._answers[k])) for k in keys]

    def options(self) -> tuple[Option, ...]:
        """Options of the current choice step (none for other steps)."""
        step = self.step
        return options_for(step, self._answers) if isinstance(step, ChoiceStep) else ()

    def items_to_rate(self) -> list[str]:
        """Items the current rating step asks about one by one (`each`)."""
        step = self.step
        return items_for(step, self._answers) if isinstance(step, RatingStep) else []

    def answer(self) -> Any:
        """The current step's answer, or None."""
        key = self.step.key
        return self._answers.get(key) if key else None

    def missing(self) -> str | None:
        """Why Next would refuse now, or None when the user may move on."""
        return missing(self.step, self.answer(), self._answers)

    # -- answers --------------------------------------------------------------------------
    def set_answer(self, value: object) -> None:
        """Set (or with None, clear) the current step's answer; AnswerError if invalid."""
        self._require_open()
        key = self.step.key
        if not key:
            raise AnswerError(f"a {self.step.type} step takes no answer")
        normal = check_answer(self.step, value, self._answers)
        if normal is None:
            self._answers.pop(key, None)
        else:
            self._answers[key] = normal
        self._prune_dependants(key)

    def rate_item(self, item: str, value: int | None) -> None:
        """Rate (or with None, unrate) one item of a rating step with `each`."""
        current = dict(self.answer() or {})
        if value is None:
            current.pop(item, None)
        else:
            current[item] = value
        self.set_answer(current or None)

    def set_pacing_plan(
        self,
        activity: str,
        measurements: Sequence[float],
        percent: float = DEFAULT_PERCENT,
        unit: str = "minutes",
        start: date | None = None,
        cap: float | None = None,
    ) -> PacingPlan:
        """Answer a `pacing` plan step; PacingError says what is wrong with the input.

        A new plan rises 5-20% a week (`check_safe_percent`) and may have a goal.
        """
        check_safe_percent(percent)
        check_goal(cap)
        plan = PacingPlan(
            activity, tuple(measurements), start or self._wall().date(), percent, unit, cap
        )
        self.set_answer(plan)
        return plan

    def start_intervals(
        self, work_minutes: float, rest_minutes: float, rounds: int = 1, activity: str = ""
    ) -> IntervalTimer:
        """Start the work/rest timer of a `pacing` timer step (values from the user's plan)."""
        self._require_open()
        step = self.step
        if not isinstance(step, PacingStep) or step.mode != "timer":
            raise AnswerError("only a pacing timer step has work/rest intervals")
        self._timer = IntervalTimer(work_minutes, rest_minutes, rounds, self.clock)
        self._activity = activity.strip()
        self._timer.start()
        self._resume_state()
        return self._timer

    def set_before(self, value: int | None) -> None:
        """The optional 0-10 rating before the steps (None clears it)."""
        self._set_rating("before", self.exercise.before, value)

    def set_after(self, value: int | None) -> None:
        """The optional 0-10 rating after the steps (allowed once finished, too)."""
        self._set_rating("after", self.exercise.after, value)

    @property
    def before(self) -> int | None:
        """The before rating, if given."""
        return self._ratings["before"]

    @property
    def after(self) -> int | None:
        """The after rating, if given."""
        return self._ratings["after"]

    # -- moving -------------------------------------------------------------------------
    def next(self) -> None:
        """Go to the next step, or finish after the last (AnswerRequiredError if one is due)."""
        self._require_open()
        reason = self.missing()
        if reason:
            raise AnswerRequiredError(reason)
        step = self.step
        if isinstance(step, ChoiceStep) and step.multiple and step.key not in self._answers:
            self._answers[step.answer_key] = {} if step.rate else []  # seen, none picked
        self._leave_step()
        self._done = max(self._done, self._index + 1)
        if self.is_last:
            self._end(RunState.FINISHED)
            return
        self._index += 1
        self._enter()

    def back(self) -> bool:
        """Go to the previous step; False when already at the first."""
        self._require_open()
        if self.is_first:
            return False
        self._leave_step()
        self._index -= 1
        self._enter()
        return True

    def pause(self) -> None:
        """Pause the session and the current timer (moving on resumes it)."""
        if self._state is RunState.RUNNING:
            self._state = RunState.PAUSED
            if self._timer is not None:
                self._timer.pause()

    def resume(self) -> None:
        """Carry on after `pause()`; timers shift by the time spent paused."""
        if self._state is RunState.PAUSED:
            self._resume_state()

    def start_timer(self) -> None:
        """Start the current step's countdown or breathing pacer."""
        self._require_open()
        if isinstance(self._timer, Countdown | BreathPacer):
            self._timer.start()
            self._resume_state()

    def leave(self) -> SessionResult:
        """End the session early (it is saved as incomplete) and return its result."""
        if not self.ended:
            self._leave_step()
            self._end(RunState.LEFT)
        return self.result()

    def result(self) -> SessionResult:
        """The session as plain data; before it ends, a provisional incomplete one."""
        ex = self.exercise
        timed = self.timed()
        return SessionResult(
            exercise_id=ex.id,
            exercise_title=ex.title,
            kind=ex.kind,
            started_at=self.started_at,
            ended_at=self.ended_at or self._wall(),
            completed=self._state is RunState.FINISHED and ran_enough(timed),
            steps_done=self._done,
            steps_total=len(ex.steps),
            before=self.before,
            after=self.after,
            answers=copy.deepcopy(self._answers),
            timed=timed,
        )

    def timed(self) -> tuple[TimedRun, ...]:
        """How long each timed step ran so far (0 seconds for those not reached)."""
        return self._runs.timed(None if self.ended else (self._index, self._timer))

    # -- internals ----------------------------------------------------------------------
    def _require_open(self) -> None:
        if self.ended:
            raise RunnerClosedError("this session has ended")

    def _resume_state(self) -> None:
        if self._state is RunState.PAUSED:
            self._state = RunState.RUNNING
            if self._timer is not None:
                self._timer.resume()

    def _enter(self) -> None:
        """Set up the new current step: a fresh, not yet started timer where it has one."""
        self._state = RunState.RUNNING
        step = self.step
        self._timer = None
        if isinstance(step, TimerStep):
            self._timer = Countdown(step.seconds, self.clock)
        elif isinstance(step, BreatheStep):
            self._timer = BreathPacer(
                step.pattern, cycles=step.cycles, minutes=step.minutes, clock=self.clock
            )

    def _leave_step(self) -> None:
        """Keep how long the step's timer ran (and a pacing timer's work); drop the timer."""
        step = self.step
        if isinstance(step, PacingStep) and isinstance(self._timer, IntervalTimer):
            self._answers[step.answer_key] = self._interval_record(self._timer)
        self._runs.keep(self._index, self._timer)
        self._timer = None

    def _interval_record(self, timer: IntervalTimer) -> dict[str, Any]:
        state = timer.state()
        return {
            "activity": self._activity,
            "work_minutes": timer.work / 60,
            "rest_minutes": timer.rest / 60,
            "rounds": timer.rounds,
            "rounds_done": state.rounds_done,
            "seconds_done": int(state.work_seconds_done),
            "minutes_done": math.floor(state.work_seconds_done / 60 + 0.5),
        }

    def _end(self, state: RunState) -> None:
        self._state = state
        self.ended_at = self._wall()

    def _set_rating(self, name: str, spec: RatingSpec | None, value: int | None) -> None:
        if spec is None:
            raise AnswerError(f"this exercise has no {name} rating")
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
        ):
            raise AnswerError("expected a whole number from 0 to 10")
        self._ratings[name] = value

    def _prune_dependants(self, key: str) -> None:
        """Keep later answers that depend on `key` consistent with its new value."""
        for step in self.exercise.steps:
            dep = step.key
            if not dep or dep not in self._answers:
                continue
            if isinstance(step, RatingStep) and step.each == key:
                items = set(items_for(step, self._answers))
                kept = {k: v for k, v in self._answers[dep].items() if k in items}
                self._answers[dep] = kept
                if not kept:
                    del self._answers[dep]
            elif isinstance(step, ChoiceStep) and step.from_answer == key:
                try:
                    check_answer(step, self._answers[dep], self._answers)
                except AnswerError:
                    del self._answers[dep]
