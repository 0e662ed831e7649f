"""Pacing in the app (issue 15): the Pacing screen's keys and history, and Today's offer to
hold the plans after a flare, by keyboard alone."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.pacing_plans import PacingPlans
from paincoach.records.entries import CheckInDraft
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.exercise_start import run_exercise, start_exercise
from paincoach.screens.offer import OfferDialog
from paincoach.screens.pacing import PacingScreen
from paincoach.screens.pacing_value import PlanValueDialog
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.today import TodayScreen
from tests.exercise_ui_support import SIZE, exercise, make_app, press, type_text
from tests.practice_support import open_practice, plan_session
from tests.reliability.screens_support import screen_text
from tests.support import NOW, settle
from tests.ui.test_help_now_plans import save_flare_plan

START = date(2026, 11, 6)  # a Friday: today (Friday 27 November) is plan week 4


def text_of(screen: object, selector: str) -> str:
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return " ".join(str(widget.render()).split()) if widget.display else ""


def make_plan(home: Path, activity: str = "walking") -> None:
    open_practice(home).save_session(plan_session(activity, [10, 12, 14], START))


def plan(home: Path, activity: str = "walking") -> object:
    return PacingPlans(Database.open(home), lambda: NOW).plan_for(activity)


def cells(screen: PacingScreen) -> list[list[str]]:
    table = screen.query_one("#pacing-plans", DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def open_pacing(pilot: object, app: object) -> PacingScreen:
    await settle(pilot)
    assert isinstance(app.screen, TodayScreen)  # type: ignore[attr-defined]
    await pilot.press("p")  # type: ignore[attr-defined]
    await settle(pilot)
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, PacingScreen)
    return screen


async def test_p_opens_the_plans_and_h_holds_the_highlighted_one(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        assert cells(screen) == [["walking", "13 minutes", "4", "14 on Fri 4 Dec", "open"]]
        assert "Today's amount: 13 minutes (week 4). 0 done, 13 left." in text_of(
            screen, "#pacing-details"
        )
        await pilot.press("h")
        await settle(pilot)
        assert cells(screen)[0][3] == "14 on Fri 11 Dec"
        details = text_of(screen, "#pacing-details")
        assert "Held this week: it stays at 13 minutes until Fri 11 Dec." in details
        assert "Held in week 4 (Fri 27 Nov): 13 minutes for another week" in details
    found = plan(home)
    assert found is not None and found.held_this_week  # type: ignore[attr-defined]


async def test_a_plan_at_1_minute_says_1_minute_when_held(home: Path) -> None:
    open_practice(home).save_session(plan_session("stretch", [1, 1, 1], START))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        assert cells(screen)[0][1] == "1 minute"
        await press(pilot, "h")
        said = [n.message for n in app._notifications]
        assert "Held: 1 minute for another week (u undoes it)." in said
        details = text_of(screen, "#pacing-details")
        assert "Held in week 4 (Fri 27 Nov): 1 minute for another week" in details


async def test_a_second_h_in_the_same_week_changes_nothing(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_pacing(pilot, app)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
    found = plan(home)
    assert found is not None and len(found.history) == 1  # type: ignore[attr-defined]


async def test_b_steps_back_and_the_history_says_by_how_much(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        await pilot.press("b")
        await settle(pilot)
        assert cells(screen)[0][1] == "12 minutes"
        assert "Stepped back in week 4 (Fri 27 Nov): 13 → 12 minutes" in text_of(
            screen, "#pacing-details"
        )


async def answer(pilot: object, app: object, typed: str) -> PlanValueDialog:
    """Type `typed` into the open goal or rate dialog (over what it held) and press Enter."""
    dialog = app.screen  # type: ignore[attr-defined]
    assert isinstance(dialog, PlanValueDialog)
    dialog.query_one("#plan-value", Input).value = ""
    await type_text(pilot, typed)  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)
    return dialog


async def test_u_takes_back_a_step_back_pressed_by_mistake(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        assert not screen.check_action("undo", ())  # nothing changed today yet
        await press(pilot, "b")
        assert cells(screen)[0][1] == "12 minutes" and screen.check_action("undo", ())
        assert "u takes back today's newest change." in text_of(screen, "#pacing-details")
        await press(pilot, "u")
        assert cells(screen)[0][1] == "13 minutes" and not screen.check_action("undo", ())
    found = plan(home)
    assert found is not None and found.history == ()  # type: ignore[attr-defined]


async def test_g_refuses_a_goal_that_cannot_be_then_keeps_one_that_can(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        await press(pilot, "g")
        dialog = await answer(pilot, app, "0")
        assert app.screen is dialog  # refused: the dialog stays, with the reason
        assert "A goal must be more than 0" in text_of(dialog, "#plan-value-problem")
        assert "Nothing was changed" in text_of(dialog, "#plan-value-problem")
        await answer(pilot, app, "20")
        assert app.screen is screen and cells(screen)[0][4] == "20"
        assert "up to your goal of 20" in text_of(screen, "#pacing-details")


async def test_the_goal_is_asked_for_the_days_you_do_it_not_for_every_day(home: Path) -> None:
    """Issue 15, item 3: a plan is for the days the person does the activity."""
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_pacing(pilot, app)
        await press(pilot, "g")
        dialog = app.screen
        assert isinstance(dialog, PlanValueDialog)
        words = " ".join(" ".join(str(w.render()).split()) for w in dialog.query(Static))
        assert "reaches the goal (in minutes, on the days you do it)" in words
        assert "Goal (minutes)" in words and "a day" not in words


async def test_r_explains_the_safe_rate_and_escape_changes_nothing(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        await press(pilot, "r")
        dialog = await answer(pilot, app, "35")
        assert "boom-bust" in text_of(dialog, "#plan-value-problem")
        await press(pilot, "escape")
        assert app.screen is screen
        await press(pilot, "r")
        await answer(pilot, app, "15")
        assert "It rises 15% of the starting amount a week" in text_of(screen, "#pacing-details")
    found = plan(home)
    assert found is not None and [h.change.kind for h in found.history] == ["percent"]  # type: ignore[attr-defined]


async def test_an_older_plan_with_a_fast_rise_is_flagged_not_changed(home: Path) -> None:
    make_plan(home)
    db = Database.open(home)
    with db.connection() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE pacing_plans SET percent = 50"))
        conn.commit()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        details = text_of(screen, "#pacing-details")
        assert "It rises 50% of the starting amount a week" in details
        assert "outside the 5-20% a week paincoach suggests. Press r" in details
        assert cells(screen)[0][1] == "25 minutes"  # kept as it was: 10 + 3 × 5


async def test_x_stops_a_plan_after_asking_and_n_makes_one_when_there_is_none(
    home: Path,
) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert "No pacing plans yet" in text_of(screen, "#pacing-status")
        assert not screen.check_action("hold", ())
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "pacing-plan"
    assert plan(home) is None


async def test_every_key_the_pacing_screen_takes_is_named_at_80x24(home: Path) -> None:
    """The footer has room for five keys at 80 columns; n and x are on the hint line, and u
    is named under the plan once there is a change to take back."""
    assert [b.key for b in PacingScreen.BINDINGS] == [  # type: ignore[union-attr]
        "escape", "h", "b", "g", "r", "u", "n", "x"
    ]  # fmt: skip
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_pacing(pilot, app)
        rows = screen_text(app).splitlines()
        footer, hint = rows[-1], rows[-2]
        for shown in ("esc Back", "h Hold this week", "b Step back", "g Goal", "r Weekly rise"):
            assert shown in footer
        assert hint.strip() == "n new plan · x stop plan"
        await press(pilot, "b")
        assert "u takes back today's newest change." in text_of(screen, "#pacing-details")
        await press(pilot, "x", "y")  # stopped: x has nothing left to stop
        assert screen_text(app).splitlines()[-2].strip() == "n new plan"


# -- Today's offer after a flare --------------------------------------------------------------


def flare_yesterday(home: Path) -> None:
    Journal(Database.open(home), lambda: NOW).add_checkin(
        CheckInDraft(at=NOW - timedelta(days=1), pain=7, tags=("flare",))
    )


async def test_after_a_flare_f_on_today_holds_every_plan_this_week(home: Path) -> None:
    make_plan(home)
    make_plan(home, "standing")
    flare_yesterday(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert text_of(today, "#today-flare") == (
            "Since a check-in tagged as a flare on Thu 26 Nov: f holds your pacing plans this "
            "week (no rise next week), n keeps them as they are."
        )
        await pilot.press("f")
        await settle(pilot)
        assert text_of(today, "#today-flare") == ""
        assert not today.check_action("hold_plans", ())
    for activity in ("walking", "standing"):
        found = plan(home, activity)
        assert found is not None
        assert [(h.change.kind, h.change.reason) for h in found.history] == [("hold", "flare")]  # type: ignore[attr-defined]


async def test_a_check_in_well_above_the_usual_brings_the_offer_and_f_says_what_was_held(
    home: Path,
) -> None:
    make_plan(home)
    journal = Journal(Database.open(home), lambda: NOW)
    for days in range(8, 18):  # the usual: pain 4 on ten days before the last seven
        journal.add_checkin(CheckInDraft(at=NOW - timedelta(days=days), pain=4))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen) and text_of(today, "#today-flare") == ""
        await pilot.press("c", "8", "ctrl+s")
        await settle(pilot)
        if app.screen is not today:  # the gentler offer after high pain, first
            await pilot.press("escape")
            await settle(pilot)
        assert app.screen is today
        assert text_of(today, "#today-flare") == (
            "Since pain 8 on Fri 27 Nov, well above your usual 4: f holds your pacing plans "
            "this week (no rise next week), n keeps them as they are."
        )
        await pilot.press("f")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert "Held for this week: walking 13 minutes. Be gentle with yourself." in said
    found = plan(home)
    assert found is not None
    assert [(h.change.kind, h.change.reason) for h in found.history] == [("hold", "flare")]  # type: ignore[attr-defined]


async def test_f_holds_only_the_plans_that_would_rise_and_says_which(home: Path) -> None:
    make_plan(home)
    make_plan(home, "standing")
    PacingPlans(Database.open(home), lambda: NOW - timedelta(days=14)).set_goal("walking", 11)
    flare_yesterday(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen) and text_of(today, "#today-flare") != ""
        await press(pilot, "f")
        said = [n.message for n in app._notifications]
        assert (
            "Held for this week: standing 13 minutes. Not held, as it would not rise next "
            "week anyway: walking (at its goal). Be gentle with yourself."
        ) in said
    walking, standing = plan(home), plan(home, "standing")
    assert [h.change.kind for h in walking.history] == ["goal"]  # type: ignore[attr-defined]
    assert [h.change.kind for h in standing.history] == ["hold"]  # type: ignore[attr-defined]


async def test_n_says_not_now_and_the_plans_stay_as_they_are(home: Path) -> None:
    make_plan(home)
    flare_yesterday(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert text_of(today, "#today-flare").startswith("Since a check-in tagged as a flare")
        await pilot.press("n")
        await settle(pilot)
        assert text_of(today, "#today-flare") == ""
    found = plan(home)
    assert found is not None and found.history == ()  # type: ignore[attr-defined]


async def test_without_a_sign_there_is_no_offer_and_f_does_nothing(home: Path) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert text_of(today, "#today-flare") == ""
        await pilot.press("f")
        await settle(pilot)
    found = plan(home)
    assert found is not None and found.history == ()  # type: ignore[attr-defined]


async def test_reading_the_flare_up_plan_in_help_now_brings_the_offer(home: Path) -> None:
    make_plan(home)
    save_flare_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert text_of(today, "#today-flare") == ""
        await pilot.press("f1")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert text_of(today, "#today-flare").startswith(
            "Since your flare-up plan opened on Fri 27 Nov"
        )


def flare_sign(home: Path) -> str | None:
    sign = PacingPlans(Database.open(home), lambda: NOW).flare_offer()
    return None if sign is None else sign.what


async def test_writing_a_first_flare_up_plan_from_help_now_brings_the_offer(home: Path) -> None:
    """Reaching for the flare-up plan in a hard moment is the sign, whether there is one to
    read or Help now starts writing the first."""
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        await press(pilot, "p")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "flare-plan"
    assert flare_sign(home) == "your flare-up plan opened on Fri 27 Nov"


async def test_writing_a_first_flare_up_plan_from_the_high_pain_offer_brings_the_offer(
    home: Path,
) -> None:
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "8", "ctrl+s")  # no usual yet: pain 8 alone is no sign
        assert isinstance(app.screen, OfferDialog)
        await press(pilot, "p")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "flare-plan"
    assert flare_sign(home) == "your flare-up plan opened on Fri 27 Nov"


async def test_writing_a_flare_up_plan_from_the_exercises_is_planning_ahead(home: Path) -> None:
    """From the list (or the course) it is written ahead of time: no sign of a flare."""
    make_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        run_exercise(app, exercise("flare-plan"))  # type: ignore[arg-type]
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        start_exercise(app, "flare-plan")  # as the course starts it
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen) and app.screen.exercise.id == "flare-plan"
    assert flare_sign(home) is None
