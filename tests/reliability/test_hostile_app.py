"""Hostile conditions in the app: damaged, full, read-only and unusable journals.

tests/unit/db/test_hostile_files.py proves the storage layer's messages. Here the same conditions
meet the running app: a plain message on screen, nothing written to a file that was not
paincoach's to write, and whatever the person had typed still in the form.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import textual
from sqlalchemy import event
from textual.widgets import Static, TextArea

import paincoach
from paincoach.app import PaincoachApp
from paincoach.core import paths
from paincoach.db import engine as db_engine
from paincoach.journal.service import Journal
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.problem import ProblemScreen
from paincoach.screens.today import TodayScreen
from tests.reliability.screens_support import SIZE, make_app, screen_text
from tests.storage_support import checkin, digest, open_journal
from tests.support import seeded_services, settle

REPO = Path(__file__).resolve().parents[2]
TYPED = "Three hours on the bus, knee on fire — 痛み [b]not markup[/b]"


def journal_with_entries(home: Path, entries: int = 120) -> Path:
    """An acknowledged journal with enough entries for damage to land in them."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    journal = open_journal(home)
    for n in range(entries):
        journal.add_checkin(checkin(pain=n % 11, note=f"entry {n} " + "words " * 40))
    journal.db.close()
    return paths.database_path(home)


def everything(home: Path) -> dict[str, str | None]:
    """Every file under `home` with its digest, WAL and shared memory included."""
    from tests.storage_support import digest

    return {str(p.relative_to(home)): digest(p) for p in sorted(home.rglob("*")) if p.is_file()}


async def type_a_check_in(pilot: Any, app: PaincoachApp) -> CheckInDialog:
    """Open the check-in form and fill it in (not saved yet)."""
    await pilot.press("c")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, CheckInDialog)
    await pilot.press("6")
    dialog.query_one("#note", TextArea).text = TYPED
    return dialog


async def save_refused(pilot: Any, app: PaincoachApp, dialog: CheckInDialog, *words: str) -> str:
    """Ctrl+S: the form stays, says why in plain words, and keeps everything typed."""
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert app.screen is dialog
    error = str(dialog.query_one("#form-error", Static).render())
    for word in words:
        assert word in error, error
    assert "Traceback" not in error and "sqlite3" not in error
    assert dialog.query_one("#note", TextArea).text == TYPED
    assert dialog.query_one("#pain").value == 6  # type: ignore[attr-defined]
    assert app.unexpected_errors == []
    return error


# -- journals that cannot be opened --------------------------------------------------------------


