"""Capture against jrnl: adding one entry, on a new journal and on a ten-year one.

    .venv/bin/python bench/jrnl_baseline.py [--rounds N] [--ten-years HOME]

Times whole processes, round-robin (every command once per round, so a busy moment of the
machine hits them alike), after one warm-up round, and prints each command's median and its
ratio to jrnl's (the median of the per-round ratios) on the same kind of journal:

- `jrnl TEXT` with the smallest config that asks nothing (a journal path and the version:
  jrnl fills in its other keys once, before the timed rounds);
- `paincoach log --pain 4`, `paincoach activity walk 10`, `paincoach today` and
  `paincoach remind`.

"New" is a journal made by the warm-up round; "ten years" is jrnl's text file with one
entry a day for ten years (jrnl parses the whole file at every run: with paincoach's eight
a day it took 29 s), and a copy of the benchmark's ten-year home (`history.py`, or
`--ten-years HOME` for one already made). jrnl is skipped, with a message, when it is not
installed (`$JRNL`, else `jrnl` on the PATH, else /tmp/jrnlvenv/bin/jrnl).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

PY = sys.executable
ENTRIES_A_DAY = 1
YEARS = 10


@dataclass
class Timed:
    """One command to run again and again, and its times in milliseconds."""

    name: str
    argv: list[str]
    env: dict[str, str]
    times: list[float] = field(default_factory=list)

    def run(self) -> None:
        """Run once (standard input empty) and keep the time."""
        started = time.monotonic_ns()
        result = subprocess.run(
            self.argv,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
        self.times.append((time.monotonic_ns() - started) / 1e6)
        if result.returncode != 0:
            raise RuntimeError(f"{self.name} failed ({result.returncode}):\n{result.stderr}")


def find_jrnl() -> str | None:
    """jrnl's program, or None when it is not installed."""
    for candidate in (os.environ.get("JRNL", ""), shutil.which("jrnl") or "",
                      "/tmp/jrnlvenv/bin/jrnl"):  # fmt: skip
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def jrnl_config(folder: Path, journal: Path) -> dict[str, str]:
    """The environment for jrnl with its smallest quiet config: the journal and the version."""
    config = folder / "config" / "jrnl"
    config.mkdir(parents=True)
    (config / "jrnl.yaml").write_text(
        f"version: '4.6'\njournals:\n  default: {journal}\n", encoding="utf-8"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def ten_years_of_text(path: Path, last: date) -> None:
    """A jrnl journal with eight short entries a day for ten years, oldest first."""
    first = last - timedelta(days=365 * YEARS)
    lines = []
    day = first
    while day <= last:
        for number in range(ENTRIES_A_DAY):
            hour = 8 + number * 2
            stamp = (
                f"{day.isoformat()} {(hour - 1) % 12 + 1:02d}:15:00 {'AM' if hour < 12 else 'PM'}"
            )
            lines.append(f"[{stamp}] Pain {number % 10}/10 @walk. Stiff first thing.\n\n")
        day += timedelta(days=1)
    path.write_text("".join(lines), encoding="utf-8")


def paincoach() -> list[str]:
    """How to start paincoach: the installed script beside this Python, else `-m`."""
    script = Path(PY).parent / "paincoach"
    return [str(script)] if script.exists() else [PY, "-m", "paincoach"]


def ten_year_home(given: str | None, work: Path) -> Path:
    """A working copy of a ten-year paincoach home (made by history.py when not given)."""
    if given:
        source = Path(given)
    else:
        import history  # beside this script

        source = history.homes()["ten-years"]
    target = work / "pc-ten"
    shutil.copytree(source, target)
    target.chmod(0o700)
    return target


def commands(work: Path, ten_home: Path) -> list[Timed]:
    """Every command of a round: jrnl (if installed) and paincoach, each on both journals."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAINCOACH_", "TEXTUAL"))}
    # Bytecode as installed programs have it: without it, every run compiles every module.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(COLUMNS="80", LINES="24", PYTHONIOENCODING="utf-8")
    found: list[Timed] = []
    jrnl = find_jrnl()
    if jrnl is None:
        print("jrnl is not installed (set $JRNL or put it on the PATH): timing paincoach alone.")
    else:
        for label in ("new", "ten-years"):
            folder = work / f"jrnl-{label}"
            journal = folder / "journal.txt"
            folder.mkdir()
            if label == "ten-years":
                ten_years_of_text(journal, date.today())
            found.append(
                Timed(f"jrnl/{label}", [jrnl, "Pain 4 today."], jrnl_config(folder, journal))
            )
    new_home = work / "pc-new"
    pc = paincoach()
    for label, home in (("new", new_home), ("ten-years", ten_home)):
        at = ["--home", str(home)]
        found += [
            Timed(f"log/{label}", [*pc, *at, "log", "--pain", "4"], env),
            Timed(f"activity/{label}", [*pc, *at, "activity", "walk", "10"], env),
            Timed(f"today/{label}", [*pc, *at, "today"], env),
            Timed(f"remind/{label}", [*pc, *at, "remind"], env),
        ]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--ten-years", metavar="HOME", help="a ten-year home already made")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="paincoach-jrnl-") as folder:
        work = Path(folder)
        timed = commands(work, ten_year_home(args.ten_years, work))
        for number in range(args.rounds + 1):
            for command in timed:
                command.run()
                if number == 0:
                    command.times.clear()  # the warm-up round makes the new journals
            print(f"\r  round {number}/{args.rounds}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    by_name = {command.name: command for command in timed}
    print(f"{'command':<22}{'median ms':>10}{'÷ jrnl':>9}")
    for command in timed:
        label = command.name.split("/")[1]
        jrnl = by_name.get(f"jrnl/{label}")
        ratio = ""
        if jrnl is not None:
            per_round = (a / b for a, b in zip(command.times, jrnl.times, strict=True))
            ratio = f"{statistics.median(per_round):.2f}"
        print(f"{command.name:<22}{statistics.median(command.times):>10.1f}{ratio:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
