"""Every command under a bare terminal: LC_ALL=C, PYTHONIOENCODING=ascii, TERM=dumb.

Real `python -m paincoach` processes on a journal full of non-ASCII text, in two
environments: the plain one the issue names, and a harsher one where Python does not
switch to UTF-8 by itself (PYTHONUTF8=0, PYTHONCOERCECLOCALE=0), in a data folder whose
own name is not ASCII. No traceback ever; the right exit status; and what is written to a
file or piped out is the person's words, not question marks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.settings import Contact, load_settings, save_settings
from tests.practice_support import THOUGHTS, drive, runner
from tests.support import NOW, fixed_clock

REPO = Path(__file__).resolve().parents[2]
WORDS = "Schmerz im Knie — 痛み, naïve ✓ 🙂"
ENVIRONMENTS = {
    "bare": {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii", "TERM": "dumb"},
    "bare-no-utf8-mode": {
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONIOENCODING": "ascii",
        "TERM": "dumb",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
    },
}
BAD_EXERCISE = 'id = "mein-übung"\ntitle = "Übung ✓"\nkind = "breathing"\nsteps = 3\n'
GOOD_EXERCISE = """
id = "meine-atmung"
title = "Meine Atmung — 呼吸"
kind = "breathing"
summary = "Langsam atmen, ganz ruhig ✓"
minutes = 2

