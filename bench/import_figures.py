"""How long a big import takes, how much memory it needs, and whether a save beside it waits.

Writes an export of N records (about 60 % check-ins with a note, 40 % activities, and a
few of every other section) in the layout `paincoach export` writes, then imports it into
an empty data folder in a fresh process (`paincoach import`), timing it and reading that
process's peak memory (`ru_maxrss`). With `--beside`, a `paincoach log` starts once the
import holds the journal and the figures say whether it was saved and how long it took.

Run:  .venv/bin/python bench/import_figures.py [--sizes 100000 1000000] [--beside] [--keep DIR]
Run the code of another checkout by putting its src first:  PYTHONPATH=OTHER/src ...
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/London")
NOTES = [
    "Stiff first thing, eased after a shower.",
    "Flare after carrying the shopping; rested and used the heat pad.",
    "Better day. Managed to meet a friend for coffee.",
    "",
]
#: The child: import FILE into HOME, then print its time and peak memory as JSON.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from paincoach.db.engine import Database
from paincoach.transfer.importer import import_file
began = time.perf_counter()
report = import_file(Database.open(Path(sys.argv[1])), Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - began, "added": report.total_added,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _at(day: date, hour: int) -> str:
    return datetime(day.year, day.month, day.day, hour, 15, tzinfo=ZONE).isoformat("T", "seconds")


def make_export(path: Path, count: int) -> None:
    """An export of `count` records, one record per line (as `write_json` lays it out)."""
    rng = random.Random(count)
    first = date(2026, 11, 27) - timedelta(days=count // 40 + 1)  # 40 records a day
    others = max(1, count // 1000)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def checkin(n: int) -> dict[str, object]:
        day = first + timedelta(days=n // 24)
        return {
            "uid": uid(),
            "at": _at(day, 8 + n % 5 * 3),
            "pain": rng.randint(0, 10),
            "mood": rng.randint(0, 10),
            "sleep": None,
            "areas": ["lower back"] if n % 2 else ["neck", "hips"],
            "tags": ["cold"] if n % 3 else [],
            "note": NOTES[n % len(NOTES)],
        }

    def activity(n: int) -> dict[str, object]:
        day = first + timedelta(days=n // 16)
        name, minutes = ("walk", 20) if n % 2 else ("gardening", 35)
        return {"uid": uid(), "at": _at(day, 9 + n % 3 * 4), "name": name, "minutes": minutes,
                "effort": rng.randint(0, 10), "paced": bool(n % 2), "note": ""}  # fmt: skip

    checkins = count * 6 // 10
    activities = count - checkins - 4 * others
    sections: dict[str, object] = {
        "checkins": (checkin(n) for n in range(checkins)),
        "activities": (activity(n) for n in range(activities)),
        "thought_records": (
            {"uid": uid(), "at": _at(first, 10), "situation": "A long queue", "belief": 60}
            for _ in range(others)
        ),
        "exercise_sessions": (
            {
                "uid": uid(),
                "exercise_id": "breathing-box",
                "kind": "breathing",
                "started_at": _at(first, 11),
                "completed": True,
                "steps_done": 4,
                "steps_total": 4,
            }
            for _ in range(others)
        ),
        "pacing_plans": [],
        "weekly_checks": (
            {"uid": uid(), "at": _at(first, 12), "pain": 5, "enjoyment": 6, "activity": 4}
            for _ in range(others)
        ),
        "goals": ({"uid": uid(), "text": "Walk to the shop"} for _ in range(others)),
    }
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{\n"format": "paincoach-export",\n"version": 1,\n')
        for position, (key, records) in enumerate(sections.items()):
            handle.write(f'"{key}": [')
            lead = "\n  "
            for record in records:  # type: ignore[attr-defined]
                handle.write(lead + json.dumps(record, ensure_ascii=False))
                lead = ",\n  "
            handle.write("\n],\n" if position < len(sections) - 1 else "\n]\n")
        handle.write("}\n")


def run_import(root: Path, export: Path, beside: bool) -> dict[str, object]:
    """Import `export` into a new home in a child process; with `beside`, log beside it."""
    home = root / f"home-{time.perf_counter_ns()}"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), str(export)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    found: dict[str, object] = {}
    if beside:
        # Once the journal exists and its WAL grows, the import is writing: log beside it.
        wal = home / "paincoach.db-wal"
        while child.poll() is None and not (wal.exists() and wal.stat().st_size > 10_000_000):
            time.sleep(0.05)
        began = time.perf_counter()
        log = subprocess.run(
            [sys.executable, "-m", "paincoach", "--home", str(home), "log", "--pain", "4"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        found["log"] = {
            "status": log.returncode,
            "seconds": round(time.perf_counter() - began, 1),
            "stderr": log.stderr.strip()[:200],
        }
    out, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"the import failed: {err.strip()[-2000:]}")
    found.update(json.loads(out.strip().splitlines()[-1]))
    shutil.rmtree(home, ignore_errors=True)
    return found


def main() -> None:
    """Make each export (or reuse it with --keep), import it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--beside", action="store_true", help="run a `log` during the import")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the exports in this folder")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="paincoach-import-bench-"))
    store = args.keep or root
    store.mkdir(parents=True, exist_ok=True)
    try:
        for size in args.sizes:
            export = store / f"export-{size}.json"
            if not export.exists():
                make_export(export, size)
            figures = run_import(root, export, args.beside)
            mb = export.stat().st_size / 1e6
            line = (
                f"{size:>9,} records ({mb:6.1f} MB): {figures['seconds']:6.1f} s, "
                f"peak {figures['peak_mb']:7.1f} MB"
            )
            if "log" in figures:
                line += f"; log beside it: {figures['log']}"
            print(line, flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
