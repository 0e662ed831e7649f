"""Treatments: the regular list, doses taken, the rating asked for once, and the counts the
week and the report will use. Every moment is the frozen clock's (tests/support.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from paincoach.core.errors import InputError, NotFoundError, UnlikelyDateError
from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.records.treatments import NO_ADVICE, STOP_REASONS
from tests.storage_support import TODAY, activity, checkin, local, open_journal
from tests.support import NOW, MovableClock

# -- the regular list --------------------------------------------------------------------------


def test_a_started_treatment_is_listed_as_typed(service: Treatments) -> None:
    started = service.start(
        "  Naproxen  ", dose="500 mg", how_often="twice a day", day=date(2026, 9, 1)
    )
    assert (started.name, started.kind, started.dose, started.how_often) == (
        "Naproxen",
        "medicine",
        "500 mg",
        "twice a day",
    )
    assert started.start == date(2026, 9, 1) and started.active and not started.as_needed
    assert service.regular() == [started]


def test_start_is_today_unless_a_day_is_given(service: Treatments) -> None:
    tens = service.start("TENS machine", kind="other", as_needed=True)
    assert (tens.start, tens.kind, tens.as_needed) == (TODAY, "other", True)


def test_the_list_has_the_ones_in_use_by_name_then_the_stopped_newest_first(
    service: Treatments,
) -> None:
    for name in ("zopiclone", "Amitriptyline", "heat", "codeine"):
        service.start(name, day=date(2026, 1, 1))
    service.stop("heat", why="finished", day=date(2026, 3, 1))
    service.stop("codeine", why="not_helping", day=date(2026, 6, 1))
    assert [t.name for t in service.regular()] == ["Amitriptyline", "zopiclone"]
    assert [t.name for t in service.regular(active_only=False)] == [
        "Amitriptyline",
        "zopiclone",
        "codeine",
        "heat",
    ]


def test_stop_keeps_the_day_and_why_in_plain_words(service: Treatments) -> None:
    service.start("Naproxen", day=date(2026, 9, 1))
    stopped = service.stop("NAPROXEN", why="side_effects", note="stomach ache", day=TODAY)
    assert (stopped.stop, stopped.stop_why, stopped.stop_note) == (
        TODAY,
        "side_effects",
        "stomach ache",
    )
    assert stopped.stop_words == "side effects" and not stopped.active
    assert service.regular() == []
    assert STOP_REASONS == {
        "not_helping": "not helping",
        "side_effects": "side effects",
        "finished": "finished",
        "other": "other",
    }


def test_a_name_in_use_cannot_be_started_twice(service: Treatments) -> None:
    service.start("Naproxen")
    with pytest.raises(InputError, match="already have"):
        service.start("naproxen ")
    assert len(service.regular()) == 1


def test_a_stopped_treatment_can_be_started_again_in_its_first_spelling(
    service: Treatments,
) -> None:
    service.start("Naproxen", day=date(2026, 9, 1))
    service.stop("naproxen", why="other", day=date(2026, 10, 1))
    again = service.start("NAPROXEN")
    assert again.name == "Naproxen"
    assert len(service.regular(active_only=False)) == 2


def test_stopping_one_not_in_use_lists_the_ones_that_are(service: Treatments) -> None:
    with pytest.raises(NotFoundError, match="You have none in use"):
        service.stop("naproxen", why="finished")
    service.start("Paracetamol")
    service.start("heat")
    with pytest.raises(NotFoundError, match=r"The ones in use are: heat, Paracetamol\."):
        service.stop("naproxen", why="finished")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 81}, "name"),
        ({"name": "ibu\0profen"}, "name"),
        ({"kind": "pill"}, "kind"),
        ({"dose": "5\0mg"}, "dose"),
        ({"dose": "m" * 81}, "dose"),
        ({"how_often": "daily\0"}, "how_often"),
        ({"day": TODAY + timedelta(days=1)}, "start"),
        ({"day": date(1800, 1, 1)}, "start"),
    ],
)
def test_start_refuses_what_cannot_be_kept(
    service: Treatments, fields: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {"name": "ibuprofen", **fields}
    name = values.pop("name")
    with pytest.raises(InputError) as raised:
        service.start(name, **values)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert service.regular(active_only=False) == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"why": "bored"}, "why"),
        ({"why": "not helping"}, "why"),  # the words, not the key
        ({"note": "a\0b"}, "note"),
        ({"day": TODAY + timedelta(days=1)}, "stop"),
        ({"day": date(2026, 8, 31)}, "day"),  # before it started
    ],
)
def test_stop_refuses_what_cannot_be(
    service: Treatments, fields: dict[str, object], field: str
) -> None:
    service.start("Naproxen", day=date(2026, 9, 1))
    values: dict[str, object] = {"why": "finished", **fields}
    with pytest.raises(InputError) as raised:
        service.stop("naproxen", **values)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert service.regular()[0].active


def test_the_days_refused_are_said_as_the_other_date_messages_say_them(
    service: Treatments,
) -> None:
    service.start("Naproxen", day=date(2026, 9, 1))
    with pytest.raises(InputError) as raised:
        service.stop("naproxen", why="finished", day=date(2026, 8, 31))
    assert raised.value.message == (
        "Naproxen started on 1 September 2026; it cannot stop before that."
    )
    with pytest.raises(InputError) as raised:
        service.start("codeine", day=date(2026, 12, 1))
    assert raised.value.message == ("1 December 2026 is still to come; give today or a day before.")


# -- doses -------------------------------------------------------------------------------------


def test_a_dose_is_now_unless_given_and_spelled_as_the_regular_treatment(
    service: Treatments,
) -> None:
    service.start("Paracetamol", dose="1 g", as_needed=True)
    taken = service.took("paracetamol", dose="1 g", note="before the walk")
    assert (taken.name, taken.dose, taken.at, taken.day, taken.note) == (
        "Paracetamol",
        "1 g",
        NOW,
        TODAY,
        "before the walk",
    )
    assert (taken.relief, taken.rated_at, taken.asked) == (None, None, False)
    assert service.doses_on(TODAY) == [taken]


def test_a_dose_of_something_new_keeps_its_first_spelling(service: Treatments) -> None:
    service.took("Heat Pack", at=NOW - timedelta(hours=5))
    assert service.took("heat   pack").name == "Heat Pack"


def test_a_dose_with_relief_is_rated_at_once(service: Treatments) -> None:
    taken = service.took("ibuprofen", relief=6, side_effects="none")
    assert (taken.relief, taken.side_effects, taken.rated_at) == (6, "none", NOW)


def test_a_dose_keeps_its_offset_and_the_day_where_it_was_taken(service: Treatments) -> None:
    at = datetime(2026, 11, 26, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    taken = service.took("ibuprofen", at=at)
    assert taken.day == date(2026, 11, 26)  # the 27th in London already
    [read] = service.doses_on(date(2026, 11, 26))
    assert (read.at, read.at.utcoffset()) == (at, at.utcoffset())
    assert service.doses_on(TODAY) == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "a\0b"}, "name"),
        ({"dose": "1\0g"}, "dose"),
        ({"note": "\0"}, "note"),
        ({"side_effects": "\0"}, "side_effects"),
        ({"relief": 11}, "relief"),
        ({"relief": -1}, "relief"),
        ({"relief": "lots"}, "relief"),
        ({"at": NOW + timedelta(hours=1)}, "when"),
    ],
)
def test_took_refuses_what_cannot_be_kept(
    service: Treatments, fields: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {"name": "ibuprofen", **fields}
    name = values.pop("name")
    with pytest.raises(InputError) as raised:
        service.took(name, **values)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert service.doses_on(TODAY) == []


def test_an_unlikely_date_is_questioned_as_for_check_ins(home: Path, service: Treatments) -> None:
    open_journal(home).add_checkin(checkin())
    long_ago = local(date(2024, 6, 1))
    with pytest.raises(UnlikelyDateError, match="more than a year before your first entry"):
        service.took("ibuprofen", at=local(date(2024, 6, 1)))
    with pytest.raises(UnlikelyDateError, match="long time ago"):
        service.took("ibuprofen", at=local(date(1999, 6, 1)))
    assert service.doses_on(date(2024, 6, 1)) == []
    assert service.took("ibuprofen", at=long_ago, confirmed=True).day == date(2024, 6, 1)


def test_a_dose_after_an_activity_is_not_questioned(home: Path, service: Treatments) -> None:
    open_journal(home).add_activity(activity(at=local(date(2026, 1, 1))))
    assert service.took("ibuprofen", at=local(date(2025, 6, 1))).day == date(2025, 6, 1)


def test_rate_says_how_much_it_helped(service: Treatments, clock: MovableClock) -> None:
    taken = service.took("ibuprofen", at=NOW - timedelta(hours=2))
    clock.now = NOW + timedelta(minutes=10)
    rated = service.rate(taken.uid, 7, "a little dizzy")
    assert (rated.relief, rated.side_effects, rated.rated_at) == (7, "a little dizzy", clock.now)
    assert service.doses_on(TODAY) == [rated]


@pytest.mark.parametrize(("relief", "side_effects"), [(11, ""), (None, ""), (5, "\0")])
def test_rate_refuses_what_cannot_be_kept(
    service: Treatments, relief: int | None, side_effects: str
) -> None:
    taken = service.took("ibuprofen")
    with pytest.raises(InputError):
        service.rate(taken.uid, relief, side_effects)  # type: ignore[arg-type]
    assert service.doses_on(TODAY) == [taken]


def test_rate_of_a_dose_gone_says_so(service: Treatments) -> None:
    with pytest.raises(NotFoundError):
        service.rate("no-such-uid", 5)


# -- asking about relief once ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours_ago", "due"),
    [(0.5, False), (1, True), (2.5, True), (4, True), (4.1, False), (30, False)],
)
def test_a_dose_is_due_a_rating_1_to_4_hours_after(
    service: Treatments, hours_ago: float, due: bool
) -> None:
    taken = service.took("ibuprofen", at=NOW - timedelta(hours=hours_ago))
    assert service.due_rating() == (taken if due else None)


def test_the_newest_unrated_unasked_dose_is_the_one_due(service: Treatments) -> None:
    older = service.took("ibuprofen", at=NOW - timedelta(hours=3))
    newer = service.took("heat pack", at=NOW - timedelta(hours=2))
    service.took("codeine", at=NOW - timedelta(minutes=90), relief=4)  # rated already
    assert service.due_rating() == newer
    service.mark_asked(newer.uid)
    assert service.due_rating() == older
    service.rate(older.uid, 5)
    assert service.due_rating() is None


def test_a_dose_taken_in_another_zone_is_due_by_the_instant(service: Treatments) -> None:
    # 02:30 in New York is 07:30 in London: two hours before the frozen 09:30
    at = datetime(2026, 11, 27, 2, 30, tzinfo=ZoneInfo("America/New_York"))
    taken = service.took("ibuprofen", at=at)
    assert service.due_rating() == taken


def test_mark_asked_of_a_dose_gone_does_nothing(service: Treatments) -> None:
    service.mark_asked("no-such-uid")


# -- counts for Today, the week and the report -------------------------------------------------


def test_frequent_names_are_the_most_used_in_90_days(service: Treatments) -> None:
    for days_ago, name in [
        (1, "ibuprofen"),
        (2, "Ibuprofen"),
        (3, "heat pack"),
        (4, "heat pack"),
        (5, "paracetamol"),
        (6, "heat pack"),
        (95, "codeine"),  # too long ago
        (95, "codeine"),
    ]:
        service.took(name, at=NOW - timedelta(days=days_ago))
    assert service.frequent_names() == ["heat pack", "ibuprofen", "paracetamol"]
    assert service.frequent_names(limit=1) == ["heat pack"]


def test_frequent_names_break_ties_by_the_newest(service: Treatments) -> None:
    service.took("heat pack", at=NOW - timedelta(days=3))
    service.took("ibuprofen", at=NOW - timedelta(days=1))
    assert service.frequent_names() == ["ibuprofen", "heat pack"]


def test_as_needed_days_count_as_needed_and_unlisted_doses_only(service: Treatments) -> None:
    service.start("Naproxen", day=date(2026, 11, 1))
    service.start("Paracetamol", as_needed=True, day=date(2026, 11, 1))
    service.stop("naproxen", why="not_helping", day=date(2026, 11, 20))
    for day, name in [
        (date(2026, 11, 10), "naproxen"),  # regular then: not counted
        (date(2026, 11, 11), "paracetamol"),  # as needed
        (date(2026, 11, 11), "heat pack"),  # the same day: counted once
        (date(2026, 11, 12), "heat pack"),  # not in the list
        (date(2026, 11, 22), "naproxen"),  # taken after it stopped
        (date(2026, 10, 31), "naproxen"),  # before it started
    ]:
        service.took(name, at=local(day))
    assert service.as_needed_days(date(2026, 11, 1), date(2026, 11, 30)) == [
        date(2026, 11, 11),
        date(2026, 11, 12),
        date(2026, 11, 22),
    ]
    assert service.as_needed_days(date(2026, 10, 1), date(2026, 10, 31)) == [date(2026, 10, 31)]


def test_mean_relief_per_name_with_the_number_rated(service: Treatments) -> None:
    for day, name, relief in [
        (date(2026, 11, 20), "ibuprofen", 6),
        (date(2026, 11, 21), "Ibuprofen", 3),
        (date(2026, 11, 21), "ibuprofen", None),  # not rated: not counted
        (date(2026, 11, 22), "heat pack", 8),
        (date(2026, 11, 10), "heat pack", 0),  # outside the days
    ]:
        service.took(name, at=local(day), relief=relief)
    found = service.mean_relief(date(2026, 11, 15), date(2026, 11, 27))
    assert [(m.name, m.mean, m.rated) for m in found] == [
        ("heat pack", 8.0, 1),
        ("ibuprofen", 4.5, 2),
    ]


def test_no_advice_is_said_once_ever(home: Path, service: Treatments, clock: MovableClock) -> None:
    assert service.no_advice_once() is True
    assert service.no_advice_once() is False
    clock.now = NOW + timedelta(days=3)
    service.db.close()
    db = Database.open(home)  # kept in the journal, not in the service
    assert Treatments(db, clock).no_advice_once() is False
    db.close()
    assert "never suggests a dose" in NO_ADVICE and "clinician or pharmacist" in NO_ADVICE


def test_a_regular_treatment_is_spelled_as_the_doses_before_it(service: Treatments) -> None:
    service.took("Heat Pack", at=NOW - timedelta(days=2))
    assert service.start("heat pack", kind="other", as_needed=True).name == "Heat Pack"


def test_history_lists_a_day_with_only_a_dose(home: Path) -> None:
    """History's days come from every kind of entry: a day with only a dose is one of them."""
    from paincoach.journal.service import Journal

    db = Database.open(home)
    Treatments(db, lambda: NOW).took("heat pack", at=NOW - timedelta(days=3))
    [day] = Journal(db, lambda: NOW).history()
    assert day.day == NOW.date() - timedelta(days=3) and day.checkins == 0


