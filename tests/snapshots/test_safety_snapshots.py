"""SVG snapshots of the safety plan and the high-pain offer at 80x24 (fixed clock and data).

Update with `pytest tests/snapshots --snapshot-update`, then look at the pictures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from paincoach.app import create_app
from paincoach.screens.offer import OfferDialog
from tests.practice_support import SAFETY, made_result, open_practice
from tests.snapshots.test_journal_snapshots import (
    SIZE,
    reopened_over_current_today,
    saved_then,
    seed_week,
    steps,
)
from tests.support import fixed_clock


def test_safety_plan_from_help_now(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    practice = open_practice(home)
    practice.save_session(made_result("safety_plan", dict(SAFETY)))
    practice.db.close()
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("f1", "s"))


def test_offer_after_high_pain(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    app = create_app(home, clock=fixed_clock)
    offer = reopened_over_current_today(OfferDialog, rows=4)
    assert snap_compare(app, terminal_size=SIZE, run_before=saved_then(("c", "8", "ctrl+s"), offer))
