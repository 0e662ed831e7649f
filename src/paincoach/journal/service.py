"""The journal service: save, change, delete and look up check-ins and activities.

A save also says whether it calls for the support card (`records.concern`): words of
suicidal thoughts or self-harm in what was written, or a very low mood. That reason rides
on the saved record only; nothing about it is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import text
from sqlmodel import Session

from paincoach.core import clock, day_stamp
from paincoach.core.errors import NotFoundError
from paincoach.core.uids import new_uid
from paincoach.core.when import format_moment
from paincoach.db import names
from paincoach.db import repository as repo
from paincoach.db import review_repository as rrepo
from paincoach.db import treatment_repository as trepo
from paincoach.db.engine import Database
from paincoach.db.entry_rows import activity_fields, checkin_fields
from paincoach.db.models import ActivityRow, CheckInRow
from paincoach.journal.entry_checks import check_date
from paincoach.journal.entry_checks import written_distress as written_distress
from paincoach.records.concern import FORTNIGHT_DAYS, concern_of, is_low_mood, mostly_low
from paincoach.records.days import DayEntries, TodayView
from paincoach.records.entries import (
    Activity,
    ActivityDraft,
    CheckIn,
    CheckInDraft,
    DayFigures,
    Entry,
)

SPARK_DAYS = 7
RowT = TypeVar("RowT")


class Journal:
    """Everything the app and the command line do with entries, as plain records."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = clock.now) -> None:
        self.db = db
        self._clock = clock

    def today(self) -> date:
        """Today's local date by this journal's clock."""
        return self._clock().date()

    def _stamp(self) -> str:
        return format_moment(self._clock())

    # -- saving -----------------------------------------------------------------

    def add_checkin(self, draft: CheckInDraft, *, confirmed: bool = False) -> CheckIn:
        """Save a new check-in; once this returns, it is on disk.

        Areas and tags are saved as the journal already spells them (one name, one area).
        An unlikely date raises `UnlikelyDateError` unless `confirmed`.
        """
        stamp = self._stamp()
        with self.db.write() as session:
            _check_date(session, draft.at, confirmed)
            row = CheckInRow(
                uid=new_uid(),
                created_at=stamp,
                updated_at=stamp,
                **checkin_fields(_known_labels(session, draft)),
            )
            session.add(row)
            session.flush()
            saved = repo.checkin_from_row(row)
        day_stamp.note_checkin_day(self.home, saved.day)  # saved: the stamp may say so
        return self._checkin_concern(saved)

    def add_activity(self, draft: ActivityDraft, *, confirmed: bool = False) -> Activity:
        """Save a new activity; once this returns, it is on disk (unlikely dates: as above)."""
        with self.db.write() as session:
            _check_date(session, draft.at, confirmed)
            saved = repo.insert_activity(session, draft, uid=new_uid(), stamp=self._stamp())
        return self._activity_concern(saved)

    def update_checkin(self, uid: str, draft: CheckInDraft, *, confirmed: bool = False) -> CheckIn:
        """Replace a check-in's fields, keeping its uid (unlikely dates: as for a new one)."""
        with self.db.write() as session:
            _check_date(session, draft.at, confirmed, uid=uid)
            row = _only(repo.rows_by_uid(session, uid), CheckInRow, uid)
            # spelled as the other check-ins spell them: this one's own may be corrected
            for name, value in checkin_fields(_known_labels(session, draft, uid)).items():
                setattr(row, name, value)
            row.updated_at = self._stamp()
            session.add(row)
            session.flush()
            saved = repo.checkin_from_row(row)
            latest = self._stamp_back(session)  # the edit may move the newest day back
        day_stamp.rewrite(self.home, latest)  # ... or on
        self._flush_wal()  # the words edited away are deleted words too
        return self._checkin_concern(saved)

    def update_activity(
        self, uid: str, draft: ActivityDraft, *, confirmed: bool = False
    ) -> Activity:
        """Replace an activity's fields, keeping its uid (unlikely dates: as for a new one)."""
        with self.db.write() as session:
            _check_date(session, draft.at, confirmed, uid=uid)
            row = _only(repo.rows_by_uid(session, uid), ActivityRow, uid)
            draft = replace(draft, name=names.known_activity(session, draft.name, besides=uid))
            for name, value in activity_fields(draft).items():
                setattr(row, name, value)
            row.updated_at = self._stamp()
            session.add(row)
            session.flush()
            saved = repo.activity_from_row(row)
        self._flush_wal()  # the words edited away are deleted words too
        return self._activity_concern(saved)

    # -- the support card ---------------------------------------------------------

    def _checkin_concern(self, saved: CheckIn) -> CheckIn:
        words = written_distress([saved.note, *saved.areas, *saved.tags])
        concern = concern_of(words=words, low_mood=is_low_mood(saved.mood))
        if concern is None:
            return saved
        return replace(saved, concern=replace(concern, low_fortnight=self.low_fortnight()))

    def _activity_concern(self, saved: Activity) -> Activity:
        concern = concern_of(words=written_distress([saved.name, saved.note]))
        if concern is None:
            return saved
        return replace(saved, concern=replace(concern, low_fortnight=self.low_fortnight()))

    def low_fortnight(self) -> bool:
        """Whether mood was low on most days of the last two weeks (`records.concern`)."""
        today = self.today()
        return mostly_low(self.figures(today - timedelta(days=FORTNIGHT_DAYS - 1), today))

    def delete(self, uid: str) -> None:
        """Delete a check-in or activity for good (its text does not linger in the file)."""
        with self.db.write() as session:
            rows = repo.rows_by_uid(session, uid)
            if not rows:
                raise NotFoundError(
                    "That entry no longer exists; it may have been deleted already."
                )
            for row in rows:
                session.delete(row)
            session.flush()
            latest = self._stamp_back(session)
        day_stamp.rewrite(self.home, latest)
        self._flush_wal()

    @property
    def home(self) -> Path:
        """The data folder this journal lives in (where its day stamp is kept)."""
        return self.db.path.parent

    def _stamp_back(self, session: Session) -> date | None:
        """The newest check-in day as this change leaves it, stamped if it moved back.

        Written before the commit, while this write holds the journal: no other save can
        slip in between. Should the commit fail, the stamp is older than the journal,
        which only makes `remind` ask the journal; never the other way round.
        """
        latest = repo.latest_checkin_day(session)
        current = day_stamp.read_stamp(self.home)
        if current is not None and (latest is None or latest < current):
            day_stamp.rewrite(self.home, latest)
        return latest

    def _flush_wal(self) -> None:
        # Copy the change into the main file and empty the WAL, so deleted or edited-away
        # text is not kept in the WAL's old page copies. Best effort: a reader holding an
        # old snapshot delays it (up to the busy timeout) and then it gives up quietly.
        with self.db.connection() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    # -- reading ----------------------------------------------------------------

    def entry(self, uid: str) -> Entry:
        """One check-in or activity by uid."""
        with self.db.read() as session:
            rows = repo.rows_by_uid(session, uid)
            if not rows:
                raise NotFoundError("That entry no longer exists; it may have been deleted.")
            row = rows[0]
            if isinstance(row, CheckInRow):
                return repo.checkin_from_row(row)
            return repo.activity_from_row(row)

    def day(self, day: date) -> DayEntries:
        """All entries of one local day."""
        with self.db.read() as session:
            return DayEntries(
                day, tuple(repo.checkins_on(session, day)), tuple(repo.activities_on(session, day))
            )

    def figures(self, first: date, last: date) -> list[DayFigures]:
        """Figures for every day from `first` to `last`, empty days included."""
        with self.db.read() as session:
            found = repo.daily_figures(session, first, last)
        days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
        return [found.get(day, DayFigures(day)) for day in days]

    def today_view(self) -> TodayView:
        """Today's entries and the last seven days' figures, in one snapshot."""
        today = self.today()
        first = today - timedelta(days=SPARK_DAYS - 1)
        with self.db.read() as session:
            entries = DayEntries(
                today,
                tuple(repo.checkins_on(session, today)),
                tuple(repo.activities_on(session, today)),
            )
            found = repo.daily_figures(session, first, today)
        week = tuple(
            found.get(first + timedelta(days=i), DayFigures(first + timedelta(days=i)))
            for i in range(SPARK_DAYS)
        )
        return TodayView(entries, week)

    def history(self, before: date | None = None, limit: int = 30) -> list[DayFigures]:
        """Days with entries, newest first, `limit` at a time (page on with the last day)."""
        with self.db.read() as session:
            days = repo.days_with_entries(session, before, limit)
            if not days:
                return []
            found = repo.daily_figures(session, days[-1], days[0])
            doses = trepo.dose_counts(session, days[-1], days[0])
        # a day with only a dose (issue 16) has no other figures: it is listed with its doses
        return [replace(found.get(day, DayFigures(day)), doses=doses.get(day, 0)) for day in days]

    def search(self, term: str, limit: int = 200) -> list[Entry]:
        """Entries whose note, tags, areas or activity name contain `term`, newest first."""
        term = term.strip()
        if not term:
            return []
        with self.db.read() as session:
            found: list[Entry] = [
                *repo.search_checkins(session, term, limit),
                *repo.search_activities(session, term, limit),
            ]
        found.sort(key=lambda entry: (entry.day, entry.at), reverse=True)
        return found[:limit]

    def activity_names(self, limit: int = 100) -> list[str]:
        """Earlier activity names, most recent first (for suggestions)."""
        with self.db.read() as session:
            return repo.recent_activity_names(session, limit)

    def used_areas(self, limit: int = 50) -> list[str]:
        """Pain areas used before, most used first."""
        with self.db.read() as session:
            return repo.used_labels(session, "areas", limit)

    def used_tags(self, limit: int = 50) -> list[str]:
        """Tags used before, most used first."""
        with self.db.read() as session:
            return repo.used_labels(session, "tags", limit)


def _check_date(session: Any, at: datetime, confirmed: bool, *, uid: str = "") -> None:
    """Refuse an unlikely date (`UnlikelyDateError`) unless the person confirmed it."""
    check_date(at, confirmed, lambda: rrepo.first_entry_day(session, other_than=uid))


def _known_labels(session: Session, draft: CheckInDraft, besides: str = "") -> CheckInDraft:
    """The draft with its areas and tags as the journal spells them (besides one check-in)."""
    if not draft.areas and not draft.tags:
        return draft
    return replace(
        draft,
        areas=names.known_labels(session, "areas", draft.areas, besides=besides),
        tags=names.known_labels(session, "tags", draft.tags, besides=besides),
    )


def _only(rows: Iterable[object], kind: type[RowT], uid: str) -> RowT:
    for row in rows:
        if isinstance(row, kind):
            return row
    raise NotFoundError("That entry no longer exists; it may have been deleted.")
