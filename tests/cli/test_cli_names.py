"""`paincoach log` and `activity`: one spelling per name, and which plan an activity counts for."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from tests.cli.test_cli import run
from tests.practice_support import plan_session
from tests.storage_support import checkin, open_journal
from tests.support import NOW

TODAY = NOW.date()


def _plan(home: Path, activity: str) -> None:
    journal = open_journal(home)
    Practice(journal.db, journal, lambda: NOW).save_session(
        plan_session(activity, [20, 25, 30], date(2026, 11, 20))
    )
    journal.db.close()


def test_an_area_typed_in_lower_case_is_saved_as_picked_from_the_list(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    open_journal(home).add_checkin(checkin(NOW - timedelta(days=1), areas=("Lower back",)))
    status, out, _ = run(capsys, "log", "--pain", "4", "--area", "lower back", "--tag", "x")
    assert status == 0 and "areas: Lower back" in " ".join(out.split())
    saved = Journal(Database.open(home)).day(TODAY).checkins
    assert [c.areas for c in saved] == [("Lower back",)]


def test_a_paced_walk_does_not_count_for_walking_and_says_how_it_would(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    _plan(home, "walking")
    status, out, _ = run(capsys, "activity", "walk", "20", "--paced")
    assert status == 0 and "walk 20 min" in out
    assert (
        "Counts for no pacing plan. To count it for one, give it that plan's name: "
        '"walking".' in " ".join(out.split())
    )
    [plan] = Practice(Database.open(home), Journal(Database.open(home))).pacing_plans()
    assert plan.done_today == 0


def test_an_activity_of_the_plans_name_says_it_counts_and_how_far_today(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    _plan(home, "walking")
    status, out, _ = run(capsys, "activity", "WALKING", "12")
    assert status == 0 and "walking 12 min" in out  # the plan's spelling
    # started 20 November at 20 minutes: week 2 on the 27th, 22 minutes
    assert 'Counts for your pacing plan "walking": 12 of 22 minutes today.' in out
    status, out, _ = run(capsys, "activity", "walking", "30", "--at", "yesterday 10:00")
    assert 'Counts for your pacing plan "walking".' in out and "today" not in out


def test_a_paced_activity_without_any_plan_says_where_plans_come_from(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, out, _ = run(capsys, "activity", "walk", "20", "--paced")
    assert status == 0 and "Counts for no pacing plan: you have none yet" in out
    status, out, _ = run(capsys, "activity", "housework", "20")
    assert status == 0 and "Counts for" not in out  # not paced, no plan: nothing to say
