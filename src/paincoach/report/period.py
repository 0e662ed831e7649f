"""The report's chosen-period section: the last 3 to 12 months, month by month (or by week).

The same figures as `paincoach trends`: each month's mean of day means with its moving
average and its lowest and highest day, mood and sleep means, days logged and activity
minutes; then the marked events with their before-and-after words. Those words are
observations from the person's own ratings: they never say an event caused a change.
"""

from __future__ import annotations

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo
from paincoach.records.long_view import PeriodFigures, Trends
from paincoach.report.build import Report
from paincoach.report.parts import DASH, Section, Table, day_text, value_text
from paincoach.report.period_chart import event_numbers
from paincoach.review.long_view import observation

KIND_WORDS = {
    "own": "the person's own event",
    "treatment-start": "treatment started",
    "treatment-stop": "treatment stopped",
    "pacing-plan": "pacing plan started",
    "course-week": "course week",
}
MONTHS = (3, 12)
"""The chosen period of a report: 3 to 12 months (by week for 3, by month for more)."""
NOT_CAUSE = (
    "Before and after compare the person's own day means in the weeks either side of an "
    "event; they show what changed, not why."
)


def check_months(text: str) -> int:
    """'3' to '12' as a number of months, or an `InputError` that says what can be used."""
    wanted = text.strip()
    if not (wanted.isascii() and wanted.isdigit()) or not MONTHS[0] <= int(wanted) <= MONTHS[1]:
        raise InputError(
            "months", f"'{echo(text)}' cannot be used; choose {MONTHS[0]} to {MONTHS[1]} months."
        )
    return int(wanted)


def period_label(period: PeriodFigures, grain: str) -> str:
    """'Nov 2026' for a month; '16 Nov–22 Nov' for a week."""
    if grain == "month":
        return f"{period.first:%b %Y}"
    return f"{period.first.day} {period.first:%b}–{period.last.day} {period.last:%b}"


def _mean(period: PeriodFigures, measure: str) -> str:
    spread = period.spread(measure)  # type: ignore[arg-type]
    return value_text(None if spread is None else spread.mean, "rating")


def _rows(found: Trends) -> tuple[tuple[str, ...], ...]:
    rows = []
    for period in found.periods:
        pain = period.spread("pain")
        spread = (
            DASH
            if pain is None
            else f"{value_text(pain.lowest, 'rating')}–{value_text(pain.highest, 'rating')}"
        )
        rows.append(
            (
                period_label(period, found.grain),
                str(period.days_logged),
                _mean(period, "pain"),
                value_text(period.moving_average.get("pain"), "rating"),
                spread,
                _mean(period, "mood"),
                _mean(period, "sleep"),
                str(period.activity_minutes) if period.activity_minutes else DASH,
            )
        )
    return tuple(rows)


def event_items(found: Trends) -> tuple[str, ...]:
    """'Event 1, Mon 2 Mar 2026: Physiotherapy (…). From Mon 2 Mar …' for each event."""
    words = {  # said of the person, as the rest of the report is
        (b.event.day, b.event.kind, b.event.title): observation(b, "the person's")
        for b in found.before_after
        if b.measure == "pain"
    }
    items = []
    for number, event in event_numbers(found):
        kind = KIND_WORDS.get(event.kind, event.kind)
        item = f"Event {number}, {day_text(event.day)}: {event.title} ({kind})."
        said = words.get((event.day, event.kind, event.title))
        items.append(f"{item} {said}" if said else item)
    return tuple(items)


def period_section(report: Report) -> Section | None:
    """The chosen months (None when the report was made without `--months`)."""
    found = report.trends
    if found is None:
        return None
    span = "all the months logged" if found.months is None else f"the last {found.months} months"
    by = "month" if found.grain == "month" else "week"
    title = f"The last {found.months} months" if found.months else "All the months logged"
    if found.empty:
        return Section("period", title, (f"Nothing was logged in {span}.",))
    window = "three months" if found.grain == "month" else "four weeks"
    headers = (
        "Month" if found.grain == "month" else "Week",
        "Days logged",
        "Pain mean",
        "Pain moving avg",
        "Pain low–high",
        "Mood mean",
        "Sleep mean",
        "Activity min",
    )
    return Section(
        "period",
        title,
        (
            f"From {day_text(found.first)} to {day_text(found.last)} (the day the report was "
            f"made), by {by}. Each mean is of the days' own means, so a day counts once however "
            f"often it was logged; the moving average is over {window}, ending with each row; "
            "low and high are the lowest and highest day.",
        ),
        Table(headers, _rows(found), frozenset(range(1, 8))),
        notes=(NOT_CAUSE,) if found.events else (),
        chart="period",
        items=event_items(found),
    )
