"""paincoach's speed, measured against its own libraries: one command, a table of ratios.

    .venv/bin/python bench/run.py [--quick] [--rounds N] [--doc] [--label NAME]

1. Makes (once a day, cached in bench/out/homes/) an empty home and a ten-year home through
   `paincoach import` (see history.py).
2. Whole processes, each with its baseline in the same rounds (round-robin, so a busy moment
   of the machine hits every command alike), as medians, and as the median of the per-round
   ratios:
   - the app's first frame (headless.py) against a hello-world Textual app's first frame;
   - the app showing Today with its data against `python -c "import textual.app, sqlmodel"`;
   - `paincoach log`, `today` and `week` against `python -c "import sqlmodel"`;
   each on the empty and the ten-year home. App figures run from process start to the
   frame (stamped by the frame clock in frames.py); commands and the import baselines run
   start to exit. Strict baselines give the libraries paincoach's start conditions (the
   collector paused; the imports stamped at their end, without the interpreter's exit).
3. In-process: service calls (queries.py) and key press to frame (interaction.py), whose
   process also gives the app's peak memory (ru_maxrss) after touring every screen.
4. Prints the table, keeps the figures in bench/out/results-LABEL.json and, with --doc,
   writes them into docs/performance.md between its bench markers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import history  # beside this script: Python puts the script's folder on the path
from labels import GROWTH, KEY_LABELS, PAIRS

BENCH = Path(__file__).parent
ROOT = BENCH.parent
DOC = ROOT / "docs" / "performance.md"
PY = sys.executable
STAMP = "import time; print(time.monotonic_ns())"
PAUSE = "import gc; gc.disable()"
FREEZE = "gc.freeze()"

#: (figure, target ratio or limit, what it is compared with)
TARGETS = {
    "first_frame": 1.6,
    "today_data": 1.4,
    "cli": 1.15,
    "growth": 1.1,
    "week_summary": 20.0,
    "insights": 100.0,
    "report_4_weeks_html": 500.0,
    "key_to_frame": 50.0,
    "memory_mb": 150.0,
}


@dataclass
class Command:
    """A process to time: argv, and whether it stamps its own end (else: until exit)."""

    name: str
    argv: list[str]
    stamped: bool = False
    env: dict[str, str] = field(default_factory=dict)  # e.g. PYTHONPATH of another version
    times: list[float] = field(default_factory=list)

    def run(self, env: dict[str, str]) -> None:
        """Run once and keep the time in milliseconds."""
        env = {**env, **self.env}
        started = time.monotonic_ns()
        result = subprocess.run(self.argv, capture_output=True, text=True, env=env, check=False)
        ended = time.monotonic_ns()
        if result.returncode != 0:
            raise RuntimeError(f"{self.name} failed ({result.returncode}):\n{result.stderr}")
        if self.stamped:
            last = result.stdout.strip().splitlines()[-1]
            at = json.loads(last)["at_ns"] if last.startswith("{") else int(last)
            self.times.append((at - started) / 1e6)
        else:
            self.times.append((ended - started) / 1e6)

    @property
    def median(self) -> float:
        """The median time in milliseconds."""
        return statistics.median(self.times)

    def ratio(self, baseline: Command) -> float:
        """The median of this command's time over the baseline's, round by round.

        Each round runs every command once, so a busy moment of the machine slows a command
        and its baseline alike; the ratio within a round cancels most of it.
        """
        return statistics.median(a / b for a, b in zip(self.times, baseline.times, strict=True))


def _paincoach() -> list[str]:
    script = Path(PY).parent / "paincoach"
    return [str(script)] if script.exists() else [PY, "-m", "paincoach"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PAINCOACH_", "TEXTUAL"))}
    env.update(COLUMNS="80", LINES="24", PYTHONIOENCODING="utf-8")
    return env


def _rounds(commands: list[Command], rounds: int, log: Callable[[str], None]) -> None:
    """One warm-up round, then `rounds` rounds of every command in turn."""
    env = _env()
    for number in range(rounds + 1):
        for command in commands:
            command.run(env)
            if number == 0:
                command.times.clear()
        log(f"\r  round {number}/{rounds}")
    log("\n")


def _versioned(prefix: str) -> Callable[[str], str]:
    return lambda name: f"{prefix}:{name}" if prefix else name


def _paincoach_commands(homes: dict[str, Path], label: str, env: dict[str, str]) -> list[Command]:
    """The app and command figures of one version (`label` "" for the one installed)."""
    named = _versioned(label)
    pc = _paincoach()
    headless = [PY, str(BENCH / "headless.py")]
    commands = []
    for name, cached in homes.items():
        home = history.working_copy(cached, named(name).replace(":", "-"))
        log = history.working_copy(cached, named(f"log-{name}").replace(":", "-"))
        commands += [
            Command(named(f"first_frame/{name}"), [*headless, "first-frame", str(home)],
                    stamped=True, env=env),
            Command(named(f"today_data/{name}"), [*headless, "today-data", str(home)],
                    stamped=True, env=env),
            Command(named(f"today/{name}"), [*pc, "--home", str(home), "today"], env=env),
            Command(named(f"week/{name}"), [*pc, "--home", str(home), "week"], env=env),
            Command(named(f"log/{name}"), [*pc, "--home", str(log), "log", "--pain", "4"],
                    env=env),
        ]  # fmt: skip
    return commands


def process_figures(
    homes: dict[str, Path],
    rounds: int,
    log: Callable[[str], None],
    versions: dict[str, dict[str, str]],
) -> dict[str, dict[str, Any]]:
    """Every whole-process figure of each version, with the baselines, in the same rounds."""
    headless = [PY, str(BENCH / "headless.py")]
    commands = [
        Command("hello_first_frame", [*headless, "hello"], stamped=True),
        Command("import_textual_sqlmodel", [PY, "-c", "import textual.app, sqlmodel"]),
        Command("import_sqlmodel", [PY, "-c", "import sqlmodel"]),
        # The same baselines under paincoach's own conditions (see PAIRS below).
        Command("hello_first_frame_paused", [*headless, "hello-paused"], stamped=True),
        Command("import_textual_sqlmodel_stamped",
                [PY, "-c", f"{PAUSE}; import textual.app, sqlmodel; {STAMP}"], stamped=True),
        Command("import_sqlmodel_paused", [PY, "-c", f"{PAUSE}; import sqlmodel; {FREEZE}"]),
    ]  # fmt: skip
    baselines = list(commands)
    for label, env in versions.items():
        commands += _paincoach_commands(homes, label, env)
    log(f"whole processes: {len(commands)} commands, {rounds} rounds (+1 warm-up)\n")
    _rounds(commands, rounds, log)
    by_name = {c.name: c for c in commands}
    results = {}
    for label in versions:
        named = _versioned(label)
        found: dict[str, Any] = {c.name: {"median": c.median, "times": c.times} for c in baselines}
        for c in commands:
            if c not in baselines and c.name.startswith(named("")):
                found[c.name.removeprefix(named(""))] = {"median": c.median, "times": c.times}
        for _label, key, base, _base_label, strict in PAIRS:
            for name in homes:
                command = by_name[named(f"{key}/{name}")]
                found[f"{key}/{name}"]["ratio"] = command.ratio(by_name[base])
                found[f"{key}/{name}"]["strict_ratio"] = command.ratio(by_name[strict])
        for key in GROWTH:
            ten, empty = by_name[named(f"{key}/ten-years")], by_name[named(f"{key}/empty")]
            found[f"{key}/growth"] = ten.ratio(empty)
        results[label] = found
    return results


def _child_json(argv: list[str], env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        argv, capture_output=True, text=True, env={**_env(), **env}, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{argv} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def in_process_figures(
    homes: dict[str, Path], runs: int, log: Callable[[str], None], env: dict[str, str]
) -> dict[str, Any]:
    """Service calls and key presses, per home."""
    found: dict[str, Any] = {}
    for name, home in homes.items():
        log(f"in-process: {name}\n")
        copy = history.working_copy(home, f"inproc-{name}")
        found[f"queries/{name}"] = _child_json(
            [PY, str(BENCH / "queries.py"), str(copy), "--runs", str(runs)], env
        )
        found[f"keys/{name}"] = _child_json(
            [PY, str(BENCH / "interaction.py"), str(copy), "--runs", str(runs)], env
        )
    return found


def first_open_of_the_day(
    home: Path, runs: int, versions: dict[str, dict[str, str]]
) -> dict[str, dict[str, float]]:
    """`paincoach today` when today's backup is still to be taken (median ms, per version)."""
    times: dict[str, list[float]] = {label: [] for label in versions}
    for _ in range(runs):
        for label, env in versions.items():
            copy = history.working_copy(home, "first-open")
            shutil.rmtree(copy / "backups")
            command = Command("first_open", [*_paincoach(), "--home", str(copy), "today"], env=env)
            command.run(_env())
            times[label].append(command.times[0])
    return {label: {"median": statistics.median(found)} for label, found in times.items()}


