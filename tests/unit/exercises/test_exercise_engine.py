"""The runner: navigation, answers per step type, incomplete sessions, pause, timers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from paincoach.exercises.answers import AnswerError
from paincoach.exercises.engine import AnswerRequiredError, Runner, RunnerClosedError, RunState
from paincoach.exercises.lists import ListStore
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import Exercise, PacingStep
from paincoach.exercises.pacing import PacingError
from paincoach.exercises.session import TimedRun
from paincoach.exercises.timing import BreathPacer, Countdown, FakeClock, IntervalTimer
from paincoach.exercises.validate import check_text
from tests.unit.exercises.exercise_testdata import header, make_data

RECORD = (
    header("record", "thought_record")
    + """
[before]
label = "How upset are you?"

[after]
label = "How upset are you now?"

[[steps]]
type = "text"
text = "Welcome."

[[steps]]
type = "prompt"
key = "situation"
multiline = true

[[steps]]
type = "choice"
key = "emotions"
list = "emotions"
multiple = true
allow_other = true
rate = 100

[[steps]]
type = "prompt"
key = "thoughts"
lines = true

[[steps]]
type = "choice"
key = "hot_thought"
from_answer = "thoughts"

[[steps]]
type = "rating"
key = "belief"
scale = 100
show = ["hot_thought"]
text = "How much do you believe {hot_thought}?"

[[steps]]
type = "choice"
key = "traps"
options = ["All-or-nothing", "Mind reading"]
multiple = true

[[steps]]
type = "prompt"
key = "note"
optional = true

