"""Privacy (design §3, §7): private files, deleted words gone, no network, notes in no argv
and in no temporary file.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError
from sqlalchemy import text

from paincoach.cli.main import build_parser, main
from paincoach.core import paths
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.transfer import backup
from tests.fixtures.make_fixtures import fixture_path
from tests.practice_support import THOUGHTS, drive, runner
from tests.support import NOW, fixed_clock

REPO = Path(__file__).resolve().parents[2]
MARKER = "Zq7-PRIVATE-MARKER-ÜÖ-痛み"
MARKER_BYTES = MARKER.encode()


def _python(
    *args: str, env: dict[str, str] | None = None, stdin: bytes = b"", umask: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        timeout=180,
        check=False,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# -- private files, under the common umask 022 ----------------------------------------------------


def _pc(home: Path, *argv: str, stdin: bytes = b"", cwd_out: Path | None = None) -> str:
    """Run a real `python -m paincoach` under umask 022; returns its stdout."""
    result = _python("-m", "paincoach", "--home", str(home), *argv, stdin=stdin, umask=0o022)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def _not_private(*roots: Path) -> list[str]:
    """Every folder under `roots` that is not 0700 and every file that is not 0600."""
    found = []
    for root in roots:
        for path in [root, *root.rglob("*")]:
            mode = _mode(path)
            if (path.is_dir() and mode != 0o700) or (path.is_file() and mode != 0o600):
                found.append(f"{path} {oct(mode)}")
    return found


@pytest.mark.slow
def test_every_file_paincoach_writes_is_private_under_umask_022(tmp_path: Path) -> None:
    """The journal, its backups (daily, manual, before a migration, before a restore), the
    exports (json, csv, md, html) and their folders: 0600 files in 0700 folders."""
    home, restored, old = tmp_path / "home", tmp_path / "restored", tmp_path / "old"
    out = tmp_path / "out"
    out.mkdir()  # the person's own folder: its mode is theirs; the files in it are ours
    _pc(home, "log", "--pain", "4", "--note", "-", stdin=MARKER_BYTES)  # + the daily backup
    _pc(home, "activity", "walk", "10")
    _pc(home, "backup")
    _pc(home, "backup", "--out", str(out / "copy.db"))
    _pc(home, "export", "--out", str(out / "all.json"))
    _pc(home, "export", "--format", "csv", "--out", str(out / "csv"))
    _pc(home, "export", "--format", "md", "--include-notes", "--out", str(out / "r.md"))
    _pc(home, "export", "--format", "html", "--out", str(out / "r.html"))
    _pc(restored, "log", "--pain", "1")
    _pc(restored, "restore", str(out / "copy.db"))  # keeps the journal it replaces
    _pc(restored, "import", str(out / "all.json"))
    old.mkdir(mode=0o755)
    old.chmod(0o755)
    shutil.copyfile(fixture_path(1), paths.database_path(old))
    paths.database_path(old).chmod(0o644)
    _pc(old, "today")  # migrates, copying the old journal aside first
    backups = {p.name.split("-")[0] for p in (home / "backups").iterdir()}
    assert {"paincoach", "manual"} <= backups
    assert any((restored / "backups").glob("before-restore-*"))
    assert any((old / "backups").glob("before-schema-*"))
    assert _not_private(home, restored, out / "csv", old / "backups") == []
    assert [p.name for p in out.iterdir() if p.is_file() and _mode(p) != 0o600] == []
    # An existing journal, and the existing data folder it is in, are made private.
    assert _mode(paths.database_path(old)) == 0o600
    assert _mode(old) == 0o700


def test_the_wal_and_shm_of_a_running_app_are_private(home: Path) -> None:
    old = os.umask(0o022)
    try:
        from paincoach.services import Services

        services = Services(home, fixed_clock)
        keeper = sqlite3.connect(Database.open(home).path)
        keeper.execute("SELECT 1 FROM checkins").fetchall()  # an open reader keeps -wal/-shm
        services.journal.add_checkin(CheckInDraft(NOW, 3, note=MARKER))
        for path in paths.sidecar_paths(services.db.path):
            assert path.exists() and _mode(path) == 0o600, path.name
        assert _mode(home) == 0o700
        keeper.close()
        services.close()
    finally:
        os.umask(old)


# -- deleted words leave no trace ------------------------------------------------------------------


def _holders(home: Path, *, skip: set[Path]) -> list[str]:
    """Every file under `home` (sidecars included) whose bytes hold the marker."""
    return [
        str(path.relative_to(home))
        for path in sorted(home.rglob("*"))
        if path.is_file() and path not in skip and MARKER_BYTES in path.read_bytes()
    ]


def _marked_thought_record(home: Path) -> str:
    practice = Practice(Database.open(home), Journal(Database.open(home), fixed_clock), fixed_clock)
    r = runner("thought-record")
    thought = f"{MARKER} thought"
    drive(
        r,
        {
            **THOUGHTS,
            "situation": f"{MARKER} at shops",
            "thoughts": thought,
            "hot_thought": thought,
        },
    )
    saved = practice.save_session(r.result())
    assert saved.thought_record_uid
    return saved.thought_record_uid


@contextmanager
def reader_holding_snapshots(home: Path) -> Iterator[None]:
    """Another program reading all along, holding each snapshot 0.2 s (and the WAL open)."""
    stop = threading.Event()
    conn = sqlite3.connect(paths.database_path(home), timeout=30, check_same_thread=False)
    conn.isolation_level = None

    def loop() -> None:
        while not stop.is_set():
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM checkins").fetchone()
            time.sleep(0.2)
            conn.execute("COMMIT")

    thread = threading.Thread(target=loop)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        conn.close()


def test_deleted_and_edited_away_words_are_in_no_file_and_in_no_later_backup(
    home: Path, tmp_path: Path
) -> None:
    journal = Journal(Database.open(home), fixed_clock)
    journal.add_checkin(CheckInDraft(NOW, 2, note="ordinary words"))
    marked = journal.add_checkin(
        CheckInDraft(NOW, 5, areas=(MARKER,), tags=(MARKER,), note=f"{MARKER} in a note")
    )
    done = journal.add_activity(ActivityDraft(NOW, MARKER, 20, note=MARKER))
    edited = journal.add_checkin(CheckInDraft(NOW, 5, note=f"first draft {MARKER}"))
    record_uid = _marked_thought_record(home)
    earlier = backup.manual_backup(home, None, overwrite=False, now=datetime(2026, 11, 27, 9))
    assert MARKER_BYTES in earlier.read_bytes()  # a backup keeps what it saw (docs/export.md)
    practice = Practice(journal.db, journal, fixed_clock)
    with reader_holding_snapshots(home):  # the WAL stays while another program reads
        journal.delete(marked.uid)
        journal.delete(done.uid)
        journal.update_checkin(edited.uid, CheckInDraft(NOW, 5, note="second draft"))
        practice.delete_thought_record(record_uid)
        assert paths.sidecar_paths(journal.db.path)[1].exists()
        assert _holders(home, skip={earlier}) == []
    later = [
        backup.daily_backup_if_due(journal.db.path, date(2026, 11, 28)),
        backup.manual_backup(home, None, overwrite=False, now=datetime(2026, 11, 27, 10)),
        backup.snapshot(journal.db.path, tmp_path / "snapshot.db"),
    ]
    assert main(["--home", str(home), "backup", "--out", str(tmp_path / "cli.db")]) == 0
    assert main(["--home", str(home), "export", "--out", str(tmp_path / "all.json")]) == 0
    for path in [*later, tmp_path / "cli.db", tmp_path / "all.json"]:
        assert path is not None and MARKER_BYTES not in path.read_bytes(), path
    assert _holders(home, skip={earlier}) == []
    assert "ordinary words" in [c.note for c in journal.day(NOW.date()).checkins]


async def test_deleting_in_the_app_leaves_no_trace(home: Path) -> None:
    from paincoach.app import create_app
    from paincoach.screens.confirm import ConfirmDialog
    from paincoach.screens.day import DayScreen
    from paincoach.screens.thought_records import ThoughtRecordScreen
    from tests.support import seeded_services, settle

    seeded_services(home).close()  # type: ignore[attr-defined]
    journal = Journal(Database.open(home), fixed_clock)
    journal.add_checkin(CheckInDraft(NOW, 5, tags=(MARKER,), note=MARKER))
    journal.add_activity(ActivityDraft(NOW, MARKER, 20, note=MARKER))
    _marked_thought_record(home)
    assert _holders(home, skip=set())
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        earlier = set((home / "backups").glob("*"))  # the day's backup, taken on opening
        assert earlier
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        for _ in range(2):
            await pilot.press("d")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("y")
            await settle(pilot)
        await pilot.press("escape", "escape", "t")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ThoughtRecordScreen)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.unexpected_errors == []
    assert journal.day(NOW.date()).entries == []
    assert _holders(home, skip=earlier) == []
    later = backup.manual_backup(home, None, overwrite=False, now=datetime(2026, 11, 27, 11))
    assert MARKER_BYTES not in later.read_bytes()


# -- no network ------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_the_test_suite_runs_with_sockets_disabled() -> None:
    """pytest-socket (addopts: --disable-socket --allow-unix-socket) guards every test."""
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    left, right = socket.socketpair()  # asyncio's own wake-up pipe still works
    left.close()
    right.close()


GUARD = textwrap.dedent(
    """
    # Installed as sitecustomize: any network use is recorded and refused.
    import os
    import socket

    _LOG = os.environ["PAINCOACH_NET_LOG"]


    def _refuse(what):
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(what + "\\n")
        raise OSError(101, "network use refused by the test guard: " + what)


    class _GuardedSocket(socket.socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            chosen = socket.AF_INET if family == -1 else family
            if fileno is None and chosen != socket.AF_UNIX:
                _refuse(f"socket(family={chosen})")
            super().__init__(family, type, proto, fileno)


    socket.socket = _GuardedSocket
    for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
                  "create_connection", "create_server"):
        setattr(socket, _name, lambda *a, _n=_name, **k: _refuse(_n))
    """
)

SMOKE = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from paincoach.app import create_app

    home = Path(sys.argv[1])
    KEYS = ["enter", "c", "5", "tab", "6", "ctrl+s", "h", "escape", "s", "escape", "f1",
            "escape", "e", "escape", "t", "escape", "ctrl+p", "b", "r", "escape"]

    async def main():
        app = create_app(home)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(1.0)
            for key in KEYS:
                await pilot.press(key)
                await pilot.pause(0.15)
            await app.workers.wait_for_complete()
        print("screens seen ok; unexpected errors:", len(app.unexpected_errors))
        assert not app.unexpected_errors, app.unexpected_errors

    asyncio.run(main())
    """
)

