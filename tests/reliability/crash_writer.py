"""Crash harness: writers that save entries, killed with SIGKILL at random moments.

Run as `python -m tests.reliability.crash_writer --mode MODE --kills N --root DIR`. The
process imports everything once, then for each kill forks a writer, waits a random
moment, kills it with SIGKILL and checks the journal it was writing:
`PRAGMA integrity_check`, and every entry the writer reported saved is there as saved
(every delete it reported done is gone; every reported edit is there). One JSON line per
kill goes to stdout; the test reads them.

Forking a process that has already imported SQLAlchemy, SQLModel and Textual makes a
writer start in milliseconds, so hundreds of kills fit in CI time; each writer is still a
real process that dies by SIGKILL, with whatever it had half written.

Writers report on a pipe, one line per step, written with a single `os.write` (atomic for
short lines), *after* the call that saves has returned:

- `cli`: `paincoach.cli.main.main(["log" | "activity", ..., "--note", "-"])`, the command line's
  own code from argument parsing to the printed answer, each call opening the journal anew
  as a separate `paincoach log` would.
- `service`: the call the app's check-in and activity dialogs make when saving
  (`services.journal.add_checkin(draft)` etc., with the draft built as `build_save` builds
  it), run in a worker thread as `call_service` runs it, on one `Services` per writer as
  one running app has; also edits and deletes as the entry actions make them.
- `pilot`: the real app (`create_app(home)`), headless under `App.run_test`; each entry is
  typed into the check-in dialog and saved with Ctrl+S, and reported once the dialog has
  closed (it closes only after the save returned).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

NOTE_WORDS = ["Schmerz", "痛み", "dolor", "knee", "[bold]", "flare", "ünter", "🙂", "sleep", "walk"]


def _note(rng: random.Random, key: str) -> str:
    """A note that starts with the entry's key, of a random length (up to ~6 KB)."""
    words = [rng.choice(NOTE_WORDS) for _ in range(rng.choice([0, 3, 40, 400, 1000]))]
    return " ".join([key, *words])


def _report(fd: int, *parts: str) -> None:
    os.write(fd, (json.dumps(parts) + "\n").encode())


# -- writers (run in the forked child) ------------------------------------------------------


def _cli_writer(home: Path, fd: int, rng: random.Random, prefix: str) -> None:
    from paincoach.cli.main import main

    for i in range(10_000):
        key = f"{prefix}-{i}"
        note = _note(rng, key)
        if rng.random() < 0.8:
            argv = ["--home", str(home), "log", "--pain", str(rng.randint(0, 10))]
            argv += ["--mood", str(rng.randint(0, 10)), "--tag", key, "--area", "lower back"]
        else:
            argv = ["--home", str(home), "activity", key, str(rng.randint(1, 120))]
        argv += ["--note", "-"]
        sys.stdin = io.TextIOWrapper(io.BytesIO(note.encode()), encoding="utf-8")
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        _report(fd, "begin", "add", key)
        status = main(argv)
        if status != 0:
            _report(fd, "fail", key, sys.stderr.getvalue())
            continue
        _report(fd, "done", "add", key, note)


