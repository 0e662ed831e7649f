"""The long view's figures against hand-computed ones (review/long_view.py).

Today is the frozen Friday 27 Nov 2026 (Europe/London). Every figure is a mean of day means.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from paincoach.records.long_view import next_measure
from paincoach.review.long_view import MIN_WINDOW_DAYS, month_weeks
from paincoach.services import Services
from tests.practice_support import plan_session
from tests.storage_support import activity, checkin, local
from tests.support import fixed_clock


@pytest.fixture
def services(tmp_path: Path) -> Services:
    return Services(tmp_path / "home", fixed_clock)


def log(services: Services, at: datetime, pain: int, **fields: object) -> None:
    services.journal.add_checkin(checkin(at=at, pain=pain, **fields), confirmed=True)


def test_a_month_is_laid_out_in_the_persons_weeks() -> None:
    monday_weeks = month_weeks(date(2026, 11, 1), 0)  # 1 Nov 2026 is a Sunday
    assert monday_weeks[0] == (None,) * 6 + (date(2026, 11, 1),)
    assert monday_weeks[-1][0] == date(2026, 11, 30) and monday_weeks[-1][1:] == (None,) * 6
    assert len(monday_weeks) == 6
    sunday_weeks = month_weeks(date(2026, 11, 1), 6)
    assert sunday_weeks[0][0] == date(2026, 11, 1) and len(sunday_weeks) == 5
    days = [d for week in sunday_weeks for d in week if d is not None]
    assert days == [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]


def test_the_month_is_a_mean_of_day_means(services: Services) -> None:
    log(services, local(date(2026, 11, 3), 8), 2, mood=6)
    log(services, local(date(2026, 11, 3), 20), 5)
    log(services, local(date(2026, 11, 10)), 7, mood=3, sleep=4)
    log(services, local(date(2026, 10, 31)), 9)  # another month
    month = services.long_view.month(date(2026, 11, 20))
    assert month.month == date(2026, 11, 1)
    assert set(month.days) == {date(2026, 11, 3), date(2026, 11, 10)}
    third = month.days[date(2026, 11, 3)]
    assert (third.checkins, third.pain, third.mood, third.sleep) == (2, 3.5, 6.0, None)
    assert month.mean("pain") == pytest.approx((3.5 + 7) / 2)  # not (2 + 5 + 7) / 3
    assert month.mean("mood") == pytest.approx(4.5)
    assert month.mean("sleep") == 4.0


def test_a_change_of_week_start_lays_the_same_days_out_anew(services: Services) -> None:
    log(services, local(date(2026, 11, 1)), 4)
    assert services.long_view.month(date(2026, 11, 1)).weeks[0][6] == date(2026, 11, 1)
    services.save_settings(services.settings().with_changes(week_start=6))
    month = services.long_view.month(date(2026, 11, 1))
    assert month.week_start == 6 and month.weeks[0][0] == date(2026, 11, 1)
    assert month.days[date(2026, 11, 1)].pain == 4


def test_days_across_the_clock_changes_stay_the_days_they_were_lived(
    services: Services,
) -> None:
    # London leaves summer time on 25 Oct 2026 and enters it on 29 Mar 2026.
    for day in (date(2026, 10, 25), date(2026, 3, 29)):
        log(services, local(day, 0, 30), 2)
        log(services, local(day, 23, 30), 6)
    year = services.long_view.year(2026)
    assert {d: m.pain for d, m in year.days.items()} == {
        date(2026, 10, 25): 4.0,
        date(2026, 3, 29): 4.0,
    }
    assert year.month_mean(10, "pain") == 4.0 and year.month_mean(3, "pain") == 4.0
    assert year.month_mean(4, "pain") is None


def test_a_day_is_the_local_day_it_was_lived_in_another_zone(services: Services) -> None:
    tokyo = datetime(2026, 11, 2, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 1 Nov 22:00 in London
    log(services, tokyo, 5)
    assert set(services.long_view.month(date(2026, 11, 1)).days) == {date(2026, 11, 2)}


def test_twelve_months_of_trends_by_month_with_a_moving_average(services: Services) -> None:
    log(services, local(date(2026, 8, 5)), 8)
    log(services, local(date(2026, 9, 1)), 6)
    log(services, local(date(2026, 9, 2)), 4)
    log(services, local(date(2026, 11, 1)), 3, mood=7)
    log(services, local(date(2026, 11, 1), 18), 5, mood=5)
    services.journal.add_activity(activity(minutes=30, at=local(date(2026, 11, 2))))
    services.journal.add_activity(activity(minutes=15, at=local(date(2026, 11, 9))))
    trends = services.long_view.trends(12)
    assert trends.grain == "month" and trends.months == 12
    assert [p.label for p in trends.periods][:2] == ["2025-12", "2026-01"]
    assert len(trends.periods) == 12 and trends.periods[-1].label == "2026-11"
    assert trends.first == date(2025, 12, 1) and trends.last == date(2026, 11, 27)
    by_label = {p.label: p for p in trends.periods}
    september, october, november = by_label["2026-09"], by_label["2026-10"], by_label["2026-11"]
    assert september.pain is not None and (september.pain.mean, september.days_logged) == (5, 2)
    assert (september.pain.lowest, september.pain.highest) == (4, 6)
    assert october.pain is None and october.days_logged == 0
    assert october.moving_average["pain"] is None  # a gap is never drawn over
    assert november.pain is not None and november.pain.mean == 4.0
    assert november.mood is not None and november.mood.mean == 6.0
    assert november.last == date(2026, 11, 27)  # the month so far
    assert november.activity_minutes == 45
    # November's average: its own month and the two before that have a value (Sep, none in Oct).
    assert november.moving_average["pain"] == pytest.approx((5 + 4) / 2)
    assert september.moving_average["pain"] == pytest.approx((8 + 5) / 2)  # Aug, Sep
    assert not trends.empty


def test_three_months_go_by_the_persons_weeks(services: Services) -> None:
    log(services, local(date(2026, 11, 22)), 6)  # a Sunday
    log(services, local(date(2026, 11, 23)), 2)  # the Monday after
    trends = services.long_view.trends(3)
    assert trends.grain == "week" and len(trends.periods) == 13
    assert trends.first == date(2026, 8, 31) == trends.periods[0].first  # whole weeks
    last_two = trends.periods[-2:]
    assert [(p.first, p.last) for p in last_two] == [
        (date(2026, 11, 16), date(2026, 11, 22)),
        (date(2026, 11, 23), date(2026, 11, 27)),
    ]
    assert [p.pain.mean if p.pain else None for p in last_two] == [6, 2]
    assert last_two[-1].label == "2026-W48"
    services.save_settings(services.settings().with_changes(week_start=6))
    sunday = services.long_view.trends(3).periods[-1]
    assert (sunday.first, sunday.days_logged) == (date(2026, 11, 22), 2)
    assert sunday.pain is not None and sunday.pain.mean == 4.0


def test_all_time_starts_at_the_first_check_in_month(services: Services) -> None:
    assert services.long_view.trends(None).empty
    log(services, local(date(2024, 2, 29)), 5)
    trends = services.long_view.trends(None)
    assert trends.first == date(2024, 2, 1) and trends.months is None
    assert len(trends.periods) == 34  # Feb 2024 to Nov 2026
    assert services.long_view.first_day() == date(2024, 2, 29)


def test_a_treatment_started_has_before_and_after_figures(services: Services) -> None:
    start = date(2026, 10, 20)
    for n in range(1, 11):
        log(services, local(start - timedelta(days=n)), 6)
    for n in range(8):
        log(services, local(start + timedelta(days=n)), 3 if n % 2 else 4)
    services.treatments.start("physiotherapy", kind="other", day=start)
    trends = services.long_view.trends(3)
    [event] = trends.events
    assert (event.day, event.kind, event.title) == (
        start,
        "treatment-start",
        "Started physiotherapy",
    )
    [compared] = trends.before_after
    assert compared.enough and (compared.days_before, compared.days_after) == (10, 8)
    assert compared.mean_before == 6 and compared.mean_after == pytest.approx(3.5)
    assert compared.words.startswith("From Tue 20 Oct 2026, your pain was lower: 3.5 on average")
    assert "not a cause" in compared.words
    mood = services.long_view.trends(3, measure=next_measure("pain")).before_after[0]
    assert mood.measure == "mood" and not mood.enough and mood.words.startswith("Not enough")


def test_too_few_days_say_what_they_need(services: Services) -> None:
    start = date(2026, 11, 24)
    for n in range(1, 9):
        log(services, local(start - timedelta(days=n)), 5)
    log(services, local(start), 4)
    services.treatments.start("heat pack", kind="other", day=start)
    [compared] = services.long_view.trends(3).before_after
    assert not compared.enough and compared.needs == MIN_WINDOW_DAYS
    assert compared.words == (
        f"Not enough data yet: needs {MIN_WINDOW_DAYS} days with a check-in in the 4 weeks "
        f"before and {MIN_WINDOW_DAYS} in the 4 weeks from it, has 8 and 1."
    )


def test_about_the_same_is_said_as_such(services: Services) -> None:
    start = date(2026, 11, 1)
    for n in range(1, 15):
        log(services, local(start - timedelta(days=n)), 5)
        log(services, local(start + timedelta(days=n - 1)), 5 if n % 3 else 4)
    services.treatments.start("amitriptyline", day=start)
    services.treatments.stop("amitriptyline", why="side_effects", day=date(2026, 11, 20))
    events = services.long_view.trends(6).events
    assert [e.kind for e in events] == ["treatment-start", "treatment-stop"]
    first = services.long_view.trends(6).before_after[0]
    assert "was about the same" in first.words


def test_course_weeks_and_pacing_plans_are_marked(services: Services) -> None:
    log(services, local(date(2026, 11, 2)), 5)
    services.course.start()
    services.practice.save_session(plan_session("walking", [10, 12, 14], date(2026, 11, 6)))
    trends = services.long_view.trends(3)
    assert [(e.day, e.kind, e.title) for e in trends.events] == [
        (date(2026, 11, 6), "pacing-plan", "Pacing plan: walking"),
        (date(2026, 11, 27), "course-week", "Course week 1"),
    ]
    assert services.long_view.trends(None).events == trends.events
    assert services.long_view.trends(None, measure="sleep").before_after[0].measure == "sleep"
