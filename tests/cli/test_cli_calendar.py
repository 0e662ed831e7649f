"""`paincoach calendar`: a month in the person's weeks and a year of days, readable uncoloured.

Today is the frozen Friday 27 Nov 2026. Each day shows its rounded mean of check-ins; a day
without one shows `·`; the month's mean is a mean of day means.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from paincoach.cli.commands.calendar_view import show_month, year_lines
from paincoach.records.long_view import DayMeans, MonthCalendar, YearAtAGlance
from paincoach.review.long_view import month_weeks
from tests.review_support import Book
from tests.support import run_cli as run

TODAY = date(2026, 11, 27)
#: A terminal code that sets a background colour (16, 256 or true colours).
BACKGROUND = re.compile(r"\x1b\[(?:[0-9]+;)*(?:4[0-7]|10[0-7]|48)[;m]")


@pytest.fixture
def book(home: Path) -> Book:
    filled = Book(home)
    filled.checkin(date(2026, 11, 3), 2, mood=6, hour=8)
    filled.checkin(date(2026, 11, 3), 5, mood=9, hour=20)  # day mean 3.5 → 4; mood 7.5 → 8
    filled.checkin(date(2026, 11, 10), 7, mood=3)
    filled.checkin(date(2026, 11, 26), 10, mood=10)
    filled.checkin(date(2026, 2, 14), 1, sleep=8)
    return filled


def grid_rows(out: str) -> list[str]:
    """The grid's lines: the ones under the rule, up to the month's mean."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("─")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith(("Mean", "No day")))
    return lines[start:end]


