"""Days drawn as shaded cells with their value as a digit: the month calendar and the year.

The shade is a helper, never the message: every day carries its rounded mean as a digit,
a day without a check-in is "·", a day still to come is blank, so the grids read the same
without colour (NO_COLOR) and for colour-blind people. The scale is viridis (six steps from
light yellow to dark purple), which stays ordered for every common colour vision. The same
end means the same for each measure: light is an easier day (low pain, good mood or
sleep), dark a harder one, and the digit says the value.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date

from rich.style import Style
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

#: Viridis, light (easier) to dark (harder), with a text colour readable on each.
SHADES: tuple[tuple[str, str], ...] = (
    ("#fde725", "#000000"),
    ("#7ad151", "#000000"),
    ("#22a884", "#000000"),
    ("#2a788e", "#ffffff"),
    ("#414487", "#ffffff"),
    ("#440154", "#ffffff"),
)
EMPTY = "·"
"""A day in the past without a check-in: clearly empty, never 0."""
TEN = "X"
"""10 in the year's one-character cells (the calendar writes 10)."""
CURSOR = Style(reverse=True, bold=True)
TODAY = Style(underline=True, bold=True)


def hardness(value: float, measure: Measure) -> float:
    """0 for the easiest day and 10 for the hardest, whichever end of 0-10 is the good one."""
    return 10 - value if HIGHER_IS_BETTER[measure] else value


def shade(value: float, measure: Measure) -> Style:
    """The cell's colours for a day mean of `measure`."""
    step = min(len(SHADES) - 1, int(hardness(value, measure) * len(SHADES) / 10.0001))
    background, text = SHADES[step]
    return Style(bgcolor=background, color=text)


def digit(value: float, *, wide: bool = True) -> str:
    """The day's mean as a whole number (10 as `TEN` where there is one character)."""
    whole = int(rounded(value))
    return str(whole) if wide or whole < 10 else TEN


def legend(measure: Measure, *, year: bool = False) -> Text:
    """What the digits, the dots and the shades mean, in words and with the scale itself."""
    text = Text(f"Digit: the day's mean {MEASURE_WORDS[measure]}")
    if year:
        text.append(f" ({TEN} = 10)")
    text.append(f"; {EMPTY} no check-in; ")
    text.append("easier ")
    for background, colour in SHADES:
        text.append(" ", Style(bgcolor=background, color=colour))
    text.append(" harder")
    return text


def mean_words(mean: float | None, measure: Measure, where: str) -> str:
    """`Mean pain this month: 4.3 (mean of day means)` or what is missing."""
    words = MEASURE_WORDS[measure]
    if mean is None:
        return f"No {words} logged {where} yet."
    return f"Mean {words} {where}: {decimals(mean, 1)}/10 (a mean of day means)"


def day_words(day: date, means: DayMeans | None, measure: Measure, today: date) -> str:
    """One line about the day under the cursor."""
    name = f"{day:%a} {day.day} {day:%b %Y}"
    if day > today:
        return f"{name}: still to come"
    if means is None:
        return f"{name}: no check-in"
    value = means.value(measure)
    if value is None:
        return f"{name}: no {MEASURE_WORDS[measure]} given"
    plural = "s" if means.checkins != 1 else ""
    return (
        f"{name}: {MEASURE_WORDS[measure]} {decimals(value, 1)}/10 "
        f"({means.checkins} check-in{plural}). Enter opens it."
    )


CELL = 9
"""Each calendar day's width, in characters (two lines tall)."""


def calendar_text(month: MonthCalendar, measure: Measure, today: date, cursor: date | None) -> Text:
    """The month as a grid in the person's weeks: day numbers over shaded digits."""
    names = [calendar.day_abbr[(month.week_start + i) % 7] for i in range(7)]
    text = Text()
    text.append(" ".join(f"{name:^{CELL}}" for name in names), style="bold")
    for week in month.weeks:
        top = Text()
        bottom = Text()
        for i, day in enumerate(week):
            if i:
                top.append(" ")
                bottom.append(" ")
            if day is None:
                top.append(" " * CELL)
                bottom.append(" " * CELL)
                continue
            label = f"{day.day:>2}" + (" today" if day == today else "")
            style = Style()
            if day == cursor:
                style = CURSOR
            elif day == today:
                style = TODAY
            top.append(f"{label:<{CELL}}", style)
            bottom.append(*_value_cell(month.days.get(day), measure, day > today))
        text.append("\n")
        text.append_text(top)
        text.append("\n")
        text.append_text(bottom)
    return text


def _value_cell(means: DayMeans | None, measure: Measure, future: bool) -> tuple[str, Style]:
    value = means.value(measure) if means else None
    if value is None:
        return (f"{'' if future else EMPTY:^{CELL}}", Style(dim=True))
    return (f"{digit(value):^{CELL}}", shade(value, measure))


YEAR_LABEL = 4
"""'Jan ' before each month's row."""


def day_numbers() -> str:
    """1, 5, 10 … 30 over the year's columns (each day takes two characters)."""
    row = [" "] * 61
    for number in (1, 5, 10, 15, 20, 25, 30):
        for i, char in enumerate(str(number)):
            row[(number - 1) * 2 + i] = char
    return "".join(row)


def year_text(year: YearAtAGlance, measure: Measure, today: date, cursor: date | None) -> Text:
    """Twelve rows of up to 31 one-character days (a space apart), each month's mean last."""
    text = Text(" " * YEAR_LABEL)
    text.append(day_numbers(), style="dim")
    text.append("  mean", style="bold")
    days: Mapping[date, DayMeans] = year.days
    for month in range(1, 13):
        text.append("\n")
        text.append(f"{calendar.month_abbr[month]:<{YEAR_LABEL}}", style="bold")
        length = calendar.monthrange(year.year, month)[1]
        for number in range(1, 32):
            if number > 1:
                text.append(" ")
            if number > length:
                text.append(" ")
                continue
            day = date(year.year, month, number)
            means = days.get(day)
            value = means.value(measure) if means else None
            if value is None:
                glyph, style = ("" if day > today else EMPTY) or " ", Style(dim=True)
            else:
                glyph, style = digit(value, wide=False), shade(value, measure)
            if day == cursor:
                style = style + CURSOR
            elif day == today:
                style = style + TODAY
            text.append(glyph, style)
        mean = year.month_mean(month, measure)
        text.append(f"  {decimals(mean, 1) if mean is not None else '–':>4}")
    return text
