"""Search finds words after a NUL that an older journal (or another program) stored.

SQLite's LIKE stops reading a text at a NUL; paincoach now refuses NUL on input, but
what a journal already holds is matched in Python (issue 12, item 7).
"""

from __future__ import annotations

import json
from pathlib import Path

from paincoach.journal.service import Journal
from tests.storage_support import TODAY, activity, checkin, local, open_journal


def _hold_nul(journal: Journal, table: str, uid: str, **columns: object) -> None:
    """Put a NUL into a saved entry, as an older paincoach could."""
    sets = ", ".join(f"{name} = ?" for name in columns)
    with journal.db.connection() as conn:
        conn.exec_driver_sql(f"UPDATE {table} SET {sets} WHERE uid = ?", (*columns.values(), uid))
        conn.commit()


def test_search_finds_words_after_a_nul_in_notes_tags_areas_and_names(home: Path) -> None:
    journal = open_journal(home)
    note = journal.add_checkin(checkin(at=local(TODAY, 8))).uid
    tag = journal.add_checkin(checkin(at=local(TODAY, 9))).uid
    area = journal.add_checkin(checkin(at=local(TODAY, 10))).uid
    named = journal.add_activity(activity("walk", 10, at=local(TODAY, 11))).uid
    plain = journal.add_checkin(checkin(at=local(TODAY, 12), note="Hidden words, typed")).uid
    _hold_nul(journal, "checkins", note, note="seen\x00hidden words")
    _hold_nul(journal, "checkins", tag, tags=json.dumps(["x\x00hidden tag"]))
    _hold_nul(journal, "checkins", area, areas=json.dumps(["x\x00HIDDEN area"]))
    _hold_nul(journal, "activities", named, name="walk\x00hidden path", note="a\x00b")
    found = [entry.uid for entry in journal.search("hidden")]
    assert found == [plain, named, area, tag, note]  # newest first, as ever
    assert [entry.uid for entry in journal.search("hidden words")] == [plain, note]
    assert [e.uid for e in journal.search("hidden", limit=2)] == [plain, named]
    assert journal.search("nowhere") == []
