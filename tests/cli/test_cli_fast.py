"""`paincoach log` and `activity` on the fast path: what they import, and what they still do.

Real processes: a child prints the modules it loaded after the command ran, so the test
sees what a person's shell would load (the test process has SQLAlchemy loaded already).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paincoach.core import day_stamp, paths
from paincoach.core.resources import data_dir
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from tests.support import NOW, run_cli

#: Never on the fast path: the ORM, its validation library and the UI.
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "pydantic_core", "textual")
SHOW_MODULES = (
    "import json, sys\n"
    "from paincoach.cli.main import main\n"
    "status = main(sys.argv[1:])\n"
    "print(json.dumps({'status': status, 'modules': sorted(sys.modules)}))\n"
)


def _loaded(home: Path, *argv: str, stdin: str = "") -> tuple[int, list[str], str]:
    """Run paincoach ARGV in a child: (status, modules it loaded, its standard output)."""
    result = subprocess.run(
        [sys.executable, "-c", SHOW_MODULES, "--home", str(home), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": "200"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    *printed, last = result.stdout.strip().splitlines()
    found = json.loads(last)
    return found["status"], found["modules"], "\n".join(printed)


def _heavy(modules: list[str]) -> list[str]:
    return [name for name in modules if name.split(".")[0] in HEAVY]


@pytest.mark.parametrize(
    "argv",
    [
        ("log", "--pain", "4", "--mood", "6", "--area", "Knee", "--tag", "rain"),
        ("activity", "walk", "15", "--paced", "--effort", "3"),
        ("today",),
    ],
    ids=["log", "activity", "today"],
)
def test_log_activity_and_today_import_no_orm_pydantic_or_textual(
    home: Path, argv: tuple[str]
) -> None:
    Journal(Database.open(home)).db.close()  # a journal made by the full path
    status, modules, out = _loaded(home, *argv)
    assert status == 0 and out.startswith(("Saved ", "Today, "))
    assert _heavy(modules) == []
    assert "paincoach.db.quick" in modules


def test_today_with_every_part_loads_no_rich_either(home: Path) -> None:
    from tests.practice_support import open_practice, plan_session

    practice = open_practice(home)
    practice.save_session(plan_session("walking", [10, 12, 14], NOW.date()))
    practice.db.close()
    for argv in (
        ("log", "--pain", "7", "--tag", "flare", "--area", "Knee"),
        ("activity", "walking", "5"),
        ("took", "ibuprofen", "--dose", "400 mg"),
        ("course", "start"),
    ):
        _loaded(home, *argv)
    status, modules, out = _loaded(home, "today")
    assert status == 0 and "Pacing, walking: 5 of " in out and "Since a check-in" in out
    assert "took  ibuprofen (400 mg)" in out and "Course, week 1 of 8" in out
    assert _heavy(modules) == [] and "rich" not in {name.split(".")[0] for name in modules}
    # The bundled course's outline, not its file read and checked (issue 18).
    assert "tomllib" not in modules and "paincoach.exercises.checks" not in modules


def test_today_reads_a_course_file_of_the_persons_own_through_the_checker(home: Path) -> None:
    Journal(Database.open(home)).db.close()
    bundled = (data_dir() / "courses" / "eight-weeks.toml").read_text(encoding="utf-8")
    (home / "courses").mkdir()
    (home / "courses" / "mine.toml").write_text(
        bundled.replace('id = "eight-weeks"', 'id = "mine"').replace(
            "how pain protects you; set one goal", "my own first week"
        ),
        encoding="utf-8",
    )
    _loaded(home, "course", "start", "mine")
    status, modules, out = _loaded(home, "today")
    assert status == 0 and "Course, week 1 of 8: my own first week · 0 of 2 done" in out
    assert "paincoach.exercises.checks" in modules and _heavy(modules) == []


def test_the_first_log_on_a_new_journal_goes_through_the_full_path(home: Path) -> None:
    status, modules, out = _loaded(home, "log", "--pain", "3")
    assert status == 0 and out.startswith("Saved check-in:")
    assert "sqlalchemy" in modules  # it made the journal
    _, modules, _ = _loaded(home, "log", "--pain", "4")
    assert _heavy(modules) == []


def test_a_journal_to_upgrade_is_upgraded_by_the_full_path_first(home: Path) -> None:
    from paincoach.db import migrations
    from tests.storage_support import install_fixture

    install_fixture(migrations.LATEST - 1, home)
    status, modules, _ = _loaded(home, "log", "--pain", "3")
    assert status == 0 and "sqlalchemy" in modules
    db = Database.open(home)
    assert db.schema_version == migrations.LATEST
    db.close()
    _, modules, _ = _loaded(home, "log", "--pain", "4")  # upgraded: the fast path from now
    assert _heavy(modules) == []


def test_a_fast_log_takes_the_days_backup_sweeps_leftovers_and_stamps_the_day(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from paincoach.core.private_files import temp_name

    run_cli(capsys, "log", "--pain", "2")
    backup = paths.backup_folder(home) / paths.daily_backup_name(NOW.date())
    backup.unlink()
    left = temp_name(backup)  # what a killed backup leaves behind
    left.write_bytes(b"half a copy")
    day_stamp.stamp_path(home).unlink(missing_ok=True)
    status, modules, _ = _loaded(home, "log", "--pain", "5", "--at", "today 08:00")
    assert status == 0 and _heavy(modules) == []
    assert backup.is_file() and backup.stat().st_mode & 0o077 == 0
    assert not left.exists()
    assert day_stamp.read_stamp(home) == NOW.date()


def test_names_are_merged_and_the_plan_words_said_on_the_fast_path(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(capsys, "log", "--pain", "4", "--area", "Lower Back")
    _, modules, out = _loaded(home, "log", "--pain", "5", "--area", "lower back")
    assert _heavy(modules) == [] and "areas: Lower Back" in out
    _, _, out = _loaded(home, "activity", "swim", "20", "--paced")
    assert "Counts for no pacing plan: you have none yet" in out


def test_a_fast_log_with_words_of_distress_prints_the_card(home: Path) -> None:
    Journal(Database.open(home)).db.close()
    status, modules, out = _loaded(home, "log", "--pain", "5", "--note", "-", stdin="I want to die")
    assert status == 0 and out.startswith("Saved check-in:")
    assert "paincoach help-now" in out
    assert "paincoach.db.quick" in modules  # saved on the fast path (the card reads the rest)


def test_an_unlikely_date_is_questioned_on_the_fast_path(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(capsys, "log", "--pain", "2")
    result = subprocess.run(
        [sys.executable, "-c", SHOW_MODULES.replace("status = main", "status = 0; main"),
         "--home", str(home), "log", "--pain", "2", "--at", "1999-03-01 10:00"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert "--yes" in result.stderr and "Nothing was saved" in result.stderr
    assert _heavy(json.loads(result.stdout.splitlines()[-1])["modules"]) == []
    assert len(Journal(Database.open(home)).day(NOW.date()).checkins) == 1


def test_an_activity_of_a_plans_name_says_how_far_today_on_the_fast_path(home: Path) -> None:
    from datetime import date

    from paincoach.practice.service import Practice
    from tests.practice_support import plan_session

    journal = Journal(Database.open(home))
    Practice(journal.db, journal, lambda: NOW).save_session(
        plan_session("walking", [20, 25, 30], date(2026, 11, 20))
    )
    journal.db.close()
    status, modules, out = _loaded(home, "activity", "WALKING", "12")
    assert status == 0 and _heavy(modules) == []
    assert 'Counts for your pacing plan "walking": 12 of 22 minutes today.' in out
