"""The reminder hour (`remind_after`): unset by default, 0-23, and never fatal when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from paincoach.core.errors import InputError
from paincoach.db.engine import Database
from paincoach.settings import Settings, load_settings, save_settings, stored_remind_after


def test_unset_by_default_and_kept_once_set(home: Path) -> None:
    db = Database.open(home)
    assert load_settings(db).remind_after is None
    save_settings(db, load_settings(db).with_changes(remind_after=18))
    db.close()
    assert load_settings(Database.open(home)).remind_after == 18


@pytest.mark.parametrize("hour", [24, -1, True, 7.5, "18"])
def test_an_hour_outside_the_day_is_refused(hour: object) -> None:
    with pytest.raises(InputError) as caught:
        Settings().with_changes(remind_after=hour)
    assert caught.value.field == "remind_after"


@pytest.mark.parametrize(
    ("stored", "hour"), [(0, 0), (23, 23), (None, None), (24, None), (True, None), ("9", None)]
)
def test_a_stored_value_that_is_not_an_hour_reads_as_unset(stored: object, hour: object) -> None:
    assert stored_remind_after(stored) == hour