# -- the table -----------------------------------------------------------------------------------


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for package in ("textual", "rich", "sqlmodel", "sqlalchemy", "pydantic"):
        found[package] = metadata.version(package)
    return found


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _verdict(ok: bool) -> str:
    return "pass" if ok else "**miss**"


def ratio_rows(p: dict[str, Any]) -> list[str]:
    """Whole-process figures against their baselines (and the strict baselines)."""
    rows = [
        _row(["figure", "home", "median ms", "baseline", "baseline ms", "ratio", "target", "",
              "strict baseline ms", "strict ratio"]),
        _row(["---", "---", "---:", "---", "---:", "---:", "---:", "---", "---:", "---:"]),
    ]  # fmt: skip
    for label, key, base, base_label, strict in PAIRS:
        target = TARGETS.get(key, TARGETS["cli"])
        for home in ("empty", "ten-years"):
            found = p[f"{key}/{home}"]
            value, baseline, ratio = found["median"], p[base]["median"], found["ratio"]
            rows.append(
                _row([label, home, f"{value:.0f}", base_label, f"{baseline:.0f}",
                      f"{ratio:.2f}×", f"≤ {target}×", _verdict(ratio <= target),
                      f"{p[strict]['median']:.0f}", f"{found['strict_ratio']:.2f}×"])
            )  # fmt: skip
    return rows


