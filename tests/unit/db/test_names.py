"""Finding the journal's spelling of a name: a LIKE pattern that never misses, then `name_key`."""

from __future__ import annotations

import json
import sqlite3
import sys
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from paincoach.db import names
from paincoach.practice.service import Practice
from paincoach.records.names import name_key
from tests.practice_support import plan_session
from tests.storage_support import activity, checkin, open_journal
from tests.support import NOW


def _every_character() -> list[str]:
    return [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]


def test_the_characters_folding_into_ascii_and_their_letters_are_all_there_are() -> None:
    folding = {c for c in _every_character() if not c.isascii() and _ascii_in(c.casefold())}
    assert folding == set(names.FOLDS_TO_ASCII)
    letters = {out for char in folding for out in char.casefold() if out.isascii()}
    assert letters == set(names.FOLD_TARGETS)


def _ascii_in(text: str) -> bool:
    return any(char.isascii() for char in text)


def test_caseless_characters_are_the_only_spelling_of_themselves() -> None:
    folded_into = {out for char in _every_character() for out in char.casefold() if out != char}
    caseless = [
        char
        for char in _every_character()
        if not char.isascii() and unicodedata.category(char) in names.CASELESS
    ]
    assert len(caseless) > 100_000  # CJK, Arabic, digits, punctuation, symbols
    assert all(char.casefold() == char for char in caseless)
    assert not folded_into & set(caseless)


#: Ways to write one letter (or two) differently without changing the name.
_RESPELL = {"ss": "ß", "s": "ſ", "k": "\u212a", "fi": "ﬁ", "st": "ﬆ", "i̇": "İ"}


def _respelled(name: str, choices: list[int]) -> str:
    """`name` with each character's case flipped or a letter swapped for a folding one."""
    out = []
    for index, char in enumerate(name):
        pick = choices[index % len(choices)] if choices else 0
        out.append([char, char.upper(), char.lower(), char.casefold()][pick % 4])
    text = "".join(out)
    for plain, fancy in _RESPELL.items():
        if choices and choices[0] % 2:
            text = text.replace(plain, fancy)
    return text.replace(" ", " \t " if choices and choices[-1] % 3 == 0 else " ")


def _like(stored: str, pattern: str) -> bool:
    conn = sqlite3.connect(":memory:")
    try:
        return bool(conn.execute("SELECT ? LIKE ?", (stored, pattern)).fetchone()[0])
    finally:
        conn.close()


_LETTERS = st.sampled_from(
    [*"abcdefghijklmnopqrstuvwxyzSSKI ß'-_%\"\\é日本ﬁ😴Σσς", "ss", "fi", "\x1b", "İ"]
)


@given(st.lists(_LETTERS, min_size=1, max_size=12), st.lists(st.integers(0, 11), max_size=6))
def test_every_spelling_of_a_name_is_found_by_one_of_its_patterns(
    parts: list[str], choices: list[int]
) -> None:
    name = " ".join("".join(parts).split()) or "x"
    other = _respelled(name, choices)
    if name_key(other) != name_key(name):
        return  # not the same name (a swap that changed it): nothing to find
    for stored in (" ".join(other.split()), other):  # as stored, or as an old journal may
        for text in (stored, json.dumps([stored], ensure_ascii=False)):
            assert _like(text, names.like_pattern(name, loose=True)), (text, name)
            if not set(stored) & names.FOLDS_TO_ASCII:  # the rows the strict pattern is for
                assert _like(text, names.like_pattern(name)), (text, name)
            assert names.quick_word(name_key(name)) in text.casefold(), (text, name)


def test_the_patterns_keep_what_narrows_the_search() -> None:
    assert names.like_pattern("lower back") == "%lower%back%"
    assert names.like_pattern("lower back", loose=True) == "%o%er%b%c%"
    assert names.like_pattern("日本 2") == "%日本%2%"
    assert names.like_pattern("50%_done") == "%50%done%"
    assert names.like_pattern("Straße") == "%Stra%e%"
    assert names.like_pattern("ß", loose=True) == "%"
    assert names.quick_word("lower back") == "lower"
    assert names.quick_word('"quoted" knee') == "knee"
    assert names.quick_word('"quoted"') == ""


def test_a_label_is_found_in_the_spelling_the_journal_uses(home: Path) -> None:
    journal = open_journal(home)
    first = journal.add_checkin(checkin(areas=("Lower back", "Straße", '"quoted" knee')))
    journal.add_checkin(checkin(tags=("50%_done", "😴 tired")))
    with journal.db.read() as session:
        assert names.label_spelling(session, "areas", "LOWER   back") == "Lower back"
        assert names.label_spelling(session, "areas", "strasse") == "Straße"
        assert names.label_spelling(session, "areas", '"QUOTED" KNEE') == '"quoted" knee'
        assert names.label_spelling(session, "tags", "50%_DONE") == "50%_done"
        assert names.label_spelling(session, "tags", "😴 TIRED") == "😴 tired"
        assert names.label_spelling(session, "tags", "lower back") is None  # areas are not tags
        assert names.label_spelling(session, "areas", "lower") is None  # a whole name only
        # an edit looks at the other check-ins only, so it can change its own spelling
        assert names.label_spelling(session, "areas", "lower back", besides=first.uid) is None
        assert names.known_labels(session, "areas", ["straSSe", "Knee"]) == ("Straße", "Knee")


def test_an_activity_is_found_among_activities_then_pacing_plans(home: Path) -> None:
    journal = open_journal(home)
    walk = journal.add_activity(activity("Walk"))
    Practice(journal.db, journal, lambda: NOW).save_session(
        plan_session("Gärtnern", [10, 12, 14], NOW.date())
    )
    with journal.db.read() as session:
        assert names.known_activity(session, "walk") == "Walk"
        assert names.known_activity(session, "GÄRTNERN") == "Gärtnern"  # the plan's spelling
        assert names.known_activity(session, "walking") == "walking"  # another activity
        assert names.known_activity(session, "WALK", besides=walk.uid) == "WALK"
        assert names.activity_spellings(session) == {"walk": "Walk", "gärtnern": "Gärtnern"}
        assert names.label_spellings(session, "areas") == {}
