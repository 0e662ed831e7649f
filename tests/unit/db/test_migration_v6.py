"""Schema 6: pacing plan changes. Older journals gain an empty table and lose nothing; the
schema-6 fixture's changes read back as the person made them, and give the amounts the
person was shown."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from paincoach.db import pacing_repository
from paincoach.db.engine import Database
from paincoach.practice.pacing_plans import PacingPlans
from tests.fixtures.make_fixtures import LONDON, PACING_V6, pacing_uid
from tests.storage_support import every_table, install_fixture

WALK_UID = "00000000-0000-0003-0000-00000000000c"


def test_a_schema_5_journal_gains_an_empty_changes_table_and_keeps_every_row(home: Path) -> None:
    db_path = install_fixture(5, home)
    before = every_table(db_path)
    assert "pacing_changes" not in before
    Database.open(home).close()
    after = every_table(db_path)
    assert {t: after[t] for t in before} == before
    assert after["pacing_changes"] == []
    assert any((home / "backups").glob("before-schema-6-*.db"))


def test_the_schema_6_changes_read_back_exactly(home: Path) -> None:
    install_fixture(6, home)
    db = Database.open(home)
    with db.read() as session:
        changes = pacing_repository.changes_of(session, [WALK_UID])[WALK_UID]
    assert [c.uid for c in changes] == [pacing_uid(i) for i in range(len(PACING_V6))]
    assert [(c.at, c.at.utcoffset() if c.at else None) for c in changes] == [
        (at, at.utcoffset()) for at, *_ in PACING_V6
    ]
    assert [(c.kind, c.value, c.reason) for c in changes] == [
        (kind, value, reason) for _at, kind, value, reason in PACING_V6
    ]
    assert changes[3].on == date(2026, 11, 23)  # the day in New York, not in London
    db.close()


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (date(2026, 11, 16), 11),  # week 2: the first rise
        (date(2026, 11, 22), 11),
        (date(2026, 11, 23), 10),  # week 3: held, then one 1.5-minute step back (9.5)
        (date(2026, 11, 30), 11),  # week 4: 9.5 + 1.5 at the new 15%
    ],
)
def test_the_schema_6_plan_gives_the_amounts_the_person_was_shown(
    home: Path, day: date, amount: int
) -> None:
    install_fixture(6, home)
    db = Database.open(home)
    moment = datetime(day.year, day.month, day.day, 12, 0, tzinfo=LONDON)
    walk = PacingPlans(db, lambda: moment).plan_for("walk")
    db.close()
    assert walk is not None and walk.today_amount == amount


def test_the_schema_6_history_reads_in_plain_words(home: Path) -> None:
    install_fixture(6, home)
    db = Database.open(home)
    walk = PacingPlans(db, lambda: datetime(2026, 11, 27, 9, tzinfo=LONDON)).plan_for("walk")
    db.close()
    assert walk is not None
    assert [line.words(walk.unit) for line in walk.history] == [
        "Goal set to 20 minutes in week 1 (Thu 12 Nov)",
        "Held after a flare in week 2 (Tue 17 Nov): 11 minutes for another week",
        "Weekly rise set to 15% in week 2 (Fri 20 Nov), from week 3",
        "Stepped back in week 3 (Mon 23 Nov): 11 → 10 minutes",
        "Goal left open in week 3 (Thu 26 Nov)",
    ]
    assert (walk.percent, walk.goal, walk.next_rise) == (15.0, None, (date(2026, 11, 30), 11))


@pytest.mark.parametrize(
    ("kind", "value"), [("jump", None), ("hold", 3.0), ("percent", None), ("percent", 150.0)]
)
def test_the_table_refuses_a_change_that_cannot_be(
    home: Path, kind: str, value: float | None
) -> None:
    db_path = install_fixture(6, home)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO pacing_changes (uid, plan_uid, kind, value, at, day) "
            "VALUES ('x', ?, ?, ?, '2026-11-27T09:00:00+00:00', '2026-11-27')",
            (WALK_UID, kind, value),
        )
    conn.close()