[[steps]]
type = "rating"
key = "emotions_after"
each = "emotions"
scale = 100
"""
)


class Wall:
    """A wall clock for session stamps that moves a minute per call."""

    def __init__(self) -> None:
        self.t = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=1)
        return self.t


def exercise(tmp_path: Path, text: str = RECORD) -> Exercise:
    found, problems = check_text(text, tmp_path / "x.toml", ListStore(make_data(tmp_path)))
    assert found is not None, [str(p) for p in problems]
    return found


def runner(tmp_path: Path, text: str = RECORD, clock: FakeClock | None = None) -> Runner:
    return Runner(exercise(tmp_path, text), clock=clock or FakeClock(), wall=Wall())


def fill_record(r: Runner) -> None:
    """Answer every required step of RECORD and finish it."""
    r.next()
    r.set_answer("At the shops.")
    r.next()
    r.set_answer({"Sad": 70, "Tired of it": 40})
    r.next()
    r.set_answer("They think I'm lazy\n\n  I'll never cope  \n")
    r.next()
    r.set_answer("I'll never cope")
    r.next()
    r.set_answer(80)
    r.next()
    r.next()
    r.next()
    r.set_answer({"Sad": 50, "Tired of it": 20})
    r.next()


def test_progress_and_navigation(tmp_path: Path) -> None:
    r = runner(tmp_path)
    assert str(r.progress) == "step 1 of 9" and r.is_first
    assert r.back() is False
    r.next()
    assert str(r.progress) == "step 2 of 9"
    assert r.back() is True and r.index == 0


def test_full_session_result(tmp_path: Path) -> None:
    r = runner(tmp_path)
    r.set_before(7)
    fill_record(r)
    r.set_after(4)
    assert r.state is RunState.FINISHED
    result = r.result()
    assert result.completed and (result.steps_done, result.steps_total) == (9, 9)
    assert (result.before, result.after) == (7, 4)
    assert (result.exercise_id, result.kind) == ("record", "thought_record")
    assert result.started_at < result.ended_at
    assert result.answers == {
        "situation": "At the shops.",
        "emotions": {"Sad": 70, "Tired of it": 40},
        "thoughts": ["They think I'm lazy", "I'll never cope"],
        "hot_thought": "I'll never cope",
        "belief": 80,
        "traps": [],
        "emotions_after": {"Sad": 50, "Tired of it": 20},
    }
    with pytest.raises(RunnerClosedError):
        r.next()


def test_leaving_early_gives_an_incomplete_session(tmp_path: Path) -> None:
    r = runner(tmp_path)
    r.next()
    r.set_answer("At the shops.")
    r.next()
    result = r.leave()
    assert not result.completed and r.state is RunState.LEFT
    assert (result.steps_done, result.steps_total) == (2, 9)
    assert result.answers == {"situation": "At the shops."}
    assert r.leave() == result  # leaving twice changes nothing


def test_going_back_does_not_lower_steps_done(tmp_path: Path) -> None:
    r = runner(tmp_path)
    r.next()
    r.set_answer("x")
    r.next()
    r.back()
    r.back()
    assert r.leave().steps_done == 2


def test_required_answers_block_next(tmp_path: Path) -> None:
    r = runner(tmp_path)
    r.next()
    with pytest.raises(AnswerRequiredError, match="Write an answer"):
        r.next()
    r.set_answer("   ")  # blank counts as no answer
    assert r.missing() == "Write an answer to go on."


def test_optional_prompt_may_be_blank(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "note")
    assert r.missing() is None
    r.next()
    assert "note" not in r.answers


def fill_record_until(r: Runner, key: str) -> None:
    """Answer RECORD up to the step with `key`."""
    answers: dict[str, object] = {
        "situation": "x",
        "emotions": {"Sad": 10},
        "thoughts": ["a"],
        "hot_thought": "a",
        "belief": 1,
    }
    while r.step.key != key:
        if r.step.key in answers and r.step.key not in r.answers:
            r.set_answer(answers[r.step.key])
        r.next()


def test_rating_range(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "belief")
    for bad in (101, -1, True, 5.5, "50"):
        with pytest.raises(AnswerError, match="0 to 100"):
            r.set_answer(bad)
    r.set_answer(100)
    assert r.answer() == 100


def test_choice_from_a_shared_list(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "emotions")
    assert [o.label for o in r.options()] == ["Sad", "Anxious", "Angry"]
    with pytest.raises(AnswerError, match="0 to 100"):
        r.set_answer({"Sad": 101})
    r.set_answer({"Angry": 5, "Sad": 20, "Numb": 30})  # "other" allowed, order follows the list
    assert list(r.answer()) == ["Sad", "Angry", "Numb"]


def test_choice_options_are_enforced(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "traps")
    with pytest.raises(AnswerError, match="not one of the options"):
        r.set_answer(["Fortune telling"])
    r.set_answer(["Mind reading", "All-or-nothing", "Mind reading"])
    assert r.answer() == ["All-or-nothing", "Mind reading"]


def test_single_choice_needs_a_pick(tmp_path: Path) -> None:
    text = header() + '\n[[steps]]\ntype = "choice"\nkey = "c"\noptions = ["Yes", "No"]\n'
    r = runner(tmp_path, text)
    with pytest.raises(AnswerRequiredError, match="Pick one"):
        r.next()
    with pytest.raises(AnswerError):
        r.set_answer("Maybe")
    r.set_answer("No")
    r.next()
    assert r.result().answers == {"c": "No"}


def test_from_answer_options_follow_the_earlier_answer(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "hot_thought")
    assert [o.label for o in r.options()] == ["a"]
    r.set_answer("a")
    r.back()
    r.set_answer(["b", "c"])  # the old pick no longer exists, so it is dropped
    assert "hot_thought" not in r.answers
    r.next()
    assert [o.label for o in r.options()] == ["b", "c"]


def test_each_rating_asks_for_every_item(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "emotions")
    r.set_answer({"Sad": 50, "Anxious": 40})
    fill_record_until(r, "emotions_after")
    assert r.items_to_rate() == ["Sad", "Anxious"]
    r.rate_item("Anxious", 30)
    with pytest.raises(AnswerRequiredError, match="Sad"):
        r.next()
    with pytest.raises(AnswerError):
        r.rate_item("Angry", 3)
    r.rate_item("Sad", 20)
    assert r.answer() == {"Sad": 20, "Anxious": 30}
    r.next()
    assert r.result().completed


def test_each_answers_follow_changes_to_their_source(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "emotions")
    r.set_answer({"Sad": 50, "Anxious": 40})
    fill_record_until(r, "emotions_after")
    r.set_answer({"Sad": 20, "Anxious": 30})
    while r.step.key != "emotions":
        r.back()
    r.set_answer({"Anxious": 40})
    assert r.answers["emotions_after"] == {"Anxious": 30}


def test_placeholders_and_shown_answers(tmp_path: Path) -> None:
    r = runner(tmp_path)
    fill_record_until(r, "belief")
    assert r.text() == "How much do you believe a?"
    assert r.shown() == [("hot_thought", "a")]
    assert r.text(escape=str.upper) == "How much do you believe A?"


def test_steps_without_answers_refuse_one(tmp_path: Path) -> None:
    r = runner(tmp_path)
    with pytest.raises(AnswerError, match="takes no answer"):
        r.set_answer("x")


def test_before_and_after_ratings(tmp_path: Path) -> None:
    r = runner(tmp_path)
    with pytest.raises(AnswerError, match="0 to 10"):
        r.set_before(11)
    r.set_before(3)
    r.set_before(None)
    assert r.before is None
    plain = runner(tmp_path / "plain", header() + '\n[[steps]]\ntype = "text"\ntext = "x"\n')
    with pytest.raises(AnswerError, match="no after rating"):
        plain.set_after(2)


BREATHE = (
    header("b", "breathing")
    + """
