"""Clock-driven timers: a countdown, the breathing pacer and the work/rest interval timer.

Every state is computed from the time elapsed since the start (minus pauses), never by
counting ticks, so a late or missed UI tick cannot make a session drift or run long.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    """A monotonic clock in seconds (injected so that tests need no sleeping)."""

    def now(self) -> float:
        """Seconds on a monotonic clock."""
        ...


class MonotonicClock:
    """The real clock: `time.monotonic()`."""

    def now(self) -> float:
        """Seconds on the system's monotonic clock."""
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to, for tests."""

    def __init__(self, start: float = 0.0) -> None:
        """Start at `start` seconds."""
        self._now = start

    def now(self) -> float:
        """The current fake time."""
        return self._now

    def advance(self, seconds: float) -> float:
        """Move forward by `seconds` and return the new time."""
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._now += seconds
        return self._now

    def set(self, now: float) -> None:
        """Jump to `now` (not earlier than the current time)."""
        if now < self._now:
            raise ValueError("a monotonic clock cannot go back")
        self._now = now


class Run:
    """Start, pause and resume bookkeeping shared by every timer."""

    def __init__(self, clock: Clock | None = None) -> None:
        """Not started yet; `clock` defaults to the system's monotonic clock."""
        self.clock: Clock = clock or MonotonicClock()
        self._started_at: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    @property
    def started(self) -> bool:
        """Whether `start()` has been called."""
        return self._started_at is not None

    @property
    def paused(self) -> bool:
        """Whether the timer is paused."""
        return self._paused_at is not None

    def _t(self, now: float | None) -> float:
        return self.clock.now() if now is None else now

    def start(self, now: float | None = None) -> None:
        """Start counting (a second call does nothing)."""
        if self._started_at is None:
            self._started_at = self._t(now)

    def pause(self, now: float | None = None) -> None:
        """Stop the clock for this timer until `resume()`."""
        if self.started and self._paused_at is None:
            self._paused_at = self._t(now)

    def resume(self, now: float | None = None) -> None:
        """Carry on; the schedule shifts by exactly the time spent paused."""
        if self._paused_at is not None:
            self._paused_total += max(0.0, self._t(now) - self._paused_at)
            self._paused_at = None

    def elapsed(self, now: float | None = None) -> float:
        """Running time in seconds, not counting pauses."""
        if self._started_at is None:
            return 0.0
        ref = self._paused_at if self._paused_at is not None else self._t(now)
        return max(0.0, ref - self._started_at - self._paused_total)


@dataclass(frozen=True)
class TimerState:
    """Where a countdown is."""

    elapsed: float
    remaining: float
    fraction: float
    finished: bool
    paused: bool


class Countdown(Run):
    """A countdown of a fixed number of seconds (the `timer` step)."""

    def __init__(self, seconds: float, clock: Clock | None = None) -> None:
        """Count down `seconds` (more than 0)."""
        if seconds <= 0:
            raise ValueError("a countdown needs more than 0 seconds")
        super().__init__(clock)
        self.total = float(seconds)

    def state(self, now: float | None = None) -> TimerState:
        """The countdown at `now` (default: the clock's time)."""
        e = min(self.elapsed(now), self.total)
        return TimerState(e, self.total - e, e / self.total, e >= self.total, self.paused)


PHASES: tuple[str, ...] = ("inhale", "top_up", "hold_in", "exhale", "hold_out")
PHASE_WORDS: dict[str, str] = {
    "inhale": "Breathe in",
    "top_up": "A little more in",
    "hold_in": "Hold",
    "exhale": "Breathe out",
    "hold_out": "Hold",
    "done": "Done",
}
# With a top-up, the first in-breath fills the shape to this size and the top-up the rest.
INHALE_PEAK = 0.8


