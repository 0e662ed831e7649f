"""The marked-events queries: plain records of kind "own" with their uid, a span read on the
`day` index, removal by uid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from paincoach.db import event_repository as erepo
from paincoach.db.engine import Database
from paincoach.records.long_view import MarkedEvent

STAMP = "2026-11-27T09:30:00+00:00"


def test_added_events_come_back_as_own_records_with_their_uid(home: Path) -> None:
    db = Database.open(home)
    with db.write() as session:
        first = erepo.add_event(
            session, uid="u-1", day=date(2026, 10, 5), title="new job", stamp=STAMP
        )
        erepo.add_event(session, uid="u-2", day=date(2026, 11, 2), title="physio", stamp=STAMP)
        erepo.add_event(session, uid="u-3", day=date(2026, 11, 30), title="later", stamp=STAMP)
    assert first == MarkedEvent(date(2026, 10, 5), "own", "new job", "u-1")
    with db.read() as session:
        span = erepo.own_events_between(session, date(2026, 10, 5), date(2026, 11, 2))
        every = erepo.every_event(session)
    assert span == [first, MarkedEvent(date(2026, 11, 2), "own", "physio", "u-2")]
    assert [e.uid for e in every] == ["u-1", "u-2", "u-3"]
    assert {e.kind for e in every} == {"own"}
    db.close()


def test_remove_by_uid_and_a_uid_gone_already(home: Path) -> None:
    db = Database.open(home)
    with db.write() as session:
        erepo.add_event(session, uid="u-1", day=date(2026, 10, 5), title="new job", stamp=STAMP)
    with db.write() as session:
        assert erepo.remove_event(session, "u-1") == MarkedEvent(
            date(2026, 10, 5), "own", "new job", "u-1"
        )
    with db.write() as session:
        assert erepo.remove_event(session, "u-1") is None
    with db.read() as session:
        assert erepo.every_event(session) == []
    db.close()


def test_a_span_is_read_on_the_day_index(home: Path) -> None:
    db = Database.open(home)
    with db.connection() as conn:
        plan = conn.execute(
            text(
                "EXPLAIN QUERY PLAN SELECT * FROM marked_events "
                "WHERE day >= '2026-01-01' AND day <= '2026-12-31' ORDER BY day, id"
            )
        ).fetchall()
    db.close()
    assert any("ix_marked_events_day" in str(row) for row in plan), plan
