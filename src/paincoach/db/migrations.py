"""Schema versions, kept in `PRAGMA user_version`, and the steps between them.

Each step is a list of SQL statements, and may rewrite data that SQL alone cannot (Unicode
case folding). A fresh journal runs every step from 0, so a new database and a migrated
one have exactly the same schema. Steps never change once released; a new schema means a
new step at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from paincoach.db.name_merge import merge_spellings

#: 'PCCH' in the SQLite header: marks a file as a paincoach journal.
APPLICATION_ID = 0x50434348


#: Runs one statement, with its parameters when given (`Connection.exec_driver_sql`, or
#: `sqlite3.Connection.execute`), and returns its rows.
Executor = Callable[..., Any]


@dataclass(frozen=True)
class Step:
    """The SQL that takes the schema from `version - 1` to `version`."""

    version: int
    summary: str
    statements: tuple[str, ...]
    #: Run after the statements, in the same transaction, with `execute(sql, params)`.
    rewrite: Callable[[Executor], None] | None = None


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

_V2 = Step(
    2,
    "exercise sessions, thought records, pacing plans and goals",
    (
        # One row per exercise session, finished or left early. `day` is the local day the
        # session started. For thought records, the record's own answers are kept in
        # `thought_records` only (not here too), so deleting a record removes its words.
        """CREATE TABLE exercise_sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            exercise_id TEXT NOT NULL,
            exercise_title TEXT NOT NULL,
            kind TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            day TEXT NOT NULL,
            completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
            steps_done INTEGER NOT NULL CHECK (steps_done >= 0),
            steps_total INTEGER NOT NULL CHECK (steps_total >= 1 AND steps_done <= steps_total),
            before INTEGER CHECK (before BETWEEN 0 AND 10),
            after INTEGER CHECK (after BETWEEN 0 AND 10),
            answers TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX ix_exercise_sessions_day ON exercise_sessions (day, started_at)",
        # `session_uid` is a plain reference, not a FOREIGN KEY, so that import can merge
        # records and sessions in any order, and a record outlives its session's row.
        """CREATE TABLE thought_records (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            session_uid TEXT,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            emotions TEXT NOT NULL DEFAULT '[]',
            thoughts TEXT NOT NULL DEFAULT '[]',
            hot_thought TEXT NOT NULL DEFAULT '',
            belief INTEGER CHECK (belief BETWEEN 0 AND 100),
            traps TEXT NOT NULL DEFAULT '[]',
            evidence_for TEXT NOT NULL DEFAULT '',
            evidence_against TEXT NOT NULL DEFAULT '',
            balanced TEXT NOT NULL DEFAULT '',
            balanced_belief INTEGER CHECK (balanced_belief BETWEEN 0 AND 100),
            emotions_after TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_thought_records_day ON thought_records (day, at)",
        """CREATE TABLE pacing_plans (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            activity TEXT NOT NULL CHECK (length(trim(activity)) > 0),
            unit TEXT NOT NULL DEFAULT 'minutes',
            measurements TEXT NOT NULL DEFAULT '[]',
            baseline INTEGER NOT NULL CHECK (baseline >= 1),
            percent REAL NOT NULL CHECK (percent BETWEEN 0 AND 100),
            start_day TEXT NOT NULL,
            cap REAL CHECK (cap > 0),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_pacing_plans_activity ON pacing_plans (activity COLLATE NOCASE)",
        # At most one active plan per activity (the service also matches names by casefold).
        """CREATE UNIQUE INDEX ux_pacing_plans_active
            ON pacing_plans (activity COLLATE NOCASE) WHERE active = 1""",
        """CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            session_uid TEXT,
            created_at TEXT NOT NULL,
            day TEXT NOT NULL,
            done_at TEXT
        )""",
        "CREATE INDEX ix_goals_day ON goals (day)",
        "CREATE INDEX ix_goals_open ON goals (day) WHERE done_at IS NULL",
    ),
)

