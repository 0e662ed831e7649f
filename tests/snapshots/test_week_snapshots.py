"""SVG snapshots of the Week screen, the weekly check and the export dialog at 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from paincoach.app import create_app
from tests.snapshots.test_journal_snapshots import SIZE, steps
from tests.support import fixed_clock
from tests.ui.test_week_screens import seed_two_weeks


def test_week(snap_compare: Any, home: Path) -> None:
    seed_two_weeks(home)
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("w")
    )


def test_week_scrolled_to_insights(snap_compare: Any, home: Path) -> None:
    seed_two_weeks(home)
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("w", "end"))


def test_weekly_check(snap_compare: Any, home: Path) -> None:
    seed_two_weeks(home)
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("k", "6"))


def test_export_dialog(snap_compare: Any, home: Path) -> None:
    seed_two_weeks(home)
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("w", "x"))
