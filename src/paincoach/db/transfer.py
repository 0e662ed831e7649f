"""Reading whole tables out and merging records in, for export, import and CSV.

Rows travel as plain dicts keyed by column name; `paincoach.transfer.export` and
`paincoach.transfer.importer` turn them into the export format and back. Reads stream in `day`
order from one snapshot; writes are bulk inserts inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from paincoach.db.models import (
    ActivityRow,
    CheckInRow,
    CourseEventRow,
    DoseRow,
    ExerciseSessionRow,
    GoalRow,
    MarkedEventRow,
    PacingChangeRow,
    PacingPlanRow,
    SettingRow,
    ThoughtRecordRow,
    TreatmentRow,
    WeeklyCheckRow,
)
from paincoach.records.names import name_key

#: Each export section and its table (in the order sections appear in an export).
TABLES: dict[str, Table] = {
    "checkins": CheckInRow.__table__,  # type: ignore[attr-defined]
    "activities": ActivityRow.__table__,  # type: ignore[attr-defined]
    "thought_records": ThoughtRecordRow.__table__,  # type: ignore[attr-defined]
    "exercise_sessions": ExerciseSessionRow.__table__,  # type: ignore[attr-defined]
    "pacing_plans": PacingPlanRow.__table__,  # type: ignore[attr-defined]
    "pacing_changes": PacingChangeRow.__table__,  # type: ignore[attr-defined]
    "weekly_checks": WeeklyCheckRow.__table__,  # type: ignore[attr-defined]
    "goals": GoalRow.__table__,  # type: ignore[attr-defined]
    "course_events": CourseEventRow.__table__,  # type: ignore[attr-defined]
    "treatments": TreatmentRow.__table__,  # type: ignore[attr-defined]
    "doses": DoseRow.__table__,  # type: ignore[attr-defined]
    "marked_events": MarkedEventRow.__table__,  # type: ignore[attr-defined]
}

#: The column that orders a table's rows in time (and, for dated tables, the local day).
_ORDER: dict[str, tuple[str, ...]] = {
    "checkins": ("day", "at"),
    "activities": ("day", "at"),
    "thought_records": ("day", "at"),
    "exercise_sessions": ("day", "started_at"),
    "pacing_plans": ("start_day", "created_at"),
    "pacing_changes": ("day", "at"),
    "weekly_checks": ("day", "at"),
    "goals": ("day", "created_at"),
    "course_events": ("day", "at"),
    "treatments": ("start_day", "created_at"),
    "doses": ("day", "at"),
    "marked_events": ("day", "created_at"),
}

#: Tables whose rows belong to a local day (filtered by --since/--until); plans are not, but
#: the changes made to them are (each on the day it was made). Regular treatments are not
#: either (a list kept for years); the doses taken are, each on the day lived, and so are the
#: person's marked events.
DATED = frozenset(
    {
        "checkins",
        "activities",
        "thought_records",
        "exercise_sessions",
        "pacing_changes",
        "weekly_checks",
        "goals",
        "course_events",
        "doses",
        "marked_events",
    }
)

_CHUNK = 500  # uids per `IN (...)` lookup, well under SQLite's variable limit


def sections() -> list[str]:
    """Export sections backed by a table, in export order."""
    return list(TABLES)


def read_rows(
    conn: Connection, section: str, since: date | None = None, until: date | None = None
) -> Iterator[dict[str, Any]]:
    """Every row of a section's table, oldest first, as column dicts (optionally by day)."""
    table = TABLES[section]
    stmt = select(table)
    if section in DATED:
        if since is not None:
            stmt = stmt.where(table.c.day >= since.isoformat())
        if until is not None:
            stmt = stmt.where(table.c.day <= until.isoformat())
    stmt = stmt.order_by(*(table.c[name] for name in _ORDER[section]), table.c.id)
    for row in conn.execute(stmt):
        yield dict(row._mapping)


