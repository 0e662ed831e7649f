"""The long view: a month calendar, a year at a glance, and trends with what changed.

The figures come from SQL grouped by day and by month (`db/long_view_repository`); this
module lays them out in the person's weeks, draws a moving average over them, and words
what a marked event was followed by as an observation with its minimum data, as the
week's insights do (never as a cause).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from paincoach.core.rounding import decimals
from paincoach.core.weeks import iso_label
from paincoach.core.when import short_day, week_start_for
from paincoach.db import long_view_repository as repo
from paincoach.records.long_view import (
    MEASURE_WORDS,
    MEASURES,
    BeforeAndAfter,
    DayMeans,
    Grain,
    MarkedEvent,
    Measure,
    MonthCalendar,
    PeriodFigures,
    Spread,
    Trends,
    YearAtAGlance,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from paincoach.db.engine import Database

#: Days before and after a marked event that are compared, and the days with a check-in
#: each side needs before anything is said.
WINDOW_DAYS = 28
MIN_WINDOW_DAYS = 7
#: Periods in the moving average: three months, or four weeks.
MOVING = {"month": 3, "week": 4}
#: A difference of day means smaller than this is "about the same".
SAME_WITHIN = 0.5
WEEKLY_UP_TO_MONTHS = 3
NOT_A_CAUSE = "This is what your journal shows, not a cause: other things change too."
#: The same, said of the person (the clinician report).
NOT_A_CAUSE_OF_THEM = "This is what the journal shows, not a cause: other things change too."

OwnEvents = Callable[["Session", date, date], list[MarkedEvent]]


class LongView:
    """Months and years of one journal, read fresh on each call (worker threads may share it)."""

    def __init__(
        self,
        db: Database,
        clock: Callable[[], datetime],
        week_start: Callable[[], int],
        own_events: OwnEvents | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.week_start = week_start
        self.own_events = own_events

    def month(self, day: date) -> MonthCalendar:
        """The month holding `day`, in rows of the person's weeks."""
        first = day.replace(day=1)
        last = _month_end(first)
        week_start = self.week_start()
        with self.db.read() as session:
            days = repo.day_means(session, first, last)
        return MonthCalendar(first, week_start, month_weeks(first, week_start), days)

    def year(self, year: int) -> YearAtAGlance:
        """Every day of `year` that has a check-in."""
        with self.db.read() as session:
            days = repo.day_means(session, date(year, 1, 1), date(year, 12, 31))
        return YearAtAGlance(year, days)

    def first_day(self) -> date | None:
        """The earliest day with a check-in."""
        with self.db.read() as session:
            return repo.first_checkin_day(session)

    def trends(self, months: int | None, *, measure: Measure = "pain") -> Trends:
        """The last `months` months (None: all time) ending today, by week for three or fewer."""
        today = self.clock().date()
        grain: Grain = "week" if months is not None and months <= WEEKLY_UP_TO_MONTHS else "month"
        with self.db.read() as session:
            first = self._span_start(session, months, today, grain)
            if grain == "week":
                periods = _weekly(session, first, today, self.week_start())
                first = periods[0].first  # the span is whole weeks
            else:
                periods = _monthly(session, first, today)
            events = repo.known_events(session, first, today)
            if self.own_events is not None:
                events += self.own_events(session, first, today)
            events.sort(key=lambda e: (e.day, e.kind != "own", e.title.casefold()))
            compared = compare_events(session, events, measure, today)
        return Trends(first, today, months, grain, periods, tuple(events), compared)

    @staticmethod
    def _span_start(session: Session, months: int | None, today: date, grain: Grain) -> date:
        if months is None:
            found = repo.first_checkin_day(session)
            start = min(found, today) if found else today
            return start.replace(day=1)
        if grain == "week":
            weeks = (months * 52 + 6) // 12  # 3 months: 13 weeks, this one included
            return today - timedelta(weeks=weeks - 1)
        return _add_months(today.replace(day=1), -(months - 1))


