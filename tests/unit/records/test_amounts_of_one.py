"""An amount of 1 reads "1 minute", "1 lap" wherever a plan's amount is said (issue 15's
audit): the lines on Today, the activity dialog, the history, the Pacing screen, the week
and the pacing timer share `core.words.in_unit`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from paincoach.records.entry_lines import held_words, pacing_line
from paincoach.records.pacing import PlanChange, PlanHistoryLine
from paincoach.records.plan_match import counts_for
from paincoach.records.practice import PacingPlanView
from paincoach.records.review import PlanDay, PlanProgress, WeekSummary
from paincoach.screens.pacing import plan_details, plan_row
from paincoach.screens.week import practice_text
from paincoach.widgets.step_intervals import plan_line

DAY = date(2026, 11, 27)


def plan_at_one(unit: str = "minutes") -> PacingPlanView:
    return PacingPlanView(
        uid="u",
        activity="stretch",
        unit=unit,
        measurements=(1, 1, 1),
        baseline=1,
        percent=10.0,
        start=date(2026, 11, 6),
        goal=None,
        today_amount=1,
        done_today=0 if unit == "minutes" else None,
        week=4,
    )


def test_todays_line_and_the_activity_dialog_say_1_minute() -> None:
    assert pacing_line(plan_at_one()) == "stretch: 0 of 1 minute (1 left; week 4)"
    assert pacing_line(plan_at_one("laps")) == "stretch: today's amount is 1 lap (week 4)"
    assert counts_for("stretch", True, [plan_at_one()], with_today=True) == (
        'Counts for your pacing plan "stretch": 0 of 1 minute today.'
    )


def test_the_history_says_1_minute() -> None:
    def line(kind: str, value: float | None = None) -> str:
        change = PlanChange(kind, DAY, value)  # type: ignore[arg-type]
        return PlanHistoryLine(change, 4, 2, 1).words("minutes")

    assert line("hold") == "Held in week 4 (Fri 27 Nov): 1 minute for another week"
    assert line("back") == "Stepped back in week 4 (Fri 27 Nov): 2 → 1 minute"
    assert line("goal", 1) == "Goal set to 1 minute in week 4 (Fri 27 Nov)"
    assert PlanHistoryLine(PlanChange("hold", DAY), 4, 1, 1).words("flights of stairs") == (
        "Held in week 4 (Fri 27 Nov): 1 flight of stairs for another week"
    )


def test_the_pacing_screen_and_the_timer_say_1_minute() -> None:
    plan = plan_at_one()
    assert str(plan_row(plan)[1]) == "1 minute"
    details = str(plan_details(replace(plan, held_this_week=True)))
    assert "Today's amount: 1 minute (week 4). 0 done, 1 left." in details
    assert "Held this week: it stays at 1 minute." in details
    assert "a week (0.1 minutes)" in details and "Started Fri 6 Nov at 1 minute." in details
    assert "(1 minute)" in str(plan_details(replace(plan, baseline=10)))  # 10% of 10
    assert plan_line(plan_at_one("laps")) == "Today: 1 lap · week 4 of your plan"


def test_the_week_says_1_minute_planned() -> None:
    week = WeekSummary(
        start=DAY,
        end=DAY,
        label="2026-W48",
        week_start=0,
        figures=(),
        days=(),
        plans=(
            PlanProgress("stretch", "minutes", (PlanDay(DAY, 1, 0),)),
            PlanProgress("swim", "laps", (PlanDay(DAY, 1, None),)),
        ),
        exercises=(),
        check=None,
        baseline=None,
        baseline_note="",
    )
    text = str(practice_text(week))
    assert "stretch: 0 of 1 minute done, within 20%" in text
    assert "swim: 1 lap planned (not counted in minutes)" in text


def test_todays_hold_says_which_plans_were_held_and_which_would_not_rise_anyway() -> None:
    held = replace(plan_at_one(), activity="walking", held_this_week=True)
    at_goal = replace(plan_at_one(), activity="standing", goal=1.0)
    no_rise = replace(plan_at_one("laps"), activity="swim", percent=0.0)
    assert held_words([held]) == ("Held for this week: walking 1 minute. Be gentle with yourself.")
    assert held_words([at_goal, held]) == (
        "Held for this week: walking 1 minute. Not held, as it would not rise next week "
        "anyway: standing (at its goal). Be gentle with yourself."
    )
    assert held_words([at_goal, no_rise]) == (
        "No plan needed holding this week. Not held, as they would not rise next week "
        "anyway: standing (at its goal), swim (no rise). Be gentle with yourself."
    )
