"""Schema versions, kept in `PRAGMA user_version`, and the steps between them.

Each step is a list of SQL statements. A fresh journal runs every step from 0, so a new
database and a migrated one have exactly the same schema. Steps never change once
released; a new schema means a new step at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: 'PCCH' in the SQLite header: marks a file as a paincoach journal.
APPLICATION_ID = 0x50434348


@dataclass(frozen=True)
class Step:
    """The SQL that takes the schema from `version - 1` to `version`."""

    version: int
    summary: str
    statements: tuple[str, ...]


_V1 = Step(
    1,
    "check-ins, activities and settings",
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            mood INTEGER CHECK (mood BETWEEN 0 AND 10),
            sleep INTEGER CHECK (sleep BETWEEN 0 AND 10),
            areas TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_checkins_day ON checkins (day, at)",
        """CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            name TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
            effort INTEGER CHECK (effort BETWEEN 0 AND 10),
            paced INTEGER NOT NULL DEFAULT 0 CHECK (paced IN (0, 1)),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_activities_day ON activities (day, at)",
        "CREATE INDEX ix_activities_name ON activities (name)",
    ),
)

STEPS: tuple[Step, ...] = (_V1,)
LATEST = STEPS[-1].version

Executor = Callable[[str], object]


def pending(current: int) -> list[Step]:
    """The steps still to run for a database at schema `current`."""
    return [step for step in STEPS if step.version > current]


def apply_step(execute: Executor, step: Step) -> None:
    """Run one step and record its version; the caller wraps this in one transaction."""
    for statement in step.statements:
        execute(statement)
    execute(f"PRAGMA user_version = {step.version}")
