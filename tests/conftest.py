"""Shared fixtures: every test gets its own data folder and a fixed time zone.

No test may touch a real user's data: PAINCOACH_HOME, XDG_DATA_HOME and HOME all point
into the test's temporary folder.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import TEST_TZ

os.environ["TZ"] = TEST_TZ
time.tzset()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private, empty data folder for this test (created on first use)."""
    folder = tmp_path / "paincoach-home"
    monkeypatch.setenv("PAINCOACH_HOME", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))
    monkeypatch.setenv("TZ", TEST_TZ)
    yield folder