[[steps]]
type = "breathe"
inhale = 4
exhale = 6
cycles = 3

[[steps]]
type = "timer"
seconds = 30

[[steps]]
type = "pacing"
mode = "plan"

[[steps]]
type = "pacing"
mode = "timer"
"""
)


def test_timers_are_made_per_step_and_started_on_request(tmp_path: Path) -> None:
    clock = FakeClock(100.0)
    r = runner(tmp_path, BREATHE, clock)
    pacer = r.timer
    assert isinstance(pacer, BreathPacer) and not pacer.started
    r.start_timer()
    clock.advance(5.0)
    assert pacer.state().phase == "exhale"
    r.next()
    assert isinstance(r.timer, Countdown) and r.timer is not pacer
    r.back()
    assert isinstance(r.timer, BreathPacer) and not r.timer.started  # a fresh pacer


def test_pause_stops_the_timer_and_resume_shifts_it(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, BREATHE, clock)
    r.start_timer()
    clock.advance(3.0)
    r.pause()
    assert r.state is RunState.PAUSED
    clock.advance(60.0)
    assert r.timer is not None and r.timer.elapsed() == pytest.approx(3.0)
    r.resume()
    clock.advance(2.0)
    assert r.timer.elapsed() == pytest.approx(5.0)
    r.pause()
    r.next()  # moving on resumes the session
    assert r.state is RunState.RUNNING


def test_pacing_plan_step(tmp_path: Path) -> None:
    r = runner(tmp_path, BREATHE)
    r.next()
    r.next()
    with pytest.raises(PacingError, match="at least 3"):
        r.set_pacing_plan("walk", [10, 12])
    r.set_pacing_plan("walk", [10, 12, 14], start=date(2026, 11, 2))
    assert r.answer() == {
        "activity": "walk",
        "unit": "minutes",
        "tolerances": [10, 12, 14],
        "percent": 10.0,
        "baseline": 10,
        "start": "2026-11-02",
    }


def test_pacing_timer_step_logs_the_work_done(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, BREATHE, clock)
    for _ in range(3):
        r.next()
    timer = r.start_intervals(10, 5, rounds=2, activity=" walk ")
    assert isinstance(timer, IntervalTimer)
    clock.advance(60 * 17)  # 10 work + 5 rest + 2 of the second work
    result = r.leave()
    assert result.answers["pacing_timer"] == {
        "activity": "walk",
        "work_minutes": 10.0,
        "rest_minutes": 5.0,
        "rounds": 2,
        "rounds_done": 1,
        "seconds_done": 720,
        "minutes_done": 12,
    }


def test_start_intervals_only_on_a_pacing_timer_step(tmp_path: Path) -> None:
    r = runner(tmp_path, BREATHE)
    with pytest.raises(AnswerError):
        r.start_intervals(5, 1)


BUNDLED = sorted(load_library(None).exercises)


@pytest.mark.parametrize("exercise_id", BUNDLED)
def test_every_bundled_exercise_runs_to_the_end_and_is_saved(home: Path, exercise_id: str) -> None:
    """Every exercise, every step answered, through the engine and the practice service (the
    screens are driven once per kind of step: tests/ui/test_exercise_screens.py)."""
    from paincoach.services import Services

    found = load_library(None).get(exercise_id)
    assert found is not None
    clock = FakeClock()
    r = Runner(found, clock=clock)
    while not r.ended:
        if r.missing():
            r.set_answer(generic_answer(r))
        step = r.step
        if isinstance(step, PacingStep) and step.mode == "timer":
            r.start_intervals(1, 0, 1, "walking")
        else:
            r.start_timer()
        if r.timer is not None:  # a countdown, pacer or pacing timer runs to its end
            clock.advance(r.timer.total + 1)
        r.next()
    result = r.result()
    assert result.completed and result.steps_done == result.steps_total, exercise_id
    services = Services(home)
    services.practice.save_session(result)
    [session] = services.practice.recent_sessions()
    assert session.exercise_id == exercise_id and session.completed


def generic_answer(r: Runner) -> object:
    """Some valid answer for the current step."""
    from paincoach.exercises.model import ChoiceStep, PromptStep, RatingStep

    step = r.step
    if isinstance(step, PromptStep):
        return ["one"] if step.lines else "something"
    if isinstance(step, RatingStep):
        return {item: 1 for item in r.items_to_rate()} if step.each else 1
    assert isinstance(step, ChoiceStep)
    label = r.options()[0].label if r.options() else "other"
    return {label: 50} if step.rate else [label] if step.multiple else label


# -- finished means the timers ran --------------------------------------------------------------

PACER = (
    header("pacer", "breathing")
    + """
