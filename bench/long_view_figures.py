"""How long the long view takes on a ten-year journal (issue 17, item 5).

Makes the synthetic journal of `week_figures.make_journal` (ten years, 5 check-ins and 3
activities a day), adds a regular treatment started and stopped in each year (two marked
events a year), and times, as medians (no assertions):

- in-process: a month, a year, and the trends over 3, 12 months and all time
  (`LongView.month`, `.year`, `.trends`), each on a fresh read;
- whole processes: `paincoach trends`, `paincoach trends --months all --json`,
  `paincoach calendar` and `paincoach calendar --year`, beside `python -c "import sqlmodel"`
  (the budget is 1.15x that), with `paincoach week` for comparison. The commands take
  turns, and the CPU time each process spent is shown beside its wall time: on a busy
  machine the wall times wander more.

Run:  .venv/bin/python bench/long_view_figures.py [--runs 30] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from week_figures import ZONE, make_journal, median_ms

from paincoach.journal.treatments import Treatments
from paincoach.services import Services

BUDGET = 1.15
"""A command may cost at most this many times `python -c "import sqlmodel"` (issue 17)."""


def add_treatments(services: Services, today: date) -> int:
    """A treatment started each spring and stopped each autumn for ten years; the events."""
    treatments = Treatments(services.db, services.clock)
    for year in range(today.year - 9, today.year + 1):
        treatments.start(f"physio {year}", kind="other", day=date(year, 3, 2))
        if date(year, 10, 5) <= today:
            treatments.stop(f"physio {year}", why="finished", day=date(year, 10, 5))
    return len(services.long_view.trends(None).events)


def process_costs(
    argvs: list[list[str]], runs: int, env: dict[str, str]
) -> list[tuple[float, float]]:
    """Each command's median wall time and median CPU time (user + system), in ms.

    The commands take turns, round after round, so that a busy machine slows them alike
    (the CPU time is what the process itself spent, which the load moves less).
    """
    walls: list[list[float]] = [[] for _ in argvs]
    cpus: list[list[float]] = [[] for _ in argvs]
    for _ in range(runs):
        for index, argv in enumerate(argvs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True, env=env)
            walls[index].append((time.perf_counter() - started) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            cpus[index].append(spent * 1000)
    return [
        (statistics.median(wall), statistics.median(cpu))
        for wall, cpu in zip(walls, cpus, strict=True)
    ]


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
    services = Services(folder, lambda: now)
    events = add_treatments(services, today)
    made = time.perf_counter() - started
    print(f"journal: {folder} (made in {made:.1f} s), {events} marked events")
    view = services.long_view
    rows = [
        ("month (November)", lambda: view.month(today)),
        ("year (2026)", lambda: view.year(today.year)),
        ("trends, 3 months (by week)", lambda: view.trends(3)),
        ("trends, 12 months", lambda: view.trends(12)),
        ("trends, all time (ten years)", lambda: view.trends(None)),
    ]
    print(f"\nin-process medians over {args.runs} runs:")
    for label, action in rows:
        print(f"  {label:<42} {median_ms(action, args.runs):7.2f} ms")
    services.close()
    env = {
        **os.environ,
        "PAINCOACH_HOME": str(folder),
        "PAINCOACH_NOW": now.isoformat(),
        "NO_COLOR": "1",
    }
    process_runs = max(5, args.runs // 3)
    commands = (
        ["trends"],
        ["trends", "--months", "all", "--json"],
        ["calendar"],
        ["calendar", "--year", str(today.year)],
        ["week"],  # for comparison: a command from before
    )
    argvs = [[sys.executable, "-c", "import sqlmodel"]]
    argvs += [[sys.executable, "-m", "paincoach", *command] for command in commands]
    (base, base_cpu), *costs = process_costs(argvs, process_runs, env)
    print(f"\nprocess medians over {process_runs} rounds (wall, and CPU user + system):")
    label = 'python -c "import sqlmodel"'
    print(f"  {label:<38} {base:7.1f} ms {base_cpu:7.1f} ms CPU")
    for command, (wall, cpu) in zip(commands, costs, strict=True):
        verdict = "within" if wall <= BUDGET * base else "OVER"
        name = "paincoach " + " ".join(command)
        print(
            f"  {name:<38} {wall:7.1f} ms {cpu:7.1f} ms CPU  "
            f"({wall / base:.2f}x wall, {cpu / base_cpu:.2f}x CPU; {verdict} {BUDGET}x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
