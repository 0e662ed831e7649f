"""Schema 4's data step: one spelling for each pain area, tag and activity name.

Before schema 4 each spelling was its own name ("Lower back" from the list and
`--area "lower back"` were two areas). This rewrites every other spelling to the first one
the person used (`records.names.name_key` decides what is the same name):

- areas and tags: by check-in, oldest saved first (`id` order);
- activity and pacing-plan names are one set of names (a plan counts the activities of
  its name): by when each row was saved (`created_at`), activities before plans on a tie.

Nothing else changes: every entry keeps each of its areas, tags and its activity, in its
order (a label listed twice in one entry under two spellings is kept once), and no
`updated_at` moves (an inactive plan's `updated_at` is the day it ended). Only if two plans
for one activity are both active (possible only for names that SQLite's NOCASE index
cannot tell apart, such as "Straße" and "STRASSE") does the older one end, as a new plan
ends the old one, when the newer was saved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from paincoach.core.when import parse_moment
from paincoach.records.names import name_key, unify

Execute = Callable[..., Any]
_LATEST = datetime.max.replace(tzinfo=UTC)


def merge_spellings(execute: Execute) -> None:
    """Rewrite every name to its first spelling; `execute(sql, params)` runs one statement."""
    for column in ("areas", "tags"):
        _merge_labels(execute, column)
    _merge_activity_names(execute)


def _merge_labels(execute: Execute, column: str) -> None:
    rows = [(row[0], row[1]) for row in execute(f"SELECT id, {column} FROM checkins ORDER BY id")]
    first: dict[str, str] = {}
    parsed: list[tuple[int, list[Any]]] = []
    for row_id, stored in rows:
        try:
            labels = json.loads(stored)
        except ValueError:
            continue  # not a list paincoach wrote: left exactly as it is
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            continue
        parsed.append((row_id, labels))
        for label in labels:
            first.setdefault(name_key(label), label)
    for row_id, labels in parsed:
        merged = list(unify(labels, first))
        if merged != labels:
            execute(
                f"UPDATE checkins SET {column} = ? WHERE id = ?",
                (json.dumps(merged, ensure_ascii=False), row_id),
            )


def _saved_at(stamp: str) -> datetime:
    try:
        return parse_moment(stamp)
    except ValueError:
        return _LATEST


def _merge_activity_names(execute: Execute) -> None:
    named: list[tuple[datetime, int, int, str]] = [
        (_saved_at(stamp), 0, row_id, name)
        for row_id, name, stamp in execute("SELECT id, name, created_at FROM activities")
    ]
    plans = [
        (row[0], row[1], row[2], bool(row[3]))
        for row in execute("SELECT id, activity, created_at, active FROM pacing_plans ORDER BY id")
    ]
    named += [(_saved_at(stamp), 1, row_id, name) for row_id, name, stamp, _active in plans]
    first: dict[str, str] = {}
    for _at, _table, _id, name in sorted(named):
        first.setdefault(name_key(name), name)
    _end_doubled_active_plans(execute, plans)
    spellings = {name for *_, name in named}
    for old in sorted(spellings):
        new = first[name_key(old)]
        if new != old:
            execute("UPDATE activities SET name = ? WHERE name = ?", (new, old))
            execute("UPDATE pacing_plans SET activity = ? WHERE activity = ?", (new, old))


def _end_doubled_active_plans(execute: Execute, plans: list[tuple[int, str, str, bool]]) -> None:
    """One active plan per activity: an older active plan ends when the newer was saved."""
    newer_by_key: dict[str, str] = {}
    for row_id, name, stamp, active in reversed(plans):  # newest first
        if not active:
            continue
        key = name_key(name)
        if key in newer_by_key:
            execute(
                "UPDATE pacing_plans SET active = 0, updated_at = ? WHERE id = ?",
                (newer_by_key[key], row_id),
            )
        newer_by_key[key] = stamp