[[steps]]
type = "text"
text = "Sit comfortably."

[[steps]]
type = "breathe"
inhale = 5
exhale = 5
minutes = 10

[[steps]]
type = "text"
text = "Well done."
"""
)

HOLDS = header("holds", "relaxation") + "".join(
    f'\n[[steps]]\ntype = "timer"\nseconds = {seconds}\n' for seconds in (5, 15, 5, 15, 60)
)


def run_timers(r: Runner, clock: FakeClock, seconds: dict[int, float]) -> None:
    """Go through every step; the timer of step n (1-based) runs `seconds[n]`, else in full."""
    while not r.ended:
        if r.timer is not None:
            r.start_timer()
            clock.advance(seconds.get(r.index + 1, r.timer.total))
        r.next()


def test_a_pacer_stopped_after_36_seconds_is_not_finished(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, PACER, clock)
    run_timers(r, clock, {2: 36.4})
    result = r.result()
    assert r.state is RunState.FINISHED  # every step was seen
    assert not result.completed  # but the pacer ran 36 s of its 10 minutes
    assert result.timed == (TimedRun(2, 36, 600),)
    assert result.steps_done == result.steps_total == 3


def test_a_pacer_run_to_its_end_is_finished(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, PACER, clock)
    run_timers(r, clock, {})
    result = r.result()
    assert result.completed and result.timed == (TimedRun(2, 600, 600),)


def test_moving_on_a_little_early_still_counts_as_finished(tmp_path: Path) -> None:
    """Together the timers must run 90% of their time (docs/insights.md)."""
    clock = FakeClock()
    r = runner(tmp_path, HOLDS, clock)
    run_timers(r, clock, {1: 3, 3: 0})  # two tense holds cut short: 93 of 100 s
    assert r.result().completed
    assert [run.seconds for run in r.result().timed] == [3, 15, 0, 15, 60]
    clock = FakeClock()
    r = Runner(r.exercise, clock=clock, wall=Wall())
    run_timers(r, clock, {5: 49})  # 89 of 100 s
    assert not r.result().completed


def test_leaving_counts_the_timer_on_show_and_the_steps_never_reached(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, HOLDS, clock)
    r.start_timer()
    clock.advance(5)
    r.next()
    r.start_timer()
    clock.advance(7.6)
    assert r.timed()[1] == TimedRun(2, 8, 15)  # the run so far, before leaving
    result = r.leave()
    assert not result.completed
    assert result.timed == (
        TimedRun(1, 5, 5),
        TimedRun(2, 8, 15),
        TimedRun(3, 0, 5),
        TimedRun(4, 0, 15),
        TimedRun(5, 0, 60),
    )


def test_a_timer_run_again_after_back_keeps_its_longest_run(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, PACER, clock)
    r.next()
    r.start_timer()
    clock.advance(590)
    r.next()
    r.back()  # a fresh pacer, stopped at once
    r.start_timer()
    clock.advance(2)
    r.next()
    r.next()
    assert r.result().timed == (TimedRun(2, 590, 600),) and r.result().completed


def test_time_paused_is_not_time_run(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, PACER, clock)
    r.next()
    r.start_timer()
    clock.advance(30)
    r.pause()
    clock.advance(600)
    assert r.leave().timed == (TimedRun(2, 30, 600),)


def test_a_pacing_timer_that_never_ran_is_not_finished(tmp_path: Path) -> None:
    clock = FakeClock()
    r = runner(tmp_path, BREATHE, clock)
    run_timers(r, clock, {})
    result = r.result()
    assert not result.completed
    assert result.timed[-1] == TimedRun(4, 0, None)  # its length was never chosen
    clock = FakeClock()
    r = Runner(r.exercise, clock=clock, wall=Wall())
    for _ in range(3):
        r.start_timer()
        if r.timer is not None:
            clock.advance(r.timer.total)
        r.next()
    r.start_intervals(10, 5, rounds=2, activity="walk")
    clock.advance(25 * 60)
    r.next()
    assert r.result().completed and r.result().timed[-1] == TimedRun(4, 1500, 1500)
