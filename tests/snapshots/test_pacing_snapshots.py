"""SVG snapshots of pacing (issue 15) at 80x24: the Pacing screen with a plan's history, and
Today offering to hold the plans after a flare.

Update with `pytest tests/snapshots --snapshot-update`, then look at the pictures.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from paincoach.app import create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.pacing_plans import PacingPlans
from paincoach.records.entries import CheckInDraft
from paincoach.records.pacing import FLARE_REASON
from tests.practice_support import open_practice, plan_session
from tests.snapshots.test_journal_snapshots import SIZE, seed_week, steps
from tests.support import NOW, fixed_clock


def two_plans(home: Path) -> None:
    """Walking, four weeks in, and standing to cook, started this week."""
    seed_week(home)
    practice = open_practice(home)
    practice.save_session(plan_session("walking", [10, 12, 14], date(2026, 11, 6)))
    practice.save_session(plan_session("standing to cook", [15, 20, 25], date(2026, 11, 25)))
    practice.db.close()


def test_pacing_screen_with_a_plans_history(snap_compare: Any, home: Path) -> None:
    two_plans(home)
    db = Database.open(home)
    moments = iter([NOW - timedelta(days=14), NOW - timedelta(days=8), NOW - timedelta(days=1)])
    plans = PacingPlans(db, lambda: next(moments))
    plans.set_goal("walking", 20)
    plans.hold("walking", FLARE_REASON)
    plans.step_back("walking")
    db.close()
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("p", "down")
    )


def test_today_offers_to_hold_the_plans_after_a_flare(snap_compare: Any, home: Path) -> None:
    two_plans(home)
    Journal(Database.open(home), fixed_clock).add_checkin(
        CheckInDraft(NOW - timedelta(hours=1), 8, mood=3, tags=("flare",))
    )
    assert snap_compare(create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps())
