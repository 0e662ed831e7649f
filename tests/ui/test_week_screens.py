"""The Week screen, the weekly check and export from the app, driven by keyboard."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Select, Static

from paincoach.app import create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.review.weekly_check import WeeklyChecks
from paincoach.screens.export import ExportDialog
from paincoach.screens.today import TodayScreen
from paincoach.screens.week import WeekScreen
from paincoach.screens.weekly_check import WeeklyCheckDialog
from paincoach.widgets.week_chart import WeekChart, chart_text
from tests.support import NOW, fixed_clock, seeded_services, settle

SIZE = (80, 24)


def seed_two_weeks(home: Path) -> None:
    """Check-ins on the last 14 days: pain 3 last week, pain 6 this week."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    journal = Journal(Database.open(home), fixed_clock)
    for back in range(14):
        moment = NOW - timedelta(days=back)
        pain = 6 if moment.date() >= NOW.date() - timedelta(days=NOW.weekday()) else 3
        journal.add_checkin(CheckInDraft(moment.replace(hour=8), pain, mood=5))
        journal.add_activity(ActivityDraft(moment.replace(hour=9), "walk", 20))


async def test_week_shows_figures_chart_and_moves_between_weeks(home: Path) -> None:
    seed_two_weeks(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        title = str(app.screen.query_one("#week-title", Static).render())
        assert "2026-W48" in title
        changes = str(app.screen.query_one("#week-changes", Static).render())
        assert "Average pain: 3.0 points higher" in changes  # 3 → 6 is meaningful
        chart = chart_text(app.screen.query_one(WeekChart)._days).plain
        assert "Mon 23" in chart and "20 min" in chart
        insights = str(app.screen.query_one("#week-insights", Static).render())
        assert "not advice" in insights
        await pilot.press("right_square_bracket")  # the future: refused kindly
        await settle(pilot)
        assert "2026-W48" in str(app.screen.query_one("#week-title", Static).render())
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "2026-W47" in str(app.screen.query_one("#week-title", Static).render())
        assert "Average pain" not in str(app.screen.query_one("#week-changes", Static).render())


async def test_weekly_check_is_offered_and_saved(home: Path) -> None:
    seed_two_weeks(home)
    app = create_app(home, clock=fixed_clock)  # a Friday: the check is due
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#check-due").display
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, WeeklyCheckDialog)
        await pilot.press("ctrl+s")  # nothing answered yet: a message, nothing saved
        await settle(pilot)
        assert isinstance(app.screen, WeeklyCheckDialog)
        await pilot.press("6", "tab", "5", "tab", "4", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert not app.screen.query_one("#check-due").display
    found = WeeklyChecks(Database.open(home), fixed_clock).for_week(NOW.date() - timedelta(days=4))
    assert found is not None and (found.pain, found.enjoyment, found.activity) == (6, 5, 4)
    assert found.score == 5.0


async def test_export_a_report_from_the_week(home: Path, tmp_path: Path) -> None:
    seed_two_weeks(home)
    folder = tmp_path / "out"
    folder.mkdir()
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#folder", Input).value = str(tmp_path / "missing")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert "not a folder" in str(app.screen.query_one("#form-error", Static).render())
        app.screen.query_one("#folder", Input).value = str(folder)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#kind", Select).value = "json"
        app.screen.query_one("#folder", Input).value = str(folder)
        await pilot.press("ctrl+s")
        await settle(pilot)
    report = folder / "paincoach-report-2026-11-27.html"
    data = folder / "paincoach-export-2026-11-27.json"
    assert report.is_file() and data.is_file()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "<svg" in report.read_text() and "paincoach-export" in data.read_text()


def test_figures_table_marks_meaningful_changes_in_words(home: Path) -> None:
    from rich.console import Console

    from paincoach.review.summary import week_summary
    from paincoach.screens.week import figures_table

    seed_two_weeks(home)
    summary = week_summary(Database.open(home), NOW.date(), week_start=0, today=NOW.date())
    console = Console(width=100, record=True, no_color=True)
    console.print(figures_table(summary))
    text = console.export_text()
    pain = next(line for line in text.splitlines() if line.strip().startswith("Average pain"))
    assert "6.0/10" in pain and "▲ +3.0 meaningful" in pain
    days = next(line for line in text.splitlines() if line.strip().startswith("Days with"))
    assert "= about the same" in days


def seed_four_weeks(home: Path) -> None:
    """Every day from Mon 2 Nov to today (Fri 27 Nov): pain 3, then pain 6 this week."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    db = Database.open(home)
    journal = Journal(db, fixed_clock)
    first = NOW.date() - timedelta(days=25)
    for back in range(26):
        moment = NOW - timedelta(days=back)
        pain = 6 if moment.date() >= NOW.date() - timedelta(days=NOW.weekday()) else 3
        journal.add_checkin(CheckInDraft(moment.replace(hour=8), pain, mood=5))
        journal.add_activity(ActivityDraft(moment.replace(hour=9), "walk", 20))
    assert first.weekday() == 0
    db.close()


async def test_the_week_heading_stays_in_view_and_says_how_far_the_week_is(home: Path) -> None:
    seed_four_weeks(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        title = app.screen.query_one("#week-title", Static)
        assert "2026-W48: Mon 23 Nov – Sun 29 Nov 2026 (5 of 7 days so far)" in str(title.render())
        await pilot.press("end")  # down to the insights
        await settle(pilot)
        assert app.screen.query_one("#week-page").scroll_y > 0
        await pilot.press("left_square_bracket")
        await settle(pilot)
        text = str(title.render())
        assert "2026-W47" in text and "so far" not in text  # a week that is over
        region = title.region
        assert region.height and app.screen.get_widget_at(region.x + 1, region.y)[0] is title


async def test_each_meaningful_change_names_its_figure_once(home: Path) -> None:
    seed_four_weeks(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        changes = str(app.screen.query_one("#week-changes", Static).render())
    assert changes.count("Average pain:") == 1  # against last week and the first two weeks
    line = next(line for line in changes.splitlines() if line.startswith("Average pain:"))
    assert "than the same days last week" in line
    assert "than your first two weeks (for as many days)" in changes


def test_changes_of_counts_and_minutes_are_whole_numbers(home: Path) -> None:
    from paincoach.records.review import Change, Figure
    from paincoach.screens.week import change_cell

    count = Figure("exercises_completed", "Exercises finished", "count", 4.0)
    minutes = Figure("activity_minutes", "Activity minutes", "minutes", 220.0)
    rating = Figure("pain_avg", "Average pain", "rating", 6.0)
    assert change_cell(Change(0.0, 4.0, None, "up", True, ""), count).plain == "▲ +4 meaningful"
    assert change_cell(Change(230.0, -10.0, -4, "down", False, ""), minutes).plain == "▼ -10"
    assert change_cell(Change(3.0, 3.0, 100, "up", True, ""), rating).plain == "▲ +3.0 meaningful"


async def test_the_week_shows_treatments_and_marks_starts_and_stops(home: Path) -> None:
    from tests.unit.review.treatment_support import treated_week

    seeded_services(home).close()  # type: ignore[attr-defined]
    treated_week(Database.open(home))
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("left_square_bracket")  # W47, the week of the treatments
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        assert "2026-W47" in str(screen.query_one("#week-title", Static).render())
        treatments = screen.query_one("#week-treatments", Static)
        assert treatments.display
        text = str(treatments.render())
        assert "ibuprofen: 3 doses, helped 7.0/10 on average (3 rated)" in text
        # one rating is not an average: the insights' minimum holds here too
        assert "paracetamol: 1 dose, 1 rated (an average needs 3)" in text
        assert "As-needed days: 3 of 7 (Mon, Thu, Fri)" in text
        chart = screen.query_one(WeekChart)
        lines = chart_text(chart._days, chart._marks).plain.splitlines()
        assert lines[2].startswith("Tue 17 ▲") and lines[3].startswith("Wed 18 ▼")
        assert lines[-1] == "▼ Wed 18: stopped codeine (side effects)"
        assert chart.size.height == 1 + 7 + 2
        await pilot.press("right_square_bracket")  # W48: no treatments, no section
        await settle(pilot)
        assert not screen.query_one("#week-treatments", Static).display
        assert not screen.query_one(WeekChart)._marks
