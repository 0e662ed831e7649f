"""Validation of what people type (records.py) and the WHEN forms (when.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paincoach.core.errors import InputError
from paincoach.core.when import (
    format_moment,
    local_day,
    local_moment,
    parse_moment,
    parse_when,
    week_start_for,
)
from paincoach.records.entries import (
    LABEL_MAX,
    LABELS_MAX,
    NAME_MAX,
    NOTE_MAX,
    ActivityDraft,
    CheckInDraft,
    check_minutes,
    check_name,
    check_note,
    check_rating,
    clean_labels,
)
from tests.support import NOW, TEST_TZ

LONDON = ZoneInfo(TEST_TZ)

# -- ratings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0), (10, 10), ("5", 5), (" 7 ", 7), ("007", 7), (5.0, 5), ("10", 10)],
)
def test_ratings_accept_whole_numbers_0_to_10(value: object, expected: int) -> None:
    assert check_rating(value, "mood") == expected


@pytest.mark.parametrize("value", [None, "", "   "])
def test_an_optional_rating_may_be_left_out(value: object) -> None:
    assert check_rating(value, "mood") is None


@pytest.mark.parametrize("value", [None, "", " "])
def test_a_required_rating_must_be_given(value: object) -> None:
    with pytest.raises(InputError) as caught:
        check_rating(value, "pain", required=True)
    assert caught.value.field == "pain"
    assert caught.value.message == "Please give pain as a number from 0 to 10."


@pytest.mark.parametrize(("value", "shown"), [(-1, "-1"), (11, "11"), ("11", "11"), ("-3", "-3")])
def test_ratings_outside_0_to_10_say_so(value: object, shown: str) -> None:
    with pytest.raises(InputError) as caught:
        check_rating(value, "pain")
    assert caught.value.message == f"Pain goes from 0 to 10; {shown} is outside that."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "Mood should be a number from 0 to 10, not 'abc'."),
        ("5.0", "Mood should be a number from 0 to 10, not '5.0'."),
        ("+5", "Mood should be a number from 0 to 10, not '+5'."),
        ("１", "Mood should be a number from 0 to 10, not '１'."),  # full-width digit
        ("٣", "Mood should be a number from 0 to 10, not '٣'."),  # Arabic-Indic digit
        (
            "five and a half hours",
            "Mood should be a number from 0 to 10, not 'five and a half hou…'.",
        ),
        (5.5, "Mood should be a number from 0 to 10."),
        (float("nan"), "Mood should be a number from 0 to 10."),
        (float("inf"), "Mood should be a number from 0 to 10."),
        (True, "Mood should be a number from 0 to 10."),
        (False, "Mood should be a number from 0 to 10."),
        ([3], "Mood should be a number from 0 to 10."),
    ],
)
def test_ratings_that_are_not_whole_numbers_are_refused(value: object, message: str) -> None:
    with pytest.raises(InputError) as caught:
        check_rating(value, "mood")
    assert caught.value.field == "mood"
    assert caught.value.message == message


def test_a_rating_with_thousands_of_digits_is_refused_plainly() -> None:
    with pytest.raises(InputError) as caught:
        check_rating("9" * 5000, "pain")
    assert caught.value.field == "pain"
    assert len(caught.value.message) < 120


@given(st.integers())
def test_any_integer_rating_is_accepted_exactly_when_in_range(number: int) -> None:
    if 0 <= number <= 10:
        assert check_rating(number, "pain") == number
        assert check_rating(str(number), "pain") == number
    else:
        with pytest.raises(InputError):
            check_rating(number, "pain")


@given(st.one_of(st.text(max_size=50), st.floats(), st.booleans(), st.none()))
def test_no_typed_rating_or_minutes_raises_anything_but_input_error(value: object) -> None:
    for check in (lambda: check_rating(value, "pain"), lambda: check_minutes(value)):
        try:
            check()
        except InputError as exc:
            assert exc.message


# -- minutes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [(1, 1), ("1440", 1440), (" 20 ", 20), (30.0, 30)])
def test_minutes_accept_1_to_1440(value: object, expected: int) -> None:
    assert check_minutes(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "Please say how many minutes, from 1 to 1440."),
        ("", "Please say how many minutes, from 1 to 1440."),
        (0, "Minutes go from 1 to 1440 (a whole day); 0 is outside that."),
        ("1441", "Minutes go from 1 to 1440 (a whole day); 1441 is outside that."),
        ("-5", "Minutes go from 1 to 1440 (a whole day); -5 is outside that."),
        ("ten", "Minutes should be a whole number of minutes from 1 to 1440, not 'ten'."),
        (1.5, "Minutes should be a whole number of minutes from 1 to 1440."),
        (True, "Minutes should be a whole number of minutes from 1 to 1440."),
    ],
)
def test_bad_minutes_say_what_is_wrong(value: object, message: str) -> None:
    with pytest.raises(InputError) as caught:
        check_minutes(value)
    assert caught.value.field == "minutes"
    assert caught.value.message == message


# -- names, notes and labels ----------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", "   ", "\n\t"])
def test_an_activity_needs_a_name(value: str | None) -> None:
    with pytest.raises(InputError) as caught:
        check_name(value)
    assert caught.value.field == "name"
    assert "name the activity" in caught.value.message


def test_names_are_one_tidy_line_up_to_the_limit() -> None:
    assert check_name("  walk \n the   dog ") == "walk the dog"
    assert check_name("x" * NAME_MAX) == "x" * NAME_MAX
    with pytest.raises(InputError, match=f"up to {NAME_MAX} characters"):
        check_name("x" * (NAME_MAX + 1))


def test_notes_keep_everything_but_trailing_space() -> None:
    assert check_note(None) == ""
    assert check_note("  indented\nline  \n\n") == "  indented\nline"
    assert check_note("y" * NOTE_MAX + "   ") == "y" * NOTE_MAX
    with pytest.raises(InputError) as caught:
        check_note("y" * (NOTE_MAX + 5))
    assert caught.value.message == "Notes can be up to 20,000 characters; this one has 20,005."


def test_labels_are_trimmed_split_and_deduplicated() -> None:
    assert clean_labels(["  lower   back ", "Neck, hip", "NECK", ",, ,", "hip"], "pain areas") == (
        "lower back",
        "Neck",
        "hip",
    )
    assert clean_labels([], "tags") == ()


def test_a_single_label_given_as_text_is_one_label() -> None:
    assert clean_labels("lower back", "pain areas") == ("lower back",)
    assert CheckInDraft(NOW, 3, tags="cold").tags == ("cold",)  # type: ignore[arg-type]


def test_labels_have_limits() -> None:
    assert clean_labels(["x" * LABEL_MAX], "tags") == ("x" * LABEL_MAX,)
    with pytest.raises(InputError) as caught:
        clean_labels(["x" * (LABEL_MAX + 1)], "tags")
    assert caught.value.field == "tags"
    assert caught.value.message == f"Each of the tags can be up to {LABEL_MAX} characters."
    many = [f"t{i}" for i in range(LABELS_MAX)]
    assert len(clean_labels(many, "tags")) == LABELS_MAX
    with pytest.raises(InputError, match=f"Up to {LABELS_MAX} tags per entry"):
        clean_labels([*many, "one more"], "tags")


@pytest.mark.parametrize(
    "build",
    [
        lambda bad: CheckInDraft(NOW, 3, note=bad),
        lambda bad: CheckInDraft(NOW, 3, tags=(bad,)),
        lambda bad: CheckInDraft(NOW, 3, areas=(bad,)),
        lambda bad: ActivityDraft(NOW, bad, 10),
        lambda bad: ActivityDraft(NOW, "walk", 10, note=bad),
    ],
    ids=["note", "tag", "area", "name", "activity-note"],
)
def test_text_that_cannot_be_stored_is_refused_with_a_message(build: object) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates (e.g. from argv)."""
    with pytest.raises(InputError) as caught:
        build("caf\udce9")  # type: ignore[operator]
    assert "cannot be saved: some characters are not valid text" in caught.value.message


