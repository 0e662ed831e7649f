"""The journal service: saving, changing, deleting, paging, searching and suggesting."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.errors import InputError, NotFoundError
from paincoach.journal.service import Journal
from paincoach.records.entries import NOTE_MAX, Activity, CheckIn
from tests.storage_support import TODAY, activity, checkin, local, open_journal
from tests.support import NOW


@pytest.fixture
def journal(home: Path) -> Journal:
    """An empty journal on the fixed test clock."""
    return open_journal(home)


def _raw(journal: Journal, sql: str) -> list[tuple[object, ...]]:
    with journal.db.connection() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(sql).all()]


# -- saving and changing ----------------------------------------------------------------


def test_a_check_in_is_saved_and_read_back_as_typed(journal: Journal) -> None:
    draft = checkin(
        pain=7, mood=3, sleep=2, areas=("lower back", "neck"), tags=("cold",), note="stiff"
    )
    saved = journal.add_checkin(draft)
    assert isinstance(saved, CheckIn)
    assert saved.draft() == draft and saved.day == TODAY
    assert journal.entry(saved.uid) == saved
    assert journal.day(TODAY).checkins == (saved,)


def test_an_activity_is_saved_and_read_back_as_typed(journal: Journal) -> None:
    draft = activity("swim", 35, effort=6, paced=True, note="felt fine")
    saved = journal.add_activity(draft)
    assert isinstance(saved, Activity)
    assert saved.draft() == draft
    assert journal.entry(saved.uid) == saved
    assert _raw(journal, "SELECT paced FROM activities") == [(1,)]


def test_updating_keeps_the_uid_and_creation_time(home: Path) -> None:
    clock_times = iter([NOW - timedelta(hours=2), NOW])
    journal = open_journal(home, clock=lambda: next(clock_times))
    saved = journal.add_checkin(checkin(pain=8, note="before"))
    changed = journal.update_checkin(
        saved.uid, checkin(at=local(TODAY, 7), pain=4, tags=("better",), note="after")
    )
    assert changed.uid == saved.uid
    assert (changed.pain, changed.tags, changed.note) == (4, ("better",), "after")
    assert journal.entry(saved.uid) == changed
    ((created, updated),) = _raw(journal, "SELECT created_at, updated_at FROM checkins")
    assert created == "2026-11-27T07:30:00+00:00" and updated == "2026-11-27T09:30:00+00:00"


def test_updating_an_activity(journal: Journal) -> None:
    saved = journal.add_activity(activity("walk", 10))
    changed = journal.update_activity(saved.uid, activity("walk", 25, effort=2, paced=True))
    assert changed.uid == saved.uid and (changed.minutes, changed.paced) == (25, True)
    assert journal.day(TODAY).activities == (changed,)


def test_updating_moves_an_entry_to_its_new_day(journal: Journal) -> None:
    saved = journal.add_checkin(checkin())
    journal.update_checkin(saved.uid, checkin(at=local(TODAY - timedelta(days=3), 20)))
    assert journal.day(TODAY).checkins == ()
    assert [c.uid for c in journal.day(TODAY - timedelta(days=3)).checkins] == [saved.uid]


def test_deleting_removes_check_ins_and_activities(journal: Journal) -> None:
    one = journal.add_checkin(checkin())
    two = journal.add_activity(activity())
    keep = journal.add_checkin(checkin(note="keep"))
    journal.delete(one.uid)
    journal.delete(two.uid)
    assert journal.day(TODAY).entries == [keep]


@pytest.mark.parametrize("action", ["delete", "entry", "update_checkin", "update_activity"])
def test_a_missing_uid_is_not_found(journal: Journal, action: str) -> None:
    journal.add_checkin(checkin())
    calls = {
        "delete": lambda: journal.delete("no-such-uid"),
        "entry": lambda: journal.entry("no-such-uid"),
        "update_checkin": lambda: journal.update_checkin("no-such-uid", checkin()),
        "update_activity": lambda: journal.update_activity("no-such-uid", activity()),
    }
    with pytest.raises(NotFoundError) as caught:
        calls[action]()
    assert "no longer exists" in caught.value.message


def test_deleting_twice_is_not_found_the_second_time(journal: Journal) -> None:
    saved = journal.add_checkin(checkin())
    journal.delete(saved.uid)
    with pytest.raises(NotFoundError):
        journal.delete(saved.uid)


def test_a_check_in_uid_is_not_updated_as_an_activity(journal: Journal) -> None:
    saved = journal.add_checkin(checkin(note="stays a check-in"))
    with pytest.raises(NotFoundError):
        journal.update_activity(saved.uid, activity())
    assert journal.entry(saved.uid) == saved


# -- deleted words do not linger ---------------------------------------------------------------

MARKER = "ZQX-private-thought-4711"


def _watch(home: Path) -> sqlite3.Connection:
    """An idle reader that keeps the WAL file in place, as a running app would."""
    watcher = sqlite3.connect(paths.database_path(home))
    watcher.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # attach to the WAL
    return watcher


def _files_with(home: Path, marker: str) -> list[str]:
    needle = marker.encode()
    return [
        path.name
        for path in paths.sidecar_paths(paths.database_path(home))
        if path.exists() and needle in path.read_bytes()
    ]


def test_deleted_text_is_gone_from_the_file_and_its_wal(home: Path, journal: Journal) -> None:
    watcher = _watch(home)
    try:
        for i in range(5):
            journal.add_checkin(checkin(note=f"ordinary {i}"))
        secret = journal.add_checkin(
            checkin(note=f"{MARKER} in the note", tags=(MARKER[:30],), areas=("left knee",))
        )
        done = journal.add_activity(activity(f"{MARKER[:20]} walk", note=MARKER))
        assert _files_with(home, MARKER[:20])  # it is really written somewhere first
        journal.delete(secret.uid)
        journal.delete(done.uid)
        assert paths.sidecar_paths(paths.database_path(home))[1].exists()
        assert _files_with(home, MARKER[:20]) == []
        assert len(journal.day(TODAY).checkins) == 5
    finally:
        watcher.close()


def test_edited_away_text_is_gone_from_the_file_and_its_wal(home: Path, journal: Journal) -> None:
    watcher = _watch(home)
    try:
        saved = journal.add_checkin(checkin(note=f"first draft {MARKER}"))
        done = journal.add_activity(activity(note=f"activity draft {MARKER}"))
        journal.update_checkin(saved.uid, checkin(note="second draft"))
        journal.update_activity(done.uid, activity(note="second draft"))
        assert _files_with(home, MARKER) == []
        assert journal.entry(saved.uid).note == "second draft"
    finally:
        watcher.close()


# -- history ------------------------------------------------------------------------------


def test_history_pages_newest_first_by_day(journal: Journal) -> None:
    days = [TODAY - timedelta(days=n) for n in (0, 1, 2, 4, 5, 9, 30)]
    for n, day in enumerate(days):
        journal.add_checkin(checkin(at=local(day, 9), pain=n))
        journal.add_checkin(checkin(at=local(day, 21), pain=n + 1))
    journal.add_activity(activity(at=local(TODAY - timedelta(days=7), 10)))  # activity only
    expected = sorted([*days, TODAY - timedelta(days=7)], reverse=True)

    pages, before = [], None
    while page := journal.history(before=before, limit=3):
        assert len(page) <= 3
        pages.append([figures.day for figures in page])
        before = page[-1].day
    assert pages == [expected[0:3], expected[3:6], expected[6:8]]
    first = journal.history(limit=1)[0]
    assert (first.day, first.checkins, first.pain_min, first.pain_max) == (TODAY, 2, 0, 1)
    only_activity = journal.history(before=TODAY - timedelta(days=6), limit=1)[0]
    assert (only_activity.checkins, only_activity.activities) == (0, 1)


def test_history_of_an_empty_journal_is_empty(journal: Journal) -> None:
    assert journal.history() == []
    assert journal.history(before=TODAY) == []


def test_today_view_has_today_and_seven_days(journal: Journal) -> None:
    journal.add_checkin(checkin(at=local(TODAY, 9, 0), pain=6))
    journal.add_activity(activity(at=local(TODAY, 8, 0)))
    journal.add_checkin(checkin(at=local(TODAY - timedelta(days=6), 12), pain=2))
    journal.add_checkin(checkin(at=local(TODAY - timedelta(days=7), 12), pain=9))  # too old
    view = journal.today_view()
    assert view.today.day == TODAY
    assert [type(e).__name__ for e in view.today.entries] == ["Activity", "CheckIn"]
    assert [f.day for f in view.week] == [TODAY - timedelta(days=6 - i) for i in range(7)]
    assert [f.pain_max for f in view.week] == [2, None, None, None, None, None, 6]


# -- search ---------------------------------------------------------------------------


@pytest.fixture
def searchable(journal: Journal) -> dict[str, str]:
    """A small journal with one entry per kind of match; returns uids by name."""
    return {
        "note": journal.add_checkin(
            checkin(at=local(TODAY, 8), note="Slept badly after the Physio session")
        ).uid,
        "tag": journal.add_checkin(checkin(at=local(TODAY, 9), tags=("physio", "cold"))).uid,
        "area": journal.add_checkin(checkin(at=local(TODAY, 10), areas=("left shoulder",))).uid,
        "name": journal.add_activity(activity("physio exercises", 15, at=local(TODAY, 11))).uid,
        "activity-note": journal.add_activity(
            activity("walk", 20, at=local(TODAY, 12), note="met the physio")
        ).uid,
        "percent": journal.add_checkin(checkin(at=local(TODAY, 13), note="100% worse today")).uid,
        "underscore": journal.add_checkin(checkin(at=local(TODAY, 14), note="snake_case")).uid,
        "markup": journal.add_checkin(checkin(at=local(TODAY, 15), note="[bold]x[/] plain")).uid,
        "quote": journal.add_checkin(checkin(at=local(TODAY, 16), tags=('"quoted"',))).uid,
        "yesterday": journal.add_checkin(
            checkin(at=local(TODAY - timedelta(days=1), 9), note="physio yesterday")
        ).uid,
        "café": journal.add_checkin(checkin(at=local(TODAY, 17), note="Café au lait, 痛み")).uid,
    }


def _found(journal: Journal, term: str) -> list[str]:
    return [entry.uid for entry in journal.search(term)]


def test_search_finds_notes_tags_areas_and_activity_names(
    journal: Journal, searchable: dict[str, str]
) -> None:
    found = _found(journal, "physio")
    names = {uid: name for name, uid in searchable.items()}
    assert [names[uid] for uid in found] == ["activity-note", "name", "tag", "note", "yesterday"]
    assert _found(journal, "shoulder") == [searchable["area"]]
    assert _found(journal, "PHYSIO EXERCISES") == [searchable["name"]]  # ignoring case


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("%", ["percent"]),
        ("_", ["underscore"]),
        ("0% w", ["percent"]),
        ("e_c", ["underscore"]),
        ("[/]", ["markup"]),
        ("[bold]", ["markup"]),
        ("\\", []),
        ("痛み", ["café"]),
        ("café", ["café"]),
    ],
)
def test_search_terms_are_literal_text(
    journal: Journal, searchable: dict[str, str], term: str, expected: list[str]
) -> None:
    assert _found(journal, term) == [searchable[name] for name in expected]


@pytest.mark.parametrize("term", ["[", "]", '"', ",", '", "', "[]"])
def test_search_does_not_match_how_labels_are_stored(
    journal: Journal, searchable: dict[str, str], term: str
) -> None:
    """Tags and areas are kept as JSON lists; the brackets and quotes are not the text."""
    expected = {
        "[": ["markup"],
        "]": ["markup"],
        '"': ["quote"],
        ",": ["café"],
        '", "': [],
        "[]": [],
    }[term]
    assert _found(journal, term) == [searchable[name] for name in expected]


def test_search_ignores_blank_terms_and_respects_the_limit(
    journal: Journal, searchable: dict[str, str]
) -> None:
    assert journal.search("") == [] and journal.search("   ") == []
    assert len(journal.search("physio", limit=2)) == 2
    assert _found(journal, "  shoulder ") == [searchable["area"]]


# -- what is stored is what was typed -----------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "[bold]not bold[/]",
        "[/]",
        "[link=https://example.com]x[/link] :smile: \\[escaped]",
        "\x1b[31mred\x1b[0m and a bell \x07",
        "line one\nline two\r\n\ttabbed",
        "Schmerz, ألم, 痛み, боль, 🙂🏽 — “quotes”",
        "e\u0301 (combining) vs é",
    ],
)
def test_notes_are_stored_and_returned_as_typed(journal: Journal, note: str) -> None:
    saved = journal.add_checkin(checkin(note=note, tags=(note[:40].strip() or "t",)))
    again = journal.entry(saved.uid)
    assert isinstance(again, CheckIn)
    assert again.note == note.rstrip()
    assert again.tags == saved.tags


def test_labels_and_names_keep_their_characters(journal: Journal) -> None:
    saved = journal.add_checkin(checkin(areas=("épaule", "Nacken"), tags=("😴", "[red]")))
    done = journal.add_activity(activity("Gärtnern 🌱"))
    assert journal.entry(saved.uid) == saved and journal.entry(done.uid) == done
    assert saved.areas == ("épaule", "Nacken") and saved.tags == ("😴", "[red]")
    assert done.name == "Gärtnern 🌱"
    # stored as UTF-8 text, not as \\u escapes (so search and other tools see the words)
    assert _raw(journal, "SELECT areas, tags FROM checkins") == [
        ('["épaule", "Nacken"]', '["😴", "[red]"]')
    ]


def test_a_note_of_the_maximum_length_is_kept_whole(journal: Journal) -> None:
    note = ("痛み and words " * 2000)[: NOTE_MAX - 1] + "Z"
    assert len(note) == NOTE_MAX
    saved = journal.add_checkin(checkin(note=note + "   \n"))  # trailing space is dropped
    assert journal.entry(saved.uid).note == note


def test_a_note_over_the_maximum_is_refused_with_its_length(journal: Journal) -> None:
    with pytest.raises(InputError) as caught:
        journal.add_checkin(checkin(note="x" * (NOTE_MAX + 1)))
    assert caught.value.field == "note"
    assert "20,000" in caught.value.message and "20,001" in caught.value.message
    assert journal.day(TODAY).checkins == ()


# -- suggestions -------------------------------------------------------------------------


def test_activity_names_are_suggested_most_recent_first(journal: Journal) -> None:
    for days_ago, name in [(5, "walk"), (4, "swim"), (3, "walk"), (2, "yoga"), (1, "swim")]:
        journal.add_activity(activity(name, 10, at=local(TODAY - timedelta(days=days_ago))))
    assert journal.activity_names() == ["swim", "yoga", "walk"]
    assert journal.activity_names(limit=2) == ["swim", "yoga"]


def test_used_areas_and_tags_most_used_first(journal: Journal) -> None:
    journal.add_checkin(checkin(areas=("neck", "lower back"), tags=("cold",)))
    journal.add_checkin(checkin(areas=("lower back",), tags=("cold", "stress")))
    journal.add_checkin(checkin(areas=("lower back", "hip"), tags=("stress", "rain")))
    journal.add_checkin(checkin())
    assert journal.used_areas() == ["lower back", "hip", "neck"]
    assert journal.used_tags() == ["cold", "stress", "rain"]
    assert journal.used_tags(limit=1) == ["cold"]


def test_suggestions_from_an_empty_journal_are_empty(journal: Journal) -> None:
    assert journal.activity_names() == []
    assert journal.used_areas() == [] and journal.used_tags() == []


def test_figures_cover_every_day_asked_for(journal: Journal) -> None:
    figures = journal.figures(date(2026, 1, 30), date(2026, 2, 2))
    assert [f.day for f in figures] == [
        date(2026, 1, 30),
        date(2026, 1, 31),
        date(2026, 2, 1),
        date(2026, 2, 2),
    ]
    assert all(f.checkins == 0 and f.pain_avg is None for f in figures)