def growth_rows(p: dict[str, Any]) -> list[str]:
    """Ten-year home against the empty home, for every whole-process figure."""
    rows = [
        _row(["figure", "empty ms", "ten years ms", "ratio", "target", ""]),
        _row(["---", "---:", "---:", "---:", "---:", "---"]),
    ]
    for key in GROWTH:
        empty, ten = p[f"{key}/empty"]["median"], p[f"{key}/ten-years"]["median"]
        ratio = p[f"{key}/growth"]
        limit = TARGETS["growth"]
        rows.append(
            _row([key.replace("_", " "), f"{empty:.0f}", f"{ten:.0f}", f"{ratio:.2f}×",
                  f"≤ {limit}×", _verdict(ratio <= limit)])
        )  # fmt: skip
    return rows


QUERY_LIMITS = {
    "week_summary": TARGETS["week_summary"],
    "week_summary_5y_back": TARGETS["week_summary"],
    "insights": TARGETS["insights"],
    "insights_5y_back": TARGETS["insights"],
    "report_4_weeks": TARGETS["report_4_weeks_html"],
    "report_4_weeks_html": TARGETS["report_4_weeks_html"],
}


def query_rows(i: dict[str, Any]) -> list[str]:
    """Service calls, empty and ten-year home."""
    rows = [
        _row(["service call (in-process)", "empty ms", "ten years ms", "target", ""]),
        _row(["---", "---:", "---:", "---:", "---"]),
    ]
    empty, ten = i["queries/empty"], i["queries/ten-years"]
    for key, value in ten.items():
        limit = QUERY_LIMITS.get(key)
        rows.append(
            _row([key.replace("_", " "), f"{empty[key]:.1f}", f"{value:.1f}",
                  f"< {limit:.0f} ms" if limit else "", _verdict(value < limit) if limit else ""])
        )  # fmt: skip
    return rows


def key_rows(i: dict[str, Any]) -> list[str]:
    """Key press to frame, empty and ten-year home: median (first press)."""
    rows = [
        _row(["key press → frame", "empty ms", "ten years ms", "target", ""]),
        _row(["---", "---:", "---:", "---:", "---"]),
    ]
    limit = TARGETS["key_to_frame"]
    for key, label in KEY_LABELS.items():
        cells = []
        for home in ("empty", "ten-years"):
            found = i[f"keys/{home}"].get(key)
            cells.append(
                "–" if found is None else f"{found['median']:.0f} (first {found['first']:.0f})"
            )
        ten = i["keys/ten-years"].get(key)
        ok = ten is None or ten["median"] < limit
        rows.append(_row([label, *cells, f"< {limit:.0f} ms", _verdict(ok)]))
    return rows


