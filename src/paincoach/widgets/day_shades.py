"""Days drawn as shaded cells with their value as a digit: the month calendar and the year.

The shade is a helper, never the message: every day carries its rounded mean as a digit,
a day without a value is "·", a day still to come is blank, so the grids read the same
without colour (NO_COLOR) and for colour-blind people. The scale is viridis (six steps from
light yellow to dark purple), which stays ordered for every common colour vision. The same
end means the same for each measure: light is an easier day (low pain, good mood or
sleep), dark a harder one, and the digit says the value.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from textual.color import Color
from textual.content import Content, Span
from textual.style import Style

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
"""A day in the past without a value (no check-in, or none gave this measure): never 0."""
TEN = "X"
"""10 in the year's one-character cells (the calendar writes 10)."""
CURSOR = Style(reverse=True, bold=True)
TODAY = Style(underline=True, bold=True)
BOLD = Style(bold=True)


def hardness(value: float, measure: Measure) -> float:
    """0 for the easiest day and 10 for the hardest, whichever end of 0-10 is the good one."""
    return 10 - value if HIGHER_IS_BETTER[measure] else value


SHADE_STYLES = tuple(
    Style(background=Color.parse(background), foreground=Color.parse(text))
    for background, text in SHADES
)
DIM = Style(dim=True)


class Line:
    """Text and its styled spans, built straight into Textual's Content.

    A year is some 400 styled cells; Content made directly costs a tenth of a Rich Text
    converted on each update (about 1 ms a year instead of 15), which keeps a cursor move
    and a change of measure well inside a frame.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, text: str, style: Style | None = None) -> None:
        """Add `text`, styled when `style` is given."""
        if style is not None:
            self.spans.append(Span(self.length, self.length + len(text), style))
        self.parts.append(text)
        self.length += len(text)

    def content(self) -> Content:
        """The line as Content."""
        return Content("".join(self.parts), self.spans)


def shade(value: float, measure: Measure) -> Style:
    """The cell's colours for a day mean of `measure`."""
    step = min(len(SHADES) - 1, int(hardness(value, measure) * len(SHADES) / 10.0001))
    return SHADE_STYLES[step]


@lru_cache(maxsize=64)
def _marked(style: Style, mark: Style) -> Style:
    return style + mark


def digit(value: float, *, wide: bool = True) -> str:
    """The day's mean as a whole number (10 as `TEN` where there is one character)."""
    whole = int(rounded(value))
    return str(whole) if wide or whole < 10 else TEN


def legend(measure: Measure, *, year: bool = False) -> Content:
    """What the digits, the dots and the shades mean, in words and with the scale itself."""
    line = Line()
    line.add(f"Digit: day's mean {MEASURE_WORDS[measure]}")
    if year:
        line.add(f" ({TEN} = 10)")
    line.add(f"; {EMPTY} none logged; easier ")
    for style in SHADE_STYLES:
        line.add(" ", style)
    line.add(" harder")
    return line.content()


def mean_words(mean: float | None, measure: Measure, where: str, *, past: bool = False) -> str:
    """`Mean pain this month: 4.3/10 (a mean of day means)` or what is missing."""
    words = MEASURE_WORDS[measure]
    if mean is None:
        return f"No {words} logged {where}." if past else f"No {words} logged {where} yet."
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


def calendar_text(
    month: MonthCalendar, measure: Measure, today: date, cursor: date | None
) -> Content:
    """The month as a grid in the person's weeks: day numbers over shaded digits."""
    names = [calendar.day_abbr[(month.week_start + i) % 7] for i in range(7)]
    lines = [Content.styled(" ".join(f"{name:^{CELL}}" for name in names), BOLD)]
    for week in month.weeks:
        top, bottom = Line(), Line()
        for i, day in enumerate(week):
            if i:
                top.add(" ")
                bottom.add(" ")
            if day is None:
                top.add(" " * CELL)
                bottom.add(" " * CELL)
                continue
            label = f"{day.day:>2}" + (" today" if day == today else "")
            style = CURSOR if day == cursor else TODAY if day == today else None
            top.add(f"{label:<{CELL}}", style)
            bottom.add(*_value_cell(month.days.get(day), measure, day > today))
        lines += [top.content(), bottom.content()]
    return Content("\n").join(lines)


def _value_cell(means: DayMeans | None, measure: Measure, future: bool) -> tuple[str, Style]:
    value = means.value(measure) if means else None
    if value is None:
        return (f"{'' if future else EMPTY:^{CELL}}", DIM)
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


def year_header() -> Content:
    """The line over the year's rows: some day numbers, and "mean"."""
    line = Line()
    line.add(" " * YEAR_LABEL)
    line.add(day_numbers(), DIM)
    line.add("  mean", BOLD)
    return line.content()


def month_row(
    year: YearAtAGlance, month: int, measure: Measure, today: date, cursor: date | None
) -> Content:
    """One month of the year: up to 31 one-character days, a space apart, then its mean."""
    line = Line()
    line.add(f"{calendar.month_abbr[month]:<{YEAR_LABEL}}", BOLD)
    length = calendar.monthrange(year.year, month)[1]
    days: Mapping[date, DayMeans] = year.days
    for number in range(1, 32):
        if number > 1:
            line.add(" ")
        if number > length:
            line.add(" ")
            continue
        day = date(year.year, month, number)
        means = days.get(day)
        value = means.value(measure) if means else None
        if value is None:
            glyph, style = (" " if day > today else EMPTY), DIM
        else:
            glyph, style = digit(value, wide=False), shade(value, measure)
        if day == cursor:
            style = _marked(style, CURSOR)
        elif day == today:
            style = _marked(style, TODAY)
        line.add(glyph, style)
    mean = year.month_mean(month, measure)
    line.add(f"  {decimals(mean, 1) if mean is not None else '–':>4}")
    return line.content()


def year_text(year: YearAtAGlance, measure: Measure, today: date, cursor: date | None) -> Content:
    """Twelve rows of up to 31 one-character days (a space apart), each month's mean last."""
    rows = [month_row(year, month, measure, today, cursor) for month in range(1, 13)]
    return Content("\n").join([year_header(), *rows])