def _in_worker(job: Callable[[], Any]) -> Any:
    """Run `job` in a thread and wait for it, as the app's `call_service` does."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["result"] = job()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def _service_writer(
    home: Path, fd: int, rng: random.Random, prefix: str, present: dict[str, str]
) -> None:
    from paincoach.core.errors import PaincoachError
    from paincoach.core.when import parse_when
    from paincoach.records.entries import ActivityDraft, CheckInDraft
    from paincoach.services import Services

    services = Services(home)
    uids = dict(present)  # key -> uid, of entries known to be saved
    for i in range(10_000):
        key = f"{prefix}-{i}"
        roll = rng.random()
        try:
            if roll < 0.12 and uids:
                target = rng.choice(sorted(uids))
                _report(fd, "begin", "delete", target)
                _in_worker(partial(services.journal.delete, uids[target]))
                _report(fd, "done", "delete", target)
                del uids[target]
                continue
            if roll < 0.24 and uids:
                target = rng.choice(sorted(uids))
                note = _note(rng, key)
                draft = CheckInDraft(
                    at=parse_when("now", now=services.clock()),
                    pain=rng.randint(0, 6),
                    tags=tuple(f"{target}, edited".split(",")),
                    note=note,
                )
                _report(fd, "begin", "update", target, note)
                uid = uids[target]
                try:
                    _in_worker(partial(services.journal.update_checkin, uid, draft))
                except PaincoachError:  # an activity: edit it as the activity dialog would
                    activity = ActivityDraft(
                        at=parse_when("now", now=services.clock()),
                        name=target,
                        minutes=rng.randint(1, 60),
                        note=note,
                    )
                    _in_worker(partial(services.journal.update_activity, uid, activity))
                _report(fd, "done", "update", target, note)
                continue
            note = _note(rng, key)
            _report(fd, "begin", "add", key)
            if roll < 0.85:
                checkin = CheckInDraft(
                    at=parse_when("now", now=services.clock()),
                    pain=rng.randint(0, 10),
                    mood=rng.choice([None, rng.randint(0, 10)]),
                    areas=("lower back", "neck"),
                    tags=tuple(f"{key}, stress".split(",")),
                    note=note,
                )
                saved = _in_worker(partial(services.journal.add_checkin, checkin))
            else:
                done = ActivityDraft(
                    at=parse_when("now", now=services.clock()),
                    name=key,
                    minutes=rng.randint(1, 120),
                    effort=rng.randint(0, 10),
                    paced=rng.random() < 0.5,
                    note=note,
                )
                saved = _in_worker(partial(services.journal.add_activity, done))
            uids[key] = saved.uid
            _report(fd, "done", "add", key, note, saved.uid)
        except PaincoachError as exc:
            _report(fd, "fail", key, exc.message)


def _pilot_writer(home: Path, fd: int, rng: random.Random, prefix: str) -> None:
    asyncio.run(_drive_app(home, fd, rng, prefix))


async def _drive_app(home: Path, fd: int, rng: random.Random, prefix: str) -> None:
    from textual.widgets import Input, TextArea

    from paincoach.app import create_app
    from paincoach.screens.checkin import CheckInDialog
    from paincoach.screens.today import TodayScreen

    app = create_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        for i in range(10_000):
            key = f"{prefix}-{i}"
            while not isinstance(app.screen, TodayScreen):
                await pilot.pause(0.005)
            await pilot.press("c")
            while (
                not isinstance(app.screen, CheckInDialog)
                or not app.screen.query_one("#pain").has_focus
            ):
                await pilot.pause(0.005)
            dialog = app.screen
            await pilot.press(str(rng.randint(0, 6)))
            note = _note(rng, key)
            dialog.query_one("#tags", Input).value = f"{key}, typed"
            dialog.query_one("#note", TextArea).text = note
            _report(fd, "begin", "add", key)
            await pilot.press("ctrl+s")
            while app.screen is dialog:
                await pilot.pause(0.005)
            if app.unexpected_errors:
                _report(fd, "fail", key, repr(app.unexpected_errors))
                return
            _report(fd, "done", "add", key, note)


# -- the parent: fork, kill, check -------------------------------------------------------------


class Expected:
    """What must be in one journal: saved entries by key, with their note (or gone)."""

    def __init__(self) -> None:
        self.notes: dict[str, str] = {}  # key -> note, for entries that must be there
        self.uids: dict[str, str] = {}  # key -> uid (service mode)
        self.gone: set[str] = set()  # keys whose delete was reported done

    def apply(self, events: list[list[str]]) -> tuple[dict[str, tuple[str, ...]], list[str]]:
        """Take a killed writer's reports; returns what may be either way, and failures."""
        open_ops: dict[str, tuple[str, ...]] = {}
        failures = []
        for event in events:
            kind = event[0]
            if kind == "fail":
                failures.append(" ".join(event[1:]))
            elif kind == "begin":
                op, key = event[1], event[2]
                open_ops = {key: (op, *event[3:])}
            elif kind == "done":
                op, key = event[1], event[2]
                open_ops.pop(key, None)
                if op == "add":
                    self.notes[key] = event[3]
                    if len(event) > 4:
                        self.uids[key] = event[4]
                elif op == "update":
                    self.notes[key] = event[3]
                elif op == "delete":
                    self.notes.pop(key, None)
                    self.uids.pop(key, None)
                    self.gone.add(key)
        return open_ops, failures


