"""Clock-driven timers: no drift, exact ends, pause shifts the schedule. No sleeping."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paincoach.exercises.timing import (
    BreathPacer,
    BreathPattern,
    Countdown,
    FakeClock,
    IntervalTimer,
)

START = 1000.0


def jittery_ticks(start: float, end: float, seed: int = 7) -> list[float]:
    """UI ticks about 30 a second, each up to 10 ms late or early, with a few long stalls."""
    rng = random.Random(seed)
    t, out = start, []
    while t < end:
        t += 1 / 30 + rng.uniform(-0.01, 0.01)
        if rng.random() < 0.002 and t < end - 2:
            t += rng.uniform(0.2, 1.5)  # the UI thread was busy
        out.append(t)
    return out


def test_ten_minute_session_ends_on_schedule_with_jittery_ticks() -> None:
    clock = FakeClock(START)
    pacer = BreathPacer(BreathPattern(inhale=5, exhale=5), minutes=10, clock=clock)
    pacer.start()
    assert pacer.cycles == 60 and pacer.total == 600
    finished_at = None
    for t in jittery_ticks(START, START + 601):
        clock.set(t)
        state = pacer.state()
        if state.finished:
            finished_at = t
            break
        # No drift: the phase is exactly what the wall clock says, however late the tick.
        e = t - START
        assert state.cycle == int(e // 10) + 1
        assert state.phase == ("inhale" if e % 10 < 5 else "exhale")
        assert state.seconds_left_in_phase == pytest.approx(5 - e % 5, abs=1e-6)
    assert finished_at is not None
    assert 0 <= finished_at - (START + 600) < 0.05
    assert not pacer.state(START + 599.999).finished
    assert pacer.state(START + 600).finished


def test_pause_and_resume_shift_the_schedule_exactly() -> None:
    clock = FakeClock(START)
    pacer = BreathPacer(BreathPattern(inhale=4, exhale=6), cycles=10, clock=clock)
    pacer.start()
    before = pacer.state(START + 12)
    pacer.pause(START + 12)
    frozen = pacer.state(START + 50)
    assert frozen.paused and frozen.elapsed == before.elapsed  # frozen while paused
    pacer.resume(START + 100)
    assert pacer.state(START + 100) == before
    later = pacer.state(START + 103)
    assert (later.cycle, later.phase, later.elapsed) == (2, "exhale", pytest.approx(15))
    assert not pacer.state(START + 100 + 87.9).finished
    assert pacer.state(START + 188).finished


def test_phases_with_top_up_and_sizes() -> None:
    pacer = BreathPacer(BreathPattern(inhale=3, top_up=1, exhale=6), cycles=2, clock=FakeClock())
    pacer.start(0)
    assert [pacer.state(t).phase for t in (0.5, 3.5, 4.5, 10.5)] == [
        "inhale", "top_up", "exhale", "inhale",
    ]  # fmt: skip
    assert pacer.state(2.999).size == pytest.approx(0.8, abs=1e-3)
    assert pacer.state(3.999).size == pytest.approx(1.0, abs=1e-3)
    assert pacer.state(3.5).phase_word == "A little more in"
    sizes = [pacer.state(t / 10).size for t in range(0, 40)]
    assert sizes == sorted(sizes)  # growing on the in-breath
    sizes = [pacer.state(4 + t / 10).size for t in range(0, 60)]
    assert sizes == sorted(sizes, reverse=True)  # shrinking on the out-breath


def test_box_breathing_words_and_counts() -> None:
    pacer = BreathPacer(BreathPattern(4, 4, hold_in=4, hold_out=4), cycles=1, clock=FakeClock())
    pacer.start(0)
    words = [pacer.state(t + 0.5).words for t in range(16)]
    assert words[:5] == [
        "Breathe in … 1",
        "Breathe in … 2",
        "Breathe in … 3",
        "Breathe in … 4",
        "Hold … 1",
    ]
    assert words[8] == "Breathe out … 1" and words[12] == "Hold … 1"
    assert pacer.state(16).words == "Done"
    state = pacer.state(9.25)
    assert (state.phase, state.second_in_phase, state.phase_fraction) == ("exhale", 2, 0.3125)
    assert state.size == pytest.approx(1 - (1 - math.cos(math.pi * 0.3125)) / 2)


def test_minutes_become_whole_breaths() -> None:
    assert BreathPattern(3, 6, top_up=1).cycles_for_minutes(5) == 30
    assert BreathPattern(4, 8, hold_in=7).cycles_for_minutes(1) == 3  # 60 / 19 = 3.16
    assert BreathPattern(4, 8, hold_in=7).cycles_for_minutes(0.1) == 1


def test_cycles_left_counts_the_current_breath() -> None:
    pacer = BreathPacer(BreathPattern(5, 5), cycles=3, clock=FakeClock())
    pacer.start(0)
    assert [pacer.state(t).cycles_left for t in (0, 10, 29.9, 30)] == [3, 2, 1, 0]


def test_not_started_is_at_the_beginning() -> None:
    pacer = BreathPacer(BreathPattern(5, 5), cycles=3, clock=FakeClock(50))
    state = pacer.state()
    assert (state.phase, state.cycle, state.elapsed) == ("inhale", 1, 0.0)


def test_bad_patterns_are_refused() -> None:
    with pytest.raises(ValueError):
        BreathPattern(0, 5)
    with pytest.raises(ValueError):
        BreathPattern(4, 4, hold_in=-1)
    with pytest.raises(ValueError):
        BreathPacer(BreathPattern(4, 4), cycles=2, minutes=1)


@given(
    st.tuples(
        st.floats(0.5, 10), st.floats(0, 3), st.floats(0, 8), st.floats(0.5, 10), st.floats(0, 8)
    ),
    st.lists(st.floats(0, 400), min_size=2, max_size=30),
)
def test_state_depends_only_on_elapsed_time(secs: tuple[float, ...], times: list[float]) -> None:
    inhale, top_up, hold_in, exhale, hold_out = secs
    pattern = BreathPattern(inhale, exhale, top_up, hold_in, hold_out)
    pacer = BreathPacer(pattern, cycles=12, clock=FakeClock())
    pacer.start(0)
    shuffled = {t: pacer.state(t) for t in times}
    for t in sorted(times):
        state = pacer.state(t)
        assert state == shuffled[t]  # asking in any order gives the same answer
        assert 0 <= state.size <= 1 and 0 <= state.phase_fraction <= 1
        if t < pacer.total:
            assert state.cycle == min(int(t // pattern.cycle_seconds), 11) + 1


def test_countdown() -> None:
    clock = FakeClock()
    timer = Countdown(30, clock)
    timer.start()
    clock.advance(10)
    timer.pause()
    clock.advance(100)
    timer.resume()
    clock.advance(19.99)
    assert not timer.state().finished
    assert timer.state().remaining == pytest.approx(0.01)
    clock.advance(0.01)
    assert timer.state().finished and timer.state().fraction == 1.0


def test_interval_timer_phases_and_work_done() -> None:
    timer = IntervalTimer(work_minutes=10, rest_minutes=5, rounds=3, clock=FakeClock())
    timer.start(0)
    assert timer.total == 40 * 60
    state = timer.state(11 * 60)
    assert (state.phase, state.phase_word, state.round, state.rounds_done) == ("rest", "Rest", 1, 1)
    assert state.work_seconds_done == 600
    state = timer.state(17 * 60)
    assert (state.phase, state.round, state.work_seconds_done) == ("work", 2, 720)
    assert state.seconds_left_in_phase == pytest.approx(480)
    done = timer.state(41 * 60)
    assert done.finished and done.rounds_done == 3 and done.work_seconds_done == 1800


def test_interval_timer_without_rest() -> None:
    timer = IntervalTimer(work_minutes=5, rest_minutes=0, rounds=2, clock=FakeClock())
    timer.start(0)
    assert [timer.state(t).round for t in (0, 299, 300, 599)] == [1, 1, 2, 2]
    assert timer.state(600).finished


def test_interval_timer_limits() -> None:
    with pytest.raises(ValueError):
        IntervalTimer(0, 5)
    with pytest.raises(ValueError):
        IntervalTimer(5, 5, rounds=0)


def test_fake_clock_is_monotonic() -> None:
    clock = FakeClock(5)
    with pytest.raises(ValueError):
        clock.set(4)
    with pytest.raises(ValueError):
        clock.advance(-1)
