"""A long import holds the journal; a `paincoach log` beside it waits and is saved, never refused.

Real processes. The import stands still inside its write transaction (`PAINCOACH_PAUSE_AT`,
src/paincoach/core/faults.py) for as long as the test likes, which is what a
million-record import does for tens of seconds; `PAINCOACH_BUSY_TIMEOUT_MS` (test-only)
makes the ordinary busy timeout short, so that waiting past it takes a moment, not 10 s.
"""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from paincoach.core import paths
from paincoach.core.faults import ENV_PAUSE_AT
from paincoach.db.engine import ENV_BUSY_TIMEOUT
from paincoach.transfer.export import FORMAT
from tests.data_support import db_path, table_counts

AT = "2026-11-26T08:30:00+01:00"
IMPORTED = 300
LIMIT_S = 60.0


def paincoach(home: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m paincoach --home HOME ARGS`, running (stdout and stderr piped)."""
    return subprocess.Popen(
        [sys.executable, "-m", "paincoach", "--home", str(home), *args],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Wait for `condition` (a condition, not a time), failing after LIMIT_S."""
    deadline = time.monotonic() + LIMIT_S
    while not condition():
        assert time.monotonic() < deadline, f"waited {LIMIT_S:.0f} s for {what}"
        time.sleep(0.01)


def first_line(stream: IO[str] | None, what: str) -> str:
    """The next line a child writes on `stream`, once it writes one."""
    assert stream is not None
    ready, _, _ = select.select([stream], [], [], LIMIT_S)
    assert ready, f"waited {LIMIT_S:.0f} s for {what}"
    return stream.readline()


@contextmanager
def paused_import(tmp_path: Path, home: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    """An import of IMPORTED check-ins standing in its transaction; it, and its go file."""
    export = tmp_path / "export.json"
    records = [{"at": AT, "pain": n % 11, "note": f"imported {n}"} for n in range(IMPORTED)]
    export.write_text(json.dumps({"format": FORMAT, "version": 1, "checkins": records}))
    pause = tmp_path / "pause"
    pause.mkdir()
    importer = paincoach(home, "import", str(export), env={ENV_PAUSE_AT: f"import-writing:{pause}"})
    try:
        reached = pause / "import-writing.reached"
        wait_until(lambda: reached.exists() or importer.poll() is not None, "the import")
        assert importer.poll() is None, importer.communicate()
        yield importer, pause / "import-writing.go"
    finally:
        if importer.poll() is None:
            importer.kill()
        importer.communicate()


def test_a_log_beside_a_long_import_waits_for_it_and_is_saved(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with paused_import(tmp_path, home) as (importer, go):
        log = paincoach(home, "log", "--pain", "4", env={ENV_BUSY_TIMEOUT: "200"})
        said = first_line(log.stderr, "the log to say it waits")
        assert "importing into your journal" in said and "waits for it to finish" in said
        assert log.poll() is None
        go.touch()
        out, err = log.communicate(timeout=LIMIT_S)
        assert log.returncode == 0, err
        assert "Saved" in out or "saved" in out
        assert "not saved" not in err and "busy" not in err
        assert err == ""  # the waiting was said once (read above), nothing else
        assert importer.wait(timeout=LIMIT_S) == 0
    assert table_counts(db_path(home))["checkins"] == IMPORTED + 1


def test_an_import_killed_while_others_wait_leaves_nothing_and_lets_them_go(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    with paused_import(tmp_path, home) as (importer, _go):
        log = paincoach(home, "log", "--pain", "4", env={ENV_BUSY_TIMEOUT: "200"})
        assert "importing" in first_line(log.stderr, "the log to say it waits")
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=LIMIT_S)
        _, err = log.communicate(timeout=LIMIT_S)
        assert log.returncode == 0, err
    assert table_counts(db_path(home))["checkins"] == 1  # the log's; none of the import's


def test_without_an_import_a_journal_held_too_long_is_still_refused_as_before(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    first = paincoach(home, "log", "--pain", "3")
    assert first.wait(timeout=LIMIT_S) == 0, first.communicate()
    holder = sqlite3.connect(paths.database_path(home), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing for a long time
    try:
        log = paincoach(home, "log", "--pain", "4", env={ENV_BUSY_TIMEOUT: "300"})
        _, err = log.communicate(timeout=LIMIT_S)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert log.returncode != 0
    assert "kept the journal busy for too long" in err and "importing" not in err
    assert table_counts(db_path(home))["checkins"] == 1
