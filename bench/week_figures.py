"""How long the week summary and insights take on ten years of entries (no assertions).

Makes a synthetic journal (5 check-ins and 3 activities a day for 10 years, plus exercise
sessions, thought records, weekly checks and two pacing plans), then times, as medians:

- `week_summary` for the newest week, and for a week five years back;
- `week_insights` (8 weeks) for the newest week;
- `paincoach week --json` end to end, beside `python -c "import sqlmodel"`.

Run:  .venv/bin/python bench/week_figures.py [--runs 30] [--keep DIR]
Targets (docs/insights.md): week summary under 20 ms, insights under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from paincoach.db.engine import Database
from paincoach.review.insights import week_insights
from paincoach.review.summary import week_summary

ZONE = ZoneInfo("Europe/London")
YEARS = 10
TRAPS = ["All-or-nothing", "Catastrophising", "Mind reading", "Fortune telling", "Labelling"]


def _moment(day: date, hour: int, minute: int = 0) -> str:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).isoformat(
        timespec="seconds"
    )


def make_journal(home: Path, last: date) -> dict[str, int]:
    """Fill a new journal in `home` with YEARS years of entries ending on `last`."""
    Database.open(home).close()  # the schema, through the real migrations
    rng = random.Random(20261127)
    first = last - timedelta(days=365 * YEARS + 2)
    checkins, activities, sessions, records, checks = [], [], [], [], []
    day = first
    while day <= last:
        stamp = _moment(day, 22)
        text = day.isoformat()
        for hour in (8, 11, 14, 17, 21):
            pain = rng.randint(1, 9)
            checkins.append(
                (str(uuid.uuid4()), _moment(day, hour), text, pain, rng.randint(0, 10),
                 rng.randint(0, 10), '["lower back"]', '["cold"]', "", stamp, stamp)
            )  # fmt: skip
        for hour, name in ((10, "walk"), (13, "gardening"), (16, "Walk")):
            activities.append(
                (str(uuid.uuid4()), _moment(day, hour), text, name, rng.randint(5, 60),
                 rng.randint(0, 10), rng.randint(0, 1), "", stamp, stamp)
            )  # fmt: skip
        if rng.random() < 0.5:
            before = rng.randint(3, 9)
            sessions.append(
                (str(uuid.uuid4()), "breathing-box", "Box breathing", "breathing",
                 _moment(day, 20), _moment(day, 20, 5), text, 1, 3, 3, before,
                 max(0, before - rng.randint(0, 4)), "{}")
            )  # fmt: skip
        if rng.random() < 0.15:
            traps = json.dumps(rng.sample(TRAPS, rng.randint(1, 3)))
            records.append((str(uuid.uuid4()), _moment(day, 19), text, "s", traps, stamp, stamp))
        if day.weekday() == 5:
            checks.append(
                (str(uuid.uuid4()), _moment(day, 18), text,
                 (day - timedelta(days=5)).isoformat(), rng.randint(0, 10),
                 rng.randint(0, 10), rng.randint(0, 10), stamp)
            )  # fmt: skip
        day += timedelta(days=1)
    conn = sqlite3.connect(home / "paincoach.db")
    with conn:
        conn.executemany(
            "INSERT INTO checkins (uid, at, day, pain, mood, sleep, areas, tags, note, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            checkins,
        )
        conn.executemany(
            "INSERT INTO activities (uid, at, day, name, minutes, effort, paced, note, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            activities,
        )
        conn.executemany(
            "INSERT INTO exercise_sessions (uid, exercise_id, exercise_title, kind, started_at, "
            "ended_at, day, completed, steps_done, steps_total, before, after, answers) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            sessions,
        )
        conn.executemany(
            "INSERT INTO thought_records (uid, at, day, situation, traps, created_at, "
            "updated_at) VALUES (?,?,?,?,?,?,?)",
            records,
        )
        conn.executemany(
            "INSERT INTO weekly_checks (uid, at, day, week_start, pain, enjoyment, activity, "
            "created_at) VALUES (?,?,?,?,?,?,?,?)",
            checks,
        )
        for activity, start, active in (("walk", first, 0), ("Walk", last - timedelta(days=90), 1)):
            conn.execute(
                "INSERT INTO pacing_plans (uid, activity, unit, measurements, baseline, percent, "
                "start_day, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (str(uuid.uuid4()), activity, "minutes", "[10, 12, 14]", 10, 10.0,
                 start.isoformat(), active, _moment(start, 9),
                 _moment(last - timedelta(days=90), 8)),
            )  # fmt: skip
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return {
        "checkins": len(checkins),
        "activities": len(activities),
        "exercise_sessions": len(sessions),
        "thought_records": len(records),
        "weekly_checks": len(checks),
    }


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `action`, in milliseconds (after one warm-up run)."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def median_process_ms(argv: list[str], runs: int, env: dict[str, str]) -> float:
    """The median wall time of running `argv` as a process, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    """Make the journal, time everything, print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", metavar="DIR", help="make the journal here and keep it")
    args = parser.parse_args()
    today = date(2026, 11, 27)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="paincoach-bench-"))
    started = time.perf_counter()
    counts = make_journal(folder, today)
    made = time.perf_counter() - started
    size = (folder / "paincoach.db").stat().st_size / 1e6
    listed = ", ".join(f"{v:,} {k}" for k, v in counts.items())
    print(f"journal: {folder} ({size:.1f} MB, made in {made:.1f} s): {listed}")
    db = Database.open(folder)
    old = today - timedelta(days=5 * 365)
    rows = [
        ("week_summary, newest week (in progress)",
         lambda: week_summary(db, today, week_start=0, today=today)),
        ("week_summary, a week 5 years back",
         lambda: week_summary(db, old, week_start=0, today=today)),
        ("week_insights, 8 weeks to the newest",
         lambda: week_insights(db, today, week_start=0, today=today)),
        ("week_insights, 8 weeks to 5 years back",
         lambda: week_insights(db, old, week_start=0, today=today)),
    ]  # fmt: skip
    print(f"\nin-process medians over {args.runs} runs:")
    for label, action in rows:
        print(f"  {label:<42} {median_ms(action, args.runs):7.2f} ms")
    db.close()
    env = {**os.environ, "PAINCOACH_HOME": str(folder)}
    process_runs = max(5, args.runs // 3)
    base = median_process_ms([sys.executable, "-c", "import sqlmodel"], process_runs, env)
    week = median_process_ms(
        [sys.executable, "-m", "paincoach", "week", "--json", "--date", today.isoformat()],
        process_runs,
        env,
    )
    print(f"\nprocess medians over {process_runs} runs:")
    label = 'python -c "import sqlmodel"'
    print(f"  {label:<42} {base:7.1f} ms")
    print(f"  {'paincoach week --json':<42} {week:7.1f} ms  ({week / base:.2f}× the import)")
    if not args.keep:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