@dataclass(frozen=True)
class BreathPattern:
    """Seconds for each phase of one breath; phases of 0 seconds are left out."""

    inhale: float
    exhale: float
    top_up: float = 0.0
    hold_in: float = 0.0
    hold_out: float = 0.0

    def __post_init__(self) -> None:
        """Refuse patterns that cannot be breathed."""
        if self.inhale <= 0 or self.exhale <= 0:
            raise ValueError("inhale and exhale must be more than 0 seconds")
        if min(self.top_up, self.hold_in, self.hold_out) < 0:
            raise ValueError("top_up and holds cannot be negative")

    def phases(self) -> tuple[tuple[str, float], ...]:
        """The phases of one breath in order, with their seconds."""
        secs = {
            "inhale": self.inhale,
            "top_up": self.top_up,
            "hold_in": self.hold_in,
            "exhale": self.exhale,
            "hold_out": self.hold_out,
        }
        return tuple((name, float(secs[name])) for name in PHASES if secs[name] > 0)

    @property
    def cycle_seconds(self) -> float:
        """Seconds for one whole breath."""
        return self.inhale + self.top_up + self.hold_in + self.exhale + self.hold_out

    @property
    def breaths_per_minute(self) -> float:
        """Breaths a minute at this pattern."""
        return 60.0 / self.cycle_seconds

    def cycles_for_minutes(self, minutes: float) -> int:
        """Whole breaths closest to `minutes` (halves round up), at least 1."""
        return max(1, math.floor(minutes * 60.0 / self.cycle_seconds + 0.5))


@dataclass(frozen=True)
class BreathState:
    """What the pacer shows at one moment."""

    phase: str  # one of PHASES, or "done"
    phase_word: str  # "Breathe in", "Hold", "Breathe out", …
    second_in_phase: int  # the count to say: 1, 2, 3 … (0 when finished)
    seconds_left_in_phase: float
    phase_fraction: float  # 0..1 through the phase
    size: float  # 0..1: grows on the in-breath, shrinks on the out-breath
    cycle: int  # 1-based breath number
    cycles: int  # breaths in the session
    cycles_left: int  # breaths not yet finished, counting the current one
    elapsed: float
    remaining: float
    finished: bool
    paused: bool

    @property
    def words(self) -> str:
        """The phase and count in words, for reduced motion and screen readers."""
        if self.finished:
            return PHASE_WORDS["done"]
        return f"{self.phase_word} … {self.second_in_phase}"


def ease(f: float) -> float:
    """Smooth 0..1 → 0..1 (slow at both ends), so the shape moves like a breath."""
    return (1.0 - math.cos(math.pi * min(1.0, max(0.0, f)))) / 2.0


def _size(phase: str, f: float, has_top_up: bool) -> float:
    peak = INHALE_PEAK if has_top_up else 1.0
    if phase == "inhale":
        return peak * ease(f)
    if phase == "top_up":
        return peak + (1.0 - peak) * ease(f)
    if phase == "hold_in":
        return 1.0
    if phase == "exhale":
        return 1.0 - ease(f)
    return 0.0