def count_rows(conn: Connection, section: str) -> int:
    """How many rows a section's table holds."""
    table = TABLES[section]
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table.name}").scalar_one())


def existing_uids(conn: Connection, section: str, uids: Sequence[str]) -> set[str]:
    """Which of `uids` the section's table already holds."""
    table = TABLES[section]
    found: set[str] = set()
    for start in range(0, len(uids), _CHUNK):
        chunk = uids[start : start + _CHUNK]
        found.update(conn.scalars(select(table.c.uid).where(table.c.uid.in_(chunk))))
    return found


def insert_rows(conn: Connection, section: str, rows: Sequence[dict[str, Any]]) -> int:
    """Insert column dicts into a section's table (executemany, by runs of the same columns).

    Plain DB-API parameters: the rows are checked already, and SQLAlchemy's per-row work
    was most of the time of a big import. Returns how many rows were inserted.
    """
    table = TABLES[section]
    start = 0
    while start < len(rows):
        columns = tuple(rows[start])
        end = start + 1
        while end < len(rows) and tuple(rows[end]) == columns:
            end += 1
        names = ", ".join(table.c[name].name for name in columns)  # known columns only
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({names}) VALUES ({marks})",
            [tuple(row[name] for name in columns) for row in rows[start:end]],
        )
        start = end
    return len(rows)


def active_plan_activities(conn: Connection) -> set[str]:
    """Activity names (by `name_key`) that already have an active pacing plan."""
    table = TABLES["pacing_plans"]
    stmt = select(table.c.activity).where(table.c.active.is_(True))
    return {name_key(str(name)) for name in conn.scalars(stmt)}


def active_plan_rates(conn: Connection, plan_uids: Sequence[str], today: date) -> dict[str, float]:
    """The weekly rise last chosen by `today` of each active plan among `plan_uids`.

    That is the plan's own percent, or its latest `percent` change made on or before
    `today` (by day, then as saved), as `exercises.pacing_changes.FollowedPlan` reads it.
    """
    plans, changes = TABLES["pacing_plans"], TABLES["pacing_changes"]
    latest = (
        select(changes.c.value)
        .where(changes.c.plan_uid == plans.c.uid, changes.c.kind == "percent")
        .where(changes.c.day <= today.isoformat())
        .order_by(changes.c.day.desc(), changes.c.at.desc(), changes.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    rates: dict[str, float] = {}
    for start in range(0, len(plan_uids), _CHUNK):
        chunk = plan_uids[start : start + _CHUNK]
        stmt = (
            select(plans.c.uid, plans.c.percent, latest)
            .where(plans.c.uid.in_(chunk))
            .where(plans.c.active.is_(True))
        )
        for uid, percent, chosen in conn.execute(stmt):
            rates[str(uid)] = float(percent if chosen is None else chosen)
    return rates


def treatment_spellings(conn: Connection) -> dict[str, str]:
    """Every treatment name in the journal and its spelling (for import), looked up as
    `db.names.treatment_spelling` looks one up: the regular list first (the ones in use
    before the stopped ones), then the doses, newest first."""
    found: dict[str, str] = {}
    for stmt in (
        "SELECT name FROM treatments ORDER BY stop_day IS NOT NULL, start_day DESC, id",
        "SELECT name FROM doses ORDER BY id DESC",
    ):
        for (name,) in conn.exec_driver_sql(stmt):
            found.setdefault(name_key(str(name)), str(name))
    return found


def get_setting(conn: Connection, key: str) -> object | None:
    """One stored setting decoded from JSON; None when absent or unreadable."""
    table = SettingRow.__table__  # type: ignore[attr-defined]
    text = conn.scalar(select(table.c.value).where(table.c.key == key))
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def put_setting(conn: Connection, key: str, value: object) -> None:
    """Store one setting as JSON, replacing what was there."""
    conn.exec_driver_sql(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )
