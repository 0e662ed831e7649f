"""SVG snapshots of treatments (issue 16) at 80x24: Today with the day's doses, and the
Treatments screen with one in use and one stopped.

Update with `pytest tests/snapshots --snapshot-update`, then look at the pictures.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from paincoach.app import create_app
from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from tests.snapshots.test_journal_snapshots import SIZE, seed_week, steps
from tests.support import NOW, fixed_clock


def with_doses(home: Path) -> None:
    """A week of entries; today a rated dose at 06:30 and one taken 20 minutes ago (neither
    is asked about: the first is rated, the second too recent)."""
    seed_week(home)
    treatments = Treatments(Database.open(home), fixed_clock)
    treatments.start("paracetamol", dose="1 g", how_often="up to 4 times a day", as_needed=True)
    treatments.took("paracetamol", dose="1 g", at=NOW - timedelta(hours=3), relief=6)
    treatments.took("heat pack", at=NOW - timedelta(minutes=20))
    treatments.start(
        "amitriptyline", dose="10 mg", how_often="at night", day=NOW.date() - timedelta(days=30)
    )
    treatments.stop("amitriptyline", why="side_effects", note="too drowsy in the mornings")
    treatments.db.close()


def test_today_with_doses(snap_compare: Any, home: Path) -> None:
    with_doses(home)
    assert snap_compare(create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps())


def test_treatments_screen(snap_compare: Any, home: Path) -> None:
    with_doses(home)
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("ctrl+t", "down")
    )
