"""`paincoach today` lists the exercises done."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.cli.main import main
from paincoach.exercises.timing import FakeClock
from paincoach.journal.service import Journal
from tests.practice_support import open_practice, run_through, runner
from tests.storage_support import checkin, local, open_journal

DAY = date(2024, 6, 1)  # a fixed day in the past, as in tests/cli/test_cli.py


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def save_day_of_practice(home: Path) -> None:
    """Box breathing at 10:05 (finished, rated 7 then 5); slow breathing at 15:30, left at 36 s."""
    practice = open_practice(home)
    box = runner("breathing-box", start=local(DAY, 10, 4))  # its wall clock ticks a minute
    box.set_before(7)
    run_through(box)
    box.set_after(5)
    practice.save_session(box.result())
    clock = FakeClock()
    slow = runner("breathing-slow", start=local(DAY, 15, 29), clock=clock)
    while slow.timer is None:
        slow.next()
    slow.start_timer()
    clock.advance(36)
    practice.save_session(slow.leave())
    other_day = runner("breathing-box", start=local(DAY - timedelta(days=1), 9))
    run_through(other_day)
    practice.save_session(other_day.result())
    practice.db.close()


def test_today_lists_the_exercises_done_among_the_entries(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setattr(Journal, "today", lambda self: DAY)
    save_day_of_practice(home)
    status, out, _ = run(capsys, "today")
    assert status == 0
    lines = out.splitlines()
    assert lines[1] == (
        "10:05  exercise  Box breathing (4-4-4-4) · finished · before 7/10, after 5/10"
    )
    assert lines[2].startswith("15:30  exercise  Slow breathing")
    assert "stopped after 36 s of 8 min" in " ".join(out.split())
    assert "No check-ins or activities yet today." in out
    open_journal(home).add_checkin(checkin(at=local(DAY, 12), pain=4))
    _, out, _ = run(capsys, "today")
    assert [line[:5] for line in out.splitlines()[1:4]] == ["10:05", "12:00", "15:30"]
    assert "Average pain today 4.0/10" in out