[[steps]]
type = "text"
text = "Atme langsam. 🙂"
"""

pytestmark = pytest.mark.slow


def fill(home: Path) -> None:
    """A journal (and exercise folder) with non-ASCII text in every field."""
    db = Database.open(home)
    journal = Journal(db, fixed_clock)
    journal.add_checkin(
        CheckInDraft(NOW, 6, 1, 4, ("Knie", "épaule"), ("kalt", "雨"), note=WORDS + "\n2nd line")
    )
    journal.add_activity(ActivityDraft(NOW, "Gärtnern 🌱", 30, 4, True, note=WORDS))
    practice = Practice(db, journal, fixed_clock)
    record = runner("thought-record")
    drive(record, {**THOUGHTS, "situation": WORDS})
    practice.save_session(record.result())
    save_settings(
        db,
        load_settings(db).with_changes(
            region="GB", contacts=(Contact("Jürgen 🙂", "0700 900", "abends"),)
        ),
    )
    db.close()
    folder = home / "exercises"
    folder.mkdir()
    (folder / "gut.toml").write_text(GOOD_EXERCISE, encoding="utf-8")
    (folder / "kaputt.toml").write_text(BAD_EXERCISE, encoding="utf-8")


def run(
    env: dict[str, str], home: Path, *argv: str, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """`python -m paincoach --home HOME ARGV…` in `env`."""
    return subprocess.run(
        [sys.executable, "-m", "paincoach", "--home", str(home), *argv],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
        cwd=home.parent,
        env={**os.environ, **env},
    )


@pytest.fixture(params=list(ENVIRONMENTS), scope="module")
def setting(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str], Path]:
    """An environment and a filled journal in a folder named with non-ASCII letters."""
    name = str(request.param)
    home = tmp_path_factory.mktemp(f"cli-env-{name}") / "Tagebuch-Jürgen-痛み"
    fill(home)
    return name, ENVIRONMENTS[name], home


#: command -> the exit status it must give
COMMANDS: list[tuple[tuple[str, ...], int]] = [
    (("--help",), 0),
    (("--version",), 0),
    (("log", "--help"), 0),
    (("today",), 0),
    (("week",), 0),
    (("week", "--json"), 0),
    (("week", "--date", "2026-11-27"), 0),
    (("help-now",), 0),
    (("help-now", "--region", "de"), 0),
    (("doctor",), 0),
    (("exercises", "list"), 0),
    (("exercises", "check", "exercises/gut.toml"), 0),
    (("exercises", "check", "exercises"), 2),
    (("export", "--format", "md", "--include-notes", "--out", "report.md", "--force"), 0),
    (("export", "--format", "html", "--out", "report.html", "--force"), 0),
    (("export", "--format", "csv", "--out", "csv-dir", "--force"), 0),
    (("export", "--format", "csv", "--table", "checkins", "--out", "-"), 0),
    (("export", "--out", "-"), 0),
    (("backup",), 0),
    (("activity", "Spaziergang 🚶", "15", "--effort", "2"), 0),
    (("log", "--pain", "痛"), 2),
    (("log", "--pain", "3", "--at", "morgen früh"), 2),
    (("log", "--pain", "3", "--tag", "x" * 41 + "é"), 2),
    (("activity", "Spaziergang", "eine Stunde"), 2),
    (("exercises", "check", "nicht-da-ü.toml"), 2),
    (("restore", "nicht-da-ü.db"), 2),
    (("frobnicate-ü",), 2),
]


def _id(case: tuple[tuple[str, ...], int]) -> str:
    return " ".join(case[0])[:40]


@pytest.mark.parametrize("case", COMMANDS, ids=[_id(c) for c in COMMANDS])
def test_every_command_in_a_bare_terminal(
    setting: tuple[str, dict[str, str], Path], case: tuple[tuple[str, ...], int]
) -> None:
    _, env, home = setting
    argv, status = case
    if argv[:1] == ("exercises",) and len(argv) > 2:
        argv = (*argv[:2], str(home / argv[2]))
    result = run(env, home, *argv)
    err = result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr + result.stdout, err
    assert result.returncode == status, err
    if status == 2:
        assert err.startswith(("paincoach: ", "usage: ")), err


def test_a_note_from_standard_input_and_the_journal_read_back(
    setting: tuple[str, dict[str, str], Path],
) -> None:
    _, env, home = setting
    result = run(
        env, home, "log", "--pain", "2", "--tag", "Übel", "--note", "-", stdin=WORDS.encode()
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    notes = [c.note for c in Journal(Database.open(home), fixed_clock).search("Übel")]
    assert WORDS in notes


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_data_piped_out_keeps_every_word(
    setting: tuple[str, dict[str, str], Path], fmt: str, tmp_path: Path
) -> None:
    """`paincoach export --out - > file` must hold the words, not '?' for each of them."""
    _, env, home = setting
    argv = ["export", "--format", fmt, "--out", "-"]
    if fmt == "csv":
        argv += ["--table", "checkins"]
    result = run(env, home, *argv)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # bytes that are UTF-8 (or pure ASCII escapes)
    if fmt == "json":
        data = json.loads(text)
        assert WORDS + "\n2nd line" in [c["note"] for c in data["checkins"]]
        target = tmp_path / "piped.json"
        target.write_bytes(result.stdout)
        again = run(env, tmp_path / "elsewhere", "import", str(target))
        assert again.returncode == 0, again.stderr.decode("utf-8", "replace")
        assert WORDS in [
            c.note for c in Journal(Database.open(tmp_path / "elsewhere")).search("Knie")
        ]
    else:
        assert WORDS in text


def test_files_written_keep_every_word(setting: tuple[str, dict[str, str], Path]) -> None:
    _, env, home = setting
    assert run(env, home, "export", "--out", "all.json", "--force").returncode == 0
    data = json.loads((home.parent / "all.json").read_text(encoding="utf-8"))
    assert WORDS + "\n2nd line" in [c["note"] for c in data["checkins"]]
    report = run(
        env, home, "export", "--format", "md", "--include-notes", "--out", "r.md", "--force"
    )
    assert report.returncode == 0
    assert "Schmerz im Knie" in (home.parent / "r.md").read_text(encoding="utf-8")


def test_in_parallel_nothing_breaks(setting: tuple[str, dict[str, str], Path]) -> None:
    """Four commands at once under the bare environment."""
    _, env, home = setting
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(
                lambda argv: run(env, home, *argv),
                [("today",), ("week",), ("doctor",), ("log", "--pain", "1")],
            )
        )
    assert [r.returncode for r in results] == [0, 0, 0, 0]
    assert not any(b"Traceback" in r.stderr for r in results)