def _stored(db_path: Path) -> tuple[list[str], dict[str, list[str]], dict[str, str]]:
    """integrity_check, the notes stored under each key, and uids by key.

    A journal killed while it was being made may have no tables yet: then nothing is stored.
    """
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        if not {"checkins", "activities"} <= tables:
            return integrity, {}, {}
        found: dict[str, list[str]] = {}
        uids: dict[str, str] = {}
        for tags, note, uid in conn.execute("SELECT tags, note, uid FROM checkins"):
            key = json.loads(tags)[0]
            found.setdefault(key, []).append(note)
            uids[key] = uid
        for name, note, uid in conn.execute("SELECT name, note, uid FROM activities"):
            found.setdefault(name, []).append(note)
            uids[name] = uid
        return integrity, found, uids
    finally:
        conn.close()


def check(home: Path, expected: Expected, open_ops: dict[str, tuple[str, ...]]) -> list[str]:
    """Everything wrong with the journal after a kill (empty when all is well)."""
    db_path = home / "paincoach.db"
    if not db_path.exists() or db_path.stat().st_size == 0:
        return [f"saved entries missing: no journal ({len(expected.notes)})"] * bool(expected.notes)
    integrity, found, uids = _stored(db_path)
    problems = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:3]}"]
    for key, note in expected.notes.items():
        allowed = {note}
        pending = open_ops.get(key)
        if pending and pending[0] == "update":
            allowed.add(pending[1])
        if pending and pending[0] == "delete" and key not in found:
            continue
        if found.get(key, [None])[0] not in allowed or len(found.get(key, [])) != 1:
            problems.append(f"saved entry {key} lost or changed: {found.get(key)!r:.80}")
    for key in found:
        if key in expected.gone:
            problems.append(f"deleted entry {key} came back")
        elif key not in expected.notes and key not in open_ops:
            # committed by a writer killed before it could report: it stays from now on
            expected.notes[key] = found[key][0]
            expected.uids[key] = uids[key]
    for key, pending in open_ops.items():
        if key in expected.notes and key in found:
            expected.notes[key] = found[key][0]  # settle an edit that may or may not have landed
        elif pending[0] == "delete" and key not in found:
            expected.notes.pop(key, None)
            expected.uids.pop(key, None)
            expected.gone.add(key)
        elif pending[0] == "add" and key in found:
            expected.notes[key] = found[key][0]
            expected.uids[key] = uids[key]
    return problems


def _read_until(fd: int, deadline: float, chunks: list[bytes]) -> bool:
    """Read the pipe until `deadline`; False once the writer closed it (ended by itself)."""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            data = os.read(fd, 65536)
            if not data:
                return False
            chunks.append(data)


def one_exec_kill(home: Path, index: int, delay: float) -> tuple[list[list[str]], int]:
    """Start a real `python -m paincoach log` and SIGKILL it after `delay` seconds.

    Its entry counts as saved once it has printed "Saved check-in:" (it prints that only
    after the save returned).
    """
    key = f"k{index}-0"
    note = _note(random.Random(index), key)
    argv = [sys.executable, "-m", "paincoach", "--home", str(home), "log", "--pain", "4"]
    argv += ["--tag", key, "--note", "-"]
    process = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(note.encode())
    process.stdin.close()
    chunks: list[bytes] = []
    alive = _read_until(process.stdout.fileno(), time.monotonic() + delay, chunks)
    if alive:
        process.send_signal(signal.SIGKILL)
    assert process.stderr is not None
    chunks.append(process.stdout.read())
    err = process.stderr.read()
    process.wait()
    process.stdout.close()
    process.stderr.close()
    out = b"".join(chunks)
    events = [["begin", "add", key]]
    if b"Saved check-in:" in out:
        events.append(["done", "add", key, note])
    elif process.returncode not in (0, -signal.SIGKILL):
        events.append(["fail", key, err.decode(errors="replace")])
    return events, -process.returncode if process.returncode < 0 else -100 - process.returncode


