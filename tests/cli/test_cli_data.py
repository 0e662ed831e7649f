"""`paincoach export / import / backup / restore`, and the daily backup on the CLI's open."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from paincoach.transfer.export import sections
from tests.data_support import db_path, fill_home, table_counts
from tests.support import NOW
from tests.support import run_cli as run

TODAY = NOW.date()  # the CLI names files by paincoach's (frozen) date


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path) -> Path:
    """A filled journal, and an empty current folder to export into."""
    fill_home(home)
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_export_json_goes_to_a_new_dated_file_private_and_never_overwritten(
    capsys: pytest.CaptureFixture[str], here: Path
) -> None:
    status, out, err = run(capsys, "export")
    first = here / f"paincoach-export-{TODAY}.json"
    assert (status, err) == (0, "")
    assert str(first) in out and "38 check-ins" in out and "0600" in out
    assert mode(first) == 0o600
    assert json.loads(first.read_text())["format"] == "paincoach-export"
    status, out, _ = run(capsys, "export")
    second = here / f"paincoach-export-{TODAY}-2.json"
    assert status == 0 and str(second) in out and second.is_file()
    assert {p.name for p in here.iterdir()} == {first.name, second.name}  # no temp files


def test_an_existing_out_file_is_refused_unless_forced(
    capsys: pytest.CaptureFixture[str], here: Path
) -> None:
    target = here / "mine.json"
    target.write_text("keep me")
    target.chmod(0o644)
    status, _, err = run(capsys, "export", "--out", str(target))
    assert status == 2 and "already exists" in err and "--force" in err
    assert target.read_text() == "keep me"
    status, _, _ = run(capsys, "export", "--out", str(target), "--force")
    assert status == 0 and json.loads(target.read_text())["version"] == 3
    assert mode(target) == 0o600


def test_export_to_stdout(capsys: pytest.CaptureFixture[str], here: Path) -> None:
    status, out, err = run(capsys, "export", "--out", "-")
    assert status == 0 and err == "" and json.loads(out)["checkins"]
    assert list(here.iterdir()) == []


def test_csv_export_writes_one_file_per_table_in_a_private_folder(
    capsys: pytest.CaptureFixture[str], here: Path
) -> None:
    status, out, _ = run(capsys, "export", "--format", "csv", "--out", "tables")
    folder = here / "tables"
    assert status == 0 and str(folder) in out
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s}.csv" for s in sections())
    assert mode(folder) == 0o700 and all(mode(p) == 0o600 for p in folder.iterdir())
    status, _, err = run(capsys, "export", "--format", "csv", "--out", "tables")
    assert status == 2 and "already exists" in err
    status, _, _ = run(capsys, "export", "--format", "csv", "--out", "tables", "--force")
    assert status == 0
    status, out, _ = run(capsys, "export", "--format", "csv")
    assert status == 0 and (here / f"paincoach-csv-{TODAY}" / "checkins.csv").is_file()


def test_csv_export_of_one_table(capsys: pytest.CaptureFixture[str], here: Path) -> None:
    status, out, _ = run(capsys, "export", "--format", "csv", "--table", "activities", "--out", "-")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 38 and rows[0]["name"]
    status, out, _ = run(capsys, "export", "--format", "csv", "--table", "goals")
    assert status == 0 and (here / f"paincoach-goals-{TODAY}.csv").is_file()
    assert "1 goal to" in out


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_export(capsys: pytest.CaptureFixture[str], here: Path, fmt: str) -> None:
    status, out, _ = run(capsys, "export", "--format", fmt, "--since", "2026-11-02")
    target = here / f"paincoach-report-{TODAY}.{fmt}"
    assert status == 0 and str(target) in out and "notes left out" in out
    text = target.read_text()
    assert "not a medical record" in text and "morning 16" not in text
    assert mode(target) == 0o600
    status, out, _ = run(
        capsys, "export", "--format", fmt, "--since", "2026-11-02", "--include-notes"
    )
    notes = (here / f"paincoach-report-{TODAY}-2.{fmt}").read_text()
    assert status == 0 and "with your notes" in out and "morning 16" in notes


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("export", "--include-notes"), "always hold all your notes"),
        (("export", "--table", "checkins"), "--format csv"),
        (("export", "--format", "md", "--since", "27/11/2026"), "not a date"),
        (("export", "--format", "md", "--since", "2026-11-20", "--until", "2026-11-01"), "after"),
        (("export", "--format", "csv", "--out", "-"), "--table"),
        (("export", "--format", "pdf"), "invalid choice"),
        (("import", "nowhere.json"), "Cannot read"),
        (("restore", "nowhere.db"), "does not exist"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], here: Path, argv: tuple[str, ...], words: str
) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2 and words in err


def test_import_reports_added_and_skipped(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "export", "--out", "all.json")
    status, out, _ = run(capsys, "import", "all.json")
    assert status == 0 and "0 records added" in out
    assert "check-ins: 0 added, 38 skipped" in out and "flare-up plan was kept" in out
    other = here / "other"
    status, out, _ = run(capsys, "--home", str(other), "import", "all.json")
    assert status == 0 and "check-ins: 38 added, 0 skipped" in out
    assert table_counts(db_path(other)) == table_counts(db_path(home))


def test_an_invalid_import_says_where_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    bad = here / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "paincoach-export",
                "version": 1,
                "checkins": [{"at": "2026-11-01T09:00:00Z", "pain": 3}, {"at": "x", "pain": 3}],
            }
        )
    )
    before = table_counts(db_path(home))
    status, _, err = run(capsys, "import", str(bad))
    assert status == 2 and "checkins[1]" in err and "'at'" in err and "Nothing was imported" in err
    assert table_counts(db_path(home)) == before


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], here: Path, home: Path) -> None:
    status, out, _ = run(capsys, "backup", "--out", "mine.db")
    assert status == 0 and "integrity check: ok" in out and "38 check-ins" in out
    assert mode(here / "mine.db") == 0o600
    status, _, err = run(capsys, "backup", "--out", "mine.db")
    assert status == 2 and "already exists" in err
    run(capsys, "log", "--pain", "9")
    status, out, _ = run(capsys, "restore", "mine.db")
    assert status == 0 and "Restored your journal" in out and "kept at" in out
    assert table_counts(db_path(home))["checkins"] == 39 - 1
    status, out, _ = run(capsys, "backup")
    assert status == 0 and str(home / "backups" / "manual-") in out


def test_restore_refuses_a_file_that_is_not_a_journal(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    (here / "notes.txt").write_text("hello")
    before = db_path(home).read_bytes()
    status, _, err = run(capsys, "restore", "notes.txt")
    assert status == 2 and "not a paincoach journal" in err
    assert db_path(home).read_bytes() == before


def test_the_cli_takes_the_days_backup_on_first_open(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, _, err = run(capsys, "log", "--pain", "4")
    assert (status, err) == (0, "")
    daily = home / "backups" / f"paincoach-{TODAY}.db"
    assert daily.is_file() and mode(daily) == 0o600
    stamp = daily.stat().st_mtime_ns
    run(capsys, "activity", "walk", "10")
    run(capsys, "today")
    assert daily.stat().st_mtime_ns == stamp  # once a day only


def test_a_failed_daily_backup_warns_but_the_entry_is_saved(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    home.mkdir(mode=0o700)
    (home / "backups").write_text("a file in the way")
    status, out, err = run(capsys, "log", "--pain", "4")
    assert status == 0 and "Saved check-in" in out
    assert "automatic backup was not made" in err
    assert table_counts(db_path(home))["checkins"] == 1


def test_every_section_can_be_one_csv_table() -> None:
    from paincoach.cli.commands.data import TABLES

    assert list(TABLES) == sections()


def test_csv_export_of_the_pacing_plan_changes(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    from paincoach.db.engine import Database
    from paincoach.practice.pacing_plans import PacingPlans

    PacingPlans(Database.open(home)).hold("walk")
    status, out, _ = run(
        capsys, "export", "--format", "csv", "--table", "pacing_changes", "--out", "-"
    )
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and (row["kind"], row["value"], row["day"]) == ("hold", "", str(TODAY))


def test_treatments_and_doses_go_out_as_csv_and_come_back_in(
    capsys: pytest.CaptureFixture[str], here: Path, home: Path
) -> None:
    assert run(capsys, "treatments", "start", "Naproxen", "--dose", "500 mg")[0] == 0
    assert run(capsys, "took", "naproxen", "--relief", "4")[0] == 0
    status, out, _ = run(capsys, "export", "--format", "csv", "--table", "doses", "--out", "-")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and (row["name"], row["relief"], row["day"]) == ("Naproxen", "4", str(TODAY))
    status, out, _ = run(capsys, "export", "--out", str(here / "mine.json"))
    assert status == 0
    other = here / "other-home"
    status, out, _ = run(capsys, "--home", str(other), "import", str(here / "mine.json"))
    assert status == 0
    assert "regular treatments: 1 added, 0 skipped" in out and "doses: 1 added, 0 skipped" in out


def test_an_export_from_a_newer_paincoach_is_refused_and_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    path = tmp_path / "newer.json"
    path.write_text(json.dumps({"format": "paincoach-export", "version": 4, "doses": []}))
    status, _, err = run(capsys, "import", str(path))
    assert status == 2 and "format version 4, made by a newer paincoach" in err
    assert "reads versions 1 to 3. Update paincoach to import it." in err


def _plans_file(folder: Path, *percents: float) -> Path:
    plans = [
        {"activity": f"walk {n}", "baseline": 10, "start_day": "2026-11-02", "percent": percent}
        for n, percent in enumerate(percents)
    ]
    path = folder / "old-plans.json"
    path.write_text(json.dumps({"format": "paincoach-export", "version": 1, "pacing_plans": plans}))
    return path


@pytest.mark.parametrize(
    ("percents", "words"),
    [
        ((50, 10, 0), "2 pacing plans rise faster or slower than the 5-20% a week paincoach "
         "suggests; they were kept as they were: choose a rate with `paincoach pacing percent "
         "ACTIVITY N` or in Pacing (p on Today)."),
        ((25,), "1 pacing plan rises faster or slower than the 5-20% a week paincoach suggests; "
         "it was kept as it was"),
    ],
)  # fmt: skip
def test_import_says_which_plans_rise_outside_the_suggested_rate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, percents: tuple[float, ...], words: str
) -> None:
    status, out, _ = run(capsys, "import", str(_plans_file(tmp_path, *percents)))
    assert status == 0 and f"pacing plans: {len(percents)} added" in out
    assert f"  {words}" in out


def test_import_of_plans_within_the_rate_says_nothing_of_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "import", str(_plans_file(tmp_path, 5, 20)))
    assert status == 0 and "faster or slower" not in out