def test_drafts_check_every_field() -> None:
    with pytest.raises(InputError) as caught:
        CheckInDraft(NOW, 11)
    assert caught.value.field == "pain"
    with pytest.raises(InputError) as caught:
        CheckInDraft(NOW, 3, sleep=-1)
    assert caught.value.field == "sleep"
    with pytest.raises(InputError) as caught:
        ActivityDraft(NOW, "walk", 10, effort=12)
    assert caught.value.field == "effort"
    with pytest.raises(ValueError, match="timezone-aware"):
        CheckInDraft(datetime(2026, 11, 27, 9, 0), 3)
    draft = ActivityDraft(NOW, "  swim ", "30")  # type: ignore[arg-type]
    assert (draft.name, draft.minutes) == ("swim", 30)


# -- WHEN ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20 08:30", datetime(2026, 11, 20, 8, 30, tzinfo=LONDON)),
        ("2026-11-20", datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)),
        ("2026-11-20 0:05", datetime(2026, 11, 20, 0, 5, tzinfo=LONDON)),
        ("today 08:15", datetime(2026, 11, 27, 8, 15, tzinfo=LONDON)),
        ("08:15", datetime(2026, 11, 27, 8, 15, tzinfo=LONDON)),  # a time alone is today's
        (" 7:05 ", datetime(2026, 11, 27, 7, 5, tzinfo=LONDON)),
        ("today 00:00", datetime(2026, 11, 27, 0, 0, tzinfo=LONDON)),
        ("yesterday", datetime(2026, 11, 26, 12, 0, tzinfo=LONDON)),
        ("yesterday 23:59", datetime(2026, 11, 26, 23, 59, tzinfo=LONDON)),
        ("  Yesterday   07:00 ", datetime(2026, 11, 26, 7, 0, tzinfo=LONDON)),
        ("now", NOW),
        ("NOW", NOW),
        ("today", NOW),
        ("today 09:34", datetime(2026, 11, 27, 9, 34, tzinfo=LONDON)),  # a clock a bit fast
        ("2026-07-01 10:00", datetime(2026, 7, 1, 10, 0, tzinfo=LONDON)),  # summer time
        ("2026-03-29 00:30", datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)),  # before the change
        ("2026-03-29 03:00", datetime(2026, 3, 29, 3, 0, tzinfo=LONDON)),  # after the change
    ],
)
def test_every_when_form(text: str, expected: datetime) -> None:
    moment = parse_when(text, NOW)
    assert moment == expected
    assert moment.utcoffset() == expected.utcoffset()
    assert local_day(moment) == expected.date()


