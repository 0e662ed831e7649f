"""The person's data out of paincoach: JSON (format version 3, re-importable) and CSV.

The JSON format is documented field by field in docs/export.md. It is the person's own
full copy, so notes and thought-record text are in it; the clinician report
(`paincoach.report.build`) is the one that leaves them out by default.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any

from paincoach import __version__
from paincoach.core import clock
from paincoach.core.when import format_moment

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from paincoach.db.engine import Database

FORMAT = "paincoach-export"
VERSION = 3
"""The format version written. 2 added `treatments` and `doses`, 3 `marked_events`; a file of
an older version (which has none of them) still imports."""

#: The fields of each section, in the order they are written.
FIELDS: dict[str, tuple[str, ...]] = {
    "checkins": ("uid", "at", "pain", "mood", "sleep", "areas", "tags", "note"),
    "activities": ("uid", "at", "name", "minutes", "effort", "paced", "note"),
    "thought_records": (
        "uid",
        "session_uid",
        "at",
        "situation",
        "emotions",
        "thoughts",
        "hot_thought",
        "belief",
        "traps",
        "evidence_for",
        "evidence_against",
        "balanced",
        "balanced_belief",
        "emotions_after",
    ),
    "exercise_sessions": (
        "uid",
        "exercise_id",
        "exercise_title",
        "kind",
        "started_at",
        "ended_at",
        "completed",
        "steps_done",
        "steps_total",
        "before",
        "after",
        "answers",
    ),
    "pacing_plans": (
        "uid",
        "activity",
        "unit",
        "measurements",
        "baseline",
        "percent",
        "start_day",
        "cap",
        "active",
    ),
    "pacing_changes": ("uid", "plan_uid", "kind", "value", "reason", "at"),
    "weekly_checks": ("uid", "at", "week_start", "pain", "enjoyment", "activity"),
    "goals": ("uid", "text", "session_uid", "day", "created_at", "done_at"),
    "course_events": ("uid", "course_id", "action", "week", "at"),
    "treatments": (
        "uid",
        "name",
        "kind",
        "dose",
        "how_often",
        "as_needed",
        "start_day",
        "stop_day",
        "stop_why",
        "stop_note",
    ),
    "doses": (
        "uid",
        "name",
        "dose",
        "at",
        "relief",
        "side_effects",
        "note",
        "rated_at",
        "asked",
    ),
    "marked_events": ("uid", "day", "title", "note"),
}
#: Columns stored as JSON text, exported as JSON values.
JSON_FIELDS = frozenset(
    {"areas", "tags", "emotions", "thoughts", "traps", "emotions_after", "measurements", "answers"}
)
#: Columns stored as 0/1, exported as true/false.
BOOL_FIELDS = frozenset({"paced", "completed", "active", "as_needed", "asked"})
#: Spreadsheets run a cell starting with one of these as a formula (see docs/export.md).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: How a person says each section, singular and plural.
NAMES: dict[str, tuple[str, str]] = {
    "checkins": ("check-in", "check-ins"),
    "activities": ("activity", "activities"),
    "thought_records": ("thought record", "thought records"),
    "exercise_sessions": ("exercise session", "exercise sessions"),
    "pacing_plans": ("pacing plan", "pacing plans"),
    "pacing_changes": ("pacing plan change", "pacing plan changes"),
    "weekly_checks": ("weekly check", "weekly checks"),
    "goals": ("goal", "goals"),
    "course_events": ("course step", "course steps"),
    "treatments": ("regular treatment", "regular treatments"),
    "doses": ("dose", "doses"),
    "marked_events": ("marked event", "marked events"),
}


def counted(section: str, count: int) -> str:
    """'1 check-in', '3 pacing plans'."""
    one, many = NAMES[section]
    return f"{count} {one if count == 1 else many}"


def sections() -> list[str]:
    """The record sections of an export, in order."""
    return list(FIELDS)


@dataclass(frozen=True)
class Scope:
    """Which records to export: all of them, or the dated ones from `since` to `until`."""

    since: date | None = None
    until: date | None = None


def record_from_row(section: str, row: dict[str, Any]) -> dict[str, Any]:
    """One exported record from a table row (JSON columns decoded, flags as booleans)."""
    record: dict[str, Any] = {}
    for name in FIELDS[section]:
        value = row[name]
        if name in JSON_FIELDS:
            value = json.loads(value)
        elif name in BOOL_FIELDS:
            value = bool(value)
        record[name] = value
    return record


def _records(conn: Connection, section: str, scope: Scope) -> Iterator[dict[str, Any]]:
    from paincoach.db import transfer

    for row in transfer.read_rows(conn, section, scope.since, scope.until):
        yield record_from_row(section, row)


def export_document(
    db: Database, scope: Scope | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """Every section and the person's own plans as one export document, from one snapshot."""
    from paincoach.transfer.own_plans import PLANS, export_plan

    scope = scope or Scope()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": format_moment(now or clock.now()),
        "app": f"paincoach {__version__}",
    }
    with db.connection() as conn:
        for section in sections():
            document[section] = list(_records(conn, section, scope))
        for plan in PLANS:
            document[plan.key] = export_plan(conn, plan)
    return document


def write_json(document: dict[str, Any], handle: IO[str]) -> None:
    """Write an export: one record per line, so it is readable and compares well in diffs."""
    handle.write("{\n")
    items = list(document.items())
    for position, (key, value) in enumerate(items):
        comma = "," if position < len(items) - 1 else ""
        handle.write(f"{_dump(key)}: ")
        if isinstance(value, list) and value:
            handle.write("[\n")
            handle.write(",\n".join(f"  {_dump(record)}" for record in value))
            handle.write(f"\n]{comma}\n")
        else:
            handle.write(f"{_dump(value)}{comma}\n")
    handle.write("}\n")


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# -- CSV ---------------------------------------------------------------------------------------


def csv_columns(section: str) -> list[str]:
    """A section's CSV header: its export fields, with the local `day` after the moment."""
    from paincoach.db.transfer import DATED

    columns = list(FIELDS[section])
    if section in DATED and "day" not in columns:
        moment = "started_at" if "started_at" in columns else "at"
        columns.insert(columns.index(moment) + 1, "day")
    return columns


def csv_cell(name: str, value: object) -> str:
    """One CSV cell: lists and objects as JSON text, flags as true/false, empty for none."""
    if value is None:
        return ""
    if name in JSON_FIELDS:
        return _dump(json.loads(value) if isinstance(value, str) else value)
    if name in BOOL_FIELDS or isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value  # a note starting with '=' must not run as a spreadsheet formula
    return str(value)


def write_csv(db: Database, section: str, handle: IO[str], scope: Scope | None = None) -> int:
    """Write one section as CSV with a header; returns the number of rows written."""
    from paincoach.db import transfer

    scope = scope or Scope()
    columns = csv_columns(section)
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    with db.connection() as conn:
        for row in transfer.read_rows(conn, section, scope.since, scope.until):
            writer.writerow([csv_cell(name, row[name]) for name in columns])
            count += 1
    return count
