"""A NUL in a note from standard input, an argument or an import file: exit 2, nothing saved."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from tests.data_support import db_path, fill_home, table_counts
from tests.support import run_cli as run

AT = "2026-11-20T10:00:00+00:00"


@pytest.fixture
def filled(home: Path) -> dict[str, int]:
    fill_home(home)
    return table_counts(db_path(home))


def test_a_note_from_standard_input_with_nul_is_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    filled: dict[str, int],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"pasted\x00rest")))
    status, out, err = run(capsys, "log", "--pain", "3", "--note", "-")
    assert (status, out) == (2, "")
    assert "NUL character" in err and "in the note" in err and "Nothing was saved" in err
    assert "\x00" not in err
    assert table_counts(db_path(home)) == filled


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["log", "--pain", "3", "--tag", "a\x00b"], "tags"),
        (["log", "--pain", "3", "--area", "a\x00b"], "pain areas"),
        (["activity", "walk\x00x", "10"], "name"),
    ],
)
def test_names_from_arguments_with_nul_are_refused(
    capsys: pytest.CaptureFixture[str],
    home: Path,
    filled: dict[str, int],
    argv: list[str],
    field: str,
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2 and f"in the {field}" in err
    assert table_counts(db_path(home)) == filled


def test_an_import_with_nul_in_a_note_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path, filled: dict[str, int]
) -> None:
    path = tmp_path / "in.json"
    records = [{"at": AT, "pain": 2}, {"at": AT, "pain": 3, "note": "ok\u0000hidden"}]
    path.write_text(json.dumps({"format": "paincoach-export", "version": 1, "checkins": records}))
    status, _, err = run(capsys, "import", str(path))
    assert status == 2
    assert "'note'" in err and "NUL character" in err and "Nothing was imported" in err
    assert table_counts(db_path(home)) == filled
