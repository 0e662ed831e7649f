"""Merging an export (JSON, format version 1) into the journal: all of it, or nothing.

The file is read twice, a record at a time, so memory stays small however big it is. The
first pass checks every record and keeps nothing but the first problem of each section
(the first problem stops the import with its section, index and field). The second adds,
in one `BEGIN IMMEDIATE` transaction and in batches, the records whose `uid` the journal
does not hold yet, and skips the others. While it writes it holds the import lock, so
other writers wait for it instead of failing (`paincoach.db.waiting`). See docs/export.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.core import clock
from paincoach.core.errors import TooNewDatabaseError
from paincoach.core.faults import pause_point
from paincoach.core.when import format_moment
from paincoach.db import names, transfer, waiting
from paincoach.records.names import name_key, unify
from paincoach.transfer.export import FLARE_PLAN, FORMAT, JSON_FIELDS, sections
from paincoach.transfer.import_records import (
    FLARE_LISTS,
    ImportRecordError,
    check_header,
    prepare_flare_plan,
    prepare_record,
    read_parts,
)
from paincoach.transfer.import_sections import SPECS
from paincoach.transfer.json_stream import LIST, Part

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from paincoach.db.engine import Database

__all__ = ["ImportRecordError", "ImportReport", "import_file"]

#: Records written at a time: few enough to stay small, enough to make each insert cheap.
BATCH = 2000
#: The columns that hold names, by section, and the set of names each belongs to: activities
#: and pacing plans share one (a plan counts the activities of its name).
NAMED: dict[str, tuple[tuple[str, str], ...]] = {
    "checkins": (("areas", "areas"), ("tags", "tags")),
    "activities": (("name", "activities"),),
    "pacing_plans": (("activity", "activities"),),
}


@dataclass
class ImportReport:
    """What an import did: records added and skipped (uid already there) per section."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    flare_plan: str = ""  # "added", "kept yours" or "" when the file had none
    plans_made_inactive: int = 0

    @property
    def total_added(self) -> int:
        """Records added across all sections."""
        return sum(self.added.values())


@dataclass
class Checked:
    """What the checking pass keeps: the sections the file holds (in its order), the plan."""

    order: list[str] = field(default_factory=list)
    flare_plan: dict[str, Any] | None = None
    file: tuple[int, ...] = ()  # the file as it was when checked (see `_signature`)


def import_file(db: Database, path: Path, now: datetime | None = None) -> ImportReport:
    """Read, check and merge an export file; nothing is written if any record is invalid."""
    stamp = format_moment(now or clock.now())
    try:
        checked = check_file(path, stamp)
        if db.read_only:
            raise TooNewDatabaseError(db.read_only_reason)
        try:
            return _write(db, path, checked, stamp)
        except OverflowError:  # a number a check let through that SQLite cannot hold
            raise ImportRecordError(
                "file", None, "", "A number in the file is too large for the journal to hold."
            ) from None
    except ImportRecordError as exc:
        raise exc.in_file(str(path)) from None


# -- the checking pass -------------------------------------------------------------------------


def check_file(path: Path, stamp: str) -> Checked:
    """Check the whole file, a record at a time; raise its first problem, as a whole read would.

    Problems rank as they always have: the text itself, then the top level, then records
    by section (in export order) and index, then the flare-up plan.
    """
    source = str(path)
    top: dict[str, Any] = {}  # every top-level key; whole values only for the header
    checked = Checked(file=_signature(path))
    problems: dict[str, ImportRecordError] = {}
    for part in read_parts(path):
        key = part.key
        if key is None:  # the file is not a JSON object
            check_header(part.value, source)
            continue
        if part.index is None:
            top[key] = part.value
            if key in SPECS and part.value is LIST:
                checked.order.append(key)
            elif key in SPECS and part.value is not None:
                message = f"'{key}' should be a list of records."
                problems.setdefault(key, ImportRecordError(key, None, "", message))
        elif key in SPECS and key not in problems and top.get("format", FORMAT) == FORMAT:
            try:
                prepare_record(key, part.index, part.value, SPECS[key], stamp)
            except ImportRecordError as exc:
                problems[key] = exc
    check_header(top, source)
    for section in sections():
        if section in problems:
            raise problems[section]
    if top.get(FLARE_PLAN) is not None:
        checked.flare_plan = prepare_flare_plan(top[FLARE_PLAN])
    return checked


