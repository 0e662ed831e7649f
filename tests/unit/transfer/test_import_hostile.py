"""Hostile import files: deep nesting, numbers SQLite cannot hold, years paincoach does not keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paincoach.core.errors import InputError
from paincoach.db.engine import Database
from paincoach.transfer import import_fields as check
from paincoach.transfer.export import FORMAT
from paincoach.transfer.importer import ImportRecordError, import_file
from tests.data_support import db_path, table_counts

AT = "2026-11-20T10:00:00+00:00"


def test_deep_nesting_is_an_import_error(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    for text in (b"[" * 100_000 + b"]" * 100_000, b'{"checkins": [' + b"[" * 100_000):
        path.write_bytes(text)
        with pytest.raises(ImportRecordError, match=r"deep\.json is nested too deeply"):
            import_file(Database.open(home), path)


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**300])
def test_whole_numbers_are_held_to_what_sqlite_keeps(value: int) -> None:
    with pytest.raises(InputError, match="too large"):
        check.whole(value, "steps_total")
    assert check.whole(2**63 - 1, "steps_total") == 2**63 - 1


@pytest.mark.parametrize("value", [10**400, float("inf")])
def test_numbers_too_large_for_a_float_are_an_input_error(value: float) -> None:
    with pytest.raises(InputError, match="too large"):
        check.number(value, "cap")


def test_answers_nested_too_deeply_are_refused() -> None:
    deep: dict[str, object] = {}
    for _ in range(check.ANSWERS_DEPTH):
        deep = {"a": deep}
    with pytest.raises(InputError, match="nested too deeply"):
        check.answers(deep, "answers")
    assert check.answers({"a": [{"b": 1}]}, "answers")


def test_a_number_sqlite_refuses_on_writing_is_an_import_error_and_nothing_is_kept(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check, "WHOLE_MAX", 10**30)  # a check that let too much through
    db = Database.open(home)
    before = table_counts(db_path(home))
    path = tmp_path / "big.json"
    document = {
        "format": FORMAT,
        "version": 1,
        "checkins": [{"at": AT, "pain": 3}],
        "exercise_sessions": [
            {"exercise_id": "x", "kind": "k", "started_at": AT, "steps_total": 10**20}
        ],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRecordError, match="too large for the journal"):
        import_file(db, path)
    db.close()
    assert table_counts(db_path(home)) == before


@pytest.mark.parametrize("text", ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00"])
def test_imported_moments_are_held_to_the_years(text: str) -> None:
    with pytest.raises(InputError, match="1900 to 9998"):
        check.moment(text, "at")
