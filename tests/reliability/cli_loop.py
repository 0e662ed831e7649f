"""A command-line writer for the contention tests: `paincoach log` N times, as N separate calls.

Run as `python -m tests.reliability.cli_loop --home DIR --count N --prefix P`. Each entry is
saved by `paincoach.cli.main.main(["log", ...])`, which parses the arguments, opens the journal
afresh (as a new `paincoach log` process would), saves, prints, and returns its exit status.
After each save it prints `SAVED <key>` (the key is the entry's first tag); at the end one
JSON line with every exit status that was not 0 and everything written to stderr.
With `--wait-for FILE` it starts only once FILE exists, so that several writers start at once;
with `--until FILE` it goes on past N until FILE exists (a test's other side is done), so that
a writer as fast as the sqlite3 path (issue 18) still writes for as long as the other side runs.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Write the entries; report each one and then a summary."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--wait-for", type=Path)
    parser.add_argument("--until", type=Path)
    args = parser.parse_args(argv)
    from paincoach.cli.main import main as cli_main

    report = sys.stdout
    if args.wait_for is not None:
        while not args.wait_for.exists():
            time.sleep(0.001)
    bad: list[tuple[str, int]] = []
    errors: list[str] = []
    started = time.monotonic()
    slowest = 0.0
    n = -1
    while (n := n + 1) < args.count or (args.until is not None and not args.until.exists()):
        key = f"{args.prefix}-{n}"
        note = f"{key} written by {args.prefix}: Knie — 痛み [b]not markup[/b]"
        sys.stdin = io.TextIOWrapper(io.BytesIO(note.encode()), encoding="utf-8")
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        began = time.monotonic()
        status = cli_main(
            ["--home", args.home, "log", "--pain", str(n % 11), "--tag", key, "--note", "-"]
        )
        slowest = max(slowest, time.monotonic() - began)
        err = sys.stderr.getvalue()
        sys.stdout, sys.stderr = report, sys.__stderr__
        if err:
            errors.append(err)
        if status != 0:
            bad.append((key, status))
            continue
        report.write(f"SAVED {key}\n")
        report.flush()
    summary = {
        "bad": bad,
        "errors": errors,
        "seconds": round(time.monotonic() - started, 2),
        "slowest": round(slowest, 3),
    }
    report.write(json.dumps(summary) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
