"""Saving a check-in or an activity without the ORM: `paincoach log` and `activity`.

The same saves as `journal.service.Journal.add_checkin` and `add_activity`, through
`db.quick` (the standard library's `sqlite3`) instead of SQLAlchemy: the same field mapping
(`db.entry_rows`), names merged by the same SQL (`db.names`), an unlikely date questioned
and the words of distress looked for as there (`journal.entry_checks`), the same concern on
the saved record. Tests save one entry through each and compare every field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from paincoach.core import clock
from paincoach.core.uids import new_uid
from paincoach.core.when import format_moment
from paincoach.db import names, quick
from paincoach.db.entry_rows import activity_fields, checkin_fields
from paincoach.db.quick import QuickStore
from paincoach.journal.entry_checks import check_date, written_distress
from paincoach.records.concern import FORTNIGHT_DAYS, concern_of, is_low_mood, mostly_low
from paincoach.records.entries import Activity, ActivityDraft, CheckIn, CheckInDraft, DayFigures


class QuickJournal:
    """Adds check-ins and activities to a journal opened by `QuickStore.open`."""

    def __init__(self, store: QuickStore, clock: Callable[[], datetime] = clock.now) -> None:
        self.store = store
        self._clock = clock

    def today(self) -> date:
        """Today's local date by this journal's clock."""
        return self._clock().date()

    def add_checkin(self, draft: CheckInDraft, *, confirmed: bool = False) -> CheckIn:
        """Save a new check-in; once this returns, it is on disk (as `Journal.add_checkin`)."""
        stamp = format_moment(self._clock())
        with self.store.write() as conn:
            check_date(draft.at, confirmed, lambda: quick.first_entry_day(conn))
            if draft.areas or draft.tags:
                draft = replace(
                    draft,
                    areas=names.known_labels(conn, "areas", draft.areas),
                    tags=names.known_labels(conn, "tags", draft.tags),
                )
            saved = quick.insert_checkin(conn, checkin_fields(draft), uid=new_uid(), stamp=stamp)
        words = written_distress([saved.note, *saved.areas, *saved.tags])
        concern = concern_of(words=words, low_mood=is_low_mood(saved.mood))
        if concern is None:
            return saved
        return replace(saved, concern=replace(concern, low_fortnight=self.low_fortnight()))

    def add_activity(self, draft: ActivityDraft, *, confirmed: bool = False) -> Activity:
        """Save a new activity; once this returns, it is on disk (as `Journal.add_activity`)."""
        stamp = format_moment(self._clock())
        with self.store.write() as conn:
            check_date(draft.at, confirmed, lambda: quick.first_entry_day(conn))
            named = replace(draft, name=names.known_activity(conn, draft.name))
            saved = quick.insert_activity(conn, activity_fields(named), uid=new_uid(), stamp=stamp)
        concern = concern_of(words=written_distress([saved.name, saved.note]))
        if concern is None:
            return saved
        return replace(saved, concern=replace(concern, low_fortnight=self.low_fortnight()))

    def low_fortnight(self) -> bool:
        """Whether mood was low on most days of the last two weeks (`records.concern`)."""
        last = self.today()
        first = last - timedelta(days=FORTNIGHT_DAYS - 1)
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT day, avg(mood) FROM checkins WHERE day BETWEEN ? AND ? GROUP BY day",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        return mostly_low([DayFigures(date.fromisoformat(day), mood_avg=avg) for day, avg in rows])
