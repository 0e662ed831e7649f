"""`paincoach activity` and `log` read the distress phrase list only for words it may hold."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.service import Journal

SHOW_LIST_READ = (
    "import sys\n"
    "from paincoach.cli.main import main\n"
    "from paincoach.records.distress import default_matcher\n"
    "status = main(sys.argv[1:])\n"
    "print('phrase list read:', default_matcher.cache_info().currsize, status)\n"
)


def _list_read(home: Path, *argv: str, stdin: str = "") -> tuple[bool, str]:
    """Run paincoach ARGV in a child: (whether it read the phrase list, its output)."""
    result = subprocess.run(
        [sys.executable, "-c", SHOW_LIST_READ, "--home", str(home), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": "200"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    *printed, last = result.stdout.strip().splitlines()
    assert last.endswith(" 0"), result.stdout
    return last.startswith("phrase list read: 1"), "\n".join(printed)


@pytest.mark.parametrize(
    "argv",
    [
        ("activity", "walk", "10"),
        ("log", "--pain", "4", "--area", "Knee", "--tag", "rain", "--note", "-"),
    ],
    ids=["activity", "log"],
)
def test_ordinary_words_are_saved_without_reading_the_phrase_list(
    home: Path, argv: tuple[str, ...]
) -> None:
    Journal(Database.open(home)).db.close()  # a journal made by the full path
    read, out = _list_read(home, *argv, stdin="Slept badly, the dog walked me")
    assert out.startswith("Saved ") and not read
    assert "paincoach help-now" not in out


def test_words_of_distress_still_read_it_and_bring_the_card(home: Path) -> None:
    Journal(Database.open(home)).db.close()
    read, out = _list_read(home, "activity", "walk into the sea to end it all", "10")
    assert out.startswith("Saved ") and read
    assert "paincoach help-now" in out
