"""The pacing service: holding a week, stepping back, a goal, a weekly rise, and the offer
to hold the plans after a flare (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from paincoach.core.errors import InputError, NotFoundError
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.pacing_plans import PacingPlans
from paincoach.records.entries import CheckInDraft
from paincoach.records.pacing import FLARE_REASON
from tests.practice_support import open_practice, plan_session
from tests.support import NOW

TODAY = NOW.date()  # Friday 27 November 2026
START = date(2026, 11, 6)  # a Friday: plan weeks run Friday to Thursday; today is week 4


def at(day: date, hour: int = 12) -> datetime:
    return NOW.replace(year=day.year, month=day.month, day=day.day, hour=hour)


def make_plan(home: Path, activity: str = "walking", start: date = START) -> None:
    open_practice(home).save_session(plan_session(activity, [10, 12, 14], start))


def pacing(home: Path, clock: Callable[[], datetime] = lambda: NOW) -> PacingPlans:
    return PacingPlans(Database.open(home), clock)


def test_a_hold_keeps_the_amount_for_the_coming_week_and_is_kept_in_the_history(
    home: Path,
) -> None:
    make_plan(home)
    before = pacing(home).plan_for("walking")
    assert before is not None and (before.week, before.today_amount) == (4, 13)
    assert before.next_rise == (date(2026, 12, 4), 14)
    held = pacing(home).hold("Walking", FLARE_REASON)
    assert (held.today_amount, held.held_this_week) == (13, True)
    assert held.next_rise == (date(2026, 12, 11), 14)  # the later weeks move back by one
    assert [line.words(held.unit) for line in held.history] == [
        "Held after a flare in week 4 (Fri 27 Nov): 13 minutes for another week"
    ]
    next_week = pacing(home, lambda: at(date(2026, 12, 4))).plan_for("walking")
    assert next_week is not None and (next_week.today_amount, next_week.held_this_week) == (
        13,
        False,
    )


def test_a_step_back_lowers_the_amount_from_today_and_rises_from_there(home: Path) -> None:
    make_plan(home)
    back = pacing(home).step_back("walking")
    assert back.today_amount == 12
    assert back.next_rise == (date(2026, 12, 4), 13)
    assert (
        back.history[-1].words("minutes") == "Stepped back in week 4 (Fri 27 Nov): 13 → 12 minutes"
    )


def test_a_goal_stops_the_rise_and_can_be_left_open_again(home: Path) -> None:
    make_plan(home)
    capped = pacing(home).set_goal("walking", 14)
    assert (capped.goal, capped.next_rise) == (14.0, (date(2026, 12, 4), 14))
    later = pacing(home, lambda: at(date(2027, 3, 1))).plan_for("walking")
    assert later is not None and later.today_amount == 14 and later.next_rise is None
    opened = pacing(home).set_goal("walking", None)
    assert opened.goal is None
    assert [line.words("minutes") for line in opened.history][-1] == (
        "Goal left open in week 4 (Fri 27 Nov)"
    )


def test_a_new_weekly_rise_applies_from_the_next_plan_week(home: Path) -> None:
    make_plan(home)
    faster = pacing(home).set_percent("walking", 20)
    assert (faster.percent, faster.today_amount) == (20.0, 13)
    assert faster.next_rise == (date(2026, 12, 4), 15)
    assert not faster.rate_flagged


@pytest.mark.parametrize(
    ("call", "field", "words"),
    [
        (lambda p: p.set_percent("walking", 25), "percent", "from 5 to 20 percent"),
        (lambda p: p.set_percent("walking", 4), "percent", "hold a week instead"),
        (lambda p: p.set_goal("walking", 0), "goal", "more than 0"),
        (lambda p: p.set_goal("walking", -3), "goal", "more than 0"),
    ],
)
def test_a_value_outside_the_rules_is_refused_and_nothing_is_kept(
    home: Path, call: Callable[[PacingPlans], object], field: str, words: str
) -> None:
    make_plan(home)
    with pytest.raises(InputError, match=words) as raised:
        call(pacing(home))
    assert raised.value.field == field
    plan = pacing(home).plan_for("walking")
    assert plan is not None and plan.history == ()


def test_an_unknown_activity_is_refused_with_the_plans_there_are(home: Path) -> None:
    make_plan(home)
    make_plan(home, "standing")
    with pytest.raises(NotFoundError, match=r'"swimming".*standing, walking'):
        pacing(home).hold("swimming")
    with pytest.raises(NotFoundError, match="no pacing plan yet"):
        pacing(home / "empty").step_back("walking")


def test_holding_every_plan_holds_each_active_plan_once(home: Path) -> None:
    make_plan(home)
    make_plan(home, "standing", date(2026, 11, 25))
    held = pacing(home).hold_all()
    assert [(p.activity, p.held_this_week) for p in held] == [
        ("standing", True),
        ("walking", True),
    ]
    assert all(p.history[-1].change.reason == FLARE_REASON for p in held)


# -- the offer after a flare -------------------------------------------------------------------


def journal(home: Path) -> Journal:
    return Journal(Database.open(home), lambda: NOW)


def usual_days(home: Path, pain: int = 4, days: int = 10) -> None:
    """A check-in on each of `days` days before the last week, all at `pain`."""
    j = journal(home)
    for k in range(8, 8 + days):
        j.add_checkin(CheckInDraft(at=NOW - timedelta(days=k), pain=pain))


def test_no_offer_without_plans_or_without_a_sign(home: Path) -> None:
    usual_days(home)
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=1), pain=9))
    assert pacing(home).flare_offer() is None  # no plan to hold
    make_plan(home)
    assert pacing(home).flare_offer() is not None
    other = home / "calm"
    make_plan(other)
    usual_days(other)
    journal(other).add_checkin(CheckInDraft(at=NOW - timedelta(days=1), pain=5))
    assert pacing(other).flare_offer() is None  # one point above the usual is no sign


def test_pain_well_above_the_usual_is_a_sign(home: Path) -> None:
    make_plan(home)
    usual_days(home, pain=4)
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=2), pain=6))
    sign = pacing(home).flare_offer()
    assert sign is not None and sign.day == TODAY - timedelta(days=2)
    assert sign.what == "pain 6 on Wed 25 Nov, well above your usual 4"


def test_without_a_usual_high_pain_alone_is_no_sign(home: Path) -> None:
    make_plan(home)
    usual_days(home, days=6)  # fewer than 7 days: no usual to compare with
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=1), pain=9))
    assert pacing(home).flare_offer() is None


def test_a_day_tagged_as_a_flare_is_a_sign_in_any_spelling(home: Path) -> None:
    make_plan(home)
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=3), pain=5, tags=("Flare-up",)))
    sign = pacing(home).flare_offer()
    assert sign is not None and sign.what == "a check-in tagged as a flare on Tue 24 Nov"


def test_a_sign_older_than_a_week_is_not_offered(home: Path) -> None:
    make_plan(home)
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=7), pain=5, tags=("flare",)))
    assert pacing(home).flare_offer() is None


def test_opening_the_flare_up_plan_is_a_sign(home: Path) -> None:
    make_plan(home)
    pacing(home, lambda: NOW - timedelta(days=1)).note_flare_plan_opened()
    sign = pacing(home).flare_offer()
    assert sign is not None and sign.what == "your flare-up plan opened on Thu 26 Nov"


def test_the_offer_ends_when_held_or_declined_and_comes_back_for_a_newer_sign(
    home: Path,
) -> None:
    make_plan(home)
    make_plan(home, "standing")
    j = journal(home)
    j.add_checkin(CheckInDraft(at=NOW - timedelta(days=2), pain=6, tags=("flare",)))
    service = pacing(home)
    service.hold("walking")
    assert service.flare_offer() is not None  # one plan is not held yet
    service.hold_all()
    assert service.flare_offer() is None
    tomorrow = pacing(home, lambda: NOW + timedelta(days=1))
    j.add_checkin(CheckInDraft(at=NOW + timedelta(hours=2), pain=7, tags=("flare",)))
    assert tomorrow.flare_offer() is None  # held today, on the day of the newer sign
    later = NOW + timedelta(days=2)  # still plan week 4, which is held: nothing to offer
    Journal(Database.open(home), lambda: later).add_checkin(
        CheckInDraft(at=later, pain=7, tags=("flare",))
    )
    assert pacing(home, lambda: later).flare_offer() is None
    next_week = NOW + timedelta(days=7)  # plan week 5: the flare goes on
    Journal(Database.open(home), lambda: next_week).add_checkin(
        CheckInDraft(at=next_week, pain=7, tags=("flare",))
    )
    in_a_week = pacing(home, lambda: next_week)
    assert in_a_week.flare_offer() is not None
    in_a_week.decline_offer()
    assert in_a_week.flare_offer() is None


def test_holding_every_plan_leaves_a_plan_held_this_week_as_it_is(home: Path) -> None:
    make_plan(home)
    make_plan(home, "standing")
    pacing(home).hold("walking")
    held = pacing(home, lambda: NOW + timedelta(days=1)).hold_all()
    assert [(p.activity, len(p.history)) for p in held] == [("standing", 1), ("walking", 1)]


def test_no_offer_when_every_plan_is_at_its_goal_and_would_not_rise_anyway(home: Path) -> None:
    """The offer says "no rise next week": a plan at its goal has none to hold back."""
    make_plan(home)  # 10 minutes in week 1, 13 today (week 4)
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=1), pain=6, tags=("flare",)))
    pacing(home, lambda: NOW - timedelta(days=14)).set_goal("walking", 11)
    found = pacing(home).plan_for("walking")
    assert found is not None and found.today_amount == 11
    assert pacing(home).flare_offer() is None
    make_plan(home, "standing")  # no goal: it rises next week, so holding it means something
    assert pacing(home).flare_offer() is not None


def test_no_offer_for_an_older_plan_with_no_weekly_rise(home: Path) -> None:
    make_plan(home)
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=1), pain=6, tags=("flare",)))
    assert pacing(home).flare_offer() is not None
    db = Database.open(home)
    with db.connection() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE pacing_plans SET percent = 0"))  # from before the 5-20% range
        conn.commit()
    assert pacing(home).flare_offer() is None  # no rise next week to hold back


def test_holding_every_plan_holds_only_the_plans_that_would_rise(home: Path) -> None:
    """A hold on a plan at its goal (or one with no weekly rise) would change nothing."""
    make_plan(home)
    make_plan(home, "standing")
    make_plan(home, "reading")
    pacing(home, lambda: NOW - timedelta(days=14)).set_goal("walking", 11)  # at it today
    db = Database.open(home)
    with db.connection() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE pacing_plans SET percent = 0 WHERE activity = 'reading'"))
        conn.commit()
    plans = pacing(home).hold_all()
    assert [(p.activity, p.held_this_week) for p in plans] == [
        ("reading", False),
        ("standing", True),
        ("walking", False),
    ]
    kinds = {p.activity: [h.change.kind for h in p.history] for p in plans}
    assert kinds == {"reading": [], "standing": ["hold"], "walking": ["goal"]}


def test_a_damaged_day_setting_is_as_if_never_set(home: Path) -> None:
    make_plan(home)
    db = Database.open(home)
    from paincoach.db.repository import put_settings

    with db.write() as session:
        put_settings(session, {"flare_plan_opened": "not a day", "pacing_hold_declined": 3})
    assert PacingPlans(db, lambda: NOW).flare_offer() is None


def test_undo_takes_back_todays_newest_change_and_only_todays(home: Path) -> None:
    make_plan(home)
    pacing(home, lambda: NOW - timedelta(days=1)).set_goal("walking", 30)
    with pytest.raises(NotFoundError, match="Nothing to undo today for walking"):
        pacing(home).undo_last("walking")  # yesterday's goal stays
    service = pacing(home)
    service.hold("walking")
    stepped = service.step_back("walking")
    assert (stepped.today_amount, stepped.changed_today) == (12, True)
    undone = service.undo_last("walking")
    assert undone.today_amount == 13 and [h.change.kind for h in undone.history] == [
        "goal",
        "hold",
    ]
    again = service.undo_last("walking")
    assert not again.held_this_week and not again.changed_today
    assert [h.change.kind for h in again.history] == ["goal"]
