"""How `paincoach trends` draws its table and events with Rich (see `trends` for why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from paincoach.cli.commands.calendar_view import mean_text
from paincoach.core.textsafe import visible
from paincoach.core.when import short_day
from paincoach.records.long_view import MEASURE_WORDS, Measure, PeriodFigures, Trends

if TYPE_CHECKING:
    from rich.console import Console

KIND_WORDS = {
    "own": "your event",
    "treatment-start": "treatment started",
    "treatment-stop": "treatment stopped",
    "pacing-plan": "pacing plan started",
    "course-week": "course week",
}
ABOUT = (
    "A day counts once, however many check-ins it has, and a day without one is left out "
    "(never counted as 0). These are observations from your own entries, not medical advice."
)


# -- for a person -------------------------------------------------------------------------------


def span_words(found: Trends) -> str:
    """'the last 12 months' or 'all time'."""
    return "all time" if found.months is None else f"the last {found.months} months"


def period_label(period: PeriodFigures, grain: str) -> str:
    """'Nov 2026' for a month; 'Mon 16 Nov' (its first day) for a week."""
    if grain == "month":
        return f"{period.first:%b %Y}"
    return short_day(period.first)


def trends_table(found: Trends, measure: Measure) -> Table:
    """One row per period: mean, moving average, spread, days logged, activity minutes."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("month" if found.grain == "month" else "week from", no_wrap=True)
    table.add_column(MEASURE_WORDS[measure], justify="right", no_wrap=True)
    for name in ("moving avg", "low–high", "days logged", "activity min"):
        table.add_column(name, justify="right", no_wrap=True)
    for period in found.periods:
        spread = period.spread(measure)
        table.add_row(
            period_label(period, found.grain),
            mean_text(None if spread is None else spread.mean),
            mean_text(period.moving_average.get(measure)),
            "–" if spread is None else f"{mean_text(spread.lowest)}–{mean_text(spread.highest)}",
            f"{period.days_logged} of {(period.last - period.first).days + 1}",
            str(period.activity_minutes) if period.activity_minutes else "–",
        )
    return table


def event_lines(found: Trends, measure: Measure) -> list[str]:
    """Each marked event with its day and kind, and the before-and-after words under it."""
    by_event = {
        (b.event.day, b.event.kind, b.event.title): b
        for b in found.before_after
        if b.measure == measure
    }
    lines = []
    for event in found.events:
        kind = KIND_WORDS.get(event.kind, event.kind)
        lines.append(f"{event.day:%a} {event.day.day} {event.day:%b %Y}  {event.title} ({kind})")
        matched = by_event.get((event.day, event.kind, event.title))
        if matched is not None:
            lines.append(f"  {matched.words}")
    return lines


def show(out: Console, found: Trends, measure: Measure) -> None:
    """Print the trends for a person to read."""
    head = f"{found.first.day} {found.first:%b %Y} – {found.last.day} {found.last:%b %Y}"
    title = f"Trends, {span_words(found)} ({head}): {MEASURE_WORDS[measure]}"
    out.print(Text(title, style="bold"), soft_wrap=True)
    if found.empty:
        out.print("No check-ins in these months yet; trends appear as days are logged.")
        return
    out.print(trends_table(found, measure))
    window = "4 weeks" if found.grain == "week" else "3 months"
    out.print(
        f"Each row is the mean of its days' means, with the moving average over {window} "
        "ending there and its lowest and highest day.",
        soft_wrap=True,
    )
    lines = event_lines(found, measure)
    if lines:
        out.print()
        out.print(Text("Marked events", style="bold"))
        for line in lines:
            out.print(Text(visible(line)), soft_wrap=True)
    out.print()
    out.print(ABOUT, soft_wrap=True)
