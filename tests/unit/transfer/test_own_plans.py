"""The safety plan in an export: written out, read back, and never replacing the person's own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from paincoach.db.engine import Database
from paincoach.transfer.export import FORMAT, export_document
from paincoach.transfer.importer import ImportRecordError, import_file
from tests.data_support import fill_home
from tests.practice_support import SAFETY, made_result, open_practice

PLAN = {"signs": ["Not sleeping"], "people": ["Sam, 07700 900123"], "reasons": ["My dog"]}


def write(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def document(**parts: Any) -> dict[str, Any]:
    return {"format": FORMAT, "version": 1, **parts}


def test_the_safety_plan_goes_out_and_comes_back_whole(home: Path, tmp_path: Path) -> None:
    fill_home(home)
    practice = open_practice(home)
    practice.save_session(made_result("safety_plan", dict(SAFETY)))
    written = practice.safety_plan()
    exported = export_document(practice.db)
    assert exported["safety_plan"]["people"] == ["Sam, 07700 900123, after 5"]
    other = open_practice(tmp_path / "other-home")
    report = import_file(other.db, write(tmp_path / "export.json", exported))
    assert (report.flare_plan, report.safety_plan) == ("added", "added")
    assert other.safety_plan() == written
    assert export_document(other.db)["safety_plan"] == exported["safety_plan"]


def test_an_export_without_a_plan_says_so(home: Path) -> None:
    assert export_document(Database.open(home))["safety_plan"] is None


def test_a_safety_plan_in_a_file_never_replaces_yours(home: Path, tmp_path: Path) -> None:
    db = Database.open(home)
    first = import_file(db, write(tmp_path / "a.json", document(safety_plan=PLAN)))
    second = import_file(
        db, write(tmp_path / "b.json", document(safety_plan=dict(PLAN, reasons=["Cats"])))
    )
    assert (first.safety_plan, second.safety_plan) == ("added", "kept yours")
    assert first.flare_plan == ""  # the file had none
    assert export_document(db)["safety_plan"]["reasons"] == ["My dog"]


@pytest.mark.parametrize(
    ("plan", "where"),
    [
        ({"colour": "red"}, "safety_plan, field 'colour': 'colour' is not a part of a safety plan"),
        ({"people": "Sam"}, "safety_plan, field 'people'"),
        ({"people": ["Sam", 3]}, "safety_plan, field 'people'"),
        (["Sam"], "safety_plan: The safety plan should be an object"),
    ],
)
def test_a_plan_that_is_not_one_stops_the_import(
    home: Path, tmp_path: Path, plan: object, where: str
) -> None:
    db = Database.open(home)
    with pytest.raises(ImportRecordError, match=where):
        import_file(db, write(tmp_path / "bad.json", document(safety_plan=plan)))
    assert export_document(db)["safety_plan"] is None  # nothing was imported


def test_the_command_says_what_happened_to_the_plan(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from paincoach.cli.main import main

    path = write(tmp_path / "a.json", document(safety_plan=PLAN))
    assert main(["--home", str(home), "import", str(path)]) == 0
    assert "The safety plan was added." in capsys.readouterr().out
    assert main(["--home", str(home), "import", str(path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Your own safety plan was kept; the one in the file was not imported." in out
