"""The exercise library, the runner, the pacer and thought records, driven by keyboard."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from paincoach.app import create_app
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import KINDS, kind_title
from paincoach.exercises.timing import FakeClock
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.exercise_commands import ExerciseCommands
from paincoach.screens.exercise_start import start_exercise
from paincoach.screens.exercises import ExercisesScreen
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.runner import Page, RunnerScreen
from paincoach.screens.thought_records import ThoughtRecordScreen, ThoughtRecordsScreen
from paincoach.services import Services
from paincoach.settings import load_settings, save_settings
from paincoach.widgets.breath_pacer import BreathPacerWidget
from paincoach.widgets.percent import PercentInput
from paincoach.widgets.step_base import markdown_escape
from tests.exercise_ui_support import (
    SIZE,
    covering_exercises,
    exercise,
    make_app,
    open_runner,
    press,
    run_to_the_end,
    type_text,
)
from tests.support import NOW, fixed_clock, settle

BUNDLED = sorted(load_library().exercises)


def practice(home: Path) -> Services:
    """A second handle on the same journal."""
    return Services(home, fixed_clock)


@pytest.mark.parametrize("exercise_id", covering_exercises())
async def test_every_kind_of_step_runs_to_the_end_by_keyboard_and_is_saved(
    home: Path, exercise_id: str
) -> None:
    """Each step kind once through the screen; every exercise runs through the engine
    (tests/unit/exercises/test_exercise_engine.py) and is checked as content."""
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, exercise_id, clock)
        await run_to_the_end(pilot, screen, clock)
        await settle(pilot)
        summary = str(screen.query_one(".runner-summary", Static).render())
        assert "Saved." in summary, summary
        await press(pilot, "enter")
        assert not isinstance(app.screen, RunnerScreen)
        assert app.unexpected_errors == []
    [session] = practice(home).practice.recent_sessions()
    assert session.exercise_id == exercise_id and session.completed
    assert session.steps_done == session.steps_total


async def test_library_lists_exercises_by_kind_and_starts_one(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ExercisesScreen())
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        headings = [str(option.prompt) for option in options.options if option.disabled]
        present = {exercise.kind for exercise in load_library().exercises.values()}
        assert headings == [kind_title(kind) for kind in KINDS if kind in present]
        assert headings.index("Breathing") < headings.index("Thought records")
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(options.get_option("breathing-slow").prompt)
        lines = [line.rstrip() for line in console.export_text().splitlines()]
        assert lines[0] == "  Slow breathing (5 in, 5 out)  · 10 min"
        assert lines[1].startswith("    Breathe in for 5") and lines[2].startswith("    body")
        await press(pilot, "enter")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.page is Page.INTRO


async def test_skipped_user_files_are_named_with_line_and_field(home: Path) -> None:
    app = make_app(home)
    (home / "exercises").mkdir()
    (home / "exercises" / "mine.toml").write_text(
        'id = "mine"\ntitle = "Mine"\nkind = "breathing"\nsummary = "s"\nminutes = 2\n\n'
        '[[steps]]\ntype = "timer"\nseconds = 0\n'
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ExercisesScreen())
        await settle(pilot)
        warning = app.screen.query_one("#exercises-warnings", Static)
        text = str(warning.render())
        assert warning.display
        assert "mine.toml, line 9, steps[1].seconds: expected a whole number" in text
        assert "1 of your exercise files was skipped" in text
        options = app.screen.query_one(OptionList)
        assert options.option_count > len(BUNDLED)  # everything else still loaded


async def test_a_needed_answer_is_asked_for_and_what_was_typed_is_kept(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "thought-record", FakeClock())
        await press(pilot, "enter", "enter")  # the caution, then the first text step
        assert str(screen.run.progress) == "step 2 of 13"
        await press(pilot, "ctrl+n")
        assert str(screen.run.progress) == "step 2 of 13"
        message = screen.query_one("#runner-message", Static)
        assert message.display and "Write an answer to go on." in str(message.render())
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "The bus was late [/]")
        await press(pilot, "ctrl+n")
        assert str(screen.run.progress) == "step 3 of 13" and not message.display
        await press(pilot, "ctrl+b")
        assert app.screen.query_one(TextArea).text == "The bus was late [/]"
        await press(pilot, "pageup", "pageup")  # to the first step, then the caution page
        assert screen.page is Page.INTRO
        await press(pilot, "pagedown")
        assert screen.page is Page.STEP and str(screen.run.progress) == "step 1 of 13"


async def test_leaving_early_asks_first_and_saves_an_unfinished_session(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "breathing-slow", FakeClock())
        await press(pilot, "5", "enter", "enter")
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "escape")  # no: carry on where I was
        assert app.screen is screen and str(screen.run.progress) == "step 2 of 4"
        await press(pilot, "escape", "y")
        assert not isinstance(app.screen, RunnerScreen)
        assert any("unfinished" in n.message for n in app._notifications)
    [session] = practice(home).practice.recent_sessions()
    assert not session.completed and session.before == 5
    assert (session.steps_done, session.steps_total) == (1, 4)


async def test_leaving_before_starting_saves_nothing(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_runner(pilot, "breathing-slow", FakeClock())
        await press(pilot, "escape")
        assert not isinstance(app.screen, (RunnerScreen, ConfirmDialog))
    assert practice(home).practice.recent_sessions() == []


@pytest.mark.parametrize(
    ("exercise_id", "keys", "focus"),
    [
        ("breathing-slow", (), "RatingInput"),  # the before rating
        ("breathing-slow", ("enter", "enter", "enter"), "BreatheStepView"),
        ("body-scan", ("enter", "enter", "enter"), "TimerStepView"),
        ("thought-record", ("enter", "enter"), "TextBox"),
        ("asking-for-support", ("enter",), "Input"),
        ("values-activities", ("enter",), "PickList"),
        (
            "smart-goal",
            ("enter", "a", "enter", "b", "enter", "c", "enter", "d", "enter"),
            "RatingInput",
        ),
        ("pacing-plan", ("enter",) * 5, "Input"),
    ],
)
async def test_help_now_works_in_the_middle_of_every_kind_of_step(
    home: Path, exercise_id: str, keys: tuple[str, ...], focus: str
) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, exercise_id, FakeClock())
        await press(pilot, *keys)
        assert type(app.focused).__name__ == focus
        where = (screen.page, screen.run.index)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpNowDialog)
        assert "Samaritans: 116 123" in str(app.screen.query_one("#help-text", Static).render())
        await press(pilot, "escape")
        assert app.screen is screen and (screen.page, screen.run.index) == where
        assert type(app.focused).__name__ == focus


async def test_the_pacer_follows_the_clock_and_pauses_while_covered(home: Path) -> None:
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "breathing-slow", clock, quick=True)
        pacer = screen.query_one(BreathPacerWidget)
        clock.set(7.3)
        text = pacer.render().plain
        assert "Breathe out … 3" in text and "Breath 1 of 48" in text
        assert "▀" in text or "█" in text  # the shape
        assert "Take care:" in str(screen.query_one(".exercise-caution", Static).render())
        await press(pilot, "f1")
        clock.advance(100)  # Help now stays open a while
        await press(pilot, "escape")
        assert screen.run.timer is not None
        assert screen.run.timer.elapsed() == pytest.approx(7.3)
        clock.advance(1.0)
        assert "Breathe out … 4" in pacer.render().plain
        await press(pilot, "space")
        clock.advance(30)
        assert "Paused" in pacer.render().plain
        await press(pilot, "space")
        clock.advance(480)
        assert "Done." in pacer.render().plain


async def test_reduced_motion_shows_words_and_a_bar_only(home: Path) -> None:
    services = practice(home)
    services.acknowledge("GB")
    save_settings(services.db, load_settings(services.db).with_changes(reduced_motion=True))
    services.close()
    app = create_app(home, clock=fixed_clock)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "breathing-box", clock, quick=True)
        clock.set(5.0)
        text = screen.query_one(BreathPacerWidget).render().plain
        assert "Hold … 2" in text and "Breath 1 of" in text
        assert "▀" not in text and "▄" not in text
        assert "░" in text  # the progress bar


async def test_quick_start_goes_straight_to_the_pacer(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        start_exercise(app, "breathing-slow", quick=True)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RunnerScreen) and screen.page is Page.STEP
        assert screen.run.timer is not None and screen.run.timer.started
        start_exercise(app, "no-such-exercise")
        await settle(pilot)
        assert app.screen is screen
        assert any("could not be found" in n.message for n in app._notifications)


async def test_command_palette_finds_an_exercise_by_title(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = ExerciseCommands(app.screen)
        await provider.startup()
        hits = [hit async for hit in provider.search("box breath")]
        assert hits and hits[0].text == "Exercise: Box breathing (4-4-4-4)"
        assert len([hit async for hit in provider.discover()]) == len(BUNDLED)
        hits[0].command()
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "breathing-box"


async def test_a_thought_record_keeps_the_hot_thought_in_view_and_is_listed(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "thought-record", FakeClock())
        await press(pilot, "enter", "enter")
        await type_text(pilot, "Sister rang about *the move*")
        await press(pilot, "ctrl+n")
        await pilot.press("space", "tab", "tab", "7", "0")  # Anxious, 70
        await press(pilot, "ctrl+n")
        await type_text(pilot, "She thinks I'm lazy\n[b]I'll never cope[/b]")
        await press(pilot, "ctrl+n")
        await press(pilot, "down", "enter")  # the second thought is the hot one
        shown = screen.query_one("#runner-shown", Static)
        assert shown.display
        assert "The hot thought: [b]I'll never cope[/b]" in str(shown.render())
        await press(pilot, "8", "0", "enter")  # belief
        await press(pilot, "space", "enter")  # a trap
        for _ in range(3):  # evidence for, against, the balanced thought
            assert "[b]I'll never cope[/b]" in str(shown.render())
            await type_text(pilot, "Some words")
            await press(pilot, "ctrl+n")
        await press(pilot, "6", "0", "enter")  # belief in the balanced thought
        assert "A balanced thought: Some words" in str(shown.render())
        await press(pilot, "4", "0", "ctrl+n")  # Anxious again
        await press(pilot, "enter")
        assert screen.page is Page.SUMMARY
        await settle(pilot)
        assert "thought record is kept" in str(screen.query_one(".runner-summary", Static).render())
        await press(pilot, "enter")
        app.push_screen(ThoughtRecordsScreen())
        await settle(pilot)
        table = app.screen.query_one("#records", DataTable)
        assert table.row_count == 1
        await press(pilot, "enter")
        assert isinstance(app.screen, ThoughtRecordScreen)
        text = str(app.screen.query_one("#record-text", Static).render())
        for words in (
            "Sister rang about *the move*",
            "Anxious 70",
            "• She thinks I'm lazy",
            "4. Hot thought (believed 80 of 100)",
            "[b]I'll never cope[/b]",
            "8. Balanced thought (believed 60 of 100)",
            "9. Emotions afterwards",
            "Anxious 40",
        ):
            assert words in text, words


async def test_n_starts_a_new_thought_record_and_the_list_refreshes(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ThoughtRecordsScreen())
        await settle(pilot)
        status = str(app.screen.query_one("#records-status", Static).render())
        assert "No thought records yet" in status
        await press(pilot, "n")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "thought-record"
        await press(pilot, "enter", "enter")
        await type_text(pilot, "A moment")
        await press(pilot, "ctrl+n", "escape", "y")  # leave early: an unfinished record
        assert isinstance(app.screen, ThoughtRecordsScreen)
        assert app.screen.query_one("#records", DataTable).row_count == 1


async def test_a_plan_starting_at_1_minute_says_1_minute(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "pacing-plan", FakeClock())
        await press(pilot, *["enter"] * 5)
        await type_text(pilot, "stretch")
        await pilot.press("enter")
        await type_text(pilot, "1, 1, 1")
        await settle(pilot)
        preview = str(screen.query_one("#plan-preview", Static).render())
        assert "Your starting amount (this week): 1 minute on the days you do it" in preview


async def test_a_pacing_plan_shows_its_numbers_and_a_session_logs_paced_time(home: Path) -> None:
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "pacing-plan", clock)
        await press(pilot, *["enter"] * 5)
        await type_text(pilot, "walking")
        await pilot.press("enter")
        await type_text(pilot, "10, 12, 1x")
        await settle(pilot)
        preview = screen.query_one("#plan-preview", Static)
        assert '"1x" is not a number' in str(preview.render())
        await pilot.press("backspace", "4")
        await settle(pilot)
        starting = "Your starting amount (this week): 10 minutes on the days you do it"
        assert starting in str(preview.render())
        assert "11 in week 2" in str(preview.render())
        while screen.page is not Page.SUMMARY:
            await press(pilot, "ctrl+n")
        await settle(pilot)
        saved = str(screen.query_one(".runner-summary", Static).render())
        assert "Saved. The pacing session will use your plan" in saved
        await press(pilot, "enter")
        screen = await open_runner(pilot, "pacing-session", clock)
        await press(pilot, "enter", "enter", "enter")
        assert "Your plans" in str(screen.query_one("#iv-plans-note", Static).render())
        await press(pilot, "enter")  # pick the plan: the work time comes from it
        assert screen.query_one("#iv-work", Input).value == "10"
        await press(pilot, "enter")  # start
        clock.advance(10 * 60)
        await press(pilot, "enter", "enter")
        await settle(pilot)
        summary = str(screen.query_one(".runner-summary", Static).render())
        assert "Logged 10 min of walking as paced." in summary
    [activity] = practice(home).journal.day(NOW.date()).activities
    assert (activity.name, activity.minutes, activity.paced) == ("walking", 10, True)
    plan = practice(home).practice.plan_for("Walking")
    assert plan is not None and plan.baseline == 10 and plan.left_today == 0


async def test_a_plan_refuses_a_fast_rise_and_keeps_the_goal_typed(home: Path) -> None:
    """Issue 15: the weekly rise is 5-20% (the reason is shown), and a goal can be set."""
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "pacing-plan", clock)
        await press(pilot, *["enter"] * 5)
        await type_text(pilot, "walking")
        await pilot.press("enter")
        await type_text(pilot, "10, 12, 14")
        await press(pilot, "enter", "enter")  # the unit as given; into the weekly rise
        await pilot.press("ctrl+u")
        await type_text(pilot, "50")
        await settle(pilot)
        preview = screen.query_one("#plan-preview", Static)
        assert "from 5 to 20 percent" in str(preview.render())
        assert "boom-bust" in str(preview.render())
        await press(pilot, "ctrl+n")
        assert screen.run.step.type == "pacing"  # refused: still on the plan step
        await pilot.press("ctrl+u")
        await type_text(pilot, "20")
        await pilot.press("enter")
        await type_text(pilot, "15")
        await settle(pilot)
        assert "up to your goal of 15" in str(preview.render())
        while screen.page is not Page.SUMMARY:
            await press(pilot, "ctrl+n")
    plan = practice(home).practice.plan_for("walking")
    assert plan is not None and (plan.percent, plan.goal, plan.baseline) == (20.0, 15.0, 10)


async def test_a_refused_rise_is_said_in_a_sentence_and_goes_once_it_is_mended(
    home: Path,
) -> None:
    """Issue 15: why Next refused, as a sentence; not left under a plan that now works."""
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "pacing-plan", FakeClock())
        await press(pilot, *["enter"] * 5)
        await type_text(pilot, "walking")
        await pilot.press("enter")
        await type_text(pilot, "10, 12, 14")
        await press(pilot, "enter", "enter")  # the unit as given; into the weekly rise
        await pilot.press("ctrl+u")
        await type_text(pilot, "30")
        await press(pilot, "ctrl+n")
        assert screen.run.step.type == "pacing"  # refused
        message = screen.query_one("#runner-message", Static)
        assert message.display
        assert str(message.render()).startswith(
            "The weekly rise must be from 5 to 20 percent (found 30): rising faster"
        )
        await pilot.press("ctrl+u")
        await type_text(pilot, "10")
        await settle(pilot)
        assert not message.display
        preview = screen.query_one("#plan-preview", Static)
        assert "Your starting amount (this week): 10 minutes" in str(preview.render())


async def test_a_pacing_timer_asks_for_plans_with_data_only_messages(home: Path) -> None:
    """The step view posts what it wants; the screen answers with plain records."""
    from paincoach.widgets.steps import PlansWanted, PlanWanted

    wanted: list[object] = []

    def hook(message: object) -> None:
        if isinstance(message, PlansWanted | PlanWanted):
            wanted.append(message)

    app = make_app(home)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "pacing-session", FakeClock())
        await press(pilot, "enter", "enter", "enter")
        assert [type(m) for m in wanted] == [PlansWanted]
        assert "no pacing plan yet" in str(screen.query_one("#iv-plans-note", Static).render())
        await type_text(pilot, "walking")
        await press(pilot, "enter")
        assert [type(m) for m in wanted] == [PlansWanted, PlanWanted]
        asked = wanted[1]
        assert isinstance(asked, PlanWanted) and asked.activity == "walking"
        assert not any(callable(value) for value in vars(asked).values())  # data, not code


async def test_a_failed_save_says_so_and_can_be_tried_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paincoach.core.errors import DiskFullError
    from paincoach.practice.service import Practice

    real = Practice.save_session
    calls: list[int] = []

    def flaky(self: Practice, result: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise DiskFullError("There is no room left to save.")
        return real(self, result)  # type: ignore[arg-type]

    monkeypatch.setattr(Practice, "save_session", flaky)
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "breathing-4-7-8", clock, quick=True)
        await press(pilot, "enter", "enter", "enter")
        assert screen.page is Page.SUMMARY
        summary = screen.query_one(".runner-summary", Static)
        assert "Not saved: There is no room left to save." in str(summary.render())
        await press(pilot, "ctrl+s")
        assert "Saved." in str(summary.render())
        await press(pilot, "escape")
        assert not isinstance(app.screen, RunnerScreen)
    assert len(practice(home).practice.recent_sessions()) == 1


async def test_percent_input_takes_typed_numbers_and_arrows(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(RunnerScreen(exercise("thought-record")))
        await settle(pilot)
        slider = PercentInput("Belief", "Not at all", "Completely")
        await app.screen.query_one("#runner-body").mount(slider)
        slider.focus()
        await pilot.press("4", "5")
        assert slider.value == 45
        await pilot.press("right", "shift+left")
        assert slider.value == 49
        await pilot.press("1", "0", "0")
        assert slider.value == 100
        await pilot.press("home")
        assert slider.value == 0
        await pilot.press("backspace")
        assert slider.value is None
        assert "not given" in slider.render().plain


def test_answers_are_escaped_before_they_reach_markdown() -> None:
    escaped = markdown_escape("*bold* [link](http://x) # head\n- item `code` <b>")
    assert "\n" not in escaped
    for special in "*[]()#-`<>":
        assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c == special)


async def test_palette_shows_titles_and_summaries_as_written(home: Path) -> None:
    from textual.content import Content

    app = make_app(home)
    (home / "exercises").mkdir()
    (home / "exercises" / "mine.toml").write_text(
        'id = "mine"\ntitle = "Calm [b]down[/]"\nkind = "breathing"\n'
        'summary = "Breathe [/] slowly [red]now"\nminutes = 2\n\n'
        '[[steps]]\ntype = "text"\ntext = "Hello"\n'
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = ExerciseCommands(app.screen)
        await provider.startup()
        [hit] = [hit async for hit in provider.search("calm down")]
        assert hit.text == "Exercise: Calm [b]down[/]"
        assert str(hit.prompt) == "Exercise: Calm [b]down[/]"
        assert hit.help is not None
        assert Content.from_markup(hit.help).plain == "Breathe [/] slowly [red]now"


async def test_a_thought_record_can_be_deleted_after_asking(home: Path) -> None:
    from tests.practice_support import THOUGHTS, drive, open_practice, runner

    r = runner("thought-record")
    drive(r, THOUGHTS)
    open_practice(home).save_session(r.result())
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ThoughtRecordsScreen())
        await settle(pilot)
        await press(pilot, "enter", "d")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, ThoughtRecordScreen)
        await press(pilot, "d", "y")
        assert isinstance(app.screen, ThoughtRecordsScreen)
        assert app.screen.query_one("#records", DataTable).row_count == 0
    assert practice(home).practice.thought_records() == []


async def test_plans_arriving_after_the_step_is_gone_are_ignored(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from paincoach.practice.service import Practice

    release = threading.Event()
    real = Practice.pacing_plans

    def slow(self: Practice, active_only: bool = True) -> object:
        release.wait(5)
        return real(self, active_only)

    monkeypatch.setattr(Practice, "pacing_plans", slow)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "pacing-session", FakeClock())
        await pilot.press("enter", "enter", "enter")  # on the timer step; plans still loading
        await pilot.pause()
        await pilot.press("ctrl+n")  # and straight on
        await pilot.pause()
        release.set()
        await settle(pilot)
        assert str(screen.run.progress) == "step 4 of 4"
        assert app.unexpected_errors == []


async def test_the_support_message_can_be_copied(home: Path) -> None:
    from paincoach.exercises.model import TextStep
    from paincoach.exercises.timing import FakeClock
    from tests.exercise_ui_support import answer_step, make_app, open_runner

    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "asking-for-support", clock)
        if screen.page.name == "INTRO":
            await pilot.press("enter")
            await settle(pilot)
        while not (screen.run.is_last and isinstance(screen.run.step, TextStep)):
            await answer_step(pilot, screen, clock)
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard.startswith("Hi ") and "Some words" in app.clipboard
        assert "Copy it" not in app.clipboard  # only the message, not the guidance
