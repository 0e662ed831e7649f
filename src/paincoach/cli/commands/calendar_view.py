"""How `paincoach calendar` draws a month and a year with Rich (see `calendar` for why)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich import box
from rich.style import Style
from rich.table import Table
from rich.text import Text

from paincoach.core.rounding import decimals, rounded
from paincoach.records.long_view import (
    HIGHER_IS_BETTER,
    MEASURE_WORDS,
    DayMeans,
    Measure,
    MonthCalendar,
    YearAtAGlance,
)

if TYPE_CHECKING:
    from rich.console import Console

EMPTY = "·"
"""A day without a check-in (a day not lived yet, or outside the month, is blank)."""
TEN = "X"
"""10 in the year grid, where each day has one character (as in Roman numerals)."""
SCALE_WORDS: dict[Measure, str] = {
    "pain": "0 no pain, 10 worst imaginable",
    "mood": "0 very low, 10 very good",
    "sleep": "0 terrible, 10 excellent",
}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Light to dark, even steps of lightness (so they read in grey and for colour-blind eyes).
SHADES = ("#f6f1c7", "#f0d58c", "#e6a462", "#c96b4d", "#8f3b52", "#4b1d4f")


# -- shading ------------------------------------------------------------------------------------


def shade(value: float, measure: Measure) -> Style:
    """The shade of a day's rounded value: darker for a harder day, whichever way is good."""
    step = int(rounded(value))
    hard = 10 - step if HIGHER_IS_BETTER[measure] else step
    index = min(len(SHADES) - 1, hard * len(SHADES) // 11)
    ink = "#1a1a1a" if index < 3 else "#ffffff"
    return Style(color=ink, bgcolor=SHADES[index])


def colour_on(out: Console) -> bool:
    """Whether this console draws colours (not NO_COLOR, not a pipe, not a dumb terminal)."""
    return out.color_system is not None and not out.no_color


def legend(measure: Measure, out: Console, *, ten: bool = False) -> str:
    """What the digits (and the shades) mean."""
    text = f"Each day: its mean {MEASURE_WORDS[measure]}, rounded ({SCALE_WORDS[measure]})"
    text += f"; {TEN} is 10" if ten else ""
    text += f"; {EMPTY} no check-in."
    if colour_on(out):
        text += " Darker is a harder day."
    return text


def mean_text(value: float | None) -> str:
    """A month's mean with one decimal ('–' when no day has one)."""
    return "–" if value is None else decimals(value, 1)


# -- a month ------------------------------------------------------------------------------------


def month_table(found: MonthCalendar, measure: Measure, today: date) -> Table:
    """The month in the person's weeks: each day's number above its value."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for offset in range(7):
        table.add_column(WEEKDAYS[(found.week_start + offset) % 7], justify="left", width=5)
    for week in found.weeks:
        table.add_row(
            *(
                _month_cell(day, found.days.get(day) if day else None, measure, today)
                for day in week
            )
        )
    return table


def _month_cell(day: date | None, means: DayMeans | None, measure: Measure, today: date) -> Text:
    if day is None:
        return Text("")
    value = None if means is None else means.value(measure)
    if value is None:
        mark = " " if day > today else EMPTY
        return Text(f"{day.day:<5}\n{mark:^5}", style="dim" if day > today else "")
    digit = str(int(rounded(value)))
    return Text(f"{day.day:<5}\n{digit:^5}", style=shade(value, measure))


def month_title(found: MonthCalendar, measure: Measure) -> str:
    """'November 2026: pain'."""
    return f"{found.month:%B %Y}: {MEASURE_WORDS[measure]}"


def month_summary(found: MonthCalendar, measure: Measure, today: date) -> str:
    """The month's mean of day means, and how many of its days have one."""
    last = found.month + timedelta(days=_length(found.month) - 1)
    lived = (min(last, today) - found.month).days + 1
    word = MEASURE_WORDS[measure]
    counted = sum(1 for d in found.days.values() if d.value(measure) is not None)
    if lived <= 0:
        return "This month has not come yet."
    if not counted:
        return f"No day this month has a {word} rating."
    so_far = " so far" if last > today else ""
    verb = "has" if counted == 1 else "have"
    return (
        f"Mean {word} this month: {mean_text(found.mean(measure))} "
        f"({counted} of its {lived} days{so_far} {verb} a {word} rating)."
    )


def show_month(out: Console, found: MonthCalendar, measure: Measure, today: date) -> None:
    """Print a month: title, grid, mean, legend."""
    out.print(Text(month_title(found, measure), style="bold"))
    out.print(month_table(found, measure, today))
    out.print(month_summary(found, measure, today), soft_wrap=True)
    out.print(legend(measure, out), soft_wrap=True)


# -- a year -------------------------------------------------------------------------------------


def year_lines(found: YearAtAGlance, measure: Measure, today: date) -> list[Text]:
    """A header, then one line per month: 31 two-character days and the month's mean."""
    marks = (1, 5, 10, 15, 20, 25, 30)
    head = Text("    " + "".join(f"{d:<2}" if d in marks else "  " for d in range(1, 32)))
    head.append(" mean")
    lines = [Text(f"{found.year}: {MEASURE_WORDS[measure]}", style="bold"), head]
    for month in range(1, 13):
        first = date(found.year, month, 1)
        line = Text(f"{first:%b} ")
        for number in range(1, 32):
            if number > _length(first):
                line.append("  ")
                continue
            day = first.replace(day=number)
            means = found.days.get(day)
            value = None if means is None else means.value(measure)
            if value is None:
                line.append("  " if day > today else f"{EMPTY} ")
                continue
            step = int(rounded(value))
            line.append(f"{TEN if step == 10 else step} ", style=shade(value, measure))
        line.append(f" {mean_text(found.month_mean(month, measure)):>4}")
        lines.append(line)
    return lines


def show_year(out: Console, found: YearAtAGlance, measure: Measure, today: date) -> None:
    """Print a year: twelve rows of days, each month's mean, the legend."""
    for line in year_lines(found, measure, today):
        out.print(line)
    out.print(legend(measure, out, ten=True), soft_wrap=True)


def _length(first: date) -> int:
    """Days in the month that starts on `first`."""
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following - first).days
