"""`paincoach exercises list` and `paincoach exercises check`: output, messages, exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paincoach.cli.main import main
from paincoach.core import paths
from paincoach.core.resources import data_dir
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import KINDS

MINE = """\
id = "my-breaths"
title = "My \\u001b[31mown\\u001b[0m breaths"
kind = "breathing"
summary = "Three slow breaths, my way."
minutes = 1

[[steps]]
type = "breathe"
inhale = 4
exhale = 6
cycles = 3
"""
OVERRIDE = MINE.replace('id = "my-breaths"', 'id = "breathing-box"').replace(
    "My \\u001b[31mown\\u001b[0m breaths", "Box, my way"
)
BAD = """\
id = "broken"
title = "Broken"
kind = "breathing"
summary = "A timer of nothing."
minutes = 1

[[steps]]
type = "text"
text = "Hello."

[[steps]]
type = "timer"
seconds = 0
"""
TIMER_PROBLEM = "line 13, steps[2].seconds: expected a whole number from 1 to 3600, found 0"


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def _user_file(home: Path, name: str, text: str) -> Path:
    folder = home / "exercises"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- list --------------------------------------------------------------------------------------


def test_list_shows_every_bundled_exercise_grouped_by_kind(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["exercises", "list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    library = load_library(None)
    for exercise in library.exercises.values():
        assert exercise.id in out
    lines = out.splitlines()
    stripped = [line.strip() for line in lines]
    kinds = ("Lessons", "Breathing", "Thought records", "Pacing", "Flare-up plan")
    headings = [stripped.index(h) for h in kinds]
    assert headings == sorted(headings)  # kinds in library order
    assert f"{len(library.exercises)} exercises." in out
    assert "(yours" not in out and "from your own folder" not in out
    assert max(len(line) for line in lines) <= 80
    assert not paths.database_path(home).exists()  # listing never opens the journal


def test_list_marks_the_persons_own_files(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # so that no cell wraps
    _user_file(home, "mine.toml", MINE)
    _user_file(home, "box.toml", OVERRIDE)
    assert main(["--home", str(home), "exercises", "list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "My ␛[31mown␛[0m breaths (yours)" in out  # control characters shown, not obeyed
    assert "\x1b" not in out
    assert "Box, my way (yours, replaces the bundled one)" in out
    assert f"your own folder {home / 'exercises'}" in out


def test_list_warns_about_bad_files_on_stderr_and_still_succeeds(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _user_file(home, "broken.toml", BAD)
    _user_file(home, "mine.toml", MINE)
    assert main(["exercises", "list"]) == 0
    out, err = capsys.readouterr()
    assert "my-breaths" in out and "broken" not in out
    assert "1 problem in your exercise files" in err
    assert f"{bad}, {TIMER_PROBLEM}" in err.splitlines()[1]


# -- check -------------------------------------------------------------------------------------


def test_check_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "mine.toml"
    good.write_text(MINE, encoding="utf-8")
    assert main(["exercises", "check", str(good)]) == 0
    out, err = capsys.readouterr()
    assert out == "OK: 1 file checked, no problems found.\n" and err == ""


def test_check_every_bundled_file(capsys: pytest.CaptureFixture[str]) -> None:
    folder = data_dir() / "exercises"
    assert main(["exercises", "check", str(folder), str(data_dir() / "emotions.toml")]) == 0
    count = len(list(folder.glob("*.toml"))) + 1
    assert capsys.readouterr().out == f"OK: {count} files checked, no problems found.\n"


KINDS_SHOWN = ", ".join(f'"{kind}"' for kind in KINDS)


def test_check_prints_every_problem_with_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "a-rather-long-file-name-so-that-the-line-is-wider-than-eighty.toml"
    bad.write_text(
        BAD.replace('kind = "breathing"', 'kind = "breath"') + "secnds = 3\n", encoding="utf-8"
    )
    good = tmp_path / "mine.toml"
    good.write_text(MINE, encoding="utf-8")
    assert main(["exercises", "check", str(good), str(bad)]) == 2
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines == [
        f"{bad}, line 3, kind: expected one of {KINDS_SHOWN}, "
        'found "breath" (did you mean "breathing"?)',
        f"{bad}, {TIMER_PROBLEM}",
        f'{bad}, line 14, steps[2].secnds: unknown key "secnds" (did you mean "seconds"?); '
        "a timer step allows: seconds, show, text, title, type",
    ]
    assert "paincoach: 3 problems in 1 file." in err


def test_check_a_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.toml"
    assert main(["exercises", "check", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == f"{missing}: no such file or folder\n"
    assert "1 problem" in err


def test_check_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises", "check", str(tmp_path)]) == 2
    assert capsys.readouterr().out == f"{tmp_path}: no .toml files in this folder\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["exercises"], "the following arguments are required: ACTION"),
        (["exercises", "check"], "the following arguments are required: PATH"),
        (["exercises", "lst"], "invalid choice: 'lst'"),
    ],
)
def test_bad_usage_exits_2_with_a_hint(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Try 'paincoach exercises" in err


# -- start-up cost ------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["list", "check"])
def test_the_exercises_commands_import_neither_textual_nor_the_orm(home: Path, action: str) -> None:
    target = str(data_dir() / "exercises")
    argv = ["exercises", "list"] if action == "list" else ["exercises", "check", target]
    code = (
        "import sys\n"
        "from paincoach.cli.main import main\n"
        f"status = main({argv!r})\n"
        "loaded = [m for m in ('textual', 'sqlmodel', 'sqlalchemy') if m in sys.modules]\n"
        "assert status == 0 and not loaded, (status, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
