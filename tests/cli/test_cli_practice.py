"""`paincoach today` lists the exercises done; `paincoach help-now` puts the person's plan first."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach import safety
from paincoach.cli.commands.info import NO_PLAN
from paincoach.cli.main import main
from paincoach.core import clock as wall_clock
from paincoach.core import paths
from paincoach.exercises.timing import FakeClock
from paincoach.settings import Settings, save_settings
from tests.practice_support import FLARE, made_result, open_practice, run_through, runner
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
    wall_clock.set_source(lambda: local(DAY, 21))  # the evening of DAY, for every path
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


def test_help_now_prints_the_flare_up_plan_before_the_lines(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    practice = open_practice(home)
    save_settings(practice.db, Settings(region="GB"))
    practice.save_session(made_result("flare_plan", dict(FLARE)))
    practice.db.close()
    status, out, _ = run(capsys, "help-now")
    assert status == 0
    assert out.index("Your flare-up plan") < out.index("immediate danger") < out.index("999")
    for words in ("• Heat pack", "• Slow breathing", "• Stiff mornings", "• Ironing"):
        assert words in out
    assert "Who I tell: Text Sam: flaring today" in out
    assert NO_PLAN not in out


def test_help_now_says_in_one_line_how_to_write_a_plan(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, out, _ = run(capsys, "help-now", "--region", "GB")  # no journal yet
    assert status == 0 and out.splitlines()[1] == NO_PLAN and len(NO_PLAN) <= 80
    open_practice(home).db.close()  # a journal with no plan in it
    _, out, _ = run(capsys, "help-now", "--region", "GB")
    assert out.splitlines()[1] == NO_PLAN


def test_help_now_with_a_broken_journal_says_the_plan_could_not_be_read(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    home.mkdir()
    paths.database_path(home).write_bytes(random.Random(5).randbytes(4096))
    status, out, _ = run(capsys, "help-now")
    assert status == 0
    assert "Your flare-up plan could not be read just now." in out
    assert safety.IMMEDIATE_DANGER in " ".join(out.split()) and "Find A Helpline" in out


def test_a_plan_that_cannot_be_read_keeps_the_region_and_people(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    from paincoach.practice.service import Practice

    practice = open_practice(home)
    save_settings(practice.db, Settings(region="GB"))
    practice.db.close()

    def broken(self: Practice) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(Practice, "flare_plan", broken)
    status, out, _ = run(capsys, "help-now")
    assert status == 0
    assert "Your flare-up plan could not be read just now." in out
    assert "Emergency number (United Kingdom): 999" in out
