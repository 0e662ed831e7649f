"""SVG snapshots at 80x24 of the month calendar, the year and the trends, with and without colour.

Without colour (NO_COLOR) every day still reads: its digit, a dot for a day without a
check-in, "today" written out, the cursor in reverse; the trends are marks and digits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paincoach.app import PaincoachApp, create_app
from tests.snapshots.test_journal_snapshots import SIZE, steps
from tests.support import fixed_clock
from tests.ui.long_view_support import seed_year


def seeded(home: Path) -> PaincoachApp:
    """An app over a year of check-ins."""
    seed_year(home)
    return create_app(home, clock=fixed_clock)


def colourless(home: Path, monkeypatch: pytest.MonkeyPatch) -> PaincoachApp:
    """The same, with NO_COLOR set before the app is made (Textual reads it then)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = seeded(home)
    assert app.no_color
    return app


def test_month_calendar(snap_compare: Any, home: Path) -> None:
    assert snap_compare(seeded(home), terminal_size=SIZE, run_before=steps("w", "c", "left"))


def test_year_at_a_glance(snap_compare: Any, home: Path) -> None:
    assert snap_compare(seeded(home), terminal_size=SIZE, run_before=steps("y", "up"))


def test_trends(snap_compare: Any, home: Path) -> None:
    assert snap_compare(seeded(home), terminal_size=SIZE, run_before=steps("l", "6"))


def test_month_calendar_no_color(
    snap_compare: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = colourless(home, monkeypatch)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("w", "c", "left"))


def test_year_at_a_glance_no_color(
    snap_compare: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = colourless(home, monkeypatch)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("y", "m"))


def test_trends_no_color(snap_compare: Any, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = colourless(home, monkeypatch)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("l"))
