"""Merging an export (JSON, format version 1 to 3) into the journal: all of it, or nothing.

The file is read a record at a time, so memory stays small however big it is. Each record
is checked and, in one `BEGIN IMMEDIATE` transaction and in batches, added when the
journal does not hold its `uid` yet (or skipped). The first problem (named by section,
index and field) stops the writing, and once the file is read it is raised and the
transaction rolled back: nothing is imported. While it runs, the import holds the import
lock, so other writers wait for it instead of failing (`paincoach.db.waiting`).
See docs/export.md and docs/decisions.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.core import clock
from paincoach.core.errors import TooNewDatabaseError
from paincoach.core.faults import pause_point
from paincoach.core.when import format_moment, local_day, parse_moment
from paincoach.db import checkin_days, names, transfer, waiting
from paincoach.records.names import name_key, unify
from paincoach.records.pacing import outside_safe_rate
from paincoach.transfer import import_events, import_sections, import_treatments
from paincoach.transfer.export import FORMAT, JSON_FIELDS, sections
from paincoach.transfer.import_records import (
    ImportRecordError,
    check_header,
    encoded,
    prepare_own_plan,
    prepare_record,
    read_parts,
)
from paincoach.transfer.json_stream import LIST, Part
from paincoach.transfer.own_plans import FLARE, PLANS, SAFETY, merge_plan

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from paincoach.db.engine import Database

__all__ = ["ImportRecordError", "ImportReport", "import_file"]

#: What each section holds (`import_treatments` has the sections that version 2 added, and
#: `import_events` the one of version 3).
SPECS = {**import_sections.SPECS, **import_treatments.SPECS, **import_events.SPECS}
#: Records written at a time: few enough to stay small, enough to make each insert cheap.
BATCH = 2000
#: The columns that hold names, by section, and the set of names each belongs to: activities
#: and pacing plans share one (a plan counts the activities of its name), and so do regular
#: treatments and doses (a dose of a regular treatment is spelled as it).
NAMED: dict[str, tuple[tuple[str, str], ...]] = {
    "checkins": (("areas", "areas"), ("tags", "tags")),
    "activities": (("name", "activities"),),
    "pacing_plans": (("activity", "activities"),),
    "treatments": (("name", "treatments"),),
    "doses": (("name", "treatments"),),
}


@dataclass
class ImportReport:
    """What an import did: records added and skipped (uid already there) per section."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)  # by key: "added" or "kept yours"
    plans_made_inactive: int = 0
    plans_outside_safe_rate: int = 0
    """Active plans the import touched whose weekly rise is outside 5-20%, kept as they were."""

    @property
    def flare_plan(self) -> str:
        """ "added", "kept yours" or "" when the file had no flare-up plan."""
        return self.plans.get(FLARE.key, "")

    @property
    def safety_plan(self) -> str:
        """ "added", "kept yours" or "" when the file had no safety plan."""
        return self.plans.get(SAFETY.key, "")

    @property
    def total_added(self) -> int:
        """Records added across all sections."""
        return sum(self.added.values())


@dataclass
class Checked:
    """What reading the file keeps: the sections it holds (in its order), the person's plans."""

    order: list[str] = field(default_factory=list)
    plans: dict[str, dict[str, Any]] = field(default_factory=dict)  # by key
    file: tuple[int, ...] = ()  # the file as it was when checked (see `_signature`)
    out_of_order: bool = False  # sections not in export order (or one given twice)


def import_file(db: Database, path: Path, now: datetime | None = None) -> ImportReport:
    """Read, check and merge an export file; nothing is written if any record is invalid."""
    stamp = format_moment(now or clock.now())
    try:
        if db.read_only:
            _Reading(path, stamp).run()  # a bad file is said first, as it always was
            raise TooNewDatabaseError(db.read_only_reason)
        try:
            with waiting.importing(db.path.parent, db.on_import_wait):
                report = _import(db, path, stamp)
            checkin_days.restamp(db.path.parent)  # imported check-ins may be newer
            return report
        except OverflowError:  # a number a check let through that SQLite cannot hold
            raise ImportRecordError(
                "file", None, "", "A number in the file is too large for the journal to hold."
            ) from None
    except ImportRecordError as exc:
        raise exc.in_file(str(path)) from None


