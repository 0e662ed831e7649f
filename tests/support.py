"""Constants and helpers shared by tests."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

#: A zone with daylight saving, so that day boundaries and DST are exercised.
TEST_TZ = "Europe/London"

#: The moment tests treat as "now": Friday 27 November 2026, 09:30 local.
NOW = datetime(2026, 11, 27, 9, 30, tzinfo=ZoneInfo(TEST_TZ))


def fixed_clock() -> datetime:
    """The test 'now' as an aware local moment."""
    return NOW


class MovableClock:
    """The frozen clock, moved on by hand (`clock.now += timedelta(hours=2)`)."""

    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    """The computer is in zone `name` (say, after travelling) until the block ends."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def seeded_services(home: object, *, acknowledged: bool = True, region: str = "GB") -> object:
    """Services for `home` with the first-run notice already acknowledged."""
    from pathlib import Path

    from paincoach.services import Services

    services = Services(Path(str(home)), fixed_clock)
    if acknowledged:
        services.acknowledge(region)
    return services


async def settle(pilot: object) -> None:
    """Wait until every worker has finished, every typed key has had its turn, and the
    screen has caught up."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(500):  # the journal opens in a worker started after the first frame
        if getattr(app, "opened", True):
            break
        await pilot.pause()  # type: ignore[attr-defined]
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]
        keys = getattr(app, "keys", None)  # typed keys still taking their turn
        if not any(worker.is_running for worker in app.workers) and not (keys and keys.busy):
            await pilot.pause()  # type: ignore[attr-defined]
            return


async def wait_for(pilot: object, condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds (a worker's answer has arrived, say)."""
    for _ in range(2000):
        if condition():
            return
        await pilot.pause()  # type: ignore[attr-defined]
    raise AssertionError(f"never happened: {what}")


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """Run `paincoach ARGV…` in this process: (exit status, stdout, stderr), never a traceback."""
    from paincoach.cli.main import main

    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def store_safety_plan(home: os.PathLike[str], **parts: list[str]) -> None:
    """Put a safety plan in the journal at `home` as paincoach stores it (a setting)."""
    import json
    import sqlite3
    from pathlib import Path

    from paincoach.core import paths
    from paincoach.db.engine import Database

    Database.open(Path(home)).close()  # made and migrated as the app would
    conn = sqlite3.connect(paths.database_path(Path(home)))
    try:
        with conn:
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('safety_plan', ?)",
                (json.dumps(parts),),
            )
    finally:
        conn.close()
