"""The calendar, the year and the trends from the app, on a year of real check-ins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import Static

from paincoach.app import PaincoachApp, create_app
from paincoach.core.rounding import decimals
from paincoach.screens.day import DayScreen
from paincoach.screens.month import MonthScreen
from paincoach.screens.today import TodayScreen
from paincoach.screens.trends import NOT_ENOUGH, TrendsScreen
from paincoach.screens.year import YearScreen
from paincoach.services import Services
from tests.support import fixed_clock, seeded_services, settle
from tests.ui.long_view_support import FIRST, logged, pain_on, seed_year

SIZE = (80, 24)


def shown(app: PaincoachApp, selector: str) -> str:
    """What a Static on the current screen says."""
    return str(app.screen.query_one(selector, Static).render())


def year_grid(app: PaincoachApp) -> list[str]:
    """The year's header and its twelve rows, as shown."""
    return [shown(app, "#year-header")] + [shown(app, f"#year-row-{m}") for m in range(1, 13)]


def november_mean() -> float:
    """The mean of November's day means of pain, by hand from the seed."""
    means = []
    for offset in range((date(2026, 11, 27) - date(2026, 11, 1)).days + 1):
        start = (date(2026, 11, 1) - FIRST).days + offset
        if logged(start):
            pain = pain_on(start)
            means.append((pain + min(10, pain + 2)) / 2 if start % 4 == 0 else pain)
    return sum(means) / len(means)


async def test_the_year_opens_from_today_and_moves_by_day_month_and_year(home: Path) -> None:
    seed_year(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, YearScreen)
        assert "2026 at a glance: pain" in shown(app, "#year-title")
        grid = year_grid(app)
        assert len(grid) == 13 and grid[1].startswith("Jan") and grid[12].startswith("Dec")
        assert grid[11].rstrip().endswith(decimals(november_mean(), 1))  # November's mean
        assert grid[11][4 + 2 * 8] == "·"  # Mon 9 Nov: a week away, clearly empty
        assert grid[12].rstrip().endswith("–")  # December has not come yet
        assert shown(app, "#year-day").startswith("Fri 27 Nov 2026: pain")
        await pilot.press("m")
        await settle(pilot)
        assert "mood by day" in shown(app, "#year-title")
        await pilot.press("right")  # tomorrow: refused, the cursor stays
        await pilot.press("left", "up")
        await settle(pilot)
        assert shown(app, "#year-day") == "Mon 26 Oct 2026: no check-in"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "2025 at a glance" in shown(app, "#year-title")
        assert year_grid(app)[1].rstrip().endswith("–")  # Jan 2025
        await pilot.press("right_square_bracket", "right_square_bracket")  # 2027: refused
        await settle(pilot)
        assert "2026 at a glance" in shown(app, "#year-title")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MonthScreen)
        assert shown(app, "#month-title") == "October 2026: mood by day"
        await pilot.press("y")  # back to the year it came from, not a second one
        await settle(pilot)
        assert isinstance(app.screen, YearScreen)
        assert sum(isinstance(s, YearScreen) for s in app.screen_stack) == 1


async def test_the_calendar_from_the_week_shows_the_month_and_opens_a_day(home: Path) -> None:
    seed_year(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w", "c")
        await settle(pilot)
        assert isinstance(app.screen, MonthScreen)
        assert shown(app, "#month-title") == "November 2026: pain by day"
        grid = shown(app, "#month-grid")
        assert grid.splitlines()[0].split() == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        assert "27 today" in grid
        mean = decimals(november_mean(), 1)
        assert shown(app, "#month-mean").startswith(f"Mean pain this month: {mean}/10")
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert shown(app, "#month-title") == "October 2026: pain by day"
        assert shown(app, "#month-day").startswith("Thu 1 Oct 2026: pain")
        await pilot.press("down", "right")  # Fri 9 October
        await settle(pilot)
        assert shown(app, "#month-day").startswith("Fri 9 Oct 2026")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen) and app.screen.day == date(2026, 10, 9)
        await pilot.press("escape", "up", "up")  # 2 October, then into September
        await settle(pilot)
        assert shown(app, "#month-title") == "September 2026: pain by day"
        assert shown(app, "#month-day").startswith("Fri 25 Sep 2026")
        await pilot.press(*["right_square_bracket"] * 3)
        await settle(pilot)
        assert shown(app, "#month-title") == "November 2026: pain by day"  # not December
        await pilot.press("m", "m")
        await settle(pilot)
        assert shown(app, "#month-title") == "November 2026: sleep quality by day"


