"""One area, one name: the journal saves each name as first spelled, so counts see one name."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from paincoach.practice.service import Practice
from paincoach.report.build import build_report
from paincoach.review.plan_progress import plan_progress
from tests.practice_support import plan_session
from tests.storage_support import activity, checkin, open_journal
from tests.support import NOW

TODAY = NOW.date()


def test_an_area_picked_from_the_list_and_typed_in_lower_case_is_one_area(home: Path) -> None:
    journal = open_journal(home)
    picked = journal.add_checkin(checkin(NOW - timedelta(days=1), areas=("Lower back",)))
    typed = journal.add_checkin(checkin(areas=("lower back", "Neck"), tags=("Cold",)))
    again = journal.add_checkin(checkin(areas=("LOWER   BACK",), tags=("cold", "COLD")))
    assert picked.areas == ("Lower back",)
    assert typed.areas == ("Lower back", "Neck")  # the saved entry says how it was stored
    assert (again.areas, again.tags) == (("Lower back",), ("Cold",))
    stored = {c.uid: c.areas for c in journal.day(TODAY).checkins}
    assert stored[typed.uid] == ("Lower back", "Neck")
    assert journal.used_areas() == ["Lower back", "Neck"]  # one choice, used 3 times
    assert journal.used_tags() == ["Cold"]
    found = journal.search("lower back")
    assert {e.uid for e in found} == {picked.uid, typed.uid, again.uid}


def test_names_beyond_ascii_are_one_name_too(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(areas=("Straße",), tags=("Gärtnern",)))
    later = journal.add_checkin(checkin(areas=("STRASSE",), tags=("GÄRTNERN",)))
    assert (later.areas, later.tags) == (("Straße",), ("Gärtnern",))


def test_an_activity_keeps_its_first_spelling(home: Path) -> None:
    journal = open_journal(home)
    journal.add_activity(activity("Walk", at=NOW - timedelta(days=3)))
    later = journal.add_activity(activity(" walk ", 15))
    assert later.name == "Walk"
    assert journal.activity_names() == ["Walk"]
    assert len(journal.search("WALK")) == 2


def test_an_edit_takes_the_other_entries_spelling_or_changes_its_own(home: Path) -> None:
    journal = open_journal(home)
    only = journal.add_checkin(checkin(areas=("lower Back",)))
    # the only check-in with that area: its spelling can be corrected
    assert journal.update_checkin(only.uid, checkin(areas=("Lower back",))).areas == ("Lower back",)
    other = journal.add_checkin(checkin(areas=("lower back",)))
    assert other.areas == ("Lower back",)
    assert journal.update_checkin(other.uid, checkin(areas=("LOWER BACK",))).areas == (
        "Lower back",
    )
    walk = journal.add_activity(activity("wlak"))
    assert journal.update_activity(walk.uid, activity("Walk")).name == "Walk"


def test_the_report_counts_one_area_and_one_tag(home: Path) -> None:
    journal = open_journal(home)
    first = TODAY - timedelta(days=6)
    for offset in range(12):
        journal.add_checkin(
            checkin(NOW - timedelta(days=offset % 6), areas=("Lower back",), tags=("cold",))
        )
    journal.add_checkin(checkin(areas=("lower back",), tags=("Cold",)))
    report = build_report(journal.db, first, TODAY, include_notes=False, now=NOW)
    assert report.areas == (("Lower back", 13),)
    assert report.tags == (("cold", 13),)


def test_the_pacing_plan_counts_its_activity_in_any_spelling_and_no_other(home: Path) -> None:
    journal = open_journal(home)
    practice = Practice(journal.db, journal, lambda: NOW)
    practice.save_session(plan_session("Walking", [10, 12, 14], date(2026, 11, 20)))
    saved = journal.add_activity(activity("WALKING", 7, paced=True))
    journal.add_activity(activity("walk", 30, paced=True))  # another activity: not counted
    assert saved.name == "Walking"  # the plan's spelling
    plan = practice.plan_for("walking")
    assert plan is not None and plan.done_today == 7
    with journal.db.read() as session:
        [progress] = plan_progress(session, TODAY, TODAY)
    assert progress.activity == "Walking" and progress.days[0].done == 7


def test_a_new_plan_is_named_as_its_activity_was_first(home: Path) -> None:
    journal = open_journal(home)
    journal.add_activity(activity("gardening", at=NOW - timedelta(days=9)))
    practice = Practice(journal.db, journal, lambda: NOW)
    practice.save_session(plan_session("Gardening", [10, 12, 14], TODAY))
    [plan] = practice.pacing_plans()
    assert plan.activity == "gardening"
