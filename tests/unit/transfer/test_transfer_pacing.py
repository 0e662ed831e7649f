"""Pacing plan changes in export and import: every change comes back as it was made, older
files still import, and a weekly rise outside 5-20% is kept and said, never lost."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from paincoach.db.engine import Database
from paincoach.practice.pacing_plans import PacingPlans
from paincoach.records.pacing import FLARE_REASON
from paincoach.records.practice import PacingPlanView
from paincoach.transfer.export import FORMAT, export_document, sections, write_json
from paincoach.transfer.importer import ImportRecordError, import_file
from tests.data_support import db_path, normalised, table_counts
from tests.practice_support import open_practice, plan_session
from tests.storage_support import digest, install_fixture, local
from tests.support import NOW

TODAY = NOW.date()
AT = "2026-11-26T08:30:00+01:00"
PLAN = "00000000-0000-0000-0000-0000000000aa"
OTHER = "00000000-0000-0000-0000-0000000000bb"

#: Changes made here, through the pacing service: (days before today, zone, activity, what).
CHANGES: tuple[tuple[int, str, str, str, float | None], ...] = (
    (30, "Europe/London", "walk", "goal", 40.0),
    (23, "Europe/London", "walk", "hold", None),
    (16, "America/New_York", "walk", "percent", 20.0),  # the edge of the range, kept
    (12, "Europe/London", "Schwimmen", "percent", 5.0),
    (9, "Europe/London", "walk", "back", None),
    (5, "Europe/London", "Schwimmen", "hold", None),
    (2, "Asia/Tokyo", "walk", "goal", None),
)


def made_here(home: Path) -> Path:
    """Two plans (started five weeks ago) and their changes, made as a person makes them."""
    practice = open_practice(home)
    start = TODAY - timedelta(days=35)
    practice.save_session(plan_session("walk", [20, 25, 30], start=start))
    practice.save_session(plan_session("Schwimmen", [400, 500, 450], start=start, unit="metres"))
    moment = [NOW]
    plans = PacingPlans(practice.db, lambda: moment[0])
    for days, zone, activity, kind, value in CHANGES:
        moment[0] = local(TODAY - timedelta(days=days), 21, 15, zone)
        if kind == "hold":
            plans.hold(activity, FLARE_REASON if activity == "walk" else "")
        elif kind == "back":
            plans.step_back(activity)
        elif kind == "goal":
            plans.set_goal(activity, value)
        else:
            plans.set_percent(activity, value or 0)
    practice.db.close()
    return db_path(home)


def from_fixture(home: Path) -> Path:
    """The schema-6 fixture: the walk plan's five changes, one made from New York."""
    return install_fixture(6, home)


def export_to(db: Database, path: Path) -> dict[str, Any]:
    document = export_document(db)
    with path.open("w", encoding="utf-8") as handle:
        write_json(document, handle)
    return document


