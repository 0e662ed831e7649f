"""The one clock: every "now" in paincoach comes from `paincoach.core.clock`; tests freeze it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paincoach.cli.main import main
from paincoach.core import clock
from paincoach.core.errors import InputError
from tests.storage_support import open_journal
from tests.support import NOW

SRC = Path(__file__).resolve().parents[3] / "src" / "paincoach"
#: Calls that read the machine's wall clock. Only `core/clock.py` may make them.
SYSTEM_CLOCK = re.compile(r"\b(datetime\.now|datetime\.today|date\.today|time\.time|utcnow)\(")


def test_nothing_but_the_clock_module_reads_the_machine_clock() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        if path.name != "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SYSTEM_CLOCK.search(line)
    ]
    assert found == []


def test_tests_run_on_the_frozen_moment() -> None:
    assert clock.now() == NOW
    assert clock.today() == date(2026, 11, 27)


def test_a_source_set_in_process_wins_until_it_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    later = NOW + timedelta(days=3)
    clock.set_source(lambda: later)
    assert clock.today() == date(2026, 11, 30)
    clock.set_source(None)
    monkeypatch.delenv(clock.NOW_VARIABLE)
    assert abs(clock.now() - clock.system_now()) < timedelta(seconds=5)


def test_the_environment_fixes_now_for_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    clock.set_source(None)
    monkeypatch.setenv(clock.NOW_VARIABLE, "2028-02-29T23:30:00+00:00")
    assert clock.now() == datetime.fromisoformat("2028-02-29T23:30:00+00:00")
    assert clock.now().utcoffset() is not None


@pytest.mark.parametrize("value", ["tomorrow", "2026-11-27 09:30"])
def test_a_malformed_or_zoneless_fixed_moment_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    clock.set_source(None)
    monkeypatch.setenv(clock.NOW_VARIABLE, value)
    with pytest.raises(InputError, match="with its offset"):
        clock.now()


def test_the_command_line_in_process_saves_on_the_frozen_day(home: Path) -> None:
    assert main(["--home", str(home), "log", "--pain", "3"]) == 0
    assert len(open_journal(home).day(NOW.date()).checkins) == 1


def test_a_child_process_is_handed_the_frozen_clock(home: Path) -> None:
    """A `paincoach` started by a test lives on the test's day, not the machine's."""
    moment = "2031-07-04T22:15:00+01:00"
    env = {**os.environ, clock.NOW_VARIABLE: moment}
    command = [sys.executable, "-m", "paincoach", "--home", str(home)]
    logged = subprocess.run([*command, "log", "--pain", "3"], env=env, capture_output=True)
    assert logged.returncode == 0, logged.stderr
    week = subprocess.run([*command, "week", "--json"], env=env, capture_output=True, text=True)
    assert week.returncode == 0, week.stderr
    assert json.loads(week.stdout)["week"]["start"].startswith("2031-06-30")
