"""The person's own marked events: days such as 'started physiotherapy' or 'new job'.

They are shown on the trends beside the events paincoach knows of (treatments, pacing
plans, course weeks), with before-and-after figures worded as observations. A title is one
line of 1-80 characters; the day is a local day that has happened (an unlikely one is
questioned, as check-ins are). Nothing here says what an event did.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import text

from paincoach.core import clock
from paincoach.core.errors import InputError, NotFoundError, UnlikelyDateError
from paincoach.core.textsafe import refuse_nul
from paincoach.core.uids import new_uid
from paincoach.core.when import format_moment, in_years, local_day
from paincoach.db import event_repository as erepo
from paincoach.db import review_repository as rrepo
from paincoach.db.engine import Database
from paincoach.records.entries import EARLIEST_LIKELY_YEAR, unlikely_date
from paincoach.records.long_view import MarkedEvent
from paincoach.records.names import name_key

TITLE_MAX = 80
NOTE_MAX = 2000


def check_title(value: str) -> str:
    """An event's title: trimmed to one line with single spaces, 1-80 characters, no NUL."""
    refuse_nul(value, "title", "event's title")
    title = " ".join(value.split())
    if not title:
        raise InputError(
            "title", "Please give the event a few words, for example 'started physiotherapy'."
        )
    if len(title) > TITLE_MAX:
        raise InputError(
            "title",
            f"An event's title can be up to {TITLE_MAX} characters; this has {len(title)}.",
        )
    return title


def check_event_note(value: str) -> str:
    """A few words about an event: any lines, up to 2,000 characters, no NUL."""
    refuse_nul(value, "note", "event's note")
    note = value.rstrip()
    if len(note) > NOTE_MAX:
        raise InputError(
            "note", f"An event's note can be up to {NOTE_MAX:,} characters; this has {len(note):,}."
        )
    return note


class MarkedEvents:
    """Add, remove and read the person's marked events, as plain records."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = clock.now) -> None:
        self.db = db
        self._clock = clock

    def today(self) -> date:
        """Today's local date by this service's clock."""
        return local_day(self._clock())

    def add(self, day: date, title: str, *, note: str = "", confirmed: bool = False) -> MarkedEvent:
        """Mark `day` with `title`; once this returns, it is on disk.

        InputError for a title that cannot be kept, a day still to come, or the same title
        on the same day again; `UnlikelyDateError` for a day before 2000 or more than a year
        before the first entry, unless `confirmed`.
        """
        title = check_title(title)
        note = check_event_note(note)
        in_years(day, "day", day.isoformat())
        if day > self.today():
            raise InputError(
                "day",
                f"{_long(day)} is still to come; mark a day once it has happened.",
            )
        stamp = format_moment(self._clock())
        with self.db.write() as session:
            if not confirmed:
                first = None if day.year < EARLIEST_LIKELY_YEAR else rrepo.first_entry_day(session)
                reason = unlikely_date(day, first)
                if reason:
                    raise UnlikelyDateError(reason)
            same = [
                event
                for event in erepo.own_events_between(session, day, day)
                if name_key(event.title) == name_key(title)
            ]
            if same:
                raise InputError("title", f'"{same[0].title}" is marked on {_long(day)} already.')
            return erepo.add_event(
                session, uid=new_uid(), day=day, title=title, note=note, stamp=stamp
            )

    def remove(self, uid: str) -> MarkedEvent:
        """Remove one marked event; what it was. NotFoundError when it is gone already."""
        with self.db.write() as session:
            removed = erepo.remove_event(session, uid)
        if removed is None:
            raise NotFoundError("That event is no longer in the journal.")
        self._flush_wal()
        return removed

    def between(self, first: date, last: date) -> list[MarkedEvent]:
        """The events from `first` to `last` (both included), oldest first."""
        with self.db.read() as session:
            return erepo.own_events_between(session, first, last)

    def every(self) -> list[MarkedEvent]:
        """Every marked event, oldest first."""
        with self.db.read() as session:
            return erepo.every_event(session)

    def _flush_wal(self) -> None:
        # As for a deleted entry: the removed title is not left in the WAL's old pages.
        with self.db.connection() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
