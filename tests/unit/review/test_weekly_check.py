"""The weekly check: its questions, its score, saving, finding a week's, and when it is due."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from paincoach.core.errors import InputError
from paincoach.records.review import WeeklyAnswers, check_score
from paincoach.review.weekly_check import QUESTIONS, WeeklyChecks, answers_from
from paincoach.settings import Settings, save_settings
from tests.review_support import MON, Book, at
from tests.support import fixed_clock


@pytest.fixture
def book(home: Path) -> Book:
    return Book(home)


@pytest.fixture
def checks(book: Book) -> WeeklyChecks:
    return WeeklyChecks(book.db, fixed_clock)


# -- the questions -----------------------------------------------------------------------------


def test_three_questions_in_our_own_words_with_end_labels() -> None:
    assert [q.key for q in QUESTIONS] == ["pain", "enjoyment", "activity"]
    for question in QUESTIONS:
        assert question.text.endswith("?") and "past 7 days" in question.text
        assert question.low and question.high and question.low != question.high
        # not the PEG's own item wording (its licence is unclear)
        lowered = question.text.lower()
        assert "interfered" not in lowered and "what number best describes" not in lowered
        assert "as bad as you can imagine" not in question.high


@pytest.mark.parametrize(
    ("answers", "score"),
    [((0, 0, 0), 0.0), ((1, 0, 0), 0.3), ((0, 1, 1), 0.7), ((7, 6, 8), 7.0), ((10, 10, 9), 9.7)],
)
def test_the_score_is_the_mean_to_one_decimal(answers: tuple[int, int, int], score: float) -> None:
    assert check_score(*answers) == score
    assert WeeklyAnswers(*answers).score == score


def test_answers_are_checked_like_every_rating() -> None:
    assert answers_from({"pain": "5", "enjoyment": 0, "activity": 10.0}) == WeeklyAnswers(5, 0, 10)
    for bad, field in (
        ({"pain": 11, "enjoyment": 1, "activity": 1}, "pain"),
        ({"pain": 1, "enjoyment": -1, "activity": 1}, "enjoyment"),
        ({"pain": 1, "enjoyment": 1}, "activity"),
        ({"pain": 1, "enjoyment": 1, "activity": "lots"}, "activity"),
        ({"pain": 1, "enjoyment": 1, "activity": 1, "mood": 1}, "mood"),
    ):
        with pytest.raises(InputError) as caught:
            answers_from(bad)
        assert caught.value.field == field
    with pytest.raises(InputError):
        WeeklyAnswers(1, 2, True)


# -- saving and finding ------------------------------------------------------------------------


def test_a_check_is_saved_for_the_week_holding_its_day(checks: WeeklyChecks) -> None:
    saved = checks.record(WeeklyAnswers(6, 5, 4), at(MON + timedelta(days=4), 20), week_start=0)
    assert (saved.day, saved.week_start) == (MON + timedelta(days=4), MON)
    assert (saved.pain, saved.enjoyment, saved.activity, saved.score) == (6, 5, 4, 5.0)
    assert checks.for_week(MON) == saved
    assert checks.for_week(MON - timedelta(days=7)) is None
    assert checks.for_week(MON + timedelta(days=7)) is None


def test_the_week_start_comes_from_settings_unless_given(book: Book, checks: WeeklyChecks) -> None:
    save_settings(book.db, Settings(week_start=6))  # weeks start on Sunday
    friday = MON + timedelta(days=4)
    assert checks.record(WeeklyAnswers(1, 1, 1), at(friday)).week_start == MON - timedelta(days=1)
    assert checks.record(WeeklyAnswers(1, 1, 1), at(friday), week_start=2).week_start == date(
        2026, 11, 18
    )


def test_the_day_is_the_local_day_where_it_was_given(checks: WeeklyChecks) -> None:
    late = datetime(2026, 11, 22, 23, 30, tzinfo=ZoneInfo("America/New_York"))  # Sunday there
    saved = checks.record(WeeklyAnswers(3, 3, 3), late, week_start=0)
    assert (saved.day, saved.week_start) == (date(2026, 11, 22), MON)
    assert saved.at == late and saved.at.utcoffset() == late.utcoffset()


def test_given_twice_the_newest_counts(checks: WeeklyChecks) -> None:
    checks.record(WeeklyAnswers(8, 8, 8), at(MON + timedelta(days=4), 9), week_start=0)
    second = checks.record(WeeklyAnswers(2, 2, 2), at(MON + timedelta(days=5), 9), week_start=0)
    assert checks.for_week(MON) == second
    assert [c.uid for c in checks.recent()] == [second.uid, checks.recent()[1].uid]


def test_a_check_stored_under_an_old_week_start_still_counts_by_its_day(
    checks: WeeklyChecks,
) -> None:
    saved = checks.record(WeeklyAnswers(4, 4, 4), at(MON + timedelta(days=2)), week_start=0)
    # the person now starts weeks on Sunday: the week from Sunday 15 Nov holds that day
    assert checks.for_week(MON - timedelta(days=1)) == saved


def test_a_naive_moment_is_refused(checks: WeeklyChecks) -> None:
    with pytest.raises(ValueError):
        checks.record(WeeklyAnswers(1, 1, 1), datetime(2026, 11, 20, 9, 0), week_start=0)


# -- when it is due ----------------------------------------------------------------------------


def test_due_from_the_fifth_day_with_an_entry_this_week(book: Book, checks: WeeklyChecks) -> None:
    book.checkin(MON, 5)
    due = [checks.due(MON + timedelta(days=i), 0) for i in range(7)]
    assert due == [False, False, False, False, True, True, True]


def test_not_due_without_an_entry_this_week(book: Book, checks: WeeklyChecks) -> None:
    book.checkin(MON - timedelta(days=1), 5)  # last week's Sunday
    assert not checks.due(MON + timedelta(days=5), 0)
    book.activity(MON + timedelta(days=5), 10)
    assert checks.due(MON + timedelta(days=5), 0)


def test_entries_after_today_do_not_make_it_due(book: Book, checks: WeeklyChecks) -> None:
    book.checkin(MON + timedelta(days=6), 5)
    assert not checks.due(MON + timedelta(days=4), 0)


def test_not_due_once_given_this_week(book: Book, checks: WeeklyChecks) -> None:
    book.checkin(MON, 5)
    checks.record(WeeklyAnswers(5, 5, 5), at(MON + timedelta(days=4)), week_start=0)
    assert not checks.due(MON + timedelta(days=5), 0)
    book.checkin(MON + timedelta(days=7), 5)
    assert checks.due(MON + timedelta(days=11), 0)  # next week, once more


def test_due_follows_the_week_start(book: Book, checks: WeeklyChecks) -> None:
    sunday = MON - timedelta(days=1)
    book.checkin(sunday, 5)
    assert checks.due(sunday + timedelta(days=4), 6)  # Thursday: day 5 of a Sunday week
    assert not checks.due(sunday + timedelta(days=4), 0)  # Thursday: day 4 of a Monday week