EVERY_COMMAND = textwrap.dedent(
    """
    import io, sys
    from paincoach.cli.main import main
    home, out = sys.argv[1], sys.argv[2]
    sys.stdin = io.TextIOWrapper(io.BytesIO("a note".encode()), encoding="utf-8")
    runs = [
        ["log", "--pain", "3", "--note", "-"], ["activity", "walk", "10"], ["today"],
        ["week"], ["week", "--json"], ["help-now"], ["doctor"], ["exercises", "list"],
        ["export", "--out", out + "/a.json"], ["export", "--format", "csv", "--out", out + "/c"],
        ["export", "--format", "md", "--out", out + "/r.md"],
        ["export", "--format", "html", "--out", out + "/r.html"],
        ["backup"], ["import", out + "/a.json"],
    ]
    statuses = [main(["--home", home, *argv]) for argv in runs]
    print("statuses", statuses)
    assert statuses == [0] * len(runs), statuses
    """
)


@pytest.fixture
def net_guard(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """Environment that installs GUARD in every Python started with it; and its log."""
    folder = tmp_path / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "network-attempts.log"
    env = {
        "PYTHONPATH": os.pathsep.join([str(folder), str(REPO)]),
        "PAINCOACH_NET_LOG": str(log),
    }
    return env, log


def test_the_guard_itself_refuses_and_records(net_guard: tuple[dict[str, str], Path]) -> None:
    env, log = net_guard
    probe = textwrap.dedent(
        """
        import socket
        try:
            socket.create_connection(("example.org", 80))
        except OSError as exc:
            print("refused", exc)
        """
    )
    result = _python("-c", probe, env=env)
    assert b"refused" in result.stdout, result.stderr
    assert log.read_text().split() == ["create_connection"]


@pytest.mark.slow
def test_the_app_and_every_command_run_with_the_network_refused(
    home: Path, tmp_path: Path, net_guard: tuple[dict[str, str], Path]
) -> None:
    env, log = net_guard
    smoke = _python("-c", SMOKE, str(home), env=env)
    assert smoke.returncode == 0, smoke.stderr.decode()[-3000:]
    out = tmp_path / "exports"
    out.mkdir()
    commands = _python("-c", EVERY_COMMAND, str(home), str(out), env=env)
    assert commands.returncode == 0, commands.stderr.decode()[-3000:]
    version = _python("-m", "paincoach", "--version", env=env)
    assert version.returncode == 0
    assert not log.exists(), log.read_text()


def _unshare() -> list[str] | None:
    for argv in (["unshare", "-n"], ["unshare", "-rn"]):
        if (
            shutil.which(argv[0])
            and subprocess.run([*argv, "true"], capture_output=True, check=False).returncode == 0
        ):
            return argv
    return None


@pytest.mark.slow
@pytest.mark.skipif(_unshare() is None, reason="no network namespaces here (unshare -n)")
def test_the_app_runs_in_a_network_namespace_with_no_network_at_all(home: Path) -> None:
    """Belt and braces: no interface at all, not even loopback, and the app still works."""
    argv = _unshare()
    assert argv is not None
    result = subprocess.run(
        [*argv, sys.executable, "-c", SMOKE, str(home)],
        capture_output=True,
        timeout=180,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    assert b"unexpected errors: 0" in result.stdout


# -- notes never from argv -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["log", "--pain", "3", "--note", MARKER],
        ["log", "--pain", "3", f"--note={MARKER}"],
        ["activity", "walk", "5", "--note", MARKER],
        ["activity", "walk", "5", "--note", f"-{MARKER}"],
    ],
    ids=["log", "log-equals", "activity", "activity-dash"],
)
def test_a_note_on_the_command_line_is_refused_and_kept_nowhere(
    home: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse: '--note -…' reads as an unknown option
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert "standard input" in err or "expected one argument" in err
    assert not home.exists() or _holders(home, skip=set()) == []


def test_no_option_of_any_command_takes_a_note() -> None:
    """Only '--note -' (read standard input) exists; options with free text are labels."""
    parser = build_parser()
    found: dict[str, list[str]] = {}

    def walk(p: object, prefix: str) -> None:
        for action in p._actions:  # type: ignore[attr-defined]
            if action.choices and isinstance(action.choices, dict):
                for name, sub in action.choices.items():
                    walk(sub, f"{prefix} {name}")
            for option in action.option_strings:
                found.setdefault(prefix.strip(), []).append(option)

    walk(parser, "")
    noted = {cmd: [o for o in opts if "note" in o] for cmd, opts in found.items()}
    assert {cmd: opts for cmd, opts in noted.items() if opts} == {
        "log": ["--note"],
        "activity": ["--note"],
        "took": ["--note"],
        "treatments stop": ["--note"],
        "export": ["--include-notes"],
    }


# -- notes never go to temporary files ---------------------------------------------------------


def test_sqlite_keeps_its_temporary_tables_in_memory(home: Path) -> None:
    """Large sorts and groupings would otherwise spill rows (notes) into temporary files."""
    db = Database.open(home)
    for write in (False, True):
        with db.connection(write=write) as conn:
            assert conn.execute(text("PRAGMA temp_store")).scalar_one() == 2  # MEMORY
    with db.read() as session:
        assert session.execute(text("PRAGMA temp_store")).scalar_one() == 2


WRITES = textwrap.dedent(
    """
    # Save, edit and delete a marked note through the CLI and the app, recording every file
    # Python opens for writing (audit hook) and, via TMPDIR, where temporary files would go.
    import asyncio, io, json, os, sys
    from pathlib import Path

    home, marker = Path(sys.argv[1]), sys.argv[2]
    written = []

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT
            if (mode and any(c in mode for c in "wax+")) or (flags and flags & writing):
                written.append(str(path))
        elif event in ("os.rename", "os.replace", "os.link", "os.symlink"):
            written.append(str(args[1]))

    sys.addaudithook(hook)
    from paincoach.cli.main import main
    sys.stdin = io.TextIOWrapper(io.BytesIO(marker.encode()), encoding="utf-8")
    assert main(["--home", str(home), "log", "--pain", "4", "--note", "-"]) == 0

    from textual.widgets import TextArea
    from paincoach.app import create_app
    from paincoach.screens.checkin import CheckInDialog

    async def app_run():
        app = create_app(home)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(1.0)
            await pilot.press("enter")  # first run: I understand
            await pilot.pause(0.5)
            await pilot.press("c")
            await pilot.pause(0.5)
            assert isinstance(app.screen, CheckInDialog)
            await pilot.press("3")
            app.screen.query_one("#note", TextArea).text = marker + " typed in the app"
            await pilot.press("ctrl+s")
            await pilot.pause(0.8)
            await pilot.press("enter")  # edit the newest entry
            await pilot.pause(0.5)
            app.screen.query_one("#note", TextArea).text = marker + " edited"
            await pilot.press("ctrl+s")
            await pilot.pause(0.8)
            await pilot.press("d", "y")
            await pilot.pause(0.8)
            await app.workers.wait_for_complete()
            assert not app.unexpected_errors, app.unexpected_errors

    asyncio.run(app_run())
    print("WRITTEN " + json.dumps(written))
    """
)


#: A write-ledger record's own name, as an open relative to its folder's descriptor shows it.
LEDGER_RECORD = re.compile(r"[0-9a-f]{32}\.(json|new)")


def _allowed(path: str, home: Path) -> bool:
    if path.startswith(("/dev/", "pipe:", "socket:")) or path.isdigit():
        return True
    if LEDGER_RECORD.fullmatch(path):  # opened through <home>/writing's descriptor (dir_fd)
        return True
    resolved = Path(path)
    return resolved == home or home in resolved.parents


@pytest.mark.slow
def test_notes_go_to_the_journal_files_only_never_to_temporary_files(
    home: Path, tmp_path: Path
) -> None:
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    env = {"TMPDIR": str(temp), "SQLITE_TMPDIR": str(temp), "PYTHONDONTWRITEBYTECODE": "1"}
    tracer = shutil.which("strace")
    trace = tmp_path / "strace.log"
    prefix = (
        [
            tracer,
            "-f",
            "-qq",
            "-e",
            "trace=open,openat,creat,rename,renameat,renameat2,link,linkat",
            "-o",
            str(trace),
        ]
        if tracer
        else []
    )
    result = subprocess.run(
        [*prefix, sys.executable, "-c", WRITES, str(home), MARKER],
        capture_output=True,
        timeout=240,
        check=False,
        cwd=REPO,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    import json

    line = [x for x in result.stdout.decode().splitlines() if x.startswith("WRITTEN ")][-1]
    written = json.loads(line.removeprefix("WRITTEN "))
    assert written and all(_allowed(p, home) for p in written), [
        p for p in written if not _allowed(p, home)
    ]
    assert list(temp.iterdir()) == []  # no temporary file was left, or even made and kept
    if tracer:
        outside = sorted({path for path in _traced_writes(trace) if not _allowed(path, home)})
        assert outside == []
    print(f"\nfiles written while saving a note: {sorted(set(written))}")


def _traced_writes(trace: Path) -> list[str]:
    """Paths opened for writing (or renamed/linked to) in an strace log."""
    import re

    found = []
    for line in trace.read_text(errors="replace").splitlines():
        if "= -1" in line:
            continue
        if re.search(r"\b(open|openat|creat)\(", line) and re.search(
            r"O_WRONLY|O_RDWR|O_CREAT|creat\(", line
        ):
            match = re.search(r'"([^"]*)"', line)
        elif re.search(r"\b(rename|renameat2?|link|linkat)\(", line):
            quoted = re.findall(r'"([^"]*)"', line)
            match = None
            if len(quoted) >= 2:
                found.append(quoted[-1])
            continue
        else:
            continue
        if match:
            found.append(match.group(1))
    return found
