"""How long pacing takes when a plan is ten years old and has been changed all along.

Makes a synthetic journal: the ten years of `week_figures.make_journal` (5 check-ins and
3 activities a day, two pacing plans), then one more plan started ten years ago with a
change every three weeks (holds after flares, steps back, goals, rates: about 170), and
times, as medians (no assertions; issue 15):

- the plan views Today and the Pacing screen read (`PacingPlans.plans`, with each history);
- Today's offer check after a flare (`PacingPlans.flare_offer`);
- one day's amount of the old plan, and a year of its days walked once (`amounts`);
- the newest week's summary, whose plan days come from the followed plan;
- `paincoach pacing --json` end to end, beside `python -c "import sqlmodel"`.

Run:  .venv/bin/python bench/pacing_figures.py [--runs 30] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from sqlmodel import select
from week_figures import ZONE, make_journal, median_ms, median_process_ms

from paincoach.db import pacing_repository
from paincoach.db.engine import Database
from paincoach.db.models import PacingPlanRow
from paincoach.exercises.pacing_changes import FollowedPlan
from paincoach.practice.pacing_plans import PacingPlans, followed
from paincoach.review.summary import week_summary

KINDS = ("hold", "back", "goal", "percent")


def add_old_plan(db: Database, today: date) -> int:
    """A plan started ten years ago, changed every three weeks; how many changes it has."""
    start = today - timedelta(days=3650)
    with db.write() as session:
        session.add(
            PacingPlanRow(
                uid="old-plan",
                activity="long walk",
                unit="minutes",
                measurements="[10, 12, 14]",
                baseline=10,
                percent=10.0,
                start_day=start.isoformat(),
                created_at=f"{start.isoformat()}T09:00:00+00:00",
                updated_at=f"{start.isoformat()}T09:00:00+00:00",
            )
        )
    count = 0
    day = start + timedelta(days=10)
    while day < today:
        moment = datetime.combine(day, clock_time(18, 0), tzinfo=ZONE)
        plans = PacingPlans(db, lambda moment=moment: moment)  # type: ignore[misc]
        kind = KINDS[count % 4]
        if kind == "hold":
            plans.hold("long walk", "flare")
        elif kind == "back":
            plans.step_back("long walk")
        elif kind == "goal":
            plans.set_goal("long walk", None if count % 8 == 2 else 60)
        else:
            plans.set_percent("long walk", 5 + count % 16)
        count += 1
        day += timedelta(days=21)
    return count


def main() -> int:
    """Make the journal, time everything, print a small table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", metavar="DIR", help="make the journal here and keep it")
    args = parser.parse_args()
    today = date(2026, 11, 27)
    now = datetime.combine(today, clock_time(12, 0), tzinfo=ZONE)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="paincoach-bench-"))
    started = time.perf_counter()
    make_journal(folder, today)
    db = Database.open(folder)
    changes = add_old_plan(db, today)
    print(f"journal: {folder} (made in {time.perf_counter() - started:.1f} s), {changes} changes")
    plans = PacingPlans(db, lambda: now)
    with db.read() as session:
        row = session.exec(select(PacingPlanRow).where(PacingPlanRow.uid == "old-plan")).one()
        found = pacing_repository.changes_of(session, ["old-plan"])["old-plan"]
        old = followed(row, found)
    year = [today - timedelta(days=k) for k in range(365)]
    rows = [
        ("plan views (Today, Pacing screen)", lambda: plans.plans()),
        ("the offer after a flare", lambda: plans.flare_offer()),
        ("one day's amount, ten-year plan, fresh",
         lambda: FollowedPlan(old.baseline, old.start, old.percent, old.goal, old.changes)
         .amount(today)),
        ("a year of days, walked once, fresh",
         lambda: FollowedPlan(old.baseline, old.start, old.percent, old.goal, old.changes)
         .amounts(year)),
        ("week_summary, newest week", lambda: week_summary(db, today, week_start=0, today=today)),
    ]  # fmt: skip
    print(f"\nin-process medians over {args.runs} runs:")
    for label, action in rows:
        print(f"  {label:<42} {median_ms(action, args.runs):7.2f} ms")
    db.close()
    env = {**os.environ, "PAINCOACH_HOME": str(folder)}
    process_runs = max(5, args.runs // 3)
    base = median_process_ms([sys.executable, "-c", "import sqlmodel"], process_runs, env)
    listing = median_process_ms(
        [sys.executable, "-m", "paincoach", "pacing", "--json"], process_runs, env
    )
    print(f"\nprocess medians over {process_runs} runs:")
    label = 'python -c "import sqlmodel"'
    print(f"  {label:<42} {base:7.1f} ms")
    print(f"  {'paincoach pacing --json':<42} {listing:7.1f} ms  ({listing / base:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
