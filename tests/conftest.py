"""Shared fixtures: every test gets its own data folder, a fixed time zone and a frozen clock.

No test may touch a real user's data: PAINCOACH_HOME, XDG_DATA_HOME and HOME all point
into the test's temporary folder.

No test may depend on the machine's date, time of day or time zone: paincoach's one clock
(`paincoach.core.clock`) is frozen at `tests.support.NOW` for every test, in this process and,
through `PAINCOACH_NOW`, in every child process a test starts. The time zone is part of
that frozen clock (`TEST_TZ`), whatever zone the machine is in.

To prove it, run the suite with the machine's clock moved (in-process, by time-machine,
which leaves the monotonic clock alone) and in another zone, as CI does:

    TZ=Pacific/Kiritimati PAINCOACH_TEST_MACHINE_CLOCK=2028-02-29T23:59:50+00:00 \
        pytest -m "not slow"
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from paincoach.core import clock
from tests.support import NOW, TEST_TZ, fixed_clock

MACHINE_CLOCK_VARIABLE = "PAINCOACH_TEST_MACHINE_CLOCK"
"""Moves the machine's wall clock (not paincoach's) for the whole run: see the docstring."""

HYPOTHESIS_VARIABLE = "PAINCOACH_HYPOTHESIS"
"""`explore` (`make fuzz`) draws new examples each run; by default every run draws the same.

The suite is the same on every run, as CI needs: a fuzz test that finds something new fails
the run of whoever explores (and its example is then kept with `@example`), not a CI run
of an unrelated change. Session 9's CI failed that way on a test's own helper.
"""
hypothesis_settings.register_profile("fixed", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get(HYPOTHESIS_VARIABLE, "fixed"))

os.environ["TZ"] = TEST_TZ
time.tzset()
# Frozen from the start, so that fixtures of any scope (and what they start) see it too.
os.environ[clock.NOW_VARIABLE] = NOW.isoformat()
clock.set_source(fixed_clock)


def pytest_configure(config: pytest.Config) -> None:
    """Move the machine's wall clock for this run, if asked (it keeps ticking from there)."""
    shifted = os.environ.get(MACHINE_CLOCK_VARIABLE)
    if not shifted:
        return
    import time_machine

    moment = datetime.fromisoformat(shifted)
    if moment.tzinfo is None:  # a bare time is UTC, whatever TZ says
        moment = moment.replace(tzinfo=UTC)
    # A timestamp, not the datetime: given an aware datetime, time-machine also sets TZ
    # (to UTC for "+00:00"), which would undo the zone the tests are pinned to.
    traveller = time_machine.travel(moment.timestamp(), tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


def pytest_report_header() -> str:
    """Say which machine clock this run sees, so a shifted run is visible in CI's log."""
    return f"machine clock: {datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}; paincoach: {NOW}"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private, empty data folder for this test (created on first use)."""
    folder = tmp_path / "paincoach-home"
    monkeypatch.setenv("PAINCOACH_HOME", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))
    monkeypatch.setenv("TZ", TEST_TZ)
    yield folder


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """paincoach's "now" is `NOW` here and in every child process this test starts."""
    monkeypatch.setenv(clock.NOW_VARIABLE, NOW.isoformat())
    clock.set_source(fixed_clock)
    yield
    clock.set_source(fixed_clock)  # a test may have set its own


def _quicker_idle_checks() -> None:
    """Pilot waits for the app to go idle after every key in windows of 20 ms; 5 ms windows
    find the same idle moments (the same CPU threshold) four times sooner."""
    from textual import _wait

    _wait.SLEEP_GRANULARITY = 1 / 200


_quicker_idle_checks()


SLOW_FOLDERS = ("reliability", "snapshots")
"""Layers left out of the edit-test loop (`pytest -m "not slow"`, `make test-fast`); CI runs all."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in a slow layer's folder is marked slow."""
    for item in items:
        if any(part in SLOW_FOLDERS for part in item.path.parts[-3:-1]):
            item.add_marker(pytest.mark.slow)
