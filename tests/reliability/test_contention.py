"""Contention: the app, command-line writers and backups at once; nobody sees "locked".

The journal is shared by the running app and any number of `paincoach` commands. Writes
begin with BEGIN IMMEDIATE and wait (busy timeout) for each other; reads never wait in WAL
mode. These tests run them together for real and count what went wrong: errors shown to
anyone (app notifications, form errors, command-line stderr, exit statuses) and entries lost.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from paincoach.app import PaincoachApp, create_app
from paincoach.core import paths
from paincoach.db import migrations
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import CheckIn
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.history import HistoryScreen
from paincoach.screens.today import TodayScreen
from paincoach.transfer import backup, restoring
from paincoach.widgets.entry_table import EntryTable
from tests.fixtures.make_fixtures import fixture_path
from tests.support import NOW, seeded_services, settle

REPO = Path(__file__).resolve().parents[2]
SHOWN_AS_TROUBLE = ("locked", "busy", "not saved", "went wrong", "could not")


# -- helpers --------------------------------------------------------------------------------


@contextmanager
def cli_writer(
    home: Path,
    count: int,
    prefix: str,
    *,
    wait_for: Path | None = None,
    until: Path | None = None,
) -> Iterator[subprocess.Popen[str]]:
    """A process that runs `paincoach log` `count` times, or on until `until` exists
    (see cli_loop.py)."""
    argv = [sys.executable, "-m", "tests.reliability.cli_loop", "--home", str(home)]
    argv += ["--count", str(count), "--prefix", prefix]
    if wait_for is not None:
        argv += ["--wait-for", str(wait_for)]
    if until is not None:
        argv += ["--until", str(until)]
    process = subprocess.Popen(
        argv, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def finish(process: subprocess.Popen[str]) -> tuple[list[str], dict[str, Any]]:
    """Wait for a cli_loop writer; the keys it reported saved, and its summary."""
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    lines = out.splitlines()
    summary = json.loads(lines[-1])
    saved = [line.split()[1] for line in lines[:-1] if line.startswith("SAVED ")]
    return saved, summary


def stored_keys(home: Path) -> list[str]:
    """The first tag of every check-in (the writers' keys), checked for integrity first."""
    conn = sqlite3.connect(f"file:{paths.database_path(home)}?mode=ro", uri=True)
    try:
        assert [row[0] for row in conn.execute("PRAGMA integrity_check")] == ["ok"]
        return [json.loads(tags)[0] for (tags,) in conn.execute("SELECT tags FROM checkins")]
    finally:
        conn.close()


def assert_nobody_saw_trouble(summary: dict[str, Any]) -> None:
    """A writer's exit statuses were all 0 and it printed nothing to stderr."""
    assert summary["bad"] == [], summary["bad"][:5]
    assert summary["errors"] == [], summary["errors"][:5]


@contextmanager
def readers(home: Path, stop: Path) -> Iterator[dict[str, Any]]:
    """Another process reading the journal in a loop (see read_loop.py); its report."""
    argv = [sys.executable, "-m", "tests.reliability.read_loop", "--home", str(home)]
    process = subprocess.Popen(
        [*argv, "--stop", str(stop)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    found: dict[str, Any] = {}
    try:
        yield found
    finally:
        stop.touch()
        out, _ = process.communicate(timeout=60)
        found.update(json.loads(out.splitlines()[-1]) if out.strip() else {"errors": ["none"]})


def watch_notifications(app: PaincoachApp) -> list[tuple[str, str]]:
    """Record every notification the app shows (message, severity)."""
    shown: list[tuple[str, str]] = []
    original = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        shown.append((str(message), str(kwargs.get("severity", "information"))))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return shown


async def wait_until(pilot: Any, condition: Any, seconds: float = 30) -> None:
    """Let the app run until `condition()` holds (or fail after `seconds`)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.pause(0.01)


async def save_from_dialog(pilot: Any, app: PaincoachApp, key: str) -> str:
    """Check in through the dialog; returns any error the form showed ("" when saved)."""
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, CheckInDialog))
    dialog = app.screen
    await pilot.press("3")
    dialog.query_one("#tags").value = key  # type: ignore[attr-defined]
    dialog.query_one("#note", TextArea).text = f"{key} saved in the app"
    await pilot.press("ctrl+s")
    deadline = time.monotonic() + 30
    while app.screen is dialog and time.monotonic() < deadline:
        await pilot.pause(0.01)
    if app.screen is dialog:
        return str(dialog.query_one("#form-error").render())
    return ""


# -- the app open while a command-line process adds 1,000 entries ------------------------------


#: Enough command-line saves for the open app to make dozens of rounds of reads, saves and
#: deletes beside them (each round is printed); it was 1000, with the same findings.
CLI_ENTRIES = 400


@pytest.mark.slow
async def test_the_open_app_reads_saves_and_deletes_while_the_cli_adds_entries(
    home: Path, tmp_path: Path
) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = create_app(home)  # the real clock: the command line logs "now" too
    shown = watch_notifications(app)
    app_saved: list[str] = []
    deleted: list[str] = []
    form_errors: list[str] = []
    rounds = 0
    slowest_delete = 0.0
    app_done = tmp_path / "app-done"  # the writer goes on until the app saved and deleted
    with (
        cli_writer(home, CLI_ENTRIES, "cli", until=app_done) as writer,
        readers(home, tmp_path / "stop") as read_report,
    ):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            while writer.poll() is None:
                rounds += 1
                await pilot.press("r")  # Today reloads: every entry of today, read again
                await pilot.press("h")
                await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
                await pilot.press("pagedown", "pagedown", "end", "escape")
                await wait_until(pilot, lambda: isinstance(app.screen, TodayScreen))
                if rounds % 2 == 0:
                    key = f"app-{rounds}"
                    problem = await save_from_dialog(pilot, app, key)
                    (form_errors.append(problem) if problem else app_saved.append(key))
                if rounds % 3 == 0:
                    await settle(pilot)
                    entry = app.screen.query_one(EntryTable).selected
                    if isinstance(entry, CheckIn) and entry.tags:
                        began = time.monotonic()
                        await pilot.press("d")
                        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
                        await pilot.press("y")
                        await settle(pilot)
                        slowest_delete = max(slowest_delete, time.monotonic() - began)
                        deleted.append(entry.tags[0])
                if app_saved and deleted:
                    app_done.touch()
            await settle(pilot)
            assert app.unexpected_errors == []
        cli_saved, summary = finish(writer)
    print(
        f"\ncontention[app+cli]: cli saved {len(cli_saved)} in {summary['seconds']} s "
        f"(slowest {summary['slowest']} s); app: {rounds} rounds of reads, "
        f"{len(app_saved)} saves, {len(deleted)} deletes (slowest {slowest_delete:.2f} s); "
        f"reader process: {read_report}"
    )
    assert read_report["errors"] == [] and read_report["reads"] > 10
    assert_nobody_saw_trouble(summary)
    assert form_errors == []
    trouble = [m for m, severity in shown if severity == "error" or _troubling(m)]
    assert trouble == []
    assert len(cli_saved) >= CLI_ENTRIES and app_saved and deleted
    stored = stored_keys(home)
    assert sorted(stored) == sorted(set(cli_saved + app_saved) - set(deleted))


def _troubling(message: str) -> bool:
    return any(word in message.lower() for word in SHOWN_AS_TROUBLE)


# -- two command-line writers at once -------------------------------------------------------------


@pytest.mark.slow
def test_two_cli_writers_starting_together_on_a_new_journal_lose_nothing(
    home: Path, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    with (
        cli_writer(home, 500, "one", wait_for=go) as one,
        cli_writer(home, 500, "two", wait_for=go) as two,
    ):
        time.sleep(1.5)  # both have imported everything and wait: then they start as one
        go.touch()
        saved_one, summary_one = finish(one)
        saved_two, summary_two = finish(two)
    print(
        f"\ncontention[cli+cli]: 2 x 500 entries in {summary_one['seconds']} s and "
        f"{summary_two['seconds']} s (slowest single save {summary_one['slowest']} s, "
        f"{summary_two['slowest']} s)"
    )
    assert_nobody_saw_trouble(summary_one)
    assert_nobody_saw_trouble(summary_two)
    assert len(saved_one) == len(saved_two) == 500
    assert sorted(stored_keys(home)) == sorted(saved_one + saved_two)


@pytest.mark.slow
def test_real_paincoach_processes_from_two_shells_at_once(home: Path) -> None:
    """`python -m paincoach log` over and over from two loops at once, on a new journal."""
    per_loop = 12
    problems: list[str] = []

    def loop(name: str) -> None:
        for n in range(per_loop):
            result = subprocess.run(
                [sys.executable, "-m", "paincoach", "log", "--pain", "2", "--tag", f"{name}-{n}"],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
                env={**os.environ, "PAINCOACH_HOME": str(home)},
            )
            if result.returncode != 0 or result.stderr:
                problems.append(result.stderr)

    loops = [threading.Thread(target=loop, args=(name,)) for name in ("left", "right")]
    for thread in loops:
        thread.start()
    for thread in loops:
        thread.join()
    assert problems == []
    assert len(stored_keys(home)) == 2 * per_loop


# -- making and migrating a journal at the same moment ---------------------------------------------


def _all_at_once(count: int, job: Any) -> list[BaseException]:
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def run() -> None:
        start.wait()
        try:
            job()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_several_programs_creating_the_same_new_journal_at_once(tmp_path: Path) -> None:
    """Found by these tests: one failed with 'File exists', 'database is locked', or found
    the journal half made and called it 'a database of another program'."""
    rounds, at_once = 60, 5
    for n in range(rounds):
        home = tmp_path / f"new-{n}"

        def save() -> None:
            journal = Journal(Database.open(home))  # noqa: B023
            journal.add_checkin(_draft())
            journal.db.close()

        assert _all_at_once(at_once, save) == [], f"round {n}"
        assert len(stored_keys(home)) == at_once


def _draft() -> Any:
    from paincoach.core import clock
    from paincoach.records.entries import CheckInDraft

    return CheckInDraft(clock.now(), 4, tags=("same moment",))


def test_several_programs_upgrading_an_old_journal_in_the_same_second(tmp_path: Path) -> None:
    """Each makes its own pre-migration backup; none is refused for a name already taken."""
    home = tmp_path / "old"
    home.mkdir()
    shutil.copyfile(fixture_path(1), paths.database_path(home))
    errors = _all_at_once(4, lambda: Database.open(home).close())
    assert errors == []
    conn = sqlite3.connect(paths.database_path(home))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    conn.close()
    made = sorted((home / "backups").glob("before-schema-*.db"))
    assert made
    for copy in made:
        assert restoring.inspect(copy).schema_version == 1


def test_a_backup_name_left_taken_by_a_killed_upgrade_does_not_block_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process killed while copying the journal aside leaves its backup's name taken."""
    assert NOW.strftime("%Y%m%d-%H%M%S") == "20261127-093000"  # the frozen clock names it
    home = tmp_path / "old"
    (home / "backups").mkdir(parents=True)
    shutil.copyfile(fixture_path(1), paths.database_path(home))
    left = home / "backups" / "before-schema-2-20261127-093000.db"
    left.write_bytes(b"")  # the half-made copy of the killed process
    Database.open(home).close()
    assert left.read_bytes() == b""  # not touched
    made = home / "backups" / "before-schema-2-20261127-093000-2.db"
    assert restoring.inspect(made).schema_version == 1


# -- backups taken while entries are written ------------------------------------------------


@pytest.mark.slow
def test_backups_taken_during_writes_hold_everything_saved_before_them(
    home: Path, tmp_path: Path
) -> None:
    """Each backup passes integrity_check, holds every entry reported saved before it began,
    nothing that was never saved, and restores into a new home with the same rows."""
    from paincoach.cli.main import main

    Database.open(home).close()
    reported: list[str] = []
    snapshots: list[tuple[set[str], Path]] = []
    with cli_writer(home, 400, "w") as writer:
        assert writer.stdout is not None

        def follow() -> None:
            assert writer.stdout is not None
            for line in writer.stdout:
                if line.startswith("SAVED "):
                    reported.append(line.split()[1])

        reader = threading.Thread(target=follow)
        reader.start()
        n = 0
        while writer.poll() is None and n < 40:
            before = set(reported)
            target = tmp_path / f"backup-{n}.db"
            if n % 4 == 0:  # `paincoach backup --out` as a person would run it
                assert main(["--home", str(home), "backup", "--out", str(target)]) == 0
            else:
                backup.manual_backup(home, target, overwrite=False, now=NOW)
            snapshots.append((before, target))
            n += 1
            time.sleep(0.05)
        reader.join()
        writer.wait()
    saved = set(reported)
    assert len(snapshots) >= 10
    for before, copy in snapshots:
        info = restoring.inspect(copy)  # integrity_check and counts
        held = set(stored_keys_of(copy))
        assert before <= held <= saved, copy.name
        restored = tmp_path / f"restored-{copy.stem}"
        restoring.restore(restored, copy, NOW)
        assert sorted(stored_keys(restored)) == sorted(held)
        assert restoring.inspect(paths.database_path(restored)).counts == info.counts
    print(f"\nbackups during writes: {len(snapshots)} backups, {len(saved)} entries written")


def stored_keys_of(db_file: Path) -> list[str]:
    """The writers' keys in a journal file (e.g. a backup)."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        assert [row[0] for row in conn.execute("PRAGMA integrity_check")] == ["ok"]
        return [json.loads(tags)[0] for (tags,) in conn.execute("SELECT tags FROM checkins")]
    finally:
        conn.close()