def one_kill(
    mode: str, home: Path, index: int, delay: float, expected: Expected
) -> tuple[list[list[str]], int]:
    """Fork a writer on `home`, SIGKILL it after `delay` seconds; its reports and signal."""
    if mode == "exec":
        return one_exec_kill(home, index, delay)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        os.close(read_end)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        rng = random.Random(index * 7919 + 17)
        try:
            if mode == "cli":
                _cli_writer(home, write_end, rng, f"k{index}")
            elif mode == "service":
                _service_writer(home, write_end, rng, f"k{index}", dict(expected.uids))
            else:
                _pilot_writer(home, write_end, rng, f"k{index}")
        except BaseException as exc:
            _report(write_end, "fail", "writer", repr(exc))
        os._exit(3)
    os.close(write_end)
    chunks: list[bytes] = []
    alive = _read_until(read_end, time.monotonic() + delay, chunks)
    if alive:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while data := os.read(read_end, 65536):
        chunks.append(data)
    os.close(read_end)
    lines = b"".join(chunks).decode().splitlines()
    return [json.loads(line) for line in lines], os.WTERMSIG(status) if os.WIFSIGNALED(
        status
    ) else -os.WEXITSTATUS(status)


def _delay(rng: random.Random, mode: str, max_delay: float) -> float:
    if mode == "exec":
        # In bands of the time a run takes to save (it exits right after): most while it
        # starts and opens the journal, some around the save, some after it, so that enough
        # are killed and enough have saved even when a run takes half or 1.5x as long here.
        band = rng.random()
        low, high = (0.05, 0.6) if band < 0.6 else (0.6, 1.4) if band < 0.78 else (1.4, 2.2)
        return rng.uniform(low, high) * _EXEC_SECONDS[0]
    if mode == "pilot":  # from start-up on, and then over a few saves
        return rng.uniform(0.3, 1.0) * _PILOT_START[0] + rng.uniform(0, max_delay)
    # Some kills land while the journal is being opened (or made), most mid-stream. On a
    # busy machine the first save comes later, so the stream reaches as far past it as it
    # does on an idle one (measured, not guessed: `_FIRST_SAVE`).
    span = max(max_delay, 3 * _FIRST_SAVE[0])
    return rng.uniform(0, 0.01) if rng.random() < 0.15 else rng.uniform(0, span)


_EXEC_SECONDS = [0.4]
_PILOT_START = [0.5]
_FIRST_SAVE = [0.0]  # cli and service writers: seconds from fork to the first save, now


def _time_to_first_save(mode: str, home: Path) -> float:
    """Seconds from fork to a writer's first reported save (the writer is killed then)."""
    read_end, write_end = os.pipe()
    began = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        try:
            if mode == "cli":
                _cli_writer(home, write_end, random.Random(1), "warm")
            elif mode == "service":
                _service_writer(home, write_end, random.Random(1), "warm", {})
            else:
                _pilot_writer(home, write_end, random.Random(1), "warm")
        finally:
            os._exit(3)
    os.close(write_end)
    seen = b""
    while b'"done"' not in seen and time.monotonic() - began < 60:
        ready, _, _ = select.select([read_end], [], [], 1)
        if ready:
            data = os.read(read_end, 65536)
            if not data:
                break
            seen += data
    took = time.monotonic() - began
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)
    return took


