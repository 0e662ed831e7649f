"""The treatments service on a frozen clock that a test can move on by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from tests.support import MovableClock


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def service(home: Path, clock: MovableClock) -> Iterator[Treatments]:
    db = Database.open(home)
    yield Treatments(db, clock)
    db.close()