class BreathPacer(Run):
    """Paces breathing for a number of cycles or minutes, following the clock."""

    def __init__(
        self,
        pattern: BreathPattern,
        *,
        cycles: int | None = None,
        minutes: float | None = None,
        clock: Clock | None = None,
    ) -> None:
        """Give exactly one of `cycles` or `minutes` (turned into whole breaths)."""
        if (cycles is None) == (minutes is None):
            raise ValueError("give exactly one of cycles or minutes")
        super().__init__(clock)
        self.pattern = pattern
        self.cycles = cycles if cycles is not None else pattern.cycles_for_minutes(minutes or 0)
        if self.cycles < 1:
            raise ValueError("at least one cycle is needed")
        self._phases = pattern.phases()
        self.total = self.cycles * pattern.cycle_seconds

    def state(self, now: float | None = None) -> BreathState:
        """The pacer at `now` (default: the clock's time)."""
        e = self.elapsed(now)
        if e >= self.total:
            return BreathState(
                "done", PHASE_WORDS["done"], 0, 0.0, 1.0, 0.0, self.cycles, self.cycles, 0,
                self.total, 0.0, True, self.paused,
            )  # fmt: skip
        cycle_len = self.pattern.cycle_seconds
        index = min(int(e // cycle_len), self.cycles - 1)
        phase, offset, length = self._phase_at(e - index * cycle_len)
        into = min(max(0.0, e - index * cycle_len - offset), length)
        fraction = into / length
        return BreathState(
            phase=phase,
            phase_word=PHASE_WORDS[phase],
            second_in_phase=min(int(into) + 1, math.ceil(length)),
            seconds_left_in_phase=length - into,
            phase_fraction=fraction,
            size=_size(phase, fraction, self.pattern.top_up > 0),
            cycle=index + 1,
            cycles=self.cycles,
            cycles_left=self.cycles - index,
            elapsed=e,
            remaining=self.total - e,
            finished=False,
            paused=self.paused,
        )

    def _phase_at(self, pos: float) -> tuple[str, float, float]:
        """The phase containing `pos` seconds into a breath, its start and length."""
        offset = 0.0
        for name, length in self._phases:
            if pos < offset + length:
                return name, offset, length
            offset += length
        name, length = self._phases[-1]  # float rounding at the very end of a breath
        return name, offset - length, length


@dataclass(frozen=True)
class IntervalState:
    """Where a work/rest session is."""

    phase: str  # "work", "rest" or "done"
    phase_word: str  # "Activity", "Rest", "Done"
    round: int  # 1-based
    rounds: int
    rounds_done: int  # work periods finished
    seconds_left_in_phase: float
    phase_fraction: float
    work_seconds_done: float  # activity time so far, for logging
    elapsed: float
    remaining: float
    finished: bool
    paused: bool


INTERVAL_WORDS: dict[str, str] = {"work": "Activity", "rest": "Rest", "done": "Done"}


class IntervalTimer(Run):
    """Work/rest intervals for pacing: work, rest, work … work (no rest after the last)."""

    def __init__(
        self,
        work_minutes: float,
        rest_minutes: float,
        rounds: int = 1,
        clock: Clock | None = None,
    ) -> None:
        """Work `work_minutes` (>0), rest `rest_minutes` (>=0) between, `rounds` times (>=1)."""
        if not 0 < work_minutes <= 1440 or not 0 <= rest_minutes <= 1440:
            raise ValueError("work must be 0-1440 minutes (more than 0), rest 0-1440 minutes")
        if not 1 <= rounds <= 100:
            raise ValueError("rounds must be from 1 to 100")
        super().__init__(clock)
        self.work = work_minutes * 60.0
        self.rest = rest_minutes * 60.0
        self.rounds = rounds
        self.total = rounds * self.work + (rounds - 1) * self.rest

    def state(self, now: float | None = None) -> IntervalState:
        """The session at `now` (default: the clock's time)."""
        e = min(self.elapsed(now), self.total)
        if e >= self.total:
            return self._state("done", self.rounds, self.rounds, 0.0, 1.0, e)
        period = self.work + self.rest
        index = int(e // period)
        pos = e - index * period
        if pos < self.work:
            return self._state("work", index + 1, index, self.work - pos, pos / self.work, e)
        into = pos - self.work
        return self._state("rest", index + 1, index + 1, self.rest - into, into / self.rest, e)

    def _state(
        self, phase: str, rnd: int, done: int, left: float, frac: float, e: float
    ) -> IntervalState:
        period = self.work + self.rest
        full = min(int(e // period), self.rounds)
        work_done = min(
            self.rounds * self.work, full * self.work + min(e - full * period, self.work)
        )
        return IntervalState(
            phase=phase,
            phase_word=INTERVAL_WORDS[phase],
            round=rnd,
            rounds=self.rounds,
            rounds_done=done,
            seconds_left_in_phase=left,
            phase_fraction=frac,
            work_seconds_done=max(0.0, work_done),
            elapsed=e,
            remaining=self.total - e,
            finished=phase == "done",
            paused=self.paused,
        )