def _seconds_to_save(home: Path, index: int) -> float:
    """Seconds from starting a real `paincoach log` to its "Saved check-in:" line."""
    argv = [sys.executable, "-m", "paincoach", "--home", str(home), "log", "--pain", "4"]
    argv += ["--tag", f"k{index}-0"]
    began = time.monotonic()
    with subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as process:
        assert process.stdout is not None
        seen = b""
        while b"Saved check-in:" not in seen:
            data = os.read(process.stdout.fileno(), 65536)
            if not data:
                break
            seen += data
        return time.monotonic() - began


def warm_up(mode: str) -> None:
    """Import (and run once) everything a writer uses, so that forks start at once."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        if mode == "exec":  # how long a `paincoach log` takes to save on this machine now
            _EXEC_SECONDS[0] = statistics.median(_seconds_to_save(home, n) for n in (-1, -2, -3))
        from paincoach.cli.main import main

        sys.stdin = io.TextIOWrapper(io.BytesIO(b"warm"), encoding="utf-8")
        saved_out = sys.stdout
        sys.stdout = io.StringIO()
        try:
            main(["--home", str(home), "log", "--pain", "1", "--note", "-"])
            main(["--home", str(home), "activity", "walk", "5"])
        finally:
            sys.stdout = saved_out
        from paincoach.services import Services

        services = Services(home)
        services.journal.today_view()
        services.close()
        if mode == "pilot":
            import paincoach.app
            import paincoach.screens.checkin
            import paincoach.screens.today  # noqa: F401

            _prepare_home(home / "pilot", mode)
            _PILOT_START[0] = _time_to_first_save(mode, home / "pilot")
        if mode in ("cli", "service"):
            _FIRST_SAVE[0] = _time_to_first_save(mode, home / "first")


def _prepare_home(home: Path, mode: str) -> None:
    if mode == "pilot" and not home.exists():
        from paincoach.services import Services

        services = Services(home)
        services.acknowledge("GB")  # straight to Today: no first-run page to click through
        services.close()


def main(argv: list[str] | None = None) -> int:
    """Run the kills; print one JSON line per kill, then a summary line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["cli", "service", "pilot", "exec"], required=True)
    parser.add_argument("--kills", type=int, required=True)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--per-home", type=int, default=50)
    parser.add_argument("--max-delay", type=float, default=0.08)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    warm_up(args.mode)
    rng = random.Random(args.seed)
    homes: dict[Path, Expected] = {}
    started = time.monotonic()
    for index in range(args.kills):
        home = args.root / f"home-{index // args.per_home:03d}"
        _prepare_home(home, args.mode)
        expected = homes.setdefault(home, Expected())
        if args.mode == "exec" and index % 10 == 9:  # the machine's load changes: time again
            began = time.monotonic()
            one_exec_kill(args.root / "timing", -index, 60.0)
            _EXEC_SECONDS[0] = time.monotonic() - began
        if args.mode in ("cli", "service") and index % 40 == 39:  # and for forked writers
            _FIRST_SAVE[0] = _time_to_first_save(args.mode, args.root / f"timing-{index}")
        delay = _delay(rng, args.mode, args.max_delay)
        events, signal_number = one_kill(args.mode, home, index, delay, expected)
        open_ops, failures = expected.apply(events)
        problems = check(home, expected, open_ops)
        done = sum(1 for e in events if e[0] == "done")
        print(
            json.dumps(
                {
                    "kill": index,
                    "home": home.name,
                    "delay": round(delay, 4),
                    "signal": signal_number,
                    "done": done,
                    "adds": sum(1 for e in events if e[:2] == ["done", "add"]),
                    "in_flight": sorted(open_ops),
                    "failures": failures,
                    "problems": problems,
                }
            ),
            flush=True,
        )
    summary = {
        "summary": True,
        "seconds": round(time.monotonic() - started, 2),
        "homes": {home.name: sorted(exp.notes) for home, exp in homes.items()},
        "notes": {home.name: exp.notes for home, exp in homes.items()},
        "gone": {home.name: sorted(exp.gone) for home, exp in homes.items()},
    }
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