def test_stop_stops_every_one_of_that_name_in_use(home: Path) -> None:
    """An import can bring a second in-use treatment of a name (another uid): one stop ends both."""
    import sqlite3

    from paincoach.core import paths

    db = Database.open(home)
    service = Treatments(db, lambda: NOW)
    service.start(
        "ibuprofen", kind="medicine", dose="400 mg", how_often="", as_needed=False, day=None
    )
    conn = sqlite3.connect(paths.database_path(home))
    with conn:
        conn.execute(
            "INSERT INTO treatments (uid, name, kind, dose, how_often, as_needed, start_day, "
            "created_at, updated_at) SELECT 'other', 'Ibuprofen', kind, '200 mg', how_often, "
            "as_needed, start_day, created_at, updated_at FROM treatments"
        )
    conn.close()
    service.stop("IBUPROFEN", why="finished")
    assert [t.name for t in service.regular(active_only=True)] == []


def test_the_usual_dose_is_the_last_written_else_the_regular_one(home: Path) -> None:
    db = Database.open(home)
    service = Treatments(db, lambda: NOW)
    service.start(
        "paracetamol", kind="medicine", dose="1 g", how_often="", as_needed=True, day=None
    )
    service.took("ibuprofen", dose="200 mg", at=NOW - timedelta(days=40))
    service.took("Ibuprofen", dose="400 mg", at=NOW - timedelta(days=2))
    service.took("heat pack", at=NOW - timedelta(days=100))  # older than 90 days: not looked at
    assert service.usual_doses(["IBUPROFEN", "paracetamol", "heat pack"]) == {
        "ibuprofen": "400 mg",
        "paracetamol": "1 g",
        "heat pack": "",
    }
