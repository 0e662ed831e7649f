"""Saves say when they call for the support card, and nothing about it is stored."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.journal.service import Journal
from paincoach.records.concern import Reason
from tests.practice_support import THOUGHTS, made_result, open_practice
from tests.storage_support import TODAY, activity, checkin, local, open_journal

WORDS = "Bad day. I don't want to be here anymore."


@pytest.fixture
def journal(home: Path) -> Journal:
    return open_journal(home)


def test_a_note_with_words_of_distress_brings_the_card(journal: Journal) -> None:
    saved = journal.add_checkin(checkin(pain=6, mood=5, note=WORDS))
    assert saved.concern is not None and saved.concern.reasons == (Reason.WORDS,)
    assert saved.note == WORDS  # saved as written, as usual


def test_a_pain_idiom_brings_nothing(journal: Journal) -> None:
    saved = journal.add_checkin(checkin(pain=8, mood=4, note="My back is killing me today."))
    assert saved.concern is None
    assert journal.add_activity(activity("walk", note="dead tired after")).concern is None


def test_a_very_low_mood_brings_the_card_and_words_come_first(journal: Journal) -> None:
    low = journal.add_checkin(checkin(mood=1))
    assert low.concern is not None and low.concern.reasons == (Reason.LOW_MOOD,)
    both = journal.add_checkin(checkin(mood=0, note=WORDS))
    assert both.concern is not None and both.concern.reasons == (Reason.WORDS, Reason.LOW_MOOD)
    assert journal.add_checkin(checkin(mood=2)).concern is None


def test_tags_activity_names_and_edits_are_read_too(journal: Journal) -> None:
    tagged = journal.add_checkin(checkin(tags=("suicidal",)))
    assert tagged.concern is not None
    walk = journal.add_activity(activity("walk", note="I want to die"))
    assert walk.concern is not None
    edited = journal.update_activity(walk.uid, activity("walk", note="fine now"))
    assert edited.concern is None
    again = journal.update_checkin(tagged.uid, checkin(note="I want to end my life"))
    assert again.concern is not None and again.concern.reasons == (Reason.WORDS,)


def test_the_result_and_the_stored_entry_are_equal_whatever_the_concern(journal: Journal) -> None:
    saved = journal.add_checkin(checkin(note=WORDS))
    stored = journal.entry(saved.uid)
    assert stored.concern is None and stored == saved  # the reason is not part of the entry


def test_two_weeks_of_low_mood_add_the_gp_line(journal: Journal) -> None:
    for days_ago in range(1, 11):  # ten days with a check-in, eight of them low
        journal.add_checkin(
            checkin(at=local(TODAY - timedelta(days=days_ago)), mood=3 if days_ago <= 8 else 7)
        )
    assert journal.low_fortnight()
    saved = journal.add_checkin(checkin(mood=1))
    assert saved.concern is not None and saved.concern.low_fortnight


def test_today_counts_and_an_old_entry_is_judged_by_this_fortnight(journal: Journal) -> None:
    for days_ago in range(1, 14):
        journal.add_checkin(
            checkin(at=local(TODAY - timedelta(days=days_ago)), mood=3 if days_ago <= 7 else 6)
        )
    saved = journal.add_checkin(checkin(mood=1))  # today: the eighth low day of 14
    assert saved.concern is not None and saved.concern.low_fortnight
    older = journal.add_checkin(checkin(at=local(TODAY - timedelta(days=20)), mood=0))
    assert older.concern is not None and older.concern.low_fortnight  # by today's fortnight


def test_a_thought_record_with_hopeless_at_90_brings_the_card(home: Path) -> None:
    practice = open_practice(home)
    hopeless = {**THOUGHTS, "emotions": {"Hopeless": 90, "Sad": 40}}
    saved = practice.save_session(made_result("thought_record", hopeless))
    assert saved.concern is not None and saved.concern.reasons == (Reason.DESPAIR,)
    mild = {**THOUGHTS, "emotions": {"Hopeless": 60}, "emotions_after": {"Hopeless": 30}}
    assert practice.save_session(made_result("thought_record", mild)).concern is None
    after = {**THOUGHTS, "emotions": {"Sad": 20}, "emotions_after": {"Despairing": 85}}
    assert practice.save_session(made_result("thought_record", after)).concern is not None


@pytest.mark.parametrize(
    ("kind", "answers"),
    [
        ("thought_record", {**THOUGHTS, "hot_thought": "Everyone would be better off without me"}),
        ("thought_record", {**THOUGHTS, "emotions": {"Suicidal": 30}}),  # an emotion of their own
        ("goals", {"goal": "Stop wanting to kill myself"}),
        ("flare_plan", {"signs": "Thinking about taking all my pills", "helps": "Heat"}),
        ("prompt", {"what": "I want to die"}),
    ],
)
def test_words_in_any_exercise_answer_bring_the_card(
    home: Path, kind: str, answers: dict[str, object]
) -> None:
    saved = open_practice(home).save_session(made_result(kind, answers))
    assert saved.concern is not None and Reason.WORDS in saved.concern.reasons


def test_an_ordinary_thought_record_brings_nothing(home: Path) -> None:
    assert open_practice(home).save_session(made_result("thought_record", THOUGHTS)).concern is None


def _everything(home: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(paths.database_path(home))
    try:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def test_nothing_about_the_card_is_stored_only_what_was_written(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(mood=6, note="first"))
    before = _everything(home)
    files_before = sorted(p.name for p in home.rglob("*"))
    saved = journal.add_checkin(checkin(mood=0, note=WORDS))
    practice = open_practice(home)
    practice.save_session(made_result("thought_record", {**THOUGHTS, "emotions": {"Hopeless": 95}}))
    assert saved.concern is not None
    after = _everything(home)
    new = {t: [r for r in rows if r not in before.get(t, [])] for t, rows in after.items()}
    changed = {t: rows for t, rows in new.items() if rows}
    assert set(changed) == {"checkins", "exercise_sessions", "thought_records"}, changed
    assert before.get("settings") == after.get("settings")  # nothing remembered about it
    [row] = changed["checkins"]
    assert WORDS in row and not any("concern" in str(v) or v == "words" for v in row)
    everything = repr(after).lower()
    for trace in ("concern", "distress", "low mood", "despair", "support card"):
        assert trace not in everything
    added = sorted(set(p.name for p in home.rglob("*")) - set(files_before))
    assert all(name.startswith("paincoach") or name.endswith(("-wal", "-shm")) for name in added), (
        added
    )