def stored_changes(path: Path) -> list[tuple[object, ...]]:
    """Every change as the table holds it (uid, plan, kind, value, reason, at, day)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT uid, plan_uid, kind, value, reason, at, day FROM pacing_changes ORDER BY uid"
        ).fetchall()
    finally:
        conn.close()


def followed(db: Database, on: datetime) -> list[tuple[object, ...]]:
    """What the person sees of each plan on a day: the amount, the rate, the history."""
    views = sorted(PacingPlans(db, lambda: on).plans(active_only=False), key=lambda p: p.uid)
    return [_seen(view) for view in views]


def _seen(view: PacingPlanView) -> tuple[object, ...]:
    words = [line.words(view.unit) for line in view.history]
    return (view.uid, view.activity, view.today_amount, view.percent, view.goal, view.week,
            view.held_this_week, view.next_rise, words)  # fmt: skip


@pytest.mark.parametrize("journal", [made_here, from_fixture])
def test_every_change_comes_back_as_it_was_made_and_the_plans_read_the_same(
    home: Path, tmp_path: Path, journal: Any
) -> None:
    source = journal(home)
    db = Database.open(home)
    first = export_to(db, tmp_path / "export.json")
    assert first["pacing_changes"] and all(
        list(c) == ["uid", "plan_uid", "kind", "value", "reason", "at"]
        for c in first["pacing_changes"]
    )
    other = tmp_path / "other"
    imported = Database.open(other)
    report = import_file(imported, tmp_path / "export.json")
    assert report.added["pacing_changes"] == len(stored_changes(source)) >= 5
    assert report.plans_outside_safe_rate == 0
    assert stored_changes(db_path(other)) == stored_changes(source)
    for days in (0, 1, 6, 9, 30):
        on = NOW + timedelta(days=days)
        assert followed(imported, on) == followed(db, on), days
    assert any(plan.history for plan in PacingPlans(imported).plans())  # histories compared
    assert normalised(export_document(imported)) == normalised(first)
    again = import_file(imported, tmp_path / "export.json")
    assert again.added["pacing_changes"] == 0
    assert again.skipped["pacing_changes"] == report.added["pacing_changes"]


def test_the_changes_keep_their_offsets_and_the_day_lived(home: Path, tmp_path: Path) -> None:
    made_here(home)
    changes = export_document(Database.open(home))["pacing_changes"]
    assert [c["at"][-6:] for c in changes] == [
        "+00:00", "+00:00", "-05:00", "+00:00", "+00:00", "+00:00", "+09:00"
    ]  # fmt: skip
    import_file(Database.open(tmp_path / "other"), _written(tmp_path, pacing_changes=changes))
    days = {row[0]: row[6] for row in stored_changes(db_path(tmp_path / "other"))}
    new_york = changes[2]
    assert days[new_york["uid"]] == new_york["at"][:10] == str(TODAY - timedelta(days=16))


def test_a_file_from_before_plan_changes_still_imports(home: Path, tmp_path: Path) -> None:
    made_here(home)
    document = export_document(Database.open(home))
    del document["pacing_changes"]  # as every export before schema 6 was written
    path = tmp_path / "old.json"
    with path.open("w", encoding="utf-8") as handle:
        write_json(document, handle)
    other = Database.open(tmp_path / "other")
    report = import_file(other, path)
    assert "pacing_changes" not in report.added
    assert report.added["pacing_plans"] == 2
    counts = table_counts(db_path(tmp_path / "other"))
    assert counts["pacing_changes"] == 0
    assert {s: counts[s] for s in sections() if s != "pacing_changes"} == {
        s: len(document[s]) for s in sections() if s != "pacing_changes"
    }
    walk = next(p for p in PacingPlans(other).plans() if p.activity == "walk")
    assert (walk.history, walk.percent, walk.goal) == ((), 10.0, None)  # the plan as first made


def _written(folder: Path, name: str = "mine.json", **parts: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps({"format": FORMAT, "version": 1, **parts}), encoding="utf-8")
    return path


def _plan(uid: str, activity: str, percent: float | None, active: bool = True) -> dict[str, Any]:
    plan = {"uid": uid, "activity": activity, "baseline": 10, "start_day": "2026-11-02"}
    return {**plan, "active": active, **({} if percent is None else {"percent": percent})}


def test_a_rise_outside_5_to_20_percent_is_kept_and_counted(home: Path, tmp_path: Path) -> None:
    plans = [
        _plan(PLAN, "walk", 50),  # an older plan: paincoach once took up to 100% a week
        _plan(OTHER, "Schwimmen", 0),
        _plan("00000000-0000-0000-0000-0000000000cc", "cycle", 30, active=False),  # stopped
        _plan("00000000-0000-0000-0000-0000000000dd", "yoga", None),  # 10 by default
    ]
    db = Database.open(home)
    report = import_file(db, _written(tmp_path, pacing_plans=plans))
    assert report.added["pacing_plans"] == 4 and report.plans_outside_safe_rate == 2
    views = {p.activity: p for p in PacingPlans(db).plans(active_only=False)}
    assert (views["walk"].percent, views["walk"].rate_flagged) == (50.0, True)
    assert (views["Schwimmen"].percent, views["Schwimmen"].rate_flagged) == (0.0, True)
    assert views["walk"].today_amount == 10 + 3 * 5  # the plan rises as it was made to
    assert views["yoga"].rate_flagged is False
    again = import_file(db, _written(tmp_path, pacing_plans=plans))
    assert again.plans_outside_safe_rate == 0  # nothing new came in


def test_a_change_to_a_rise_outside_the_range_is_kept_and_counted(
    home: Path, tmp_path: Path
) -> None:
    plans = [_plan(PLAN, "walk", 10), _plan(OTHER, "Schwimmen", 50)]
    changes = [
        {"plan_uid": PLAN, "kind": "percent", "value": 3, "at": "2026-11-10T09:00:00+00:00"},
        {"plan_uid": OTHER, "kind": "percent", "value": 10, "at": "2026-11-10T09:00:00+00:00"},
    ]
    db = Database.open(home)
    report = import_file(db, _written(tmp_path, pacing_plans=plans, pacing_changes=changes))
    assert report.added == {"pacing_plans": 2, "pacing_changes": 2}
    assert report.plans_outside_safe_rate == 1  # Schwimmen's own 50% was set back to 10
    views = {p.activity: p for p in PacingPlans(db).plans()}
    assert (views["walk"].percent, views["walk"].rate_flagged) == (3.0, True)
    assert views["Schwimmen"].rate_flagged is False
    [line] = views["walk"].history
    assert line.words("minutes").startswith("Weekly rise set to 3% in week 2")
    later = [{"plan_uid": OTHER, "kind": "percent", "value": 45, "at": AT}]
    report = import_file(db, _written(tmp_path, "later.json", pacing_changes=later))
    assert report.plans_outside_safe_rate == 1  # a plan already here, given a new rise


def test_a_rise_counted_in_a_file_with_its_sections_out_of_order(
    home: Path, tmp_path: Path
) -> None:
    changes = [{"plan_uid": PLAN, "kind": "percent", "value": 40, "at": AT}]
    path = _written(tmp_path, pacing_changes=changes, pacing_plans=[_plan(PLAN, "walk", 10)])
    report = import_file(Database.open(home), path)
    assert report.added == {"pacing_plans": 1, "pacing_changes": 1}
    assert report.plans_outside_safe_rate == 1


BAD_CHANGES = [
    ({"kind": "hold", "at": AT}, "plan_uid", "required"),
    ({"plan_uid": "plan-1", "kind": "hold", "at": AT}, "plan_uid", "UUID"),
    ({"plan_uid": PLAN, "at": AT}, "kind", "required"),
    ({"plan_uid": PLAN, "kind": "rest", "at": AT}, "kind", "one of hold, back, goal, percent"),
    ({"plan_uid": PLAN, "kind": "hold"}, "at", "required"),
    ({"plan_uid": PLAN, "kind": "hold", "value": 5, "at": AT}, "value", "null for 'hold'"),
    ({"plan_uid": PLAN, "kind": "back", "value": 0, "at": AT}, "value", "null for 'back'"),
    ({"plan_uid": PLAN, "kind": "goal", "value": -5, "at": AT}, "value", "more than 0"),
    ({"plan_uid": PLAN, "kind": "goal", "value": 0, "at": AT}, "value", "more than 0"),
    ({"plan_uid": PLAN, "kind": "goal", "value": "20", "at": AT}, "value", "a number"),
    ({"plan_uid": PLAN, "kind": "percent", "at": AT}, "value", "required for 'percent'"),
    ({"plan_uid": PLAN, "kind": "percent", "value": 101, "at": AT}, "value", "0 to 100"),
    ({"plan_uid": PLAN, "kind": "percent", "value": -1, "at": AT}, "value", "0 to 100"),
    ({"plan_uid": PLAN, "kind": "hold", "reason": "tired", "at": AT}, "reason", "'flare'"),
    ({"plan_uid": PLAN, "kind": "hold", "reason": 1, "at": AT}, "reason", "text"),
    ({"plan_uid": PLAN, "kind": "hold", "at": AT, "day": "2026-11-26"}, "day", "not a field"),
]


@pytest.mark.parametrize(("record", "field", "words"), BAD_CHANGES)
def test_a_change_the_journal_cannot_hold_is_refused_and_nothing_is_imported(
    home: Path, tmp_path: Path, record: dict[str, Any], field: str, words: str
) -> None:
    good = {"plan_uid": PLAN, "kind": "percent", "value": 50, "at": AT}  # outside 5-20: kept
    path = _written(tmp_path, pacing_plans=[_plan(PLAN, "walk", 10)], pacing_changes=[good, record])
    db = Database.open(home)
    before = digest(db_path(home))
    with pytest.raises(ImportRecordError) as caught:
        import_file(db, path)
    assert (caught.value.section, caught.value.index, caught.value.field) == (
        "pacing_changes",
        1,
        field,
    )
    assert "pacing_changes[1] (record 2)" in caught.value.message
    assert words in caught.value.message and f"'{field}'" in caught.value.message
    assert caught.value.message.endswith("Nothing was imported.")
    assert digest(db_path(home)) == before
    assert sum(table_counts(db_path(home)).values()) == 0


@pytest.mark.parametrize(("percent", "words"), [(101, "0 to 100"), (-2, "0 to 100")])
def test_a_plan_rise_the_journal_cannot_hold_is_refused(
    home: Path, tmp_path: Path, percent: float, words: str
) -> None:
    path = _written(tmp_path, pacing_plans=[_plan(PLAN, "walk", percent)])
    with pytest.raises(ImportRecordError, match=r"pacing_plans\[0\].*'percent'.*" + words):
        import_file(Database.open(home), path)
    assert table_counts(db_path(home))["pacing_plans"] == 0


def test_a_change_whose_plan_comes_later_is_kept_and_then_used(home: Path, tmp_path: Path) -> None:
    changes = [{"plan_uid": PLAN, "kind": "hold", "reason": "flare", "at": AT}]
    db = Database.open(home)
    report = import_file(db, _written(tmp_path, pacing_changes=changes))
    assert report.added == {"pacing_changes": 1} and PacingPlans(db).plans() == []
    import_file(db, _written(tmp_path, "plan.json", pacing_plans=[_plan(PLAN, "walk", 10)]))
    [walk] = PacingPlans(db).plans()
    assert [line.words("minutes") for line in walk.history] == [
        "Held after a flare in week 4 (Thu 26 Nov): 13 minutes for another week"
    ]
