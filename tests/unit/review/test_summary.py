"""The week summary: figures by local day, comparisons, the baseline, plans, bounded SQL."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paincoach.core.errors import InputError
from paincoach.core.rounding import rounded
from paincoach.core.weeks import iso_label, parse_iso_week, week_of_date, week_of_iso
from paincoach.records.entries import CheckInDraft
from paincoach.records.review import DayPoint, ExerciseCount, PlanDay, WeeklyAnswers
from paincoach.review.changes import compare, is_meaningful
from paincoach.review.summary import FIGURES, week_summary
from paincoach.review.weekly_check import WeeklyChecks
from tests.review_support import MON, Book, at
from tests.storage_support import sql_trace
from tests.support import fixed_clock

D = timedelta(days=1)
#: The doses' query bounds the day with >= and <= (the same index range as BETWEEN).
DAY_RANGE = re.compile(r"(\w+)\.day >= '[\d-]+' AND \1\.day <= '[\d-]+'")


@pytest.fixture
def book(home: Path) -> Book:
    return Book(home)


def values(book: Book, start: date = MON, **kw: object) -> dict[str, float | None]:
    summary = week_summary(book.db, start, week_start=kw.pop("week_start", 0), **kw)  # type: ignore[arg-type]
    return {f.key: f.value for f in summary.figures}


# -- meaningful change -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "now", "scale", "meaningful"),
    [
        (8.0, 6.0, "rating", True),  # exactly 2 points (25%)
        (8.0, 6.1, "rating", False),  # 1.9 points, 24%
        (4.0, 5.2, "rating", True),  # exactly 30%, and at least 1 point
        (4.0, 5.1, "rating", False),  # 27.5%
        (3.0, 3.9, "rating", False),  # 30%, but under 1 point
        (10.0, 7.0, "count", True),  # exactly 30% and 3
        (10.0, 8.0, "count", False),  # 20%
        (5.0, 3.0, "count", True),  # 40%, exactly 2
        (2.0, 1.0, "count", False),  # 50%, but only 1
        (0.0, 2.0, "count", True),
        (100.0, 130.0, "minutes", True),  # exactly 30%
        (100.0, 129.0, "minutes", False),
        (20.0, 34.0, "minutes", False),  # 70%, but under 15 minutes
        (20.0, 35.0, "minutes", True),
    ],
)
def test_meaningful_is_2_points_or_30_percent(
    earlier: float, now: float, scale: str, meaningful: bool
) -> None:
    assert is_meaningful(now, earlier, scale) is meaningful  # type: ignore[arg-type]
    change = compare(now, earlier, scale, "last week")  # type: ignore[arg-type]
    assert change is not None and change.meaningful is meaningful
    assert ("a meaningful change" in change.words) is meaningful


def test_changes_are_worded_plainly() -> None:
    same = compare(5.4, 5.0, "rating", "last week")
    little = compare(5.9, 5.0, "rating", "last week")
    big = compare(4.0, 6.5, "rating", "your first two weeks")
    assert same and same.words == "about the same as last week (5.0 → 5.4)"
    assert same.direction == "same"
    assert little and little.words == "a little higher than last week (5.0 → 5.9)"
    assert big and big.words == (
        "2.5 points lower than your first two weeks (6.5 → 4.0, -38%): a meaningful change"
    )
    assert (big.delta, big.percent, big.direction) == (-2.5, -38, "down")
    assert compare(None, 5.0, "rating", "last week") is None
    assert compare(3.0, 0.0, "count", "x") is not None
    assert compare(3.0, 0.0, "count", "x").percent is None  # type: ignore[union-attr]


# -- the week's figures ------------------------------------------------------------------------


def test_figures_of_a_known_week(book: Book) -> None:
    book.checkin(MON, 2, mood=6, sleep=4, hour=8)
    book.checkin(MON, 4, mood=8, hour=20)  # Monday's pain average: 3
    book.checkin(MON + 2 * D, 6, mood=3, sleep=7)
    book.activity(MON, 30)
    book.activity(MON, 15, name="swim")
    book.activity(MON + 3 * D, 20)
    book.session(MON, kind="breathing")
    book.session(MON + D, kind="breathing", completed=False)
    book.session(MON + D, "thought-record", kind="thought_record")
    book.thought_record(MON + D, ["All-or-nothing"])
    WeeklyChecks(book.db, fixed_clock).record(WeeklyAnswers(6, 5, 5), at(MON + 4 * D), week_start=0)
    summary = week_summary(book.db, MON, week_start=0)
    assert [f.key for f in summary.figures] == [key for key, _, _ in FIGURES]
    assert {f.key: f.value for f in summary.figures} == {
        "days_logged": 3,
        "pain_avg": 4.5,  # the mean of the daily means (3 and 6), each day counting once
        "pain_low": 2.0,
        "pain_high": 6.0,
        "mood_avg": 5.0,  # days: 7 and 3
        "mood_low": 3.0,
        "mood_high": 8.0,
        "sleep_avg": 5.5,
        "activity_minutes": 65,
        "active_days": 2,
        "exercises_completed": 2,
        "exercises_incomplete": 1,
        "thought_records": 1,
        "check_score": 5.3,
    }
    assert summary.exercises == (
        ExerciseCount("breathing", 1, 1),
        ExerciseCount("thought_record", 1, 0),
    )
    assert summary.check is not None and summary.check.score == 5.3
    assert (summary.start, summary.end, summary.label) == (MON, MON + 6 * D, "2026-W47")


def test_only_the_weeks_own_days_count(book: Book) -> None:
    book.checkin(MON - D, 9, hour=23)  # Sunday before
    book.checkin(MON, 1, hour=0)
    book.checkin(MON + 6 * D, 3, hour=23)
    book.checkin(MON + 7 * D, 9, hour=0)  # Monday after
    assert values(book)["pain_avg"] == 2.0 and values(book)["pain_high"] == 3.0


def test_any_day_of_the_week_gives_the_week(book: Book) -> None:
    book.checkin(MON, 4)
    assert week_summary(book.db, MON + 3 * D, week_start=0).start == MON
    summary = week_summary(book.db, MON + 3 * D, week_start=6)  # weeks from Sunday
    assert (summary.start, summary.label) == (MON - D, "2026-W47")


def test_an_empty_week(book: Book) -> None:
    summary = week_summary(book.db, MON, week_start=0)
    found = {f.key: f for f in summary.figures}
    assert found["days_logged"].value == 0 and found["pain_avg"].value is None
    assert all(f.previous is None and f.baseline is None for f in summary.figures)
    assert summary.previous_note and "nothing is logged yet" in summary.baseline_note
    assert summary.days == tuple(DayPoint(MON + i * D, None, None, None) for i in range(7))


def test_daily_series_for_charts(book: Book) -> None:
    book.checkin(MON, 3, mood=5)
    book.checkin(MON, 4)
    book.activity(MON + D, 25)
    book.checkin(MON + 2 * D, 7)
    days = week_summary(book.db, MON, week_start=0).days
    assert days[:4] == (
        DayPoint(MON, 3.5, 5.0, None),  # no activity logged: None, not 0
        DayPoint(MON + D, None, None, 25),
        DayPoint(MON + 2 * D, 7.0, None, None),
        DayPoint(MON + 3 * D, None, None, None),
    )


# -- against last week and the baseline --------------------------------------------------------


def test_compared_with_last_week(book: Book) -> None:
    book.days(MON - 7 * D, [4] * 7, minutes=[30] * 7)
    book.days(MON, [6] * 7, minutes=[30, 30, 30, 30, 30, 30, 29])
    summary = week_summary(book.db, MON, week_start=0)
    pain = summary.figure("pain_avg").previous
    minutes = summary.figure("activity_minutes").previous
    assert pain and pain.meaningful and pain.words.startswith("2.0 points higher than last week")
    assert minutes and minutes.direction == "same" and not minutes.meaningful
    assert summary.previous_note == ""


def test_nothing_logged_last_week_means_no_comparison(book: Book) -> None:
    book.days(MON, [6] * 7)
    summary = week_summary(book.db, MON, week_start=0)
    assert all(f.previous is None for f in summary.figures)
    assert summary.previous_note == "Nothing was logged the week before."


def test_no_baseline_until_two_weeks_have_entries(book: Book) -> None:
    book.days(MON - 28 * D, [5] * 7)  # one week with entries, every day
    summary = week_summary(book.db, MON, week_start=0)
    assert summary.baseline is None
    assert summary.baseline_note == (
        "The baseline is your first two weeks with entries; so far one week has entries."
    )


def test_the_baseline_is_the_first_two_weeks_with_entries(book: Book) -> None:
    first = MON - 68 * D  # a Wednesday: the first week counts from here, 5 days
    for i in range(0, 5, 2):  # Wed, Fri, Sun: 3 days with entries, 20 minutes each
        book.checkin(first + i * D, 3)
        book.activity(first + i * D, 20)
    second = MON - 42 * D  # three empty weeks later, a whole week
    book.days(second, [3] * 7, minutes=[20] * 7)
    book.checkin(second + 7 * D, 9)  # after the baseline: not part of it
    book.days(MON, [5] * 7, minutes=[20] * 7)
    summary = week_summary(book.db, MON, week_start=0)
    base = summary.baseline
    assert base is not None
    assert base.weeks == ((first, first + 4 * D), (second, second + 6 * D))
    assert (base.first, base.last, base.days) == (first, second + 6 * D, 12)
    pain = summary.figure("pain_avg").baseline
    assert pain and pain.earlier == 3.0 and pain.meaningful  # 3 → 5: 2 points
    # counts and minutes per 7 days over the 12 days of the two weeks (not the weeks between)
    minutes = summary.figure("activity_minutes").baseline
    assert minutes and minutes.earlier == rounded(10 * 20 * 7 / 12) == 117
    days = summary.figure("days_logged").baseline
    assert days and days.earlier == rounded(10 * 7 / 12) == 6  # whole, as shown
    assert summary.baseline_note == ""


def test_a_stray_old_entry_does_not_spread_the_baseline_over_years(book: Book) -> None:
    """`log --at 1990-01-01` once: the baseline is that week and the next week with entries,
    not the 36 years between them scaled down to almost nothing per week."""
    book.checkin(date(1990, 1, 1), 5)
    book.days(MON - 14 * D, [5] * 14, minutes=[30] * 14)
    book.days(MON, [5] * 7, minutes=[30] * 7)
    summary = week_summary(book.db, MON, week_start=0)
    base = summary.baseline
    assert base is not None and base.days == 14
    assert base.weeks == ((date(1990, 1, 1), date(1990, 1, 7)), (MON - 14 * D, MON - 8 * D))
    # the 1990 week had one day with entries (no activity), the next one seven
    active = summary.figure("active_days").baseline
    minutes = summary.figure("activity_minutes").baseline
    logged = summary.figure("days_logged").baseline
    assert active and active.earlier == rounded(7 * 7 / 14) == 4  # not 0 (7 over 13,000 days)
    assert "(4 → 7" in active.words
    assert minutes and minutes.earlier == 105  # 7 × 30 over 14 days, per 7: not 0
    assert logged and logged.earlier == 4  # 8 days over 14, per 7


def test_weeks_before_the_first_entry_are_not_part_of_the_baseline(book: Book) -> None:
    book.days(MON, [5] * 14)
    before = week_summary(book.db, MON - 21 * D, week_start=0)
    assert "part of" not in before.baseline_note
    assert before.baseline_note == (
        "This week is before your first entry, so there is no baseline to compare with."
    )
    inside = week_summary(book.db, MON + 7 * D, week_start=0)
    assert "is part of your first two weeks" in inside.baseline_note


def test_an_empty_week_between_the_two_baseline_weeks(book: Book) -> None:
    book.days(MON - 21 * D, [5])
    book.days(MON, [5] * 7)
    between = week_summary(book.db, MON - 7 * D, week_start=0)
    assert between.baseline is not None and all(f.baseline is None for f in between.figures)
    assert "part of" not in between.baseline_note
    assert "before the end of your first two weeks" in between.baseline_note


def test_the_baseline_weeks_follow_the_week_start(book: Book) -> None:
    book.days(MON - 1 * D, [5])  # a Sunday
    book.days(MON + 1 * D, [5])  # the Tuesday after
    monday = week_summary(book.db, MON + 14 * D, week_start=0).baseline
    sunday = week_summary(book.db, MON + 14 * D, week_start=6).baseline
    assert monday and monday.weeks == ((MON - D, MON - D), (MON, MON + 6 * D))
    assert sunday is None  # from Sunday, both days are in one week


def test_a_week_inside_the_baseline_is_not_compared_with_it(book: Book) -> None:
    book.days(MON - 7 * D, [5] * 14)
    summary = week_summary(book.db, MON, week_start=0)
    assert summary.baseline is not None and summary.baseline.last == MON + 6 * D
    assert all(f.baseline is None for f in summary.figures)
    assert "part of your first two weeks" in summary.baseline_note


def test_a_week_in_progress_is_compared_with_the_same_days(book: Book) -> None:
    book.days(MON - 7 * D, [2, 2, 2, 9, 9, 9, 9], minutes=[10, 10, 10, 90, 90, 90, 90])
    book.days(MON, [2, 2, 2], minutes=[10, 10, 10])
    summary = week_summary(book.db, MON, week_start=0, today=MON + 2 * D)
    assert summary.days_so_far == 3
    pain = summary.figure("pain_avg").previous
    minutes = summary.figure("activity_minutes").previous
    assert pain and pain.earlier == 2.0 and pain.direction == "same"
    assert minutes and minutes.earlier == 30 and "the same days last week" in minutes.words
    finished = week_summary(book.db, MON, week_start=0, today=MON + 9 * D)
    assert finished.days_so_far == 7
    assert finished.figure("activity_minutes").previous.meaningful  # type: ignore[union-attr]


def test_the_check_score_against_last_week_and_the_first_check(book: Book) -> None:
    checks = WeeklyChecks(book.db, fixed_clock)
    book.checkin(MON - 14 * D, 5)
    checks.record(WeeklyAnswers(8, 8, 8), at(MON - 10 * D), week_start=0)
    checks.record(WeeklyAnswers(6, 6, 6), at(MON - 3 * D), week_start=0)
    checks.record(WeeklyAnswers(5, 6, 6), at(MON + 4 * D), week_start=0)
    score = week_summary(book.db, MON, week_start=0).figure("check_score")
    assert score.value == 5.7
    assert score.previous and score.previous.earlier == 6.0 and score.previous.direction == "same"
    assert score.baseline and score.baseline.earlier == 8.0 and score.baseline.meaningful
    assert "your first weekly check" in score.baseline.words
    first = week_summary(book.db, MON - 14 * D, week_start=0).figure("check_score")
    assert first.baseline is None  # the first check is not compared with itself


# -- pacing plans ------------------------------------------------------------------------------


def test_minutes_against_each_plans_quota(book: Book) -> None:
    book.plan("Walk", 10, MON - 7 * D, percent=10.0)  # week 2 from MON: quota 11
    book.plan("Lesen", 5, MON + 5 * D, unit="pages")
    book.activity(MON, 12, name="walk")
    book.activity(MON, 3, name="WALK")
    book.activity(MON + D, 8, name="Walk ")
    book.activity(MON + D, 50, name="swim")
    summary = week_summary(book.db, MON, week_start=0)
    walk, pages = sorted(summary.plans, key=lambda p: p.unit)
    assert (walk.activity, walk.unit) == ("Walk", "minutes")
    assert walk.days[:3] == (
        PlanDay(MON, 11, 15),
        PlanDay(MON + D, 11, 8),
        PlanDay(MON + 2 * D, 11, 0),
    )
    assert (walk.quota_total, walk.done_total) == (77, 23)
    assert pages.days == (PlanDay(MON + 5 * D, 5, None), PlanDay(MON + 6 * D, 5, None))
    assert pages.done_total is None


def test_a_replaced_plan_counts_until_the_day_it_stopped(book: Book) -> None:
    book.plan("walk", 10, MON - 14 * D, stopped=MON + 2 * D)
    book.plan("Walk", 20, MON + 2 * D)
    book.plan("swim", 5, MON + 7 * D)  # starts next week: not in this one
    [walk] = week_summary(book.db, MON, week_start=0).plans
    assert [d.quota for d in walk.days] == [10, 10, 20, 20, 20, 20, 20]
    assert walk.activity == "Walk"


# -- bounded, indexed SQL ----------------------------------------------------------------------


def test_every_query_is_bounded_by_day_or_a_limit(book: Book) -> None:
    book.days(MON - 30 * D, [5] * 40, minutes=[20] * 40)
    with sql_trace(book.db) as statements:
        week_summary(book.db, MON, week_start=0)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert reads
    for statement in reads:
        flat = " ".join(statement.split())
        if any(f"FROM {table}" in flat for table in ("pacing_plans", "settings", "treatments")):
            continue  # a handful of rows, never history
        assert "BETWEEN" in flat or "LIMIT" in flat or DAY_RANGE.search(flat), flat


def test_the_day_queries_use_the_day_indexes(book: Book) -> None:
    plans = []
    with book.db.connection() as conn:
        for table in ("checkins", "activities", "exercise_sessions", "thought_records"):
            plans.append(
                " ".join(
                    str(row[-1])
                    for row in conn.exec_driver_sql(
                        f"EXPLAIN QUERY PLAN SELECT day, count(*) FROM {table} "
                        "WHERE day BETWEEN '2026-11-16' AND '2026-11-22' GROUP BY day"
                    )
                )
            )
    for plan in plans:
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan


# -- ISO weeks ---------------------------------------------------------------------------------


def test_iso_weeks_parse_and_map_to_the_persons_week() -> None:
    assert parse_iso_week("2026-W47") == (2026, 47)
    assert parse_iso_week(" 2026w7 ") == (2026, 7)
    assert week_of_iso("2026-W47") == MON
    assert week_of_iso("2026-W47", 6) == MON - D  # Sunday 15 Nov: holds Thu 19 Nov
    assert week_of_iso("2026-W47", 4) == MON - 3 * D  # Friday 13 – Thursday 19 Nov
    assert week_of_iso("2026-W53") == date(2026, 12, 28)
    assert week_of_date(date(2026, 11, 22)) == MON
    assert week_of_date(date(2026, 11, 22), 6) == date(2026, 11, 22)


@pytest.mark.parametrize("text", ["2025-W53", "2026-W54", "2026-W00", "W47", "2026-47", "", "x"])
def test_impossible_weeks_are_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_iso_week(text)
    assert caught.value.field == "week"


@given(
    day=st.dates(min_value=date(1900, 1, 8), max_value=date(2999, 12, 20)),
    week_start=st.integers(0, 6),
)
def test_a_weeks_label_names_it_back(day: date, week_start: int) -> None:
    start = week_of_date(day, week_start)
    assert start <= day < start + 7 * D
    assert week_of_iso(iso_label(start), week_start) == start


# -- through the app's services ------------------------------------------------------------------


def test_services_use_the_stored_week_start_and_todays_date(home: Path) -> None:
    from paincoach.services import Services
    from paincoach.settings import Settings

    services = Services(home, fixed_clock)  # today: Friday 27 November 2026
    services.save_settings(Settings(week_start=6))
    services.journal.add_checkin(CheckInDraft(at(date(2026, 11, 23)), 4))
    summary = services.week_summary(date(2026, 11, 25))
    assert (summary.start, summary.days_so_far) == (date(2026, 11, 22), 6)
    insights = services.week_insights(date(2026, 11, 25))
    assert insights.last == date(2026, 11, 27)
    assert services.weekly_checks.due(date(2026, 11, 27), 6)
    services.close()


# -- rounding and days not yet lived ---------------------------------------------------------------


def test_averages_round_a_half_away_from_zero(book: Book) -> None:
    for hour, pain in enumerate([4, 4, 5, 4]):  # the day's mean: 4.25
        book.checkin(MON, pain, hour=8 + hour)
    summary = week_summary(book.db, MON, week_start=0)
    assert summary.figure("pain_avg").value == 4.3  # round(4.25, 1) would say 4.2
    assert summary.days[0].pain_avg == 4.3


def test_counts_and_minutes_are_compared_as_whole_numbers() -> None:
    days = compare(7, 4.42, "count", "your first two weeks")
    minutes = compare(120.0, 57.5, "minutes", "last week")
    assert days and (days.earlier, days.delta) == (4.0, 3.0)
    assert days.words == "3 more than your first two weeks (4 → 7, +75%): a meaningful change"
    assert minutes and (minutes.earlier, minutes.delta) == (58.0, 62.0)  # 57.5: a half, up


def test_pacing_leaves_out_the_days_not_yet_lived(book: Book) -> None:
    book.plan("walk", 10, MON - 7 * D)
    book.activity(MON, 10)
    book.activity(MON + D, 2)
    summary = week_summary(book.db, MON, week_start=0, today=MON + 2 * D)
    [walk] = summary.plans
    assert [d.day for d in walk.days] == [MON, MON + D, MON + 2 * D]  # not Thursday to Sunday
    assert (walk.quota_total, walk.done_total) == (30, 12)
    tally = walk.tally
    assert tally and (tally.within, tally.above, tally.below, tally.rest) == (1, 0, 1, 1)
    assert summary.so_far == "3 of 7 days so far"
    assert week_summary(book.db, MON, week_start=0, today=MON + 7 * D).so_far == ""