def _damage(home: Path, how: str) -> None:
    db_path = journal_with_entries(home) if how != "not sqlite" else paths.database_path(home)
    data = db_path.read_bytes() if db_path.exists() else b""
    if how == "not sqlite":
        home.mkdir(parents=True, exist_ok=True)
        db_path.write_bytes(random.Random(1).randbytes(8192))
    elif how == "damaged pages":
        size = int.from_bytes(data[16:18], "big")
        with db_path.open("r+b") as handle:
            for page in (3, 5, 8):
                handle.seek(page * size)
                handle.write(b"\x0d\xff\xff\xff\xff" + b"\xee" * 60)
    elif how == "cut short":
        db_path.write_bytes(data[: len(data) // 2])
    elif how == "another program's":
        db_path.unlink()
        import sqlite3

        conn = sqlite3.connect(db_path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()


@pytest.mark.parametrize("how", ["not sqlite", "damaged pages", "cut short", "another program's"])
async def test_a_journal_that_cannot_be_used_is_explained_and_left_alone(
    home: Path, how: str
) -> None:
    _damage(home, how)
    before = everything(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        message = str(app.screen.query_one("#problem-message", Static).render())
        assert "Nothing was changed" in message and "Traceback" not in message
        assert str(paths.database_path(home)) in message
        assert "Nothing has been changed or overwritten" in " ".join(screen_text(app).split())
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        await pilot.press("escape", "c")  # no way to type into a journal that is not there
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert app.unexpected_errors == []
    assert everything(home) == before  # not a byte, not even a -wal or -shm beside it


@pytest.mark.parametrize("where", ["a file", "inside a file", "a folder named like the journal"])
async def test_a_data_folder_that_cannot_be_used_is_explained(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my own notes\n")
    home = {"a file": blocker, "inside a file": blocker / "paincoach"}.get(where, tmp_path / "h")
    if where == "a folder named like the journal":
        (home / paths.DB_NAME).mkdir(parents=True)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        message = str(app.screen.query_one("#problem-message", Static).render())
        assert "Nothing was changed" in message and "--home" in message
    assert blocker.read_text() == "my own notes\n"


# -- a full disk -----------------------------------------------------------------------------------


@contextlib.contextmanager
def capped(app: PaincoachApp) -> Iterator[None]:
    """While inside: no page may be added to the journal (SQLite then reports it full)."""

    def cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine = app.services.db._engine
    event.listen(engine, "connect", cap)
    try:
        yield
    finally:
        event.remove(engine, "connect", cap)


async def test_a_full_disk_while_saving_keeps_what_was_typed(home: Path) -> None:
    db_path = journal_with_entries(home, entries=5)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await type_a_check_in(pilot, app)
        with capped(app):
            big = TYPED + " " + "x" * 15_000  # more than the free room in the last page
            dialog.query_one("#note", TextArea).text = big
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is dialog
            error = str(dialog.query_one("#form-error", Static).render())
            assert "no room left" in error and "not saved" in error
            assert dialog.query_one("#note", TextArea).text == big
        await pilot.press("ctrl+s")  # room again: the same form saves
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    import sqlite3

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM checkins").fetchone() == (6,)
    conn.close()


@contextlib.contextmanager
def mounted(*args: str, target: Path) -> Iterator[None]:
    """Mount something at `target` for the block (skip the test where mounting is not allowed)."""
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", *args, str(target)], capture_output=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


@pytest.mark.skipif(shutil.which("mount") is None, reason="no mount command")
async def test_a_really_full_disk_in_the_app(tmp_path: Path) -> None:
    """A 600 KB file system: save until it is full, then free some room and save again."""
    disk = tmp_path / "small-disk"
    with mounted("-t", "tmpfs", "-o", "size=600k", "tmpfs", target=disk):
        home = disk / "home"
        seeded_services(home).close()  # type: ignore[attr-defined]
        filler = disk / "filler"
        app = make_app(home)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            error = ""
            for _ in range(60):
                dialog = await type_a_check_in(pilot, app)
                dialog.query_one("#note", TextArea).text = TYPED + " " + "w" * 19_000
                await pilot.press("ctrl+s")
                await settle(pilot)
                if app.screen is dialog:
                    error = str(dialog.query_one("#form-error", Static).render())
                    break
                with contextlib.suppress(OSError), filler.open("ab") as handle:
                    handle.write(b"\0" * 20_000)  # take some more of the room
            assert "no room left" in error, error
            assert dialog.query_one("#note", TextArea).text.startswith(TYPED)
            filler.unlink(missing_ok=True)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, TodayScreen)
            assert app.unexpected_errors == []
        import sqlite3

        conn = sqlite3.connect(paths.database_path(home))
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()


# -- read-only ----------------------------------------------------------------------------------


async def test_a_read_only_journal_in_the_app_refuses_in_plain_words(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every connection opened with SQLite's read-only mode (what a 0400 file is for a
    non-root user); see the mount and setuid tests below for the real thing."""
    db_path = journal_with_entries(home, entries=3)
    real = db_engine._make_engine
    monkeypatch.setattr(
        db_engine, "_make_engine", lambda path, read_only=False: real(path, read_only=True)
    )
    before = digest(db_path)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        dialog = await type_a_check_in(pilot, app)
        await save_refused(pilot, app, dialog, "cannot write", "not saved")
    assert digest(db_path) == before  # (the day's backup, in its own folder, was taken)


@pytest.mark.skipif(shutil.which("mount") is None, reason="no mount command")
@pytest.mark.parametrize("wal_there", [False, True], ids=["closed", "left-open"])
async def test_a_journal_on_a_read_only_mount(tmp_path: Path, wal_there: bool) -> None:
    """The data folder on a read-only file system (a backup disk, a locked-down share)."""
    home = tmp_path / "home"
    journal_with_entries(home, entries=3)
    if wal_there:  # as after a crash: the -wal and -shm are still there
        import sqlite3

        keep = sqlite3.connect(paths.database_path(home))
        keep.execute("PRAGMA journal_mode=WAL")
        keep.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
        keep.commit()
        shutil.copytree(home, tmp_path / "copy")
        keep.close()
        shutil.rmtree(home)
        (tmp_path / "copy").rename(home)
    before = everything(home)
    with mounted("--bind", str(home), target=home):
        remount = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(home)], capture_output=True, check=False
        )
        if remount.returncode != 0:
            pytest.skip("cannot remount read-only here")
        app = make_app(home)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            if isinstance(app.screen, ProblemScreen):  # cannot even be read: said plainly
                message = str(app.screen.query_one("#problem-message", Static).render())
                assert "read-only" in message and "Nothing was changed" in message, message
            else:
                assert isinstance(app.screen, TodayScreen)
                dialog = await type_a_check_in(pilot, app)
                await save_refused(pilot, app, dialog, "not saved")
            assert app.unexpected_errors == []
    assert everything(home) == before


AS_NOBODY = textwrap.dedent(
    """
    import asyncio, os, sys, tempfile
    from pathlib import Path
    from textual.widgets import Static, TextArea
    from paincoach.app import create_app
    from paincoach.services import Services
    import paincoach.screens.checkin, paincoach.screens.help_now, paincoach.screens.first_run
    import paincoach.screens.problem, paincoach.screens.offer

    TYPED = sys.argv[2]

    async def session(home, save):
        app = create_app(home)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.8)
            await app.workers.wait_for_complete()
            await pilot.press("c")
            await pilot.pause(0.5)
            await pilot.press("6")
            app.screen.query_one("#note", TextArea).text = TYPED
            if save:
                await pilot.press("ctrl+s")
                await pilot.pause(0.8)
                await app.workers.wait_for_complete()
                await pilot.pause(0.3)
                print("SCREEN", type(app.screen).__name__)
                print("ERROR", str(app.screen.query_one("#form-error", Static).render()))
                print("KEPT", app.screen.query_one("#note", TextArea).text == TYPED)
                print("UNEXPECTED", len(app.unexpected_errors))

    # Everything imported and run once as root: afterwards the interpreter may not read
    # its own files (they live under /root).
    with tempfile.TemporaryDirectory() as warm:
        Services(Path(warm)).acknowledge("GB")
        asyncio.run(session(Path(warm), save=False))
    os.setgid(65534)
    os.setuid(65534)
    asyncio.run(session(Path(sys.argv[1]), save=True))
    """
)


def _readable_by_everyone(path: Path) -> bool:
    """True when every folder down to `path` lets another user in (and read)."""
    return all(folder.stat().st_mode & 0o005 == 0o005 for folder in [path, *path.parents])


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
@pytest.mark.skipif(
    not _readable_by_everyone(Path(paincoach.__file__).resolve().parent)
    or not _readable_by_everyone(Path(textual.__file__).resolve().parent),
    reason="the installed code is not readable by another user (e.g. a venv in a 0700 folder)",
)
def test_a_read_only_journal_for_another_user_in_the_app() -> None:
    """The real case: an unprivileged person whose journal file is 0400, in the app."""
    shared = Path(tempfile.mkdtemp(prefix="paincoach-ro-"))
    try:
        shared.chmod(0o755)
        home = shared / "home"
        journal_with_entries(home, entries=3)
        db_path = paths.database_path(home)
        for path in (home, db_path):
            os.chown(path, 65534, 65534)
        db_path.chmod(0o400)
        before = digest(db_path)
        result = subprocess.run(
            [sys.executable, "-c", AS_NOBODY, str(home), TYPED],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=REPO,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
        assert lines["SCREEN"] == "CheckInDialog"
        assert "cannot write" in lines["ERROR"] and "not saved" in lines["ERROR"]
        assert lines["KEPT"] == "True" and lines["UNEXPECTED"] == "0"
        assert digest(db_path) == before  # (its WAL, and the day's backup, may be made)
        assert db_path.stat().st_mode & 0o777 == 0o400
    finally:
        shutil.rmtree(shared)


# -- trouble while the app is open ----------------------------------------------------------------


async def test_a_journal_damaged_while_the_app_is_open(home: Path) -> None:
    db_path = journal_with_entries(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await type_a_check_in(pilot, app)
        size = int.from_bytes(db_path.read_bytes()[16:18], "big")
        with db_path.open("r+b") as handle:  # another program scribbles over it
            for page in range(2, 12):
                handle.seek(page * size)
                handle.write(b"\x0d\xff\xff\xff\xff" + b"\xee" * 200)
        error = await save_refused(pilot, app, dialog)
        assert "damaged" in error or "could not be used" in error, error
        await pilot.press("escape", "y")  # discard, back to Today
        await settle(pilot)
        await pilot.press("r")  # Today cannot read it now: it says so instead of crashing
        await settle(pilot)
        shown = " ".join(screen_text(app).split())
        assert "could not be opened" in shown or "damaged" in shown, shown[:300]
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        assert app.unexpected_errors == []


async def test_a_journal_moved_away_while_the_app_is_open(home: Path, tmp_path: Path) -> None:
    """A sync tool or the person moves the file: saving says so; nothing is lost."""
    db_path = journal_with_entries(home, entries=3)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await type_a_check_in(pilot, app)
        moved = tmp_path / "moved.db"
        db_path.rename(moved)
        await save_refused(pilot, app, dialog, "no longer there", "not saved")
        assert app.unexpected_errors == []
        assert not db_path.exists()  # no new, empty journal was made in its place
    import sqlite3

    conn = sqlite3.connect(moved)
    assert conn.execute("SELECT count(*) FROM checkins").fetchone() == (3,)
    conn.close()


async def test_a_bug_while_saving_leaves_the_form_usable(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected error (a bug) is reported, and the form can still be saved again."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    real_add = Journal.add_checkin

    def broken(self: Journal, draft: Any, **_: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Journal, "add_checkin", broken)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = await type_a_check_in(pilot, app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog and not dialog.saving
        error = str(dialog.query_one("#form-error", Static).render())
        assert "Something went wrong (RuntimeError)" in error and "try again" in error
        assert dialog.query_one("#note", TextArea).text == TYPED
        app.unexpected_errors.clear()
        monkeypatch.setattr(Journal, "add_checkin", real_add)
        await pilot.press("ctrl+s")  # the same form, saved again
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert [c.note for c in open_journal(home).today_view().today.checkins] == [TYPED]


# -- data folders with names that look like URLs ------------------------------------------------

ODD_NAMES = ["why?", "notes#1", "100%41", "a b", "Jürgen ✓", "x?mode=ro&uri=true"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_a_journal_stays_in_a_folder_whatever_its_name(tmp_path: Path, name: str) -> None:
    """Found here: a folder named "why?" sent the journal to a file "why" beside it (made with
    the umask's mode, outside the private folder), and "100%41" could not be opened."""
    import sqlite3

    from paincoach.cli.main import main
    from paincoach.db import migrations
    from paincoach.db.engine import Database
    from tests.fixtures.make_fixtures import fixture_path

    home = tmp_path / name
    open_journal(home).add_checkin(checkin(note="in its folder"))
    assert main(["--home", str(home), "today"]) == 0  # (the day's backup: see below)
    assert paths.database_path(home).stat().st_size > 0
    assert [c.note for c in open_journal(home).today_view().today.checkins] == ["in its folder"]
    old = tmp_path / f"old {name}"  # an old journal there is upgraded in place
    old.mkdir()
    shutil.copyfile(fixture_path(1), paths.database_path(old))
    Database.open(old).close()
    assert any((old / "backups").glob("before-schema-2-*.db"))
    conn = sqlite3.connect(paths.database_path(home))
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    newer = Database.open(home)  # a newer journal opens read-only, from the same file
    assert newer.read_only and Journal(newer).today_view().today.checkins


@pytest.mark.parametrize("name", ["why?", "100%41"])
def test_backups_in_a_folder_whatever_its_name(tmp_path: Path, name: str) -> None:
    from datetime import datetime

    from paincoach.transfer import backup, restoring

    home = tmp_path / name
    open_journal(home).add_checkin(checkin(note="keep me"))
    made = backup.manual_backup(home, None, overwrite=False, now=datetime(2026, 11, 27, 9))
    assert restoring.inspect(made).counts["checkins"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no stray file beside it
