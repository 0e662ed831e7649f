"""Merging an export (JSON, format version 1) into the journal: all of it, or nothing.

Every record is checked before anything is written; the first problem stops the import
with its section, index and field. Then one `BEGIN IMMEDIATE` transaction adds the records
whose `uid` the journal does not hold yet and skips the others. See docs/export.md.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.core import clock
from paincoach.core.errors import InputError, TooNewDatabaseError
from paincoach.core.textsafe import echo
from paincoach.core.when import format_moment
from paincoach.db import names, transfer
from paincoach.records.names import name_key, unify
from paincoach.transfer.export import FORMAT, JSON_FIELDS, VERSION, sections
from paincoach.transfer.import_sections import SPECS, SectionSpec
from paincoach.transfer.own_plans import FLARE, PLANS, SAFETY, merge_plan, prepare_plan

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from paincoach.db.engine import Database

TOP_KEYS = frozenset(
    {"format", "version", "exported_at", "app", *(plan.key for plan in PLANS), *sections()}
)
#: The columns that hold names, by section, and the set of names each belongs to: activities
#: and pacing plans share one (a plan counts the activities of its name).
NAMED: dict[str, tuple[tuple[str, str], ...]] = {
    "checkins": (("areas", "areas"), ("tags", "tags")),
    "activities": (("name", "activities"),),
    "pacing_plans": (("activity", "activities"),),
}


class ImportRecordError(InputError):
    """A file or record that cannot be imported; says where (section, index, field)."""

    def __init__(
        self, section: str, index: int | None, field_name: str, message: str, source: str = ""
    ) -> None:
        where = section if index is None else f"{section}[{index}] (record {index + 1})"
        if field_name:
            where += f", field '{field_name}'"
        if source and source not in message:  # name the file, once
            where = f"{source}{where[4:]}" if section == "file" else f"{source}: {where}"
        super().__init__(field_name, f"{where}: {message} Nothing was imported.")
        self.section = section
        self.index = index
        self.detail = message

    def in_file(self, source: str) -> ImportRecordError:
        """The same problem, with the name of the file it is in."""
        return ImportRecordError(self.section, self.index, self.field, self.detail, source)


@dataclass
class Prepared:
    """Checked rows ready to insert, by section, and the person's plans the file has, by key."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    plans: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class ImportReport:
    """What an import did: records added and skipped (uid already there) per section."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)  # by key: "added" or "kept yours"
    plans_made_inactive: int = 0

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


# -- reading the file --------------------------------------------------------------------------


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"the key '{echo(key)}' appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_document(data: bytes, source: str = "the file") -> dict[str, Any]:
    """The export document in `data`, with its header checked (records are checked later)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRecordError("file", None, "", f"{source} is not UTF-8 text.") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_repeats, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ImportRecordError(
            "file", None, "", f"{source} is not valid JSON (line {exc.lineno}: {exc.msg})."
        ) from None
    except RecursionError:
        raise ImportRecordError(
            "file", None, "", f"{source} is nested too deeply to be a paincoach export."
        ) from None
    except ValueError as exc:
        raise ImportRecordError("file", None, "", f"{source} cannot be read: {exc}.") from None
    _check_header(document, source)
    return document


