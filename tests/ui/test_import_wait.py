"""A save in the app while another paincoach imports: it waits, says so, and is then saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from paincoach.app import WAITING_FOR_IMPORT, create_app
from paincoach.core import paths
from paincoach.db import waiting
from paincoach.db.engine import ENV_BUSY_TIMEOUT
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.today import TodayScreen
from paincoach.widgets.entry_table import EntryTable
from tests.support import fixed_clock, seeded_services, settle

SIZE = (80, 24)


async def test_a_save_waiting_for_an_import_says_so_and_is_saved_when_it_ends(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_BUSY_TIMEOUT, "100")
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        # What an import in another paincoach does: its lock, and the journal held.
        with waiting.importing(home):
            holder = sqlite3.connect(paths.database_path(home), isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            try:
                await pilot.press("4", "ctrl+s")
                for _ in range(3000):  # until the waiting save has said so (a condition)
                    if any(n.message == WAITING_FOR_IMPORT for n in app._notifications):
                        break
                    await pilot.pause(0.01)
                # Said by the UI while the save still waits in its worker: nothing froze.
                assert any(n.message == WAITING_FOR_IMPORT for n in app._notifications)
                assert isinstance(app.screen, CheckInDialog)
                assert any(worker.is_running for worker in app.workers)
            finally:
                holder.execute("ROLLBACK")
                holder.close()
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one(EntryTable).row_count == 1
        problems = [n.message for n in app._notifications if n.severity == "error"]
        assert problems == []