_V3 = Step(
    3,
    "weekly checks (three 0-10 questions about the past week, after the PEG idea)",
    (
        # `day` is the local day the answers were given; `week_start` is the first day of
        # the week they belong to, by the person's week-start setting when they answered.
        """CREATE TABLE weekly_checks (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            week_start TEXT NOT NULL,
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            enjoyment INTEGER NOT NULL CHECK (enjoyment BETWEEN 0 AND 10),
            activity INTEGER NOT NULL CHECK (activity BETWEEN 0 AND 10),
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_weekly_checks_day ON weekly_checks (day, at)",
        "CREATE INDEX ix_weekly_checks_week ON weekly_checks (week_start, at)",
    ),
)

_V4 = Step(
    4,
    "one spelling for each pain area, tag and activity name (the first one used)",
    (),
    rewrite=merge_spellings,  # see db/name_merge.py
)

_V5 = Step(
    5,
    "course progress (starting, moving between weeks, pausing and leaving a course)",
    (
        # One row per thing the person did with a course, oldest first; where they are now
        # is worked out from these (`practice/course_fold.py`). `week` is the week moved
        # to by `start` and `week`, and empty for `pause`, `resume` and `leave`.
        """CREATE TABLE course_events (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            course_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('start', 'week', 'pause', 'resume', 'leave')),
            week INTEGER CHECK (week BETWEEN 1 AND 52),
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            CHECK ((week IS NULL) = (action IN ('pause', 'resume', 'leave')))
        )""",
        "CREATE INDEX ix_course_events_day ON course_events (day, at)",
    ),
)

_V6 = Step(
    6,
    "pacing plan changes (holding a week, stepping back, a goal, a weekly rise)",
    (
        # One row per change a person made to a plan, oldest first; the day's amount is
        # worked out from the plan and these (`exercises/pacing_changes.py`). `value` is the
        # goal (NULL: left open) or the weekly rise in percent, and NULL for hold and back.
        # The rise is not limited to 5-20 here: an older file's values are kept and flagged.
        """CREATE TABLE pacing_changes (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            plan_uid TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('hold', 'back', 'goal', 'percent')),
            value REAL CHECK (value IS NULL OR value > 0 OR (kind = 'percent' AND value = 0)),
            reason TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            CHECK (kind != 'percent' OR (value IS NOT NULL AND value <= 100)),
            CHECK (kind NOT IN ('hold', 'back') OR value IS NULL)
        )""",
        "CREATE INDEX ix_pacing_changes_plan ON pacing_changes (plan_uid, day)",
        "CREATE INDEX ix_pacing_changes_day ON pacing_changes (day, at)",
    ),
)

_V7 = Step(
    7,
    "treatments (regular medicines and other treatments) and doses taken",
    (
        # The person's list of what they use regularly: a medicine, or another treatment
        # (physiotherapy, a TENS machine, heat). `dose` and `how_often` are the person's own
        # words ('' allowed); paincoach never reads a number out of them. A stopped
        # treatment keeps its row, with the day it stopped and why.
        """CREATE TABLE treatments (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('medicine', 'other')),
            dose TEXT NOT NULL DEFAULT '',
            how_often TEXT NOT NULL DEFAULT '',
            as_needed INTEGER NOT NULL DEFAULT 0 CHECK (as_needed IN (0, 1)),
            start_day TEXT NOT NULL,
            stop_day TEXT,
            stop_why TEXT
                CHECK (stop_why IN ('not_helping', 'side_effects', 'finished', 'other')),
            stop_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((stop_day IS NULL) = (stop_why IS NULL))
        )""",
        "CREATE INDEX ix_treatments_name ON treatments (name COLLATE NOCASE)",
        # One row per dose taken (or treatment used), regular or not. `at` is the moment with
        # its offset and `day` the local day lived, as for check-ins. `relief` (0-10) and
        # `side_effects` may come later (`rated_at`); `asked` marks the one gentle question
        # about relief, so it is never asked twice.
        """CREATE TABLE doses (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            dose TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            day TEXT NOT NULL,
            relief INTEGER CHECK (relief BETWEEN 0 AND 10),
            side_effects TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            rated_at TEXT,
            asked INTEGER NOT NULL DEFAULT 0 CHECK (asked IN (0, 1)),
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_doses_day ON doses (day, at)",
        "CREATE INDEX ix_doses_name ON doses (name COLLATE NOCASE)",
    ),
)

_V8 = Step(
    8,
    "marked events: days the person marks, such as 'started physiotherapy'",
    (
        # The person's own marks on their timeline, shown on the trends with before-and-after
        # figures. `day` is the local day it happened; the title is one line, 1-80 characters
        # (checked by `journal/events`); a note may come later.
        """CREATE TABLE marked_events (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX ix_marked_events_day ON marked_events (day)",
    ),
)

STEPS: tuple[Step, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8)
LATEST = STEPS[-1].version


def pending(current: int) -> list[Step]:
    """The steps still to run for a database at schema `current`."""
    return [step for step in STEPS if step.version > current]


def apply_step(execute: Executor, step: Step) -> None:
    """Run one step and record its version; the caller wraps this in one transaction."""
    for statement in step.statements:
        execute(statement)
    if step.rewrite is not None:
        step.rewrite(execute)
    execute(f"PRAGMA user_version = {step.version}")