def _check_header(document: object, source: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRecordError(
            "file", None, "format", f"{source} is not a paincoach export (format '{FORMAT}')."
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportRecordError("file", None, "version", "The export has no version number.")
    if version > VERSION:
        raise ImportRecordError(
            "file",
            None,
            "version",
            f"This export is format version {version}, made by a newer paincoach; this one "
            f"reads version {VERSION}. Update paincoach to import it.",
        )
    if version < 1:
        raise ImportRecordError("file", None, "version", f"Format version {version} is not known.")
    unknown = sorted(set(document) - TOP_KEYS)
    if unknown:
        raise ImportRecordError(
            "file",
            None,
            echo(unknown[0]),
            f"'{echo(unknown[0])}' is not a part of a paincoach export.",
        )


def read_file(path: Path) -> dict[str, Any]:
    """Read and parse an export file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("file", f"Cannot read {path}: {exc.strerror or exc}.") from None
    return parse_document(data, str(path))


# -- checking records --------------------------------------------------------------------------


def prepare(document: dict[str, Any], now: datetime | None = None) -> Prepared:
    """Check every record and turn it into table columns; the first problem raises."""
    stamp = format_moment(now or clock.now())
    prepared = Prepared()
    for section in sections():
        records = document.get(section)
        if records is None:
            continue
        if not isinstance(records, list):
            raise ImportRecordError(section, None, "", f"'{section}' should be a list of records.")
        spec = SPECS[section]
        prepared.rows[section] = [
            _prepare_record(section, index, record, spec, stamp)
            for index, record in enumerate(records)
        ]
    for own in PLANS:
        plan = document.get(own.key)
        if plan is None:
            continue
        try:
            prepared.plans[own.key] = prepare_plan(own, plan)
        except InputError as exc:
            raise ImportRecordError(own.key, None, exc.field, exc.message) from None
    return prepared


def _prepare_record(
    section: str, index: int, record: object, spec: SectionSpec, stamp: str
) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise ImportRecordError(section, index, "", "Each record should be an object ({...}).")
    unknown = [key for key in record if key not in spec.checks]
    if unknown:
        known = ", ".join(spec.checks)
        raise ImportRecordError(
            section,
            index,
            echo(unknown[0]),
            f"'{echo(unknown[0])}' is not a field of {section} ({known}).",
        )
    values: dict[str, Any] = {}
    try:
        for name in spec.required:
            if record.get(name) is None:
                raise InputError(name, f"'{name}' is required here.")
        for name, value in record.items():
            if value is not None:
                values[name] = spec.checks[name](value, name)
        values.setdefault("uid", str(uuid.uuid4()))
        row = spec.finish(values, stamp)
        return {
            k: json.dumps(v, ensure_ascii=False) if k in JSON_FIELDS else v for k, v in row.items()
        }
    except InputError as exc:
        raise ImportRecordError(section, index, exc.field, exc.message) from None
    except RecursionError:  # answers nested deeper than they can be written back
        raise ImportRecordError(section, index, "", "It is nested too deeply.") from None


# -- writing -----------------------------------------------------------------------------------


def apply(db: Database, prepared: Prepared) -> ImportReport:
    """Add the prepared records in one write transaction; records already there are skipped."""
    if db.read_only:
        raise TooNewDatabaseError(db.read_only_reason)
    try:
        return _apply(db, prepared)
    except OverflowError:  # a number a check let through that SQLite cannot hold
        raise ImportRecordError(
            "file", None, "", "A number in the file is too large for the journal to hold."
        ) from None


def _apply(db: Database, prepared: Prepared) -> ImportReport:
    report = ImportReport()
    with db.connection(write=True) as conn:
        spellings = _Spellings(conn)
        for section, rows in prepared.rows.items():
            fresh = _new_rows(conn, section, rows)
            spellings.apply(section, fresh)
            if section == "pacing_plans":
                report.plans_made_inactive = _settle_active_plans(conn, fresh)
            report.added[section] = transfer.insert_rows(conn, section, fresh)
            report.skipped[section] = len(rows) - len(fresh)
        for own in PLANS:
            if own.key in prepared.plans:
                report.plans[own.key] = merge_plan(conn, own, prepared.plans[own.key])
    return report


def _new_rows(conn: Connection, section: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose uid is neither in the journal nor earlier in the file."""
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


def import_file(db: Database, path: Path, now: datetime | None = None) -> ImportReport:
    """Read, check and merge an export file; nothing is written if any record is invalid."""
    try:
        return apply(db, prepare(read_file(path), now))
    except ImportRecordError as exc:
        raise exc.in_file(str(path)) from None
