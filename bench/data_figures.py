"""How long export, import, reports and backups take on ten years of entries (no assertions).

Uses the synthetic journal of `week_figures.py` (5 check-ins and 3 activities a day for 10
years, and practice records) and times, as medians of a few runs:

- JSON export (document and file), CSV of every table;
- import of that JSON into an empty data folder (the round trip);
- the HTML and Markdown reports for the default four weeks, and for a whole year;
- a backup snapshot, and the daily-backup check when today's snapshot exists.

Run:  .venv/bin/python bench/data_figures.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from week_figures import make_journal

from paincoach.db.engine import Database
from paincoach.report import html as report_html
from paincoach.report import markdown as report_markdown
from paincoach.report.build import build_report
from paincoach.transfer import backup
from paincoach.transfer.export import export_document, sections, write_csv, write_json
from paincoach.transfer.importer import import_file


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median time of `runs` calls, in milliseconds."""
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        found.append((time.perf_counter() - start) * 1000)
    return statistics.median(found)


def main() -> None:
    """Make the journal, time each step, print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="paincoach-bench-"))
    today = date(2026, 11, 27)
    try:
        counts = make_journal(root / "home", today)
        db = Database.open(root / "home")
        print(f"journal: {counts}")
        export_path = root / "export.json"

        def export_json() -> None:
            with export_path.open("w", encoding="utf-8") as handle:
                write_json(export_document(db), handle)

        def export_csv() -> None:
            for section in sections():
                write_csv(db, section, io.StringIO())

        def import_json() -> None:
            target = root / f"import-{time.perf_counter_ns()}"
            import_file(Database.open(target), export_path)
            shutil.rmtree(target)

        four_weeks = (today - timedelta(days=27), today)
        year = (today - timedelta(days=364), today)
        rows = [
            ("export JSON (all)", median_ms(export_json, args.runs)),
            ("export CSV (all tables)", median_ms(export_csv, args.runs)),
            ("import JSON into an empty home", median_ms(import_json, max(1, args.runs // 2))),
            (
                "report HTML, 4 weeks",
                median_ms(lambda: report_html.render(build_report(db, *four_weeks)), args.runs),
            ),
            (
                "report Markdown, 4 weeks",
                median_ms(lambda: report_markdown.render(build_report(db, *four_weeks)), args.runs),
            ),
            (
                "report HTML, 1 year",
                median_ms(lambda: report_html.render(build_report(db, *year)), args.runs),
            ),
            (
                "backup snapshot",
                median_ms(
                    lambda: backup.snapshot(db.path, root / f"s-{time.perf_counter_ns()}.db"),
                    args.runs,
                ),
            ),
        ]
        backup.daily_backup_if_due(db.path, today)
        rows.append(
            (
                "daily backup check (already taken)",
                median_ms(lambda: backup.daily_backup_if_due(db.path, today), 100),
            )
        )
        size = export_path.stat().st_size / 1e6
        print(f"export file: {size:.1f} MB; journal file: {db.path.stat().st_size / 1e6:.1f} MB")
        for name, ms in rows:
            print(f"{name:40s} {ms:9.1f} ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
