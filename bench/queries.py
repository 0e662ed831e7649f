"""What the screens ask the services for, timed in-process (medians, milliseconds).

    python bench/queries.py HOME [--runs N]

Each figure is a service call the app makes in a worker (or a command makes), against an
open journal, after one warm-up call: opening the journal (header, integrity check,
schema), Today's data, the week summary and insights (newest week, and one five years
back), a History page (newest, and five years back), the 4-week report (gathered, and as
HTML), the check-in dialog's area choices and the activity dialog's name suggestions, and
the course (Today's one line, and the Course screen, which loads the library).
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from paincoach.db.engine import Database
from paincoach.report import html as report_html
from paincoach.report.build import build_report
from paincoach.review.insights import week_insights
from paincoach.review.summary import week_summary
from paincoach.screens.today import fetch_today
from paincoach.services import Services


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `action` in milliseconds, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        action()
        times.append((time.perf_counter_ns() - started) / 1e6)
    return statistics.median(times)


def figures(home: Path, runs: int) -> dict[str, float]:
    """Every figure for one home."""
    services = Services(home)
    db = services.db
    today = services.clock().date()
    old = today - timedelta(days=5 * 365)
    journal = services.journal
    four_weeks = (today - timedelta(days=27), today)
    timed: dict[str, Callable[[], object]] = {
        "open_journal": lambda: Database.open(home).close(),
        "today_data": lambda: fetch_today(services),
        "week_summary": lambda: week_summary(db, today, week_start=0, today=today),
        "week_summary_5y_back": lambda: week_summary(db, old, week_start=0, today=today),
        "insights": lambda: week_insights(db, today, week_start=0, today=today),
        "insights_5y_back": lambda: week_insights(db, old, week_start=0, today=today),
        "history_page": lambda: journal.history(None, 30),
        "history_page_5y_back": lambda: journal.history(old, 30),
        "report_4_weeks": lambda: build_report(db, *four_weeks),
        "report_4_weeks_html": lambda: report_html.render(build_report(db, *four_weeks)),
        "checkin_area_choices": lambda: journal.used_areas(40),
        "activity_names": lambda: journal.activity_names(),
        "course_today_line": lambda: services.course.today(),
        "course_screen": lambda: services.course.view(),
    }
    found = {name: median_ms(action, runs) for name, action in timed.items()}
    services.close()
    return found


def main() -> int:
    """Time every figure for one home and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(figures(args.home, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
