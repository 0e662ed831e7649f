"""An app left open past midnight takes the new day's snapshot (issue 12)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from paincoach import app as app_module
from paincoach.app import create_app
from tests.support import NOW, seeded_services, settle

SIZE = (80, 24)


class MovingClock:
    """paincoach's clock for one app, moved by the test (nothing sleeps)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def snapshots(home: Path) -> list[str]:
    folder = home / "backups"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


async def test_the_new_days_snapshot_is_taken_once_the_day_changes(home: Path) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    moving = MovingClock(NOW.replace(hour=23, minute=50))
    app = create_app(home, clock=moving)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert snapshots(home) == ["paincoach-2026-11-27.db"]
        app.backup_if_new_day()  # still the same day: nothing more
        await settle(pilot)
        moving.moment -= timedelta(days=2)  # a clock put back takes no old day's snapshot
        app.backup_if_new_day()
        await settle(pilot)
        assert snapshots(home) == ["paincoach-2026-11-27.db"]
        moving.moment = NOW.replace(hour=23, minute=50) + timedelta(minutes=20)  # 00:10
        app.backup_if_new_day()
        await settle(pilot)
        assert snapshots(home) == ["paincoach-2026-11-27.db", "paincoach-2026-11-28.db"]


async def test_an_open_app_looks_for_a_new_day_by_itself(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "BACKUP_CHECK_S", 0.01)
    seeded_services(home).close()  # type: ignore[attr-defined]
    moving = MovingClock(NOW.replace(hour=23, minute=59))
    app = create_app(home, clock=moving)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        moving.moment += timedelta(minutes=2)
        for _ in range(500):  # until the timer has looked and the worker has written it
            if "paincoach-2026-11-28.db" in snapshots(home):
                break
            await pilot.pause(0.01)
        await settle(pilot)
    assert snapshots(home) == ["paincoach-2026-11-27.db", "paincoach-2026-11-28.db"]