def month_weeks(first: date, week_start: int) -> tuple[tuple[date | None, ...], ...]:
    """The month starting `first` as rows of seven days from `week_start`; None outside it."""
    last = _month_end(first)
    rows: list[tuple[date | None, ...]] = []
    start = week_start_for(first, week_start)
    while start <= last:
        days = (start + timedelta(days=n) for n in range(7))
        rows.append(tuple(d if d.month == first.month else None for d in days))
        start += timedelta(days=7)
    return tuple(rows)


def _monthly(session: Session, first: date, today: date) -> tuple[PeriodFigures, ...]:
    """One period per month from `first`'s to today's, empty months included (gaps show)."""
    lead = MOVING["month"] - 1  # months before the span, so its first averages are whole
    early = _add_months(first, -lead)
    figures = repo.month_figures(session, early, today)
    minutes = repo.activity_minutes_by_month(session, early, today)
    periods: list[PeriodFigures] = []
    month = early
    while month <= today:
        label = f"{month:%Y-%m}"
        days, spreads = figures.get(label, (0, {}))
        last = min(_month_end(month), today)
        periods.append(_period(label, month, last, days, minutes.get(label, 0), spreads))
        month = _add_months(month, 1)
    return _with_moving_average(periods, MOVING["month"])[lead:]


def _weekly(
    session: Session, first: date, today: date, week_start: int
) -> tuple[PeriodFigures, ...]:
    """One period per week of the person's (whole weeks), from the week holding `first`."""
    lead = MOVING["week"] - 1
    start = week_start_for(first, week_start) - timedelta(weeks=lead)
    days = repo.day_means(session, start, today)
    minutes = repo.activity_minutes_by_day(session, start, today)
    periods: list[PeriodFigures] = []
    while start <= today:
        last = min(start + timedelta(days=6), today)
        inside = [d for d in days.values() if start <= d.day <= last]
        spreads: dict[str, Spread | None] = {m: spread_of(inside, m) for m in MEASURES}
        spent = sum(v for day, v in minutes.items() if start <= day <= last)
        periods.append(_period(iso_label(start), start, last, len(inside), spent, spreads))
        start += timedelta(days=7)
    return _with_moving_average(periods, MOVING["week"])[lead:]


def spread_of(days: Iterable[DayMeans], measure: Measure) -> Spread | None:
    """The mean, lowest and highest of the days' values of `measure` (None without any)."""
    values = [v for d in days if (v := d.value(measure)) is not None]
    if not values:
        return None
    return Spread(sum(values) / len(values), min(values), max(values), len(values))


def _period(
    label: str,
    first: date,
    last: date,
    days: int,
    minutes: int,
    spreads: Mapping[str, Spread | None],
) -> PeriodFigures:
    return PeriodFigures(
        label,
        first,
        last,
        days,
        minutes,
        pain=spreads.get("pain"),
        mood=spreads.get("mood"),
        sleep=spreads.get("sleep"),
    )


def _with_moving_average(periods: list[PeriodFigures], size: int) -> tuple[PeriodFigures, ...]:
    """Each period with the mean of its own and the `size - 1` earlier periods' means.

    A period's average counts only the periods that have a value, and is left out (None)
    when the period itself has none, so a gap is never drawn over.
    """
    done: list[PeriodFigures] = []
    for index, period in enumerate(periods):
        window = periods[max(0, index - size + 1) : index + 1]
        averages: dict[Measure, float | None] = {}
        for measure in MEASURES:
            means = [s.mean for p in window if (s := p.spread(measure)) is not None]
            own = period.spread(measure)
            averages[measure] = sum(means) / len(means) if own is not None and means else None
        done.append(replace(period, moving_average=averages))
    return tuple(done)