def memory_rows(p: dict[str, Any], i: dict[str, Any]) -> list[str]:
    """Peak memory of the app after its tour of every screen."""
    limit = TARGETS["memory_mb"]
    rows = [
        _row(["peak memory (ru_maxrss)", "MB", "target", ""]),
        _row(["---", "---:", "---:", "---"]),
    ]
    for home in ("empty", "ten-years"):
        mb = i[f"keys/{home}"]["maxrss_kb"] / 1024
        rows.append(_row([f"app, {home} home, after the tour", f"{mb:.0f}", f"< {limit:.0f}",
                          _verdict(mb < limit)]))  # fmt: skip
    return rows


def report(results: dict[str, Any]) -> str:
    """The results as Markdown."""
    p, i = results["process"], results["in_process"]
    v = results["versions"]
    lines = [
        f"Measured {results['when']} on {results['machine']}; Python {v['python']}, "
        f"SQLite {v['sqlite']}, textual {v['textual']}, rich {v['rich']}, sqlmodel "
        f"{v['sqlmodel']}, SQLAlchemy {v['sqlalchemy']}, pydantic {v['pydantic']}. "
        f"Whole processes: medians of {results['rounds']} rounds; in-process: medians of "
        f"{results['runs']} runs. Ten-year home: "
        + ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in results["counts"].items())
        + ".",
        "",
        *ratio_rows(p),
        "",
        *growth_rows(p),
        "",
        *query_rows(i),
        "",
        *key_rows(i),
        "",
        *memory_rows(p, i),
        "",
        f"First `paincoach today` of the day on the ten-year home (takes the daily backup): "
        f"{results['first_open']['median']:.0f} ms (median of {results['first_open_runs']}).",
    ]
    return "\n".join(lines)


def write_doc(text: str, block: str = "bench") -> None:
    """Put `text` between the `block` markers of docs/performance.md."""
    begin, end = f"<!-- {block}:begin -->", f"<!-- {block}:end -->"
    doc = DOC.read_text(encoding="utf-8")
    head, _, rest = doc.partition(begin)
    _, _, tail = rest.partition(end)
    DOC.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")


def before_and_after(results: dict[str, Any], label: str) -> str:
    """The version measured with `--against LABEL=…` beside this one, as Markdown."""
    from compare import rows

    lines = [f"| figure | {label} | now |", "| --- | ---: | ---: |"]
    lines += [f"| {f} | {o} | {n} |" for f, o, n in rows(results["against"][label], results)]
    return "\n".join(lines)


def main() -> int:
    """Measure everything and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a rough look)")
    parser.add_argument("--rounds", type=int, help="whole-process rounds (default 15, quick 5)")
    parser.add_argument("--doc", action="store_true", help="write into docs/performance.md")
    parser.add_argument("--label", default="latest", help="name of the results file")
    parser.add_argument(
        "--against",
        action="append",
        default=[],
        metavar="NAME=SRC",
        help="also measure the paincoach in SRC (e.g. a git worktree's src) in the same rounds",
    )
    args = parser.parse_args()
    rounds = args.rounds or (5 if args.quick else 15)
    runs = 5 if args.quick else 20

    def log(text: str) -> None:
        sys.stderr.write(text)
        sys.stderr.flush()

    homes = history.homes(log=lambda text: log(text + "\n"))
    versions: dict[str, dict[str, str]] = {"": {}}
    for against in args.against:
        label, _, src = against.partition("=")
        versions[label] = {"PYTHONPATH": str(Path(src).resolve())}
    process = process_figures(homes, rounds, log, versions)
    first_open_runs = 3 if args.quick else 5
    first_open = first_open_of_the_day(homes["ten-years"], first_open_runs, versions)
    results: dict[str, Any] = {
        "when": datetime.now().isoformat(timespec="minutes"),
        "machine": _machine(),
        "versions": _versions(),
        "counts": history.counts(),
        "rounds": rounds,
        "runs": runs,
        "first_open_runs": first_open_runs,
        "process": process[""],
        "in_process": in_process_figures(homes, runs, log, {}),
        "first_open": first_open[""],
        "against": {
            label: {
                "process": process[label],
                "in_process": in_process_figures(homes, runs, log, env),
                "first_open": first_open[label],
            }
            for label, env in versions.items()
            if label
        },
    }
    out = history.OUT / f"results-{args.label}.json"
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    text = report(results)
    print(text)
    if args.doc:
        write_doc(text)
        if "before" in results["against"]:
            write_doc(before_and_after(results, "before"), "compare")
    log(f"\nfigures kept in {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
