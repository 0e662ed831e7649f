"""Pacing plans and paced activities, and answers from exercises people write themselves."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paincoach.core.errors import InputError, NotFoundError
from paincoach.journal.service import Journal
from paincoach.practice.answers import extract
from paincoach.records.entries import ActivityDraft
from paincoach.records.practice import SavedPractice
from tests.practice_support import made_result, open_practice, plan_session, timer_session
from tests.support import NOW

TODAY = NOW.date()


# -- pacing ------------------------------------------------------------------------------------


def test_a_pacing_plan_session_creates_the_plan(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(plan_session("Walk", [10, 12, 14], date(2026, 11, 2)))
    assert isinstance(saved, SavedPractice) and saved.plan_uid
    [plan] = practice.pacing_plans()
    assert plan.uid == saved.plan_uid and plan.active
    assert (plan.activity, plan.unit, plan.measurements) == ("Walk", "minutes", (10, 12, 14))
    assert (plan.baseline, plan.percent, plan.start, plan.goal) == (
        10,
        10.0,
        date(2026, 11, 2),
        None,
    )
    # 27 November is day 25 from 2 November: week 4, so 10 + 3 × 1 minute
    assert (plan.week, plan.today_amount, plan.done_today, plan.left_today) == (4, 13, 0, 13)
    assert practice.plan_for("  WALK ") == plan
    assert practice.plan_for("swim") is None


@pytest.mark.parametrize(
    ("days_after_start", "week", "quota"),
    [(0, 1, 10), (6, 1, 10), (7, 2, 11), (13, 2, 11), (35, 6, 15), (-3, 1, 10)],
)
def test_the_quota_grows_by_the_week(
    home: Path, days_after_start: int, week: int, quota: int
) -> None:
    start = date(2026, 11, 2)
    open_practice(home).save_session(plan_session("walk", [10, 12, 14], start))
    moment = datetime.combine(start + timedelta(days=days_after_start), NOW.timetz())
    [plan] = open_practice(home, lambda: moment).pacing_plans()
    assert (plan.week, plan.today_amount) == (week, quota)


def test_a_new_plan_replaces_the_active_one_for_that_activity(home: Path) -> None:
    practice = open_practice(home)
    first = practice.save_session(plan_session("walk", [8, 9, 10], date(2026, 11, 2)))
    practice.save_session(plan_session("Swim", [20, 20, 20], date(2026, 11, 2), unit="lengths"))
    second = practice.save_session(plan_session("WALK", [10, 12, 14], date(2026, 11, 20)))
    active = practice.pacing_plans()
    # the new plan keeps the name's first spelling (one name, one activity)
    assert [(p.activity, p.baseline) for p in active] == [("Swim", 16), ("walk", 10)]
    every = practice.pacing_plans(active_only=False)
    assert [(p.activity, p.active) for p in every] == [
        ("Swim", True),
        ("walk", True),
        ("walk", False),
    ]
    assert {p.uid for p in every} == {first.plan_uid, second.plan_uid, active[0].uid}


def test_a_stopped_plan_is_kept_but_not_active(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(plan_session("walk", [8, 9, 10], date(2026, 11, 2)))
    assert saved.plan_uid is not None
    practice.stop_plan(saved.plan_uid)
    assert practice.pacing_plans() == [] and practice.plan_for("walk") is None
    assert [p.active for p in practice.pacing_plans(active_only=False)] == [False]
    with pytest.raises(NotFoundError):
        practice.stop_plan("no-such-plan")


def test_a_pacing_timer_logs_a_paced_activity_and_counts_towards_today(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("Walk", [10, 12, 14], date(2026, 11, 2)))
    saved = practice.save_session(timer_session(" walk ", 17))
    activity = saved.activity
    assert activity is not None and not saved.completed  # 17 of its 25 minutes
    # logged under the plan's spelling, as the journal first spelled it
    assert (activity.name, activity.minutes, activity.paced) == ("Walk", 12, True)
    assert activity.day == TODAY and activity.effort is None and activity.note == ""
    journal = Journal(practice.db, lambda: NOW)
    assert journal.entry(activity.uid) == activity
    assert journal.day(TODAY).activities == (activity,)
    # a hand-logged walk today counts too (names match in any case); other days do not
    journal.add_activity(ActivityDraft(at=NOW, name="WALK", minutes=5))
    journal.add_activity(ActivityDraft(at=NOW - timedelta(days=1), name="walk", minutes=30))
    journal.add_activity(ActivityDraft(at=NOW, name="swim", minutes=30))
    plan = practice.plan_for("walk")
    assert plan is not None and (plan.today_amount, plan.done_today, plan.left_today) == (13, 17, 0)


def test_non_ascii_activity_names_match_in_any_case(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("Gärtnern", [10, 12, 14], date(2026, 11, 20)))
    Journal(practice.db, lambda: NOW).add_activity(
        ActivityDraft(at=NOW, name="GÄRTNERN", minutes=7)
    )
    plan = practice.plan_for("gärtnern")
    assert plan is not None and plan.done_today == 7


def test_a_timer_stopped_in_the_first_minute_logs_nothing(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(timer_session("walk", 0.4))
    assert saved.activity is None
    assert practice.journal.day(TODAY).activities == ()


def test_a_timer_without_an_activity_name_logs_nothing(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(timer_session("", 12))
    assert saved.activity is None and len(practice.recent_sessions()) == 1


def test_plans_in_other_units_do_not_count_minutes(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("swim", [200, 250, 300], TODAY, unit="metres"))
    Journal(practice.db, lambda: NOW).add_activity(ActivityDraft(at=NOW, name="swim", minutes=30))
    [plan] = practice.pacing_plans()
    assert (plan.unit, plan.today_amount, plan.done_today, plan.left_today) == (
        "metres",
        200,
        None,
        None,
    )


# -- answers from exercises people write themselves ---------------------------------------------


def test_other_answer_shapes_still_make_a_thought_record() -> None:
    found = extract(
        made_result(
            "thought_record",
            {
                "emotions": ["Sad", "Tired of it"],  # picked, not rated
                "thoughts": "first\n\n second ",  # one text box, not lines
                "hot_thought": ["first"],
                "belief": 7,
                "balanced_belief": 150,  # not a 0-100 rating: left out
                "traps": "Mind reading",
                "note": "kept with the session",
            },
        )
    )
    assert found.thought_record is not None
    assert found.thought_record["emotions"] == [
        {"name": "Sad", "intensity": None},
        {"name": "Tired of it", "intensity": None},
    ]
    assert found.thought_record["thoughts"] == ["first", "second"]
    assert found.thought_record["hot_thought"] == "first"
    assert (found.thought_record["belief"], found.thought_record["balanced_belief"]) == (7, None)
    assert found.thought_record["traps"] == ["Mind reading"]
    assert found.session_answers == {"note": "kept with the session"}


def test_only_the_kinds_that_save_something_do() -> None:
    answers: dict[str, object] = {"situation": "x", "goal": "y", "helps": ["z"]}
    found = extract(made_result("mindfulness", answers))
    assert (found.thought_record, found.goal, found.flare_plan) == (None, "", None)
    assert found.session_answers == answers


def test_a_goal_written_as_lines_is_one_goal() -> None:
    assert extract(made_result("goals", {"goal": ["walk", " daily "]})).goal == "walk\ndaily"
    assert extract(made_result("goals", {"goal": "   "})).goal == ""


def test_an_unusable_pacing_plan_answer_is_refused_before_anything_is_written(
    home: Path,
) -> None:
    bad = {"activity": "walk", "unit": "minutes", "tolerances": [10, 12], "percent": 10.0,
           "baseline": 9, "start": "2026-11-02"}  # fmt: skip
    practice = open_practice(home)
    with pytest.raises(InputError, match="at least 3 measurements"):
        practice.save_session(made_result("pacing", {"pacing_plan": bad}))
    assert practice.recent_sessions() == []


def test_a_pacing_step_in_another_kind_of_exercise_still_makes_its_plan(home: Path) -> None:
    plan = {"activity": "  long   walk ", "unit": "minutes", "tolerances": [10, 12, 14],
            "percent": 20.0, "baseline": 10, "start": "2026-11-27", "cap": 11}  # fmt: skip
    practice = open_practice(home)
    practice.save_session(made_result("values", {"my_plan": plan}))
    [view] = practice.pacing_plans()
    assert (view.activity, view.percent, view.goal, view.today_amount) == (
        "long walk",
        20.0,
        11,
        10,
    )
    later = open_practice(home, lambda: NOW + timedelta(weeks=3))
    assert later.pacing_plans()[0].today_amount == 11  # 10 + 3 × 2 = 16, capped at 11
