"""Every bad input is a plain message and exit 2: hostile imports, years, echoed values."""

from __future__ import annotations

import errno
import json
from pathlib import Path
from typing import Any

import pytest

from paincoach.cli.main import main
from tests.data_support import db_path, fill_home, table_counts

AT = "2026-11-20T10:00:00+00:00"
HUGE = 10**30  # more than SQLite's 8-byte integers hold


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "something went wrong" not in (out + err).lower()
    return status, out, err


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path) -> Path:
    fill_home(home)
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def export_file(folder: Path, **records: Any) -> Path:
    path = folder / "in.json"
    path.write_text(json.dumps({"format": "paincoach-export", "version": 1, **records}))
    return path


def refused_import(capsys: pytest.CaptureFixture[str], home: Path, path: Path) -> str:
    before = table_counts(db_path(home))
    status, _, err = run(capsys, "import", str(path))
    assert status == 2, err
    assert str(path) in err or "[0]" in err
    assert "Nothing was imported" in err
    assert table_counts(db_path(home)) == before
    return err


# -- a.: deep nesting and numbers too large for SQLite ------------------------------------------


def test_deeply_nested_json_is_refused_plainly(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    path = here / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    err = refused_import(capsys, home, path)
    assert "nested too deeply" in err and str(path) in err


def test_deeply_nested_answers_inside_a_record_are_refused_plainly(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    deep = '{"a":' * 900 + "1" + "}" * 900
    path = here / "deep.json"
    head = '{"format": "paincoach-export", "version": 1, "exercise_sessions": [{'
    record = f'"exercise_id": "x", "kind": "k", "started_at": "{AT}", "answers": {deep}'
    path.write_text(head + record + "}]}")
    err = refused_import(capsys, home, path)
    assert "field 'answers'" in err and "nested too deeply" in err


@pytest.mark.parametrize(
    ("section", "record", "field"),
    [
        ("exercise_sessions", {"steps_total": HUGE}, "steps_total"),
        ("exercise_sessions", {"steps_done": -HUGE}, "steps_done"),
        ("pacing_plans", {"baseline": HUGE}, "baseline"),
        ("pacing_plans", {"percent": 10**400}, "percent"),
        ("pacing_plans", {"cap": 10**400}, "cap"),
        ("pacing_plans", {"measurements": [10**400]}, "measurements"),
    ],
)
def test_numbers_too_large_are_refused_with_their_field(
    capsys: pytest.CaptureFixture[str],
    here: Path,
    home: Path,
    section: str,
    record: dict[str, Any],
    field: str,
) -> None:
    bases: dict[str, dict[str, Any]] = {
        "exercise_sessions": {"exercise_id": "x", "kind": "k", "started_at": AT},
        "pacing_plans": {"activity": "walk", "baseline": 10, "start_day": "2026-11-20"},
    }
    base = bases[section]
    err = refused_import(capsys, home, export_file(here, **{section: [{**base, **record}]}))
    assert f"field '{field}'" in err and "too large" in err
    assert len(err) < 400  # the number is not echoed whole


# -- b.: one range of years ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("week", "--week", "0001-W01"),
        ("week", "--week", "9999-W52"),
        ("week", "--date", "0001-01-01"),
        ("week", "--date", "9999-12-31"),
        ("log", "--pain", "3", "--at", "0001-01-02 10:00", "--yes"),
        ("log", "--pain", "3", "--at", "1899-12-31", "--yes"),
        ("export", "--format", "md", "--since", "0001-01-01"),
        ("export", "--format", "json", "--until", "9999-12-31", "--out", "-"),
    ],
)
def test_years_outside_the_range_are_refused_everywhere(
    capsys: pytest.CaptureFixture[str], here: Path, argv: tuple[str, ...]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and "1900 to 9998" in err and out == ""


@pytest.mark.parametrize("argv", [("week", "--week", "9998-W52"), ("week", "--date", "1900-01-01")])
def test_the_years_at_the_edges_work(
    capsys: pytest.CaptureFixture[str], here: Path, argv: tuple[str, ...]
) -> None:
    status, out, _ = run(capsys, *argv)
    assert status == 0 and "Week" in out


@pytest.mark.parametrize(
    "record",
    [
        {"checkins": [{"at": "0001-01-01T10:00:00+00:00", "pain": 3}]},
        {"checkins": [{"at": "9999-12-31T10:00:00+00:00", "pain": 3}]},
        {"goals": [{"text": "walk", "day": "0001-01-01"}]},
        {"pacing_plans": [{"activity": "walk", "baseline": 10, "start_day": "9999-12-31"}]},
    ],
)
def test_imported_moments_are_held_to_the_same_years(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path, record: dict[str, Any]
) -> None:
    err = refused_import(capsys, home, export_file(here, **record))
    assert "1900 to 9998" in err


# -- c.: echoed values are harmless and short -------------------------------------------------


def test_control_characters_in_argv_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], here: Path
) -> None:
    for argv in (
        ("log", "--pain", "3", "--at", "x\x1b[31mred\x07"),
        ("log", "--pain", "3", "--at", "today 1\x1b]0;owned\x07"),
        ("week", "--week", "\x1b[2J"),
        ("week", "--date", "2026-\x9b11"),
        ("log", "--pain", "\x1b[2J"),
        ("activity", "walk", "1\x1b[2J"),
    ):
        status, _, err = run(capsys, *argv)
        assert status == 2
        assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in err), err


def test_a_huge_value_is_not_echoed_whole(capsys: pytest.CaptureFixture[str], here: Path) -> None:
    status, _, err = run(capsys, "log", "--pain", "3", "--at", "x" * 100_000)
    assert status == 2 and "not understood" in err and len(err) < 300


def test_hostile_keys_in_an_import_file_are_shown_harmless_and_short(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    for key in ("\x1b[31m" + "k" * 100_000, "evil\x1b]0;x\x07"):
        for records in ({key: 1}, {"checkins": [{"at": AT, "pain": 3, key: 1}]}):
            err = refused_import(capsys, home, export_file(here, **records))
            assert "\x1b" not in err and "\x07" not in err and len(err) < 600
    err = refused_import(
        capsys, home, export_file(here, checkins=[{"at": "\x1b[2J" + "9" * 100_000, "pain": 3}])
    )
    assert "\x1b" not in err and len(err) < 600


# -- d.: a full disk while exporting -------------------------------------------------------------


def _fill_disk_after(monkeypatch: pytest.MonkeyPatch, files: int) -> None:
    """The disk fills up once `files` files have been written (fsync reports ENOSPC)."""
    from paincoach.core import private_files

    real = private_files.fsync_file
    count = [0]

    def fsync(path: Path) -> None:
        count[0] += 1
        if count[0] > files:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path)

    monkeypatch.setattr(private_files, "fsync_file", fsync)


@pytest.mark.parametrize("out", [None, "tables"])
def test_a_csv_export_on_a_full_disk_says_so_and_leaves_no_folder(
    capsys: pytest.CaptureFixture[str], here: Path, monkeypatch: pytest.MonkeyPatch, out: str | None
) -> None:
    _fill_disk_after(monkeypatch, 2)
    status, _, err = run(capsys, "export", "--format", "csv", *(["--out", out] if out else []))
    assert status == 1 and "no room left" in err and "nothing was written" in err
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_a_file_export_on_a_full_disk_says_so_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str], here: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    _fill_disk_after(monkeypatch, 0)
    status, _, err = run(capsys, "export", "--format", fmt)
    assert status == 1 and "no room left" in err
    assert list(here.iterdir()) == []