class _OutOfOrderError(Exception):
    """The file's sections are not in export order: written again, a section at a time."""

    def __init__(self, checked: Checked) -> None:
        super().__init__("sections out of order")
        self.checked = checked


def _import(db: Database, path: Path, stamp: str) -> ImportReport:
    """Check and write in one pass, in one transaction; any problem rolls all of it back.

    A file with its sections out of export order (only a hand-made one) is then written
    once more, a section at a time, so that names are spelled as they always were
    (activities before the plans that name them).
    """
    try:
        with db.connection(write=True) as conn:
            pause_point("import-writing")
            report = ImportReport()
            writer = _Writer(conn, report, stamp)
            checked = _Reading(path, stamp, writer).run()
            if checked.out_of_order:
                raise _OutOfOrderError(checked)
            _finish(conn, writer, checked)
            return report
    except _OutOfOrderError as found:  # (rolled back)
        checked = found.checked
    with db.connection(write=True) as conn:
        report = ImportReport()
        writer = _Writer(conn, report, stamp)
        for section in sections():
            if section in checked.order:
                writer.write(read_parts(path), section)
        if _signature(path) != checked.file:  # what was written is not what was checked
            raise ImportRecordError(
                "file",
                None,
                "",
                f"{path} changed while it was imported; try again once it is whole.",
            )
        _finish(conn, writer, checked)
        return report


def _finish(conn: Connection, writer: _Writer, checked: Checked) -> None:
    report = writer.report
    for own in PLANS:
        if own.key in checked.plans:
            report.plans[own.key] = merge_plan(conn, own, checked.plans[own.key])
    today = local_day(parse_moment(writer.stamp))
    rates = transfer.active_plan_rates(conn, sorted(writer.rated_plans), today)
    report.plans_outside_safe_rate = sum(outside_safe_rate(rate) for rate in rates.values())


def _signature(path: Path) -> tuple[int, ...]:
    """The file's identity, size and time of change: another file, or an edit, shows."""
    try:
        info = path.stat()
    except OSError:
        return ()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


class _Reading:
    """One pass over the file: every record checked, and written while nothing is wrong.

    Problems rank as they always have (as when the whole file was read first): the text
    itself, then the top level, then records by section (in export order) and index, then
    the person's plans. Only the first problem of each section is kept; once there is one,
    nothing more is written (the transaction is rolled back when it is raised).
    """

    def __init__(self, path: Path, stamp: str, writer: _Writer | None = None) -> None:
        self._path = path
        self._stamp = stamp
        self._writer = writer
        self._top: dict[str, Any] = {}  # every top-level key; whole values only for the header
        self._problems: dict[str, ImportRecordError] = {}
        self._checked = Checked(file=_signature(path))

    def run(self) -> Checked:
        """Read it all; raise the first problem, or say what the file holds."""
        for part in read_parts(self._path):
            self._take(part)
        if self._writer is not None and self._writing():
            self._writer.flush()
        check_header(self._top, str(self._path))
        for section in sections():
            if section in self._problems:
                raise self._problems[section]
        for own in PLANS:
            if self._top.get(own.key) is not None:
                self._checked.plans[own.key] = prepare_own_plan(own, self._top[own.key])
        return self._checked

    def _writing(self) -> bool:
        return not (self._problems or self._checked.out_of_order) and self._is_export()

    def _is_export(self) -> bool:  # (as far as is known yet)
        return self._top.get("format", FORMAT) == FORMAT

    def _take(self, part: Part) -> None:
        key = part.key
        if key is None:  # the file is not a JSON object
            check_header(part.value, str(self._path))
            return
        if part.item is None:
            self._top[key] = part.value
            if key in SPECS and part.value is LIST:
                self._section(key)
            elif key in SPECS and part.value is not None:
                message = f"'{key}' should be a list of records."
                self._problems.setdefault(key, ImportRecordError(key, None, "", message))
            return
        if key not in SPECS or key in self._problems or not self._is_export():
            return
        try:
            row = prepare_record(key, part.item, part.value, SPECS[key], self._stamp)
        except ImportRecordError as exc:
            self._problems[key] = exc
            return
        if self._writer is not None and self._writing():
            self._writer.take(key, row)

    def _section(self, key: str) -> None:
        order = self._checked.order
        if order and (key in order or sections().index(key) < sections().index(order[-1])):
            self._checked.out_of_order = True
        order.append(key)
        if self._writer is not None and self._writing():
            self._writer.start(key)


