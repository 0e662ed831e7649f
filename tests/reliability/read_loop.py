"""A reader for the contention tests: reads the journal in a loop until told to stop.

Run as `python -m tests.reliability.read_loop --home DIR --stop FILE`. Two threads read
through the journal service: one asks for Today, History and a search over and over; the
other holds each read snapshot for 50 ms, as a slow screen would. When FILE appears it
prints one JSON line: how many reads were made, and every error met.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import text

from paincoach.db.engine import Database
from paincoach.journal.service import Journal


def main(argv: list[str] | None = None) -> int:
    """Read until the stop file exists; then report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--stop", type=Path, required=True)
    args = parser.parse_args(argv)
    journal = Journal(Database.open(args.home))
    errors: list[str] = []
    reads = [0, 0]

    def quick() -> None:
        journal.today_view()
        journal.history(None, 30)
        journal.search("cli-1")

    def hold() -> None:
        with journal.db.read() as session:
            session.execute(text("SELECT count(*) FROM checkins")).scalar_one()
            time.sleep(0.05)
            session.execute(text("SELECT max(at) FROM checkins")).scalar_one()

    def loop(index: int, read: object) -> None:
        while not args.stop.exists():
            try:
                read()  # type: ignore[operator]
            except Exception as exc:
                errors.append(repr(exc))
                return
            reads[index] += 1

    threads = [threading.Thread(target=loop, args=(i, job)) for i, job in enumerate((quick, hold))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"reads": reads[0], "held": reads[1], "errors": errors}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
