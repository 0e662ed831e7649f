"""How long each timed step of a session ran, so that "finished" means the timers ran.

The runner keeps every timed step's longest run here (a step can be run again after Back);
`timed()` gives one `TimedRun` for every timed step of the exercise, 0 seconds for those
never reached, for the session's result and its "stopped after 36 s of 10 min".
"""

from __future__ import annotations

from collections.abc import Sequence

from paincoach.exercises.model import AnyStep, BreatheStep, PacingStep, TimerStep
from paincoach.exercises.session import TimedRun, whole_seconds
from paincoach.exercises.timing import BreathPacer, Countdown, IntervalTimer

StepTimer = Countdown | BreathPacer | IntervalTimer


def step_length(step: AnyStep) -> float | None:
    """A countdown's or breathing pacer's full time in seconds (None for other steps)."""
    if isinstance(step, TimerStep):
        return float(step.seconds)
    if isinstance(step, BreatheStep):
        pattern = step.pattern
        cycles = step.cycles or pattern.cycles_for_minutes(step.minutes or 0)
        return cycles * pattern.cycle_seconds
    return None


def is_timed(step: AnyStep) -> bool:
    """Whether the step runs a clock: a countdown, a breathing pacer or a pacing timer."""
    return isinstance(step, TimerStep | BreatheStep) or (
        isinstance(step, PacingStep) and step.mode == "timer"
    )


class StepRuns:
    """The longest run of each timed step of one session."""

    def __init__(self, steps: Sequence[AnyStep]) -> None:
        self._steps = steps
        self._runs: dict[int, tuple[float, float]] = {}  # step index -> (ran, full length)

    def keep(self, index: int, timer: StepTimer | None) -> None:
        """Remember how long `timer` ran on step `index`, if it got further than before."""
        if timer is not None and timer.started:
            self._runs[index] = _further(self._runs.get(index), _run_of(timer))

    def timed(self, current: tuple[int, StepTimer | None] | None = None) -> tuple[TimedRun, ...]:
        """Every timed step's run so far; `current` is the step on show and its timer."""
        runs = dict(self._runs)
        if current is not None and current[1] is not None and current[1].started:
            index, timer = current[0], current[1]
            runs[index] = _further(runs.get(index), _run_of(timer))
        found = []
        for index, step in enumerate(self._steps):
            if not is_timed(step):
                continue
            if index in runs:
                ran, length = runs[index]
                found.append(TimedRun(index + 1, whole_seconds(ran), whole_seconds(length)))
                continue
            full = step_length(step)  # None: a pacing timer that never started
            found.append(TimedRun(index + 1, 0, None if full is None else whole_seconds(full)))
        return tuple(found)


def _run_of(timer: StepTimer) -> tuple[float, float]:
    return min(timer.elapsed(), timer.total), timer.total


def _further(old: tuple[float, float] | None, new: tuple[float, float]) -> tuple[float, float]:
    if old is None:
        return new
    return new if new[0] / new[1] >= old[0] / old[1] else old