async def test_the_calendar_follows_the_persons_week_start(home: Path) -> None:
    seed_year(home, treatment=False)
    services = Services(home, fixed_clock)
    services.save_settings(replace(services.settings(), week_start=6))
    services.close()
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y", "enter")
        await settle(pilot)
        assert shown(app, "#month-grid").splitlines()[0].split()[:2] == ["Sun", "Mon"]
        await pilot.press("y")  # from the year: back to it
        await settle(pilot)
        assert isinstance(app.screen, YearScreen)


async def test_trends_over_each_span_with_the_marked_event(home: Path) -> None:
    seed_year(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)
        assert shown(app, "#trends-title") == "Trends in pain: the last 3 months, by week"
        rows = shown(app, "#trends-chart").splitlines()
        assert rows[0].startswith("Week of") and rows[1].startswith("31 Aug")
        away = next(row for row in rows if row.startswith("9 Nov"))  # the week away
        assert away.split()[2:] == ["–", "–", "0", "0", "min"]
        assert len(rows) == 1 + 13 + 1  # the names, 13 weeks, the key
        events = shown(app, "#trends-events")
        assert "Thu 1 Oct 2026  Started physiotherapy" in events
        assert "your pain was lower" in events
        for key, title in (
            ("6", "the last 6 months, by month"),
            ("1", "the last 12 months, by month"),
            ("a", "all time, by month (since Mon 1 Dec 2025)"),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert shown(app, "#trends-title") == f"Trends in pain: {title}"
        months = [row.split()[:2] for row in shown(app, "#trends-chart").splitlines()[1:-1]]
        assert months[0] == ["Dec", "2025"] and months[-1] == ["Nov", "2026"]
        await pilot.press("m")
        await settle(pilot)
        assert (
            shown(app, "#trends-title")
            == "Trends in mood: all time, by month (since Mon 1 Dec 2025)"
        )
        assert "your mood" in shown(app, "#trends-events")


async def test_an_empty_journal_says_what_each_view_needs(home: Path) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert shown(app, "#trends-chart") == NOT_ENOUGH
        assert not app.screen.query_one("#trends-events").display
        await pilot.press("escape", "y")
        await settle(pilot)
        assert shown(app, "#year-mean") == "No pain logged in 2026 yet."
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert shown(app, "#year-mean") == "No pain logged in 2025."
        await pilot.press("enter")
        await settle(pilot)
        assert shown(app, "#month-mean") == "No pain logged in November 2025."
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_the_palette_opens_each_view_and_help_now_stays_one_key_away(home: Path) -> None:
    from paincoach.screens.help_now import HelpNowDialog

    seeded_services(home).close()  # type: ignore[attr-defined]
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title, screen in (("Calendar", MonthScreen), ("Year", YearScreen)):
            commands[title].callback()
            await settle(pilot)
            assert isinstance(app.screen, screen)
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpNowDialog)
            await pilot.press("escape", "escape")
            await settle(pilot)
            assert isinstance(app.screen, TodayScreen)
        commands["Trends"].callback()
        await settle(pilot)
        assert isinstance(app.screen, TrendsScreen)


async def test_a_day_deleted_from_the_calendar_leaves_the_calendar_and_the_year(
    home: Path,
) -> None:
    seed_year(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y", "enter")
        await settle(pilot)
        assert shown(app, "#month-day").startswith("Fri 27 Nov 2026: pain 3.0/10 (1 check-in)")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")  # yes, delete it
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert shown(app, "#month-day") == "Fri 27 Nov 2026: no check-in"
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, YearScreen)
        assert shown(app, "#year-day") == "Fri 27 Nov 2026: no check-in"


async def test_today_and_the_week_name_the_long_view_keys(home: Path) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        headings = [str(s.render()) for s in app.screen.query(".section-title")]
        assert "Last 7 days (y: the year, l: trends)" in headings
        await pilot.press("w")
        await settle(pilot)
        headings = [str(s.render()) for s in app.screen.query(".section-title")]
        assert "By day (c: the month's calendar)" in headings


async def test_a_day_marked_on_the_calendar_shows_on_the_trends(home: Path) -> None:
    from paincoach.screens.mark_event import MarkEventDialog

    seed_year(home, treatment=False)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert shown(app, "#trends-events").startswith("No marked events")
        await pilot.press("escape", "y", "up", "enter")  # the calendar on Tue 27 October
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, MarkEventDialog)
        await pilot.press("enter")  # no title: said in the dialog, nothing saved
        await settle(pilot)
        assert isinstance(app.screen, MarkEventDialog)
        assert "Nothing was saved" in shown(app, "#event-problem")
        for char in "Started swimming":
            await pilot.press("space" if char == " " else char)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MonthScreen)
        await pilot.press("escape", "escape", "l")
        await settle(pilot)
        events = shown(app, "#trends-events")
        assert "Tue 27 Oct 2026  Started swimming" in events
        assert "your pain" in events  # four weeks each side: enough for an observation