def test_todays_date_without_a_time_is_not_in_the_future() -> None:
    """At 09:30, 'YYYY-MM-DD' for today must not mean midday (which has not happened):
    like 'today', it means now; other dates still mean their midday."""
    assert parse_when("2026-11-27", NOW) == NOW
    late = NOW.replace(hour=21)
    assert parse_when("2026-11-27", late) == late
    assert parse_when("2026-11-26", late) == late.replace(day=26, hour=12, minute=0)


@pytest.mark.parametrize(
    "text",
    ["today 10:00", "2026-11-28", "2026-11-27 23:00", "9998-12-31", "today 09:36", "23:30"],
)
def test_the_future_is_refused(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    assert caught.value.field == "when"
    assert "in the future" in caught.value.message and text in caught.value.message


def test_a_time_alone_later_than_now_says_how_to_mean_last_night() -> None:
    with pytest.raises(InputError) as caught:
        parse_when("23:30", NOW)
    assert caught.value.message == (
        "'23:30' is in the future; entries are for what already happened. "
        "For last night, use 'yesterday 23:30'."
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Give a time as"),
        ("   ", "Give a time as"),
        ("tomorrow", "not understood"),
        ("2026-11-27T08:00", "not understood"),
        ("yesterday 10:00 extra", "not understood"),
        ("now 10:00", "not understood"),
        ("today 8", "not a time"),
        ("8", "not understood"),
        ("25:00", "not a time of day"),
        ("08:30 extra", "not understood"),
        ("today 08:00:00", "not a time"),
        ("today 24:00", "not a time of day"),
        ("today 12:60", "not a time of day"),
        ("2026-02-30", "not a date"),
        ("2026-13-01", "not a date"),
        ("20261127", "not understood"),
    ],
)
def test_bad_when_forms_say_which_forms_work(text: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    assert caught.value.field == "when"
    assert words in caught.value.message


@pytest.mark.parametrize("text", ["0001-01-01", "0001-01-01 00:00", "0001-01-01 12:00"])
def test_dates_at_the_edge_of_the_calendar_are_input_errors(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    assert caught.value.field == "when"


@given(st.text(max_size=30))
def test_no_when_text_raises_anything_but_input_error(text: str) -> None:
    try:
        moment = parse_when(text, NOW)
    except InputError as exc:
        assert exc.message
    else:
        assert moment.tzinfo is not None and moment <= NOW + timedelta(minutes=5)


def test_local_moment_uses_the_offset_of_that_day() -> None:
    assert local_moment(date(2026, 1, 15), time(8, 0)).utcoffset() == timedelta(0)
    assert local_moment(date(2026, 7, 15), time(8, 0)).utcoffset() == timedelta(hours=1)


def test_moments_round_trip_through_storage_text() -> None:
    moment = datetime(2026, 11, 23, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    text = format_moment(moment)
    assert text == "2026-11-23T23:30:00-05:00"
    assert parse_moment(text) == moment and parse_moment(text).utcoffset() == moment.utcoffset()
    assert format_moment(NOW.replace(microsecond=123456)) == "2026-11-27T09:30:00+00:00"


# -- weeks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "week_start", "expected"),
    [
        (date(2026, 11, 27), 0, date(2026, 11, 23)),  # Friday -> Monday
        (date(2026, 11, 23), 0, date(2026, 11, 23)),  # Monday is its own start
        (date(2026, 11, 29), 0, date(2026, 11, 23)),  # Sunday ends the ISO week
        (date(2026, 11, 27), 6, date(2026, 11, 22)),  # Sunday-first weeks
        (date(2026, 11, 22), 6, date(2026, 11, 22)),
        (date(2026, 11, 27), 5, date(2026, 11, 21)),  # Saturday-first
        (date(2027, 1, 1), 0, date(2026, 12, 28)),  # across a year
    ],
)
def test_week_start_for(day: date, week_start: int, expected: date) -> None:
    assert week_start_for(day, week_start) == expected


@given(st.dates(), st.integers(min_value=0, max_value=6))
def test_the_week_start_is_the_right_weekday_within_six_days(day: date, week_start: int) -> None:
    try:
        start = week_start_for(day, week_start)
    except OverflowError:
        return  # before 0001-01-01: no such week
    assert start.weekday() == week_start
    assert 0 <= (day - start).days <= 6