def _signature(path: Path) -> tuple[int, ...]:
    """The file's identity, size and time of change: another file, or an edit, shows."""
    try:
        info = path.stat()
    except OSError:
        return ()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


# -- the writing pass --------------------------------------------------------------------------


def _write(db: Database, path: Path, checked: Checked, stamp: str) -> ImportReport:
    """Add the file's records in one transaction, holding the import lock meanwhile."""
    report = ImportReport()
    order = checked.order
    in_order = order == sorted(set(order), key=sections().index)
    # A file with its sections out of export order is read once per section, so that
    # names are spelled as they always were (activities before plans).
    runs = [set(order)] if in_order else [{s} for s in sections() if s in order]
    with waiting.importing(db.path.parent, db.on_import_wait), db.connection(write=True) as conn:
        pause_point("import-writing")
        writer = _Writer(conn, report, stamp)
        for run in runs:
            writer.write(read_parts(path), run)
        if _signature(path) != checked.file:  # what was written is not what was checked
            raise ImportRecordError(
                "file",
                None,
                "",
                f"{path} changed while it was imported; try again once it is whole.",
            )
        if checked.flare_plan is not None:
            report.flare_plan = _merge_flare_plan(conn, checked.flare_plan)
    return report


class _Writer:
    """Records checked again as they are read (the file may have changed), added in batches."""

    def __init__(self, conn: Connection, report: ImportReport, stamp: str) -> None:
        self._conn = conn
        self._report = report
        self._stamp = stamp
        self._spellings = _Spellings(conn)

    def write(self, parts: Iterable[Part], wanted: set[str]) -> None:
        """Add the records of the `wanted` sections among `parts`."""
        batch: list[dict[str, Any]] = []
        section = ""
        for part in parts:
            if part.key not in wanted:
                continue
            if part.index is None:
                if part.value is LIST:
                    self._add(section, batch)
                    batch, section = [], part.key
                    self._report.added.setdefault(section, 0)
                    self._report.skipped.setdefault(section, 0)
                continue
            batch.append(
                prepare_record(section, part.index, part.value, SPECS[section], self._stamp)
            )
            if len(batch) >= BATCH:
                self._add(section, batch)
                batch = []
        self._add(section, batch)

    def _add(self, section: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        fresh = _new_rows(self._conn, section, rows)
        self._spellings.apply(section, fresh)
        if section == "pacing_plans":
            self._report.plans_made_inactive += _settle_active_plans(self._conn, fresh)
        self._report.added[section] += transfer.insert_rows(self._conn, section, fresh)
        self._report.skipped[section] += len(rows) - len(fresh)


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
            self._known[kind] = (
                names.activity_spellings(self._conn)
                if kind == "activities"
                else names.label_spellings(self._conn, kind)
            )
        return self._known[kind]

    def apply(self, section: str, rows: list[dict[str, Any]]) -> None:
        """Spell each name in `rows` as the journal (or, if new, the file first) spells it."""
        for column, kind in NAMED.get(section, ()) if rows else ():
            known = self._of(kind)
            for row in rows:
                if column in JSON_FIELDS:
                    labels = json.loads(row[column])
                    for label in labels:
                        known.setdefault(name_key(label), label)
                    row[column] = json.dumps(list(unify(labels, known)), ensure_ascii=False)
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


def _merge_flare_plan(conn: Connection, plan: dict[str, Any]) -> str:
    stored = transfer.get_setting(conn, FLARE_PLAN)
    if isinstance(stored, dict) and any(stored.get(key) for key in (*FLARE_LISTS, "tell")):
        return "kept yours"
    transfer.put_setting(conn, FLARE_PLAN, plan)
    return "added"
