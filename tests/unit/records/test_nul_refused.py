"""A NUL character is refused wherever text comes in, with the field named (issue 12, item 7).

SQLite's LIKE reads a text only up to its first NUL, so words after one could never be
found again. Other control characters (tab, newline, even ESC) are kept as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paincoach.core.errors import InputError
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.settings import Contact, Settings, _decode
from paincoach.transfer import import_fields as check
from tests.data_support import db_path, table_counts
from tests.practice_support import made_result, open_practice
from tests.support import NOW

NUL_TEXT = "before\x00after"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"note": NUL_TEXT}, "note"),
        ({"tags": ("cold", NUL_TEXT)}, "tags"),
        ({"areas": (NUL_TEXT,)}, "pain areas"),
    ],
)
def test_a_check_in_with_nul_is_refused_naming_the_field(
    fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as raised:
        CheckInDraft(at=NOW, pain=3, **fields)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert "NUL character" in raised.value.message and f"in the {field}." in raised.value.message
    assert "Nothing was saved" in raised.value.message
    pasted = "line one\n\tindented\x1b[1m bold?\x07"  # other controls are kept, shown visibly
    assert CheckInDraft(at=NOW, pain=3, note=pasted).note == pasted


@pytest.mark.parametrize(
    ("fields", "field"), [({"name": NUL_TEXT}, "name"), ({"note": NUL_TEXT}, "note")]
)
def test_an_activity_with_nul_is_refused_naming_the_field(
    fields: dict[str, str], field: str
) -> None:
    values: dict[str, object] = {"name": "walk", "minutes": 10, **fields}
    with pytest.raises(InputError) as raised:
        ActivityDraft(at=NOW, **values)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_an_exercise_answer_with_nul_saves_nothing(home: Path) -> None:
    practice = open_practice(home)
    answers: dict[str, object] = {"situation": "at work", "thoughts": ["fine", NUL_TEXT]}
    with pytest.raises(InputError) as raised:
        practice.save_session(made_result("thought_record", answers))
    assert raised.value.field == "thoughts" and "answer to 'thoughts'" in raised.value.message
    counts = table_counts(db_path(home))
    assert counts["exercise_sessions"] == counts["thought_records"] == 0


def test_a_contact_with_nul_is_refused_but_one_already_stored_still_loads() -> None:
    with pytest.raises(InputError) as raised:
        Settings().with_changes(contacts=(Contact("Sam", "0123", NUL_TEXT),))
    assert raised.value.field == "contacts"
    stored = _decode({"contacts": [{"name": "Sam", "phone": "0123", "note": NUL_TEXT}]})
    assert stored.contacts == (Contact("Sam", "0123", NUL_TEXT),)  # Help now still shows Sam


@pytest.mark.parametrize(
    "checker",
    [
        lambda: check.note(NUL_TEXT, "note"),
        lambda: check.short_text(NUL_TEXT, "exercise_title"),
        lambda: check.text_list(["ok", NUL_TEXT], "helps"),
        lambda: check.answers({"situation": {"deep": [NUL_TEXT]}}, "answers"),
        lambda: check.answers({NUL_TEXT: "a key"}, "answers"),
    ],
)
def test_imported_text_with_nul_is_refused(checker: object) -> None:
    with pytest.raises(InputError) as raised:
        checker()  # type: ignore[operator]
    assert "NUL character" in raised.value.message
