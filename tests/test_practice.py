"""The practice service: sessions of every kind saved and read back, as plain records."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paincoach import paths
from paincoach.db import repository
from paincoach.errors import InputError, NotFoundError
from paincoach.exercises.session import SessionResult
from paincoach.exercises.timing import FakeClock
from paincoach.journal import Journal
from paincoach.practice_answers import extract
from paincoach.practice_records import Emotion, FlarePlan, SavedPractice
from paincoach.records import ActivityDraft
from tests.practice_support import (
    FLARE,
    GOAL,
    THOUGHTS,
    drive,
    library,
    open_practice,
    run_through,
    runner,
)
from tests.storage_support import is_write, sql_trace, transactions
from tests.support import NOW

TODAY = NOW.date()


def _session_rows(home: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(paths.database_path(home))
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM exercise_sessions ORDER BY id").fetchall()
    finally:
        conn.close()


# -- thought records ---------------------------------------------------------------------------


def test_a_finished_thought_record_is_saved_and_read_back(home: Path) -> None:
    practice = open_practice(home)
    r = runner("thought-record")
    drive(r, THOUGHTS)
    saved = practice.save_session(r.result())
    assert saved.completed and saved.thought_record_uid
    assert (saved.goal_uid, saved.plan_uid, saved.activity) == (None, None, None)

    [record] = practice.thought_records()
    assert record == practice.thought_record(saved.thought_record_uid)
    assert record.session_uid == saved.session_uid
    assert record.at == r.started_at and record.day == r.started_at.date()
    assert record.situation == THOUGHTS["situation"]
    # in the order the list offers them, as the runner keeps them
    assert record.emotions == (Emotion("Anxious", 40), Emotion("Sad", 70))
    assert record.thoughts == ("She thinks I'm making excuses.", "I'll never cope")
    assert record.hot_thought == "I'll never cope"
    assert (record.belief, record.balanced_belief) == (80, 60)
    assert record.traps == ("All-or-nothing", "Fortune telling")
    assert record.evidence_for == THOUGHTS["evidence_for"]
    assert record.evidence_against == THOUGHTS["evidence_against"]
    assert record.balanced == THOUGHTS["balanced"]
    assert record.emotions_after == (Emotion("Anxious", 20), Emotion("Sad", 50))
    assert record.finished and record.headline == "I'll never cope"

    [summary] = practice.recent_sessions()
    assert summary.uid == saved.session_uid and summary.completed
    assert (summary.exercise_id, summary.kind) == ("thought-record", "thought_record")
    assert (summary.before, summary.after) == (None, None)  # this exercise asks for neither
    assert summary.steps_done == summary.steps_total == len(r.exercise.steps)


def test_a_thought_records_words_live_in_the_record_only(home: Path) -> None:
    practice = open_practice(home)
    r = runner("thought-record")
    drive(r, THOUGHTS)
    practice.save_session(r.result())
    [row] = _session_rows(home)
    assert json.loads(row["answers"]) == {}


def test_a_thought_record_left_early_is_kept_as_a_draft(home: Path) -> None:
    practice = open_practice(home)
    r = runner("thought-record")
    drive(r, THOUGHTS, until="hot_thought")
    saved = practice.save_session(r.leave())
    assert not saved.completed and saved.thought_record_uid
    record = practice.thought_record(saved.thought_record_uid)
    assert record.situation == THOUGHTS["situation"]
    assert record.thoughts == ("She thinks I'm making excuses.", "I'll never cope")
    assert record.hot_thought == "" and record.belief is None and record.emotions_after == ()
    assert not record.finished and record.headline == "She thinks I'm making excuses."
    [summary] = practice.recent_sessions()
    assert not summary.completed and summary.steps_done == 4


def test_a_thought_record_left_before_any_answer_saves_only_the_session(home: Path) -> None:
    practice = open_practice(home)
    r = runner("thought-record")
    r.next()  # read the introduction, then leave at the situation
    saved = practice.save_session(r.leave())
    assert saved.thought_record_uid is None and not saved.completed
    assert practice.thought_records() == []
    assert [s.uid for s in practice.recent_sessions()] == [saved.session_uid]


def test_thought_records_come_newest_first_a_page_at_a_time(home: Path) -> None:
    practice = open_practice(home)
    for days_ago in (3, 1, 2):
        r = runner("thought-record", start=NOW - timedelta(days=days_ago))
        drive(r, {**THOUGHTS, "situation": f"{days_ago} days ago"})
        practice.save_session(r.result())
    first = practice.thought_records(limit=2)
    assert [t.situation for t in first] == ["1 days ago", "2 days ago"]
    rest = practice.thought_records(limit=2, before=first[-1].at)
    assert [t.situation for t in rest] == ["3 days ago"]
    assert practice.thought_records(before=rest[-1].at) == []


MARKER = "ZEBRA-QUOKKA-7431"


def _marker_in_files(home: Path) -> dict[str, bool]:
    db_path = paths.database_path(home)
    return {
        path.name: MARKER.encode() in path.read_bytes()
        for path in paths.sidecar_paths(db_path)
        if path.exists()
    }


def _save_marked_record(home: Path) -> str:
    practice = open_practice(home)
    r = runner("thought-record")
    words = {**THOUGHTS, "situation": f"{MARKER} at the shops", "balanced": MARKER * 300}
    drive(r, {**words, "thoughts": f"{MARKER} thought", "hot_thought": f"{MARKER} thought"})
    saved = practice.save_session(r.result())
    assert saved.thought_record_uid
    return saved.thought_record_uid


@pytest.mark.parametrize("checkpointed", [False, True], ids=["in-wal", "in-main-file"])
def test_deleting_a_thought_record_leaves_no_trace_in_the_file_or_wal(
    home: Path, checkpointed: bool
) -> None:
    open_practice(home).db.close()
    # An idle reader keeps the WAL file from being removed, as the running app would.
    keeper = sqlite3.connect(paths.database_path(home))
    keeper.execute("SELECT count(*) FROM settings").fetchall()
    try:
        if checkpointed:
            keeper.close()
            uid = _save_marked_record(home)  # the last connection closing checkpoints it
            keeper = sqlite3.connect(paths.database_path(home))
            keeper.execute("SELECT count(*) FROM settings").fetchall()
        else:
            uid = _save_marked_record(home)
        assert any(_marker_in_files(home).values())
        practice = open_practice(home)
        practice.delete_thought_record(uid)
        assert not any(_marker_in_files(home).values()), _marker_in_files(home)
        assert practice.thought_records() == []
        assert len(practice.recent_sessions()) == 1  # the session is kept, without the words
        with pytest.raises(NotFoundError):
            practice.delete_thought_record(uid)
        with pytest.raises(NotFoundError):
            practice.thought_record(uid)
    finally:
        keeper.close()


# -- goals -------------------------------------------------------------------------------------


def test_a_goal_is_open_until_marked_done(home: Path) -> None:
    practice = open_practice(home)
    r = runner("smart-goal")
    drive(r, GOAL)
    saved = practice.save_session(r.result())
    assert saved.goal_uid and saved.completed
    [goal] = practice.open_goals()
    assert goal.uid == saved.goal_uid and goal.text == GOAL["goal"]
    assert goal.created_day == TODAY and not goal.done

    done = practice.complete_goal(goal.uid)
    assert done.done and done.done_at == NOW
    assert practice.open_goals() == []
    later = open_practice(home, lambda: NOW + timedelta(days=1))
    assert later.complete_goal(goal.uid).done_at == NOW  # marking it again keeps the first time
    with pytest.raises(NotFoundError):
        practice.complete_goal("no-such-goal")


def test_goals_stay_in_the_order_they_were_set(home: Path) -> None:
    practice = open_practice(home)
    for text in ("first goal", "second goal"):
        r = runner("smart-goal")
        drive(r, {**GOAL, "goal": text})
        practice.save_session(r.result())
    assert [g.text for g in practice.open_goals()] == ["first goal", "second goal"]


def test_a_goals_session_left_before_the_goal_saves_no_goal(home: Path) -> None:
    practice = open_practice(home)
    r = runner("smart-goal")
    drive(r, GOAL, until="goal")
    saved = practice.save_session(r.leave())
    assert saved.goal_uid is None and not saved.completed
    assert practice.open_goals() == []
    [row] = _session_rows(home)
    assert json.loads(row["answers"])["specific"] == GOAL["specific"]


# -- the flare-up plan -------------------------------------------------------------------------


def test_there_is_no_flare_plan_at_first(home: Path) -> None:
    assert open_practice(home).flare_plan() is None


def test_a_flare_plan_is_stored_and_read(home: Path) -> None:
    practice = open_practice(home)
    r = runner("flare-plan")
    drive(r, FLARE)
    saved = practice.save_session(r.result())
    assert saved.flare_plan_saved and saved.completed
    assert practice.flare_plan() == FlarePlan(
        helps=("Heat pack", "Short walks", "Slow breathing"),
        tell=FLARE["tell"],
        drop=("Ironing", "Big shop"),
        signs=("Stiff mornings", "Short temper"),
        updated_at=NOW,
    )


def test_a_flare_plan_left_early_updates_only_what_it_answered(home: Path) -> None:
    practice = open_practice(home)
    r = runner("flare-plan")
    drive(r, FLARE)
    practice.save_session(r.result())
    again = runner("flare-plan")
    drive(again, {"helps": "A hot bath"}, until="tell")
    assert practice.save_session(again.leave()).flare_plan_saved
    plan = practice.flare_plan()
    assert plan is not None
    assert plan.helps == ("A hot bath",)
    assert (plan.tell, plan.drop, plan.signs) == (
        FLARE["tell"],
        ("Ironing", "Big shop"),
        ("Stiff mornings", "Short temper"),
    )


def test_a_finished_flare_plan_replaces_the_whole_plan(home: Path) -> None:
    practice = open_practice(home)
    r = runner("flare-plan")
    drive(r, FLARE)
    practice.save_session(r.result())
    again = runner("flare-plan")
    drive(again, {key: value for key, value in FLARE.items() if key != "signs"})
    practice.save_session(again.result())
    plan = practice.flare_plan()
    assert plan is not None and plan.signs == () and plan.helps[0] == "Heat pack"


def test_a_flare_session_left_before_any_answer_keeps_the_plan(home: Path) -> None:
    practice = open_practice(home)
    r = runner("flare-plan")
    drive(r, FLARE)
    practice.save_session(r.result())
    before = practice.flare_plan()
    again = runner("flare-plan")
    again.next()
    assert not practice.save_session(again.leave()).flare_plan_saved
    assert practice.flare_plan() == before


# -- pacing ------------------------------------------------------------------------------------


def _plan_session(
    activity: str, measurements: list[float], start: date, unit: str = "minutes"
) -> SessionResult:
    r = runner("pacing-plan")
    drive(r, {}, until="pacing_plan")
    r.set_pacing_plan(activity, measurements, start=start, unit=unit)
    run_through(r)
    return r.result()


def test_a_pacing_plan_session_creates_the_plan(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(_plan_session("Walk", [10, 12, 14], date(2026, 11, 2)))
    assert isinstance(saved, SavedPractice) and saved.plan_uid
    [plan] = practice.pacing_plans()
    assert plan.uid == saved.plan_uid and plan.active
    assert (plan.activity, plan.unit, plan.measurements) == ("Walk", "minutes", (10, 12, 14))
    assert (plan.baseline, plan.percent, plan.start, plan.cap) == (
        10,
        10.0,
        date(2026, 11, 2),
        None,
    )
    # 27 November is day 25 from 2 November: week 4, so 10 + 3 × 1 minute
    assert (plan.week, plan.quota_today, plan.done_today, plan.left_today) == (4, 13, 0, 13)
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
    open_practice(home).save_session(_plan_session("walk", [10, 12, 14], start))
    moment = datetime.combine(start + timedelta(days=days_after_start), NOW.timetz())
    [plan] = open_practice(home, lambda: moment).pacing_plans()
    assert (plan.week, plan.quota_today) == (week, quota)


def test_a_new_plan_replaces_the_active_one_for_that_activity(home: Path) -> None:
    practice = open_practice(home)
    first = practice.save_session(_plan_session("walk", [8, 9, 10], date(2026, 11, 2)))
    practice.save_session(_plan_session("Swim", [20, 20, 20], date(2026, 11, 2), unit="lengths"))
    second = practice.save_session(_plan_session("WALK", [10, 12, 14], date(2026, 11, 20)))
    active = practice.pacing_plans()
    assert [(p.activity, p.baseline) for p in active] == [("Swim", 16), ("WALK", 10)]
    every = practice.pacing_plans(active_only=False)
    assert [(p.activity, p.active) for p in every] == [
        ("Swim", True),
        ("WALK", True),
        ("walk", False),
    ]
    assert {p.uid for p in every} == {first.plan_uid, second.plan_uid, active[0].uid}


def test_a_stopped_plan_is_kept_but_not_active(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(_plan_session("walk", [8, 9, 10], date(2026, 11, 2)))
    assert saved.plan_uid is not None
    practice.stop_plan(saved.plan_uid)
    assert practice.pacing_plans() == [] and practice.plan_for("walk") is None
    assert [p.active for p in practice.pacing_plans(active_only=False)] == [False]
    with pytest.raises(NotFoundError):
        practice.stop_plan("no-such-plan")


def _timer_session(activity: str, minutes_worked: float) -> SessionResult:
    clock = FakeClock()
    r = runner("pacing-session", clock=clock)
    drive(r, {}, until="pacing_timer")
    r.start_intervals(10, 5, rounds=2, activity=activity)
    clock.advance(minutes_worked * 60)
    r.next()
    run_through(r)
    return r.result()


def test_a_pacing_timer_logs_a_paced_activity_and_counts_towards_today(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(_plan_session("Walk", [10, 12, 14], date(2026, 11, 2)))
    saved = practice.save_session(_timer_session(" walk ", 17))
    activity = saved.activity
    assert activity is not None and saved.completed
    assert (activity.name, activity.minutes, activity.paced) == ("walk", 12, True)
    assert activity.day == TODAY and activity.effort is None and activity.note == ""
    journal = Journal(practice.db, lambda: NOW)
    assert journal.entry(activity.uid) == activity
    assert journal.day(TODAY).activities == (activity,)
    # a hand-logged walk today counts too (names match in any case); other days do not
    journal.add_activity(ActivityDraft(at=NOW, name="WALK", minutes=5))
    journal.add_activity(ActivityDraft(at=NOW - timedelta(days=1), name="walk", minutes=30))
    journal.add_activity(ActivityDraft(at=NOW, name="swim", minutes=30))
    plan = practice.plan_for("walk")
    assert plan is not None and (plan.quota_today, plan.done_today, plan.left_today) == (13, 17, 0)


def test_non_ascii_activity_names_match_in_any_case(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(_plan_session("Gärtnern", [10, 12, 14], date(2026, 11, 20)))
    Journal(practice.db, lambda: NOW).add_activity(
        ActivityDraft(at=NOW, name="GÄRTNERN", minutes=7)
    )
    plan = practice.plan_for("gärtnern")
    assert plan is not None and plan.done_today == 7


def test_a_timer_stopped_in_the_first_minute_logs_nothing(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(_timer_session("walk", 0.4))
    assert saved.activity is None
    assert practice.journal.day(TODAY).activities == ()


def test_a_timer_without_an_activity_name_logs_nothing(home: Path) -> None:
    practice = open_practice(home)
    saved = practice.save_session(_timer_session("", 12))
    assert saved.activity is None and len(practice.recent_sessions()) == 1


def test_plans_in_other_units_do_not_count_minutes(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(_plan_session("swim", [200, 250, 300], TODAY, unit="metres"))
    Journal(practice.db, lambda: NOW).add_activity(ActivityDraft(at=NOW, name="swim", minutes=30))
    [plan] = practice.pacing_plans()
    assert (plan.unit, plan.quota_today, plan.done_today, plan.left_today) == (
        "metres",
        200,
        None,
        None,
    )


# -- sessions in general -----------------------------------------------------------------------


def test_a_breathing_session_keeps_its_ratings(home: Path) -> None:
    practice = open_practice(home)
    r = runner("breathing-box")
    r.set_before(6)
    run_through(r)
    r.set_after(3)
    saved = practice.save_session(r.result())
    assert saved == SavedPractice(saved.session_uid, True)
    [summary] = practice.recent_sessions()
    assert (summary.before, summary.after, summary.title) == (6, 3, r.exercise.title)
    assert summary.started_at == r.started_at and summary.day == r.started_at.date()


def test_recent_sessions_are_newest_first_and_bounded(home: Path) -> None:
    practice = open_practice(home)
    for days_ago in (2, 0, 1):
        r = runner("breathing-box", start=NOW - timedelta(days=days_ago, hours=1))
        run_through(r)
        practice.save_session(r.result())
    days = [s.day for s in practice.recent_sessions()]
    assert days == [TODAY, TODAY - timedelta(days=1), TODAY - timedelta(days=2)]
    assert len(practice.recent_sessions(limit=2)) == 2


def test_every_bundled_exercise_saves_finished_and_left_early(home: Path) -> None:
    practice = open_practice(home)
    for exercise in library().sorted():
        finished = runner(exercise.id)
        run_through(finished)
        assert practice.save_session(finished.result()).completed, exercise.id
        left = runner(exercise.id)
        assert not practice.save_session(left.leave()).completed, exercise.id
    sessions = practice.recent_sessions(limit=1000)
    assert len(sessions) == 2 * len(library().exercises)
    assert {s.kind for s in sessions} == {e.kind for e in library().exercises.values()}


def test_a_session_is_saved_in_one_immediate_transaction(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(_plan_session("walk", [8, 9, 10], date(2026, 11, 2)))
    result = _timer_session("walk", 17)
    with sql_trace(practice.db) as statements:
        practice.save_session(result)
    writes = [t for t in transactions(statements) if any(is_write(s) for s in t)]
    assert len(writes) == 1 and writes[0][0] == "BEGIN IMMEDIATE"
    tables = {s.split()[2] for s in writes[0] if s.startswith("INSERT")}
    assert tables == {"exercise_sessions", "activities"}


def test_nothing_is_saved_when_part_of_a_session_fails(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice = open_practice(home)
    result = _timer_session("walk", 17)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gremlin")

    monkeypatch.setattr(repository, "insert_activity", broken)
    with pytest.raises(RuntimeError):
        practice.save_session(result)
    assert practice.recent_sessions() == [] and _session_rows(home) == []


def test_plain_records_are_frozen_and_the_records_module_needs_no_orm() -> None:
    saved = SavedPractice("uid", True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        saved.completed = False  # type: ignore[misc]
    code = (
        "import sys, paincoach.practice_records, paincoach.practice_answers; "
        "assert 'sqlmodel' not in sys.modules and 'sqlalchemy' not in sys.modules; "
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- answers from exercises people write themselves ---------------------------------------------


def _result(kind: str, answers: dict[str, object], *, completed: bool = True) -> SessionResult:
    return SessionResult(
        exercise_id="mine",
        exercise_title="Mine",
        kind=kind,
        started_at=NOW,
        ended_at=NOW + timedelta(minutes=5),
        completed=completed,
        steps_done=3 if completed else 1,
        steps_total=3,
        before=None,
        after=None,
        answers=answers,
    )


def test_other_answer_shapes_still_make_a_thought_record() -> None:
    found = extract(
        _result(
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
    found = extract(_result("mindfulness", answers))
    assert (found.thought_record, found.goal, found.flare_plan) == (None, "", None)
    assert found.session_answers == answers


def test_a_goal_written_as_lines_is_one_goal() -> None:
    assert extract(_result("goals", {"goal": ["walk", " daily "]})).goal == "walk\ndaily"
    assert extract(_result("goals", {"goal": "   "})).goal == ""


def test_an_unusable_pacing_plan_answer_is_refused_before_anything_is_written(
    home: Path,
) -> None:
    bad = {"activity": "walk", "unit": "minutes", "tolerances": [10, 12], "percent": 10.0,
           "baseline": 9, "start": "2026-11-02"}  # fmt: skip
    practice = open_practice(home)
    with pytest.raises(InputError, match="at least 3 measurements"):
        practice.save_session(_result("pacing", {"pacing_plan": bad}))
    assert practice.recent_sessions() == []


def test_a_pacing_step_in_another_kind_of_exercise_still_makes_its_plan(home: Path) -> None:
    plan = {"activity": "  long   walk ", "unit": "minutes", "tolerances": [10, 12, 14],
            "percent": 20.0, "baseline": 10, "start": "2026-11-27", "cap": 11}  # fmt: skip
    practice = open_practice(home)
    practice.save_session(_result("values", {"my_plan": plan}))
    [view] = practice.pacing_plans()
    assert (view.activity, view.percent, view.cap, view.quota_today) == ("long walk", 20.0, 11, 10)
    later = open_practice(home, lambda: NOW + timedelta(weeks=3))
    assert later.pacing_plans()[0].quota_today == 11  # 10 + 3 × 2 = 16, capped at 11