def compare_events(
    session: Session, events: Iterable[MarkedEvent], measure: Measure, today: date
) -> tuple[BeforeAndAfter, ...]:
    """Each event's before and after, from one read of the days their windows cover.

    Windows that overlap or touch (a course's weeks, a treatment started and stopped) are
    read as one span, so many events cost a few reads rather than two each.
    """
    events = list(events)
    spans: list[tuple[date, date]] = []
    for event in sorted(events, key=lambda e: e.day):
        first, last = _window(event, today)
        if spans and first <= spans[-1][1] + timedelta(days=1):
            spans[-1] = (spans[-1][0], max(spans[-1][1], last))
        else:
            spans.append((first, last))
    days: dict[date, DayMeans] = {}
    for first, last in spans:
        days.update(repo.day_means(session, first, last))
    return tuple(before_and_after(event, measure, today, days) for event in events)


def _window(event: MarkedEvent, today: date) -> tuple[date, date]:
    """The four weeks before an event and the four from it (up to today)."""
    last = min(event.day + timedelta(days=WINDOW_DAYS - 1), today)
    return event.day - timedelta(days=WINDOW_DAYS), max(last, event.day)


def _window_mean(
    days: Mapping[date, DayMeans], measure: Measure, first: date, last: date
) -> tuple[int, float | None]:
    """Days with `measure` from `first` to `last`, and the mean of their day means."""
    found = [
        v
        for n in range((last - first).days + 1)
        if (d := days.get(first + timedelta(days=n))) is not None
        and (v := d.value(measure)) is not None
    ]
    return len(found), (sum(found) / len(found) if found else None)


def before_and_after(
    event: MarkedEvent, measure: Measure, today: date, days: Mapping[date, DayMeans]
) -> BeforeAndAfter:
    """The day means of `measure` in the four weeks before `event` and the four from it
    (`days` holds at least the days of those weeks that have a check-in)."""
    first, last = _window(event, today)
    before = _window_mean(days, measure, first, event.day - timedelta(days=1))
    after = _window_mean(days, measure, event.day, last)
    (days_before, mean_before), (days_after, mean_after) = before, after
    enough = days_before >= MIN_WINDOW_DAYS and days_after >= MIN_WINDOW_DAYS
    found = BeforeAndAfter(
        event,
        measure,
        WINDOW_DAYS,
        days_before,
        days_after,
        mean_before,
        mean_after,
        enough and mean_before is not None and mean_after is not None,
        "",
        MIN_WINDOW_DAYS,
    )
    return replace(found, words=observation(found))


def observation(found: BeforeAndAfter, whose: str = "your") -> str:
    """What the figures show, said to the person ("your pain") or of them ("the person's")."""
    if not found.enough or found.mean_before is None or found.mean_after is None:
        return _not_yet(found.days_before, found.days_after)
    event, mean_before, mean_after = found.event, found.mean_before, found.mean_after
    days_before, days_after, measure = found.days_before, found.days_after, found.measure
    difference = mean_after - mean_before
    if abs(difference) < SAME_WITHIN:
        change = "was about the same"
    else:
        change = "was lower" if difference < 0 else "was higher"
    word = MEASURE_WORDS[measure]
    return (
        f"From {short_day(event.day)} {event.day.year}, {whose} {word} {change}: "
        f"{decimals(mean_after, 1)} on average over {days_after} days, against "
        f"{decimals(mean_before, 1)} over {days_before} days in the 4 weeks before. "
        f"{NOT_A_CAUSE if whose == 'your' else NOT_A_CAUSE_OF_THEM}"
    )


def _not_yet(days_before: int, days_after: int) -> str:
    return (
        f"Not enough data yet: needs {MIN_WINDOW_DAYS} days with a check-in in the 4 weeks "
        f"before and {MIN_WINDOW_DAYS} in the 4 weeks from it, has {days_before} and "
        f"{days_after}."
    )


def _month_end(first: date) -> date:
    return _add_months(first.replace(day=1), 1) - timedelta(days=1)


def _add_months(first: date, count: int) -> date:
    """The first of the month `count` months from `first`'s month."""
    index = first.year * 12 + first.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)