class _Writer:
    """Checked rows added in batches; uids already in the journal (or the file) skipped."""

    def __init__(self, conn: Connection, report: ImportReport, stamp: str) -> None:
        self._conn = conn
        self.report = report
        self.stamp = stamp
        self._spellings = _Spellings(conn)
        self._section = ""
        self._batch: list[dict[str, Any]] = []
        self.rated_plans: set[str] = set()
        """Plans added, or given a weekly rise, by this import (their rate is looked at last)."""

    def start(self, section: str) -> None:
        """A section's records follow."""
        self.flush()
        self._section = section
        self.report.added.setdefault(section, 0)
        self.report.skipped.setdefault(section, 0)

    def take(self, section: str, row: dict[str, Any]) -> None:
        """One checked row of the current section."""
        self._batch.append(row)
        if len(self._batch) >= BATCH:
            self.flush()

    def write(self, parts: Iterable[Part], wanted: str) -> None:
        """Check and add the records of one section among `parts` (the file read again)."""
        for part in parts:
            if part.key != wanted:
                continue
            if part.item is None:
                if part.value is LIST:
                    self.start(wanted)
                continue
            spec = SPECS[wanted]
            self.take(wanted, prepare_record(wanted, part.item, part.value, spec, self.stamp))
        self.flush()

    def flush(self) -> None:
        """Add the rows taken so far."""
        rows, section = self._batch, self._section
        self._batch = []
        if not rows:
            return
        fresh = _new_rows(self._conn, section, rows)
        self._spellings.apply(section, fresh)
        if section == "pacing_plans":
            self.report.plans_made_inactive += _settle_active_plans(self._conn, fresh)
            self.rated_plans.update(row["uid"] for row in fresh)
        elif section == "pacing_changes":
            self.rated_plans.update(row["plan_uid"] for row in fresh if row["kind"] == "percent")
        self.report.added[section] += transfer.insert_rows(self._conn, section, encoded(fresh))
        self.report.skipped[section] += len(rows) - len(fresh)


def _new_rows(conn: Connection, section: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose uid is neither in the journal nor earlier in the file.

    Earlier batches are in the journal already (inside this transaction), so the journal's
    own index finds a uid repeated anywhere in the file; nothing is kept between batches.
    """
    seen = transfer.existing_uids(conn, section, [row["uid"] for row in rows])
    fresh = []
    for row in rows:
        if row["uid"] not in seen:
            seen.add(row["uid"])
            fresh.append(row)
    return fresh


class _Spellings:
    """The journal's spelling of each name, then the file's for names new to the journal."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._known: dict[str, dict[str, str]] = {}

    def _of(self, kind: str) -> dict[str, str]:
        if kind not in self._known:  # read once, and only for sections the file holds
            if kind == "activities":
                self._known[kind] = names.activity_spellings(self._conn)
            elif kind == "treatments":
                self._known[kind] = transfer.treatment_spellings(self._conn)
            else:
                self._known[kind] = names.label_spellings(self._conn, kind)
        return self._known[kind]

    def apply(self, section: str, rows: list[dict[str, Any]]) -> None:
        """Spell each name in `rows` as the journal (or, if new, the file first) spells it."""
        for column, kind in NAMED.get(section, ()) if rows else ():
            known = self._of(kind)
            for row in rows:
                if column in JSON_FIELDS:
                    labels = row[column]
                    for label in labels:
                        known.setdefault(name_key(label), label)
                    row[column] = list(unify(labels, known))
                else:
                    row[column] = known.setdefault(name_key(row[column]), row[column])


def _settle_active_plans(conn: Connection, rows: list[dict[str, Any]]) -> int:
    """Keep one active plan per activity: an imported one meeting an active plan goes inactive."""
    active = transfer.active_plan_activities(conn)
    changed = 0
    for row in rows:
        if not row["active"]:
            continue
        key = name_key(str(row["activity"]))
        if key in active:
            row["active"] = False
            changed += 1
        active.add(key)
    return changed
