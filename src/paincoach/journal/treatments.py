"""Treatments: the regular list (started, stopped and why) and the doses taken.

Names are matched by `records.names.name_key`, as activities are: "Ibuprofen" and
"ibuprofen" are one treatment, kept in the spelling the journal first used. Dose and
how-often texts are the person's own words. Nothing here suggests a dose, a change or a
limit; the one sentence that says so is `records.treatments.NO_ADVICE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import text

from paincoach.core import clock
from paincoach.core.errors import InputError, NotFoundError
from paincoach.core.uids import new_uid
from paincoach.core.when import format_moment, in_years, local_day
from paincoach.db import names
from paincoach.db import treatment_repository as trepo
from paincoach.db.engine import Database
from paincoach.db.models import TreatmentRow
from paincoach.db.practice_repository import get_setting
from paincoach.db.repository import put_settings, search_doses
from paincoach.journal.service import _check_date
from paincoach.records.entries import check_rating
from paincoach.records.names import name_key
from paincoach.records.treatments import (
    ASK_AFTER_HOURS,
    KINDS,
    STOP_REASONS,
    Dose,
    MeanRelief,
    Treatment,
    TreatmentKind,
    check_dose,
    check_long,
    check_treatment_name,
    check_words,
    in_order,
    spoken_day,
)

FREQUENT_DAYS = 90
"""`frequent_names` counts the doses of this many days, today included."""
QUICK_MOST = 9
"""The dose dialog lists at most this many names, one digit each (`quick_names`)."""
NO_ADVICE_KEY = "no_advice_said"
"""The settings key holding the day paincoach first said it gives no medicine advice."""
DOSE_GONE = "That dose is no longer in the journal; it may have been deleted already."


class Treatments:
    """The regular treatments and the doses taken, as plain records."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = clock.now) -> None:
        self.db = db
        self._clock = clock

    def today(self) -> date:
        """Today's local date by this service's clock."""
        return local_day(self._clock())

    # -- the regular list ------------------------------------------------------------------------

    def regular(self, active_only: bool = True) -> list[Treatment]:
        """The regular treatments: the ones still used by name, then the stopped, newest first."""
        with self.db.read() as session:
            found = [
                trepo.treatment_from_row(row)
                for row in trepo.treatment_rows(session, active_only=active_only)
            ]
        return in_order(found)

    def start(
        self,
        name: str,
        *,
        kind: TreatmentKind = "medicine",
        dose: str = "",
        how_often: str = "",
        as_needed: bool = False,
        day: date | None = None,
    ) -> Treatment:
        """Add a regular treatment from `day` (today when None); InputError if one of that
        name is in use already, or a value cannot be kept."""
        name = check_treatment_name(name)
        if kind not in KINDS:
            raise InputError("kind", "A treatment is a medicine or another kind of treatment.")
        dose = check_words(dose, "dose", "dose")
        how_often = check_words(how_often, "how_often", "how often")
        start = self._past_day(day, "start")
        stamp = format_moment(self._clock())
        with self.db.write() as session:
            rows = trepo.treatment_rows(session, active_only=True)
            if _named(rows, name) is not None:
                raise InputError(
                    "name",
                    f'You already have "{name}" in your regular treatments. To change it, '
                    "stop it first and start it again.",
                )
            row = TreatmentRow(
                uid=new_uid(),
                name=names.treatment_spelling(session, name) or name,
                kind=kind,
                dose=dose,
                how_often=how_often,
                as_needed=as_needed,
                start_day=start.isoformat(),
                created_at=stamp,
                updated_at=stamp,
            )
            session.add(row)
            session.flush()
            return trepo.treatment_from_row(row)

    def stop(self, name: str, *, why: str, note: str = "", day: date | None = None) -> Treatment:
        """Stop the regular treatment of that name on `day` (today when None), and say why.

        NotFoundError (listing the ones in use) when none of that name is in use; InputError
        for a reason that is not one of STOP_REASONS or a day before it started.
        """
        if why not in STOP_REASONS:
            reasons = ", ".join(STOP_REASONS.values())
            raise InputError("why", f"Say why it stopped: one of {reasons}.")
        note = check_long(note, "note", "note")
        stop = self._past_day(day, "stop")
        with self.db.write() as session:
            rows = trepo.treatment_rows(session, active_only=True)
            row = _named(rows, name)
            if row is None:
                raise NotFoundError(_not_in_use(name, rows))
            if stop.isoformat() < row.start_day:
                started = spoken_day(date.fromisoformat(row.start_day))
                raise InputError(
                    "day", f"{row.name} started on {started}; it cannot stop before that."
                )
            # An import can bring a second one of the same name in use (another uid): the
            # person means the treatment, so every one of that name in use stops.
            same = [r for r in rows if name_key(r.name) == name_key(row.name)]
            for each in same:
                each.stop_day, each.stop_why, each.stop_note = stop.isoformat(), why, note
                each.stop_day = max(each.stop_day, each.start_day)
                each.updated_at = format_moment(self._clock())
                session.add(each)
            session.flush()
            return trepo.treatment_from_row(row)

    def _past_day(self, day: date | None, field: str) -> date:
        today = self.today()
        if day is None:
            return today
        in_years(day, field, day.isoformat())
        if day > today:
            raise InputError(
                field, f"{spoken_day(day)} is still to come; give today or a day before."
            )
        return day

    # -- doses -----------------------------------------------------------------------------------

    def took(
        self,
        name: str,
        *,
        dose: str = "",
        at: datetime | None = None,
        relief: int | None = None,
        side_effects: str = "",
        note: str = "",
        confirmed: bool = False,
    ) -> Dose:
        """Keep a dose taken (or a treatment used) at `at` (now when None).

        The name is spelled as the regular treatment of that name, or as earlier doses, when
        there is one. An unlikely date raises `UnlikelyDateError` unless `confirmed`, as for
        check-ins; a moment still to come, a relief outside 0-10 or a NUL: InputError.
        """
        now = self._clock()
        moment = now if at is None else at
        name, dose, side_effects, note, rated = check_dose(
            now, name, dose, moment, relief, side_effects, note
        )
        with self.db.write() as session:
            _check_date(session, moment, confirmed)
            taken = Dose(
                uid=new_uid(),
                name=names.treatment_spelling(session, name) or name,
                dose=dose,
                at=moment,
                day=local_day(moment),
                relief=rated,
                side_effects=side_effects,
                note=note,
                rated_at=now if rated is not None else None,
            )
            trepo.add_dose(session, taken, stamp=format_moment(now))
        return taken

    def rate(self, uid: str, relief: int, side_effects: str = "") -> Dose:
        """Say how much a dose helped (0-10), and any side effects; NotFoundError if gone."""
        rated = check_rating(relief, "relief", required=True)
        side_effects = check_long(side_effects, "side_effects", "side effects")
        with self.db.write() as session:
            row = trepo.dose_row(session, uid)
            if row is None:
                raise NotFoundError(DOSE_GONE)
            row.relief, row.side_effects = rated, side_effects
            row.rated_at = format_moment(self._clock())
            session.add(row)
            session.flush()
            return trepo.dose_from_row(row)

    def update_dose(
        self,
        uid: str,
        *,
        name: str,
        dose: str = "",
        at: datetime,
        relief: int | None = None,
        side_effects: str = "",
        note: str = "",
        confirmed: bool = False,
    ) -> Dose:
        """Correct a dose kept (every field; its uid stays), checked as `took` checks a new
        one; NotFoundError if it is gone. A relief given or changed is dated now."""
        now = self._clock()
        name, dose, side_effects, note, rated = check_dose(
            now, name, dose, at, relief, side_effects, note
        )
        with self.db.write() as session:
            _check_date(session, at, confirmed, uid=uid)
            row = trepo.dose_row(session, uid)
            if row is None:
                raise NotFoundError(DOSE_GONE)
            if rated != row.relief:
                row.rated_at = format_moment(now) if rated is not None else None
            row.name = names.treatment_spelling(session, name, besides=uid) or name
            row.dose, row.at, row.day = dose, format_moment(at), local_day(at).isoformat()
            row.relief, row.side_effects, row.note = rated, side_effects, note
            session.add(row)
            session.flush()
            saved = trepo.dose_from_row(row)
        self._flush_wal()  # the words edited away are deleted words too
        return saved

    def delete_dose(self, uid: str) -> Dose:
        """Delete a dose for good (its words do not linger in the file); NotFoundError if
        it is gone already. Returns what was deleted, to say so."""
        with self.db.write() as session:
            row = trepo.dose_row(session, uid)
            if row is None:
                raise NotFoundError(DOSE_GONE)
            gone = trepo.dose_from_row(row)
            session.delete(row)
        self._flush_wal()
        return gone

    def newest_logged_today(self) -> Dose | None:
        """The dose saved last, if it was saved today (what `took --undo` takes back)."""
        with self.db.read() as session:
            row = trepo.newest_dose_row(session)
        if row is None or local_day(datetime.fromisoformat(row.created_at)) != self.today():
            return None
        return trepo.dose_from_row(row)

    def _flush_wal(self) -> None:
        # As the journal's deletes do: no deleted or edited-away words in the WAL's pages.
        with self.db.connection() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def mark_asked(self, uid: str) -> None:
        """Remember that the person was asked about this dose (a dose gone since: nothing)."""
        with self.db.write() as session:
            row = trepo.dose_row(session, uid)
            if row is not None:
                row.asked = True
                session.add(row)

    def doses_on(self, day: date) -> list[Dose]:
        """The doses of one local day, oldest first."""
        with self.db.read() as session:
            return trepo.doses_between(session, day, day)

    def search(self, term: str, limit: int = 200) -> list[Dose]:
        """Doses whose name or note contains `term`, newest first (History's search)."""
        term = term.strip()
        if not term:
            return []
        with self.db.read() as session:
            return search_doses(session, term, limit)

    def due_rating(self) -> Dose | None:
        """The newest dose taken 1-4 hours ago with no relief given and not asked about yet."""
        now = self._clock()
        soonest, latest = (now - timedelta(hours=h) for h in ASK_AFTER_HOURS)
        # A day either side: a dose's day is the day where it was taken (its own offset).
        first, last = local_day(latest) - timedelta(days=1), local_day(now) + timedelta(days=1)
        with self.db.read() as session:
            doses = trepo.doses_between(session, first, last)
        due = [
            dose
            for dose in doses
            if latest <= dose.at <= soonest and dose.relief is None and not dose.asked
        ]
        return max(due, key=lambda dose: dose.at, default=None)

    def frequent_names(self, limit: int = 5) -> list[str]:
        """The names used most in the last 90 days, most used first (then the newest)."""
        today = self.today()
        with self.db.read() as session:
            counts = trepo.name_counts(session, today - timedelta(days=FREQUENT_DAYS - 1), today)
        merged: dict[str, tuple[str, int, datetime]] = {}
        for name, count, newest in counts:
            key, moment = name_key(name), datetime.fromisoformat(newest)
            spelled, total, latest = merged.get(key, (name, 0, moment))
            merged[key] = (spelled, total + count, max(latest, moment))
        ranked = sorted(merged.values(), key=lambda item: (-item[1], -item[2].timestamp()))
        return [name for name, _count, _newest in ranked[:limit]]

    def quick_names(self, most: int = QUICK_MOST) -> list[str]:
        """The dose dialog's numbered list: the frequent names, then the regular treatments
        in use not among them (by name), so one started is two keys away before its first dose."""
        names = self.frequent_names()
        keys = {name_key(name) for name in names}
        regular = [t.name for t in self.regular(active_only=True) if name_key(t.name) not in keys]
        return [*names, *regular][:most]

    def usual_doses(self, names: Sequence[str]) -> dict[str, str]:
        """The dose text last written for each name (by `name_key`) in the last 90 days, else
        its regular treatment's dose, else "": what `m` then a digit logs. One bounded read."""
        today = self.today()
        with self.db.read() as session:
            doses = trepo.doses_between(session, today - timedelta(days=FREQUENT_DAYS - 1), today)
            rows = trepo.treatment_rows(session, active_only=True)
        wanted = {name_key(name) for name in names}
        found: dict[str, str] = {}
        for dose in sorted(doses, key=lambda d: d.at, reverse=True):
            found.setdefault(name_key(dose.name), dose.dose)
        for row in rows:
            found.setdefault(name_key(row.name), row.dose)
        return {key: found.get(key, "") for key in wanted}

    def as_needed_days(self, first: date, last: date) -> list[date]:
        """The days with a dose of something as-needed, or of something not taken regularly
        then (not in the regular list, or outside its start and stop days)."""
        with self.db.read() as session:
            doses = trepo.doses_between(session, first, last)
            regular = [
                trepo.treatment_from_row(row)
                for row in trepo.treatment_rows(session, active_only=False)
            ]
        scheduled: dict[str, list[Treatment]] = {}
        for treatment in regular:
            if not treatment.as_needed:
                scheduled.setdefault(name_key(treatment.name), []).append(treatment)
        days = {
            dose.day
            for dose in doses
            if not any(t.used_on(dose.day) for t in scheduled.get(name_key(dose.name), ()))
        }
        return sorted(days)

    def mean_relief(self, first: date, last: date) -> list[MeanRelief]:
        """Per name, the mean relief of its rated doses from `first` to `last`, and how many."""
        with self.db.read() as session:
            doses = trepo.doses_between(session, first, last)
        found: dict[str, tuple[str, list[int]]] = {}
        for dose in doses:
            if dose.relief is not None:
                found.setdefault(name_key(dose.name), (dose.name, []))[1].append(dose.relief)
        return [
            MeanRelief(name, sum(reliefs) / len(reliefs), len(reliefs))
            for _key, (name, reliefs) in sorted(found.items())
        ]

    # -- saying once that paincoach gives no advice -------------------------------------------

    def no_advice_once(self) -> bool:
        """Whether to say `NO_ADVICE` now: True the first time ever, and then never again."""
        with self.db.write() as session:
            if get_setting(session, NO_ADVICE_KEY) is not None:
                return False
            put_settings(session, {NO_ADVICE_KEY: self.today().isoformat()})
        return True


def _named(rows: Sequence[TreatmentRow], name: str) -> TreatmentRow | None:
    key = name_key(name)
    return next((row for row in rows if name_key(row.name) == key), None)


def _not_in_use(name: str, rows: Sequence[TreatmentRow]) -> str:
    asked = f'"{" ".join(name.split())}" is not one of the regular treatments you use now.'
    if not rows:
        return f"{asked} You have none in use."
    listed = ", ".join(sorted((row.name for row in rows), key=name_key))
    return f"{asked} The ones in use are: {listed}."
