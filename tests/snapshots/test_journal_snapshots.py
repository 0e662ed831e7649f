"""SVG snapshots of the journal screens at 80x24, with a fixed clock and fixed data.

Update with `pytest tests/snapshots --snapshot-update`, then look at the pictures.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, TextArea

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.concern import Concern, Reason
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.screens.support_card import SupportCardDialog
from paincoach.settings import Contact, load_settings, save_settings
from paincoach.widgets.entry_table import EntryTable
from tests.support import NOW, fixed_clock, seeded_services, settle, wait_for

SIZE = (80, 24)


def seed_week(home: Path) -> None:
    """A believable week: check-ins and activities on most days."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    journal = Journal(Database.open(home), fixed_clock)
    pains = [6, 5, None, 7, 4, 5, 6]
    for offset, pain in enumerate(pains):
        day = NOW - timedelta(days=6 - offset)
        if pain is None:
            continue
        journal.add_checkin(
            CheckInDraft(
                day.replace(hour=8, minute=15),
                pain,
                mood=10 - pain,
                sleep=5,
                areas=("lower back",),
                tags=("cold",) if offset % 2 else (),
            )
        )
        journal.add_activity(
            ActivityDraft(
                day.replace(hour=11, minute=0),
                "walk",
                15 + offset * 5,
                effort=3,
                paced=offset % 2 == 0,
            )
        )
    journal.add_checkin(
        CheckInDraft(
            NOW.replace(hour=7, minute=45),
            6,
            mood=4,
            sleep=3,
            areas=("lower back", "hips"),
            tags=("cold",),
            note="Stiff [bold]morning[/]",
        )
    )
    db = journal.db
    save_settings(
        db, load_settings(db).with_changes(contacts=(Contact("Sam", "07700 900123", "any time"),))
    )


def calm(app: PaincoachApp) -> None:
    """Stop blinking cursors so the picture is the same every run."""
    for screen in app.screen_stack:
        for widget in screen.query(Input):
            widget.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False


def steps(*keys: str) -> Any:
    """A run_before that presses keys, waits for workers, and calms the cursors."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await wait_for(pilot, lambda: tables_laid_out(pilot.app), "the tables laid out")
        calm(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()

    return run_before


def tables_laid_out(app: Any) -> bool:
    """Whether every shown table has been measured for its rows (a DataTable sizes itself
    when idle: a table just filled can be drawn as one blank line until then)."""
    for table in app.screen.query(DataTable):
        if not table.display or not table.row_count:
            continue
        header = 1 if table.show_header else 0
        if table.virtual_size.height < table.row_count + header or table.region.height == 0:
            return False
        height, most = table.styles.height, table.styles.max_height
        if height is not None and height.is_auto:  # laid out again for its measured rows
            limit = most.value if most is not None and most.is_cells else float("inf")
            if table.region.height < min(table.virtual_size.height, limit):
                return False
    return True


def reopened_over_current_today(make: Callable[[], Screen[Any]], rows: int) -> Any:
    """A run_before for a dialog that follows a save: the picture is taken once Today shows it.

    Today reloads in a worker behind the dialog, and whether that lands before the dialog
    is drawn varies from run to run. So: close the dialog the save opened, wait until Today
    shows `rows` entries, then open `make()` (the same dialog) again.
    """

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("escape")
        today = app.screen_stack[-1]
        for _ in range(200):
            await settle(pilot)
            if len(today.query_one(EntryTable).rows) == rows:
                break
        app.push_screen(make())
        await settle(pilot)
        calm(app)  # type: ignore[arg-type]
        await pilot.pause()

    return run_before


def saved_then(keys: tuple[str, ...], then: Any) -> Any:
    """Press `keys` (one at a time, settling after each), then run `then`."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await then(pilot)

    return run_before


def test_first_run(snap_compare: Any, tmp_path: Path) -> None:
    # The screen shows where the journal lives, so the folder must have the same name each run.
    fixed = Path(tempfile.gettempdir()) / "paincoach-snapshot-home"
    shutil.rmtree(fixed, ignore_errors=True)
    app = create_app(fixed, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps())


def test_today_empty(snap_compare: Any, home: Path) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    assert snap_compare(create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps())


def test_today_with_a_week_of_entries(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    assert snap_compare(create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps())


def test_check_in_dialog(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("c", "6", "tab", "4"))


def test_help_after_a_very_low_mood(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    app = create_app(home, clock=fixed_clock)
    keys = ("c", "8", "tab", "1", "ctrl+s")
    card = reopened_over_current_today(
        lambda: SupportCardDialog(Concern((Reason.LOW_MOOD,)), "check-in"), rows=4
    )
    assert snap_compare(app, terminal_size=SIZE, run_before=saved_then(keys, card))


def test_support_card_after_a_note(snap_compare: Any, home: Path) -> None:
    # The card after a check-in whose note holds words of distress: the region's lines, the
    # person's own people, and the way back (Help now works over it).
    seed_week(home)
    db = Database.open(home)
    save_settings(db, load_settings(db).with_changes(contacts=(Contact("Sam", "07700 900123"),)))
    db.close()
    app = create_app(home, clock=fixed_clock)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press("c", "5", "tab", "5")
        await settle(pilot)
        app.screen.query_one("#note", TextArea).text = "I don't want to be here anymore"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SupportCardDialog)
        await reopened_over_current_today(
            lambda: SupportCardDialog(Concern((Reason.WORDS,)), "check-in"), rows=4
        )(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quit_question(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("c", "6", "ctrl+q"))


def test_activity_dialog(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    app = create_app(home, clock=fixed_clock)
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("a", "w", "a"))


def test_history(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("h")
    )


def test_day_view(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("h", "enter")
    )


def test_help_now(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("f1")
    )


def test_settings(snap_compare: Any, home: Path) -> None:
    seed_week(home)
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("s")
    )


@pytest.mark.parametrize("size", [(40, 12)])
def test_too_small(snap_compare: Any, home: Path, size: tuple[int, int]) -> None:
    seed_week(home)
    assert snap_compare(create_app(home, clock=fixed_clock), terminal_size=size, run_before=steps())


def test_course_screen_in_week_two(snap_compare: Any, home: Path) -> None:
    """The course a week in: week 1 half done with its weekly check, week 2 this week."""
    from paincoach.exercises.loader import load_library
    from paincoach.practice.course import Courses
    from paincoach.records.review import WeeklyAnswers
    from paincoach.review.weekly_check import WeeklyChecks
    from tests.practice_support import open_practice, run_through, runner

    seed_week(home)
    db = Database.open(home)
    moments = iter([NOW - timedelta(days=9), NOW - timedelta(days=2)])
    courses = Courses(db, lambda: load_library(home), home, lambda: next(moments))
    courses.start()
    WeeklyChecks(db, fixed_clock).record(WeeklyAnswers(6, 5, 6), NOW - timedelta(days=3))
    db.close()
    practice = open_practice(home)
    lesson = runner("pain-protector", start=NOW - timedelta(days=8))
    run_through(lesson)
    practice.save_session(lesson.result())
    practice.db.close()
    db = Database.open(home)
    Courses(db, lambda: load_library(home), home, lambda: next(moments)).next_week()
    db.close()
    assert snap_compare(
        create_app(home, clock=fixed_clock), terminal_size=SIZE, run_before=steps("o")
    )