def test_the_month_shows_each_days_rounded_mean_and_the_mean_of_day_means(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    status, out, err = run(capsys, "calendar")
    assert (status, err) == (0, "")
    assert out.startswith("November 2026: pain\n")
    rows = grid_rows(out)
    header = out.splitlines()[1].split()
    assert header == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    # the week of 2-8 Nov: its day numbers, then its values (Tue 3rd: 3.5 rounds to 4)
    assert rows[2].split() == ["2", "3", "4", "5", "6", "7", "8"]
    assert rows[3].split() == ["·", "4", "·", "·", "·", "·", "·"]
    assert rows[5].split() == ["·", "7", "·", "·", "·", "·", "·"]
    # 23-29 Nov: Thu 26th is 10; 28th and 29th are still to come, so blank, not empty
    assert rows[9].split() == ["·", "·", "·", "10", "·"]
    # (3.5 + 7 + 10) / 3 = 6.83…, not (2 + 5 + 7 + 10) / 4 = 6.0
    assert "Mean pain this month: 6.8 (3 of its 27 days so far have a pain rating)." in out
    assert "· no check-in." in out and "\x1b" not in out  # not a terminal: no colour at all


def test_the_month_follows_the_persons_week_start(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    Book(home, week_start=6).checkin(date(2026, 11, 1), 4)  # a Sunday
    status, out, _ = run(capsys, "calendar", "--month", "2026-11", "--show", "PAIN")
    assert status == 0
    assert out.splitlines()[1].split() == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    rows = grid_rows(out)
    assert rows[0].split()[0] == "1" and rows[1].split()[0] == "4"


def test_mood_and_another_month(capsys: pytest.CaptureFixture[str], book: Book) -> None:
    status, out, _ = run(capsys, "calendar", "--month", "2026-11", "--show", "mood")
    assert status == 0 and out.startswith("November 2026: mood\n")
    assert grid_rows(out)[3].split() == ["·", "8", "·", "·", "·", "·", "·"]  # 7.5 → 8
    status, out, _ = run(capsys, "calendar", "--month", "2026-02", "--show", "sleep")
    assert (
        "Mean sleep quality this month: 8.0 (1 of its 28 days has a sleep quality rating)." in out
    )
    status, out, _ = run(capsys, "calendar", "--month", "2026-03")
    assert "No day this month has a pain rating." in out
    status, out, _ = run(capsys, "calendar", "--month", "2027-01")
    assert "This month has not come yet." in out


def test_the_year_is_twelve_rows_of_days_with_each_months_mean(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    status, out, err = run(capsys, "calendar", "--year", "2026")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "2026: pain"
    months = lines[2:14]
    assert [line[:3] for line in months] == [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]  # fmt: skip
    assert all(len(line) <= 80 for line in lines[:14])
    november = months[10]
    day = lambda n: november[4 + 2 * (n - 1)]  # noqa: E731 (two characters a day)
    assert (day(1), day(3), day(10), day(26), day(27), day(28)) == ("·", "4", "7", "X", "·", " ")
    assert november.rstrip().endswith("6.8")
    assert months[1][4 + 2 * 13] == "1" and months[1].rstrip().endswith("1.0")
    assert months[11].rstrip().endswith("–")  # December: no days yet
    assert "X is 10" in out


def test_colour_shades_the_days_and_no_color_leaves_the_digits(book: Book) -> None:
    found = MonthCalendar(
        date(2026, 11, 1),
        0,
        month_weeks(date(2026, 11, 1), 0),
        {date(2026, 11, 3): DayMeans(date(2026, 11, 3), 1, 9.0)},
    )
    coloured = io.StringIO()
    show_month(
        Console(file=coloured, force_terminal=True, color_system="truecolor"), found, "pain", TODAY
    )
    assert "\x1b[" in coloured.getvalue() and "48;2;" in coloured.getvalue()  # a background
    assert "Darker is a harder day." in coloured.getvalue()
    plain = io.StringIO()
    show_month(Console(file=plain, force_terminal=True, no_color=True), found, "pain", TODAY)
    assert "48;2;" not in plain.getvalue() and "Darker" not in plain.getvalue()
    assert " 9 " in plain.getvalue()


def test_a_good_day_is_light_whichever_end_is_good() -> None:
    days = {
        date(2026, 1, 1): DayMeans(date(2026, 1, 1), 1, 0.0, mood=10.0),
        date(2026, 1, 2): DayMeans(date(2026, 1, 2), 1, 10.0, mood=0.0),
    }
    year = YearAtAGlance(2026, days)
    pain, mood = (year_lines(year, m, TODAY)[2] for m in ("pain", "mood"))
    good_pain, bad_pain = (pain.get_style_at_offset(Console(), 4 + 2 * i) for i in (0, 1))
    good_mood, bad_mood = (mood.get_style_at_offset(Console(), 4 + 2 * i) for i in (0, 1))
    assert good_pain.bgcolor == good_mood.bgcolor and bad_pain.bgcolor == bad_mood.bgcolor
    assert good_pain.bgcolor != bad_pain.bgcolor


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--month", "2026-13"], "'2026-13' is not a month; use YYYY-MM"),
        (["--month", "November"], "'November' is not a month"),
        (["--month", "1500-01"], "outside the years paincoach keeps"),
        (["--year", "20x6"], "'20x6' is not a year"),
        (["--show", "pulse"], "'pulse' cannot be shown; choose pain, mood or sleep."),
    ],
)
def test_bad_values_exit_2_with_a_message(
    capsys: pytest.CaptureFixture[str], home: Path, argv: list[str], said: str
) -> None:
    status, out, err = run(capsys, "calendar", *argv)
    assert status == 2 and out == "" and said in err


def test_a_month_and_a_year_at_once_exit_2(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, _, err = run(capsys, "calendar", "--month", "2026-11", "--year", "2026")
    assert status == 2 and "not allowed with argument" in err


def test_no_color_in_a_terminal_keeps_the_digits_and_drops_the_shades(
    capsys: pytest.CaptureFixture[str], book: Book, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # as if in a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, shaded, _ = run(capsys, "calendar", "--year", "2026")
    assert BACKGROUND.search(shaded) and "Darker is a harder day." in shaded
    monkeypatch.setenv("NO_COLOR", "1")
    _, plain, _ = run(capsys, "calendar", "--year", "2026")
    assert "Darker" not in plain and not BACKGROUND.search(plain)
    assert re.sub(r"\x1b\[[0-9;]*m", "", plain).splitlines()[12][4:12] == "· · 4 · "  # 1-4 Nov


def test_year_on_its_own_is_this_year(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, out, _ = run(capsys, "calendar", "--year")
    assert status == 0 and out.startswith("2026: pain\n")
