"""The calendar's and the year's cells: a digit always, a dot for an empty day, not colour alone."""

from __future__ import annotations

from datetime import date

from paincoach.records.long_view import DayMeans, MonthCalendar, YearAtAGlance
from paincoach.review.long_view import month_weeks
from paincoach.widgets.day_shades import (
    EMPTY,
    SHADE_STYLES,
    SHADES,
    TEN,
    calendar_text,
    day_words,
    digit,
    legend,
    shade,
    year_text,
)

TODAY = date(2026, 11, 27)


def test_the_same_shade_means_a_harder_day_for_every_measure() -> None:
    easiest, hardest = SHADE_STYLES[0], SHADE_STYLES[-1]
    assert shade(0, "pain") == easiest and shade(10, "pain") == hardest
    assert shade(10, "mood") == easiest and shade(0, "sleep") == hardest
    assert easiest.background is not None and easiest.background.hex == SHADES[0][0].upper()


def test_digits_round_a_half_up_and_ten_fits_one_character() -> None:
    assert [digit(4.5), digit(4.49), digit(10.0)] == ["5", "4", "10"]
    assert digit(9.6, wide=False) == TEN and digit(9.4, wide=False) == "9"


def month(days: dict[date, DayMeans], week_start: int = 0) -> MonthCalendar:
    first = date(2026, 11, 1)
    return MonthCalendar(first, week_start, month_weeks(first, week_start), days)


def test_the_calendar_shows_digits_dots_for_empty_days_and_blanks_to_come() -> None:
    days = {date(2026, 11, 2): DayMeans(date(2026, 11, 2), 2, 6.5, mood=3.0)}
    lines = calendar_text(month(days), "pain", TODAY, None).plain.splitlines()
    assert lines[0].split()[0] == "Mon"
    assert lines[1].strip() == "1" and lines[2].strip() == EMPTY  # Sun 1 Nov, nothing logged
    assert lines[4].split()[0] == "7"  # Mon 2 Nov: 6.5 rounds to 7
    assert "27 today" in lines[9]
    assert lines[10].split() == [EMPTY] * 4 + [EMPTY]  # 23-27 Nov empty; 28 and 29 to come
    mood = calendar_text(month(days), "mood", TODAY, None).plain.splitlines()
    assert mood[4].split()[0] == "3"


def test_the_calendar_in_a_sunday_week() -> None:
    lines = calendar_text(month({}, week_start=6), "pain", TODAY, None).plain.splitlines()
    assert lines[0].split()[:2] == ["Sun", "Mon"]
    assert lines[1].split()[:2] == ["1", "2"]


def test_the_cursor_and_today_are_marked_by_more_than_colour() -> None:
    text = calendar_text(month({}), "pain", TODAY, date(2026, 11, 3))
    styles = [span.style for span in text.spans]
    assert any(getattr(s, "reverse", False) for s in styles)  # the cursor
    assert any(getattr(s, "underline", False) for s in styles)  # today


def test_the_year_is_twelve_rows_of_days_with_each_months_mean() -> None:
    days = {
        date(2026, 2, 3): DayMeans(date(2026, 2, 3), 1, 10.0),
        date(2026, 2, 4): DayMeans(date(2026, 2, 4), 1, 4.0),
    }
    lines = year_text(YearAtAGlance(2026, days), "pain", TODAY, None).plain.splitlines()
    assert len(lines) == 13 and max(len(line) for line in lines) <= 78  # fits 80 columns
    feb = lines[2]
    assert feb.startswith("Feb") and feb[4:9] == f"{EMPTY} {EMPTY} {TEN}"
    assert feb.rstrip().endswith("7.0")  # (10 + 4) / 2
    assert lines[12].rstrip().endswith("–")  # December: nothing yet
    assert lines[11][4 + 2 * 27] == " "  # 28 Nov is still to come
    assert lines[0][4] == "1" and lines[0][4 + 2 * 9 : 4 + 2 * 9 + 2] == "10"


def test_the_words_under_the_grid() -> None:
    means = DayMeans(date(2026, 11, 3), 2, 4.25, mood=None)
    assert day_words(date(2026, 11, 3), means, "pain", TODAY).startswith(
        "Tue 3 Nov 2026: pain 4.3/10 (2 check-ins)"
    )
    assert day_words(date(2026, 11, 3), means, "mood", TODAY) == "Tue 3 Nov 2026: no mood given"
    assert day_words(date(2026, 11, 4), None, "pain", TODAY) == "Wed 4 Nov 2026: no check-in"
    assert day_words(date(2026, 11, 30), None, "pain", TODAY).endswith("still to come")
    assert "sleep quality" in legend("sleep").plain and TEN in legend("pain", year=True).plain
