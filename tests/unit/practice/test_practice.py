"""The practice service: sessions of every kind saved and read back, as plain records."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.errors import NotFoundError
from paincoach.db import repository
from paincoach.records.practice import Emotion, FlarePlan, SavedPractice
from tests.practice_support import (
    FLARE,
    GOAL,
    THOUGHTS,
    drive,
    library,
    open_practice,
    plan_session,
    run_through,
    runner,
    timer_session,
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
        run_through(finished, pace="walking")
        assert practice.save_session(finished.result()).completed, exercise.id
        left = runner(exercise.id)
        assert not practice.save_session(left.leave()).completed, exercise.id
    sessions = practice.recent_sessions(limit=1000)
    assert len(sessions) == 2 * len(library().exercises)
    assert {s.kind for s in sessions} == {e.kind for e in library().exercises.values()}


def test_a_session_is_saved_in_one_immediate_transaction(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("walk", [8, 9, 10], date(2026, 11, 2)))
    result = timer_session("walk", 17)
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
    result = timer_session("walk", 17)

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
        "import sys, paincoach.records.practice, paincoach.practice.answers; "
        "assert 'sqlmodel' not in sys.modules and 'sqlalchemy' not in sys.modules; "
        "assert 'textual' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
