"""Tags, areas and activity names from standard input (`-`), kept out of shell history."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import DAY, _python, journal_at, run, saved_count, stdin_bytes

AT = ("--at", "2024-06-01 09:00")


def test_tags_come_from_standard_input_one_a_line_or_by_commas(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    stdin_bytes(monkeypatch, b"therapy, hard talk\n\nmy sister\n")
    status, _, err = run(capsys, "log", "--pain", "5", "--tag", "cold", "--tag", "-", *AT)
    assert status == 0, err
    (saved,) = journal_at(home).day(DAY).checkins
    assert saved.tags == ("cold", "therapy", "hard talk", "my sister")  # argv ones first
    assert saved.note == ""


def test_areas_come_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    stdin_bytes(monkeypatch, b"lower back\nleft knee")
    status, _, err = run(capsys, "log", "--pain", "6", "--area", "-", *AT)
    assert status == 0, err
    assert journal_at(home).day(DAY).checkins[0].areas == ("lower back", "left knee")


def test_an_activity_name_comes_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    stdin_bytes(monkeypatch, b"appointment at the clinic\n")
    status, out, err = run(capsys, "activity", "-", "30", *AT)
    assert status == 0, err
    assert journal_at(home).day(DAY).activities[0].name == "appointment at the clinic"
    stdin_bytes(monkeypatch, b"walk\nswim\n")
    status, out, err = run(capsys, "activity", "-", "30", *AT)
    assert status == 2 and "one line" in err and out == ""


def test_several_fields_from_standard_input_are_a_small_form_with_the_note_last(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    form = "Tags: therapy, hard talk\nareas: neck\n\nnote:\nSaid it out loud.\nnote: kept\n"
    stdin_bytes(monkeypatch, form.encode())
    argv = ("log", "--pain", "5", "--tag", "-", "--area", "-", "--note", "-", *AT)
    status, _, err = run(capsys, *argv)
    assert status == 0, err
    (saved,) = journal_at(home).day(DAY).checkins
    assert saved.tags == ("therapy", "hard talk") and saved.areas == ("neck",)
    assert saved.note == "Said it out loud.\nnote: kept"  # everything after note: is the note
    stdin_bytes(monkeypatch, b"name: clinic visit\nnote: tiring")
    status, _, err = run(capsys, "activity", "-", "45", "--note", "-", *AT)
    assert status == 0, err
    activity = journal_at(home).day(DAY).activities[0]
    assert (activity.name, activity.note) == ("clinic visit", "tiring")


@pytest.mark.parametrize(
    ("argv", "stdin", "words"),
    [
        (("--tag", "-", "--note", "-"), "a note alone\n", "should start with one of 'tags:'"),
        (("--tag", "-", "--note", "-"), "note: hi\n", "no 'tags:' line"),
        (("--tag", "-", "--note", "-"), "areas: neck\nnote: hi", "--area - was not given"),
        (("--tag", "-", "--area", "-"), "tags: a\ntags: b\nareas: c", "'tags:' twice"),
        (("--tag", "-"), "\xff", "tags is not readable text"),
    ],
)
def test_a_form_that_does_not_fit_is_bad_input_and_nothing_is_saved(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    home: Path,
    argv: tuple[str, ...],
    stdin: str,
    words: str,
) -> None:
    data = b"\xff" if stdin == "\xff" else stdin.encode()
    stdin_bytes(monkeypatch, data, encoding="ascii")
    status, out, err = run(capsys, "log", "--pain", "5", *argv, *AT)
    assert status == 2 and out == "", err
    assert words in " ".join(err.split())
    assert saved_count(home) == 0


def test_a_real_pipe_gives_tags_and_a_note(home: Path) -> None:
    done = _python(
        "-m", "paincoach", "log", "--pain", "4", "--tag", "-", "--note", "-", *AT,
        stdin=b"tags: private word\nnote: only here\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (saved,) = journal_at(home).day(DAY).checkins
    assert (saved.tags, saved.note) == (("private word",), "only here")
