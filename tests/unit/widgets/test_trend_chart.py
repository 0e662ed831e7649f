"""Trends in text: the spread, the mean and the moving average on a 0-10 line, and the events."""

from __future__ import annotations

from datetime import date

from paincoach.records.long_view import (
    BeforeAndAfter,
    MarkedEvent,
    PeriodFigures,
    Spread,
    Trends,
)
from paincoach.widgets.trend_chart import AVERAGE, MEAN, SPREAD, chart_line, chart_text, events_text


def period(low: float, mean: float, high: float, average: float | None) -> PeriodFigures:
    return PeriodFigures(
        "2026-10",
        date(2026, 10, 1),
        date(2026, 10, 31),
        20,
        340,
        pain=Spread(mean, low, high, 20),
        moving_average={"pain": average},
    )


def test_the_line_runs_from_the_lowest_to_the_highest_day() -> None:
    line = chart_line(period(2, 5, 8, 6), "pain")
    assert line.index(SPREAD) == 4 and line.rindex(SPREAD) == 16  # 2 and 8, two a point
    assert line.index(MEAN) == 10 and line.index(AVERAGE) == 12


def test_the_mean_wins_where_the_average_is_the_same() -> None:
    line = chart_line(period(2, 5, 8, 5), "pain")
    assert MEAN in line and AVERAGE not in line


def test_a_period_without_days_is_a_blank_line_and_dashes() -> None:
    empty = PeriodFigures("2026-W46", date(2026, 11, 9), date(2026, 11, 15), 0, 0)
    trends = Trends(date(2026, 9, 1), date(2026, 11, 27), 3, "week", (empty,))
    chart = chart_text(trends, "pain")
    assert not chart.style  # only the names are bold, not every row after them
    rows = chart.plain.splitlines()
    assert rows[0].startswith("Week of")
    assert rows[1].split() == ["9", "Nov", "–", "–", "0", "0", "min"]


def test_events_show_their_words_and_the_reason_when_there_is_too_little() -> None:
    event = MarkedEvent(date(2026, 11, 20), "own", "Started swimming\x1b[31m")
    item = BeforeAndAfter(event, "pain", 28, 20, 5, 5.0, None, False, "Not enough data yet.", 7)
    other = BeforeAndAfter(event, "mood", 28, 20, 5, 5.0, None, False, "mood words", 7)
    trends = Trends(date(2026, 9, 1), date(2026, 11, 27), 3, "week", (), (event,), (item, other))
    text = events_text(trends, "pain")
    assert text.plain == "Fri 20 Nov 2026  Started swimming␛[31m\n  Not enough data yet."
    assert "\x1b" not in text.plain
    nothing = Trends(date(2026, 9, 1), date(2026, 11, 27), 3, "week", ())
    assert events_text(nothing, "pain").plain.startswith("No marked events")
