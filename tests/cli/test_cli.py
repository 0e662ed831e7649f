"""The command line: in-process with capsys, plus a few real `python -m paincoach` runs."""

from __future__ import annotations

import io
import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from paincoach import __version__, safety
from paincoach.cli.main import main
from paincoach.core import clock, paths
from paincoach.db import migrations
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.concern import Reason
from paincoach.records.entries import CheckIn
from paincoach.records.support_card import NO_REGION_EMERGENCY, OPENING
from paincoach.settings import Contact, Settings, save_settings
from tests.storage_support import checkin, digest, local, open_journal

DAY = date(2024, 6, 1)  # a fixed day in the past, so "--at" is never in the future


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def stdin_bytes(monkeypatch: pytest.MonkeyPatch, data: bytes, encoding: str = "utf-8") -> None:
    """Give the CLI a piped standard input holding `data`, declared as `encoding`."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding=encoding))


def journal_at(home: Path) -> Journal:
    return Journal(Database.open(home))


def saved_count(home: Path) -> int:
    db_path = paths.database_path(home)
    if not db_path.exists():
        return 0
    conn = sqlite3.connect(db_path)
    try:
        return sum(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("checkins", "activities")
        )
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


# -- log and activity ---------------------------------------------------------------------


def test_log_saves_a_check_in(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, out, err = run(
        capsys,
        "log", "--pain", "6", "--mood", "4", "--sleep", "5",
        "--area", "lower back", "--area", "neck, hip", "--tag", "cold",
        "--at", "2024-06-01 08:30",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert "Saved check-in:" in out and "2024-06-01 08:30" in out and "pain 6/10" in out
    (saved,) = journal_at(home).day(DAY).checkins
    assert (saved.pain, saved.mood, saved.sleep) == (6, 4, 5)
    assert saved.areas == ("lower back", "neck", "hip") and saved.tags == ("cold",)
    assert saved.at == local(DAY, 8, 30)


def test_activity_saves_an_activity(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, out, _ = run(
        capsys, "activity", "walk", "25", "--effort", "3", "--paced", "--at", "2024-06-01"
    )
    assert status == 0 and "Saved activity:" in out and "walk 25 min" in out and "paced" in out
    (saved,) = journal_at(home).day(DAY).activities
    assert (saved.name, saved.minutes, saved.effort, saved.paced) == ("walk", 25, 3, True)


def test_a_very_low_mood_gets_a_gentle_word(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "log", "--pain", "8", "--mood", "1")
    flat = " ".join(out.split())
    assert " ".join(OPENING[Reason.LOW_MOOD].split()) in flat
    directory = safety.load_directory()
    region = directory.region(safety.DEFAULT_REGION)  # no region chosen yet
    assert " ".join(NO_REGION_EMERGENCY.split()) in flat  # plain words, and where to choose
    for line in directory.lines_for(region.code):
        assert f"{line.name}: {line.number}" in flat
    assert "paincoach help-now" in out
    assert safety.HIGH_PAIN_OFFER in flat  # the offer too: more, never less
    _, out, _ = run(capsys, "log", "--pain", "7", "--mood", "2")
    flat = " ".join(out.split())
    assert "for every line" not in out and safety.HIGH_PAIN_OFFER in flat
    _, out, _ = run(capsys, "log", "--pain", "3", "--mood", "2")
    assert "help-now" not in out and "thought record" not in out


def test_the_high_pain_offer_leads_with_something_short() -> None:
    offer = safety.HIGH_PAIN_OFFER
    assert offer.startswith("Pain this high is hard.")
    order = [offer.index(words) for words in ("breathing", "grounding", "flare-up", "thought")]
    assert order == sorted(order)  # something calming and the plan first, the record second


def test_note_is_read_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    note = "Schlecht geschlafen — 痛み [bold]not markup[/]\r\nsecond line\n"
    stdin_bytes(monkeypatch, note.encode())
    status, _, _ = run(capsys, "log", "--pain", "3", "--note", "-", "--at", "2024-06-01 09:00")
    assert status == 0
    (saved,) = journal_at(home).day(DAY).checkins
    assert saved.note == "Schlecht geschlafen — 痛み [bold]not markup[/]\nsecond line"


def test_a_utf8_note_is_kept_even_when_stdin_claims_ascii(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    stdin_bytes(monkeypatch, "café ✓".encode(), encoding="ascii")
    status, _, _ = run(capsys, "activity", "walk", "5", "--note", "-", "--at", "2024-06-01")
    assert status == 0
    assert journal_at(home).day(DAY).activities[0].note == "café ✓"


def test_unreadable_note_bytes_are_bad_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    stdin_bytes(monkeypatch, b"\xff\xfe\xfa", encoding="ascii")
    status, out, err = run(capsys, "log", "--pain", "3", "--note", "-")
    assert status == 2 and "not readable text" in err and out == ""
    assert saved_count(home) == 0


def test_a_note_is_never_taken_from_the_command_line(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, out, err = run(capsys, "log", "--pain", "3", "--note", "my private words")
    assert status == 2 and out == ""
    assert "standard input" in err and "--note -" in err
    assert saved_count(home) == 0


# -- exit status 2: bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["log"], "--pain"),
        (["log", "--pain", "11"], "Pain goes from 0 to 10; 11 is outside that."),
        (["log", "--pain", "three"], "Pain should be a number from 0 to 10, not 'three'."),
        (["log", "--pain", "3", "--mood", "-1"], "Mood goes from 0 to 10"),
        (["log", "--pain", "3", "--at", "tomorrow"], "use HH:MM (today), YYYY-MM-DD HH:MM"),
        (["log", "--pain", "3", "--at", "2999-01-01"], "in the future"),
        (["log", "--pain", "3", "--at", "0001-01-01"], "years paincoach keeps (1900 to 9998)"),
        (["log", "--pain", "3", "--tag", "x" * 41], "up to 40 characters"),
        (["log", "--pain", "9" * 5000], "Pain should be a number"),
        (["activity", "walk", "0"], "Minutes go from 1 to 1440"),
        (["activity", "walk", "an hour"], "whole number of minutes"),
        (["activity", "  ", "10"], "Please name the activity"),
        (["activity", "walk"], "minutes"),
        (["activity", "walk", "10", "--effort", "11"], "Effort goes from 0 to 10"),
        (["frobnicate"], "invalid choice"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_bad_input_exits_2_and_says_what_to_fix(
    capsys: pytest.CaptureFixture[str], home: Path, argv: list[str], words: str
) -> None:
    status, _out, err = run(capsys, *argv)
    assert status == 2
    assert words in err
    assert "paincoach" in err
    assert saved_count(home) == 0


def test_undecodable_argv_text_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    # argv bytes that are not UTF-8 arrive as lone surrogates (os.fsdecode)
    status, _, err = run(capsys, "log", "--pain", "3", "--tag", os.fsdecode(b"caf\xe9"))
    assert status == 2 and "not valid text" in err


# -- exit status 1: everything else ---------------------------------------------------------


def test_a_damaged_journal_exits_1_with_a_message(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    home.mkdir()
    paths.database_path(home).write_bytes(random.Random(3).randbytes(4096))
    before = digest(paths.database_path(home))
    status, out, err = run(capsys, "log", "--pain", "3")
    assert status == 1 and out == ""
    assert err.startswith("paincoach: ") and "not a paincoach journal" in err
    assert digest(paths.database_path(home)) == before


def test_a_home_that_is_a_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("keep")
    status, _, err = run(capsys, "--home", str(blocker), "today")
    assert status == 1 and "a file is in the way" in err
    assert blocker.read_text() == "keep"


def test_a_newer_journal_exits_1_on_writes_and_still_shows_today(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    Database.open(home).close()
    conn = sqlite3.connect(paths.database_path(home))
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    status, _, err = run(capsys, "log", "--pain", "3")
    assert status == 1 and "newer paincoach" in err
    status, out, _ = run(capsys, "today")
    assert status == 0 and "Nothing logged yet today" in out


def test_an_unexpected_error_shows_no_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from paincoach.cli.commands import entries

    def boom(*_args: object) -> int:
        raise RuntimeError("an unforeseen problem")

    monkeypatch.setattr(entries, "run", boom)
    status, out, err = run(capsys, "today")
    assert status == 1 and out == ""
    assert "something went wrong (RuntimeError: an unforeseen problem)" in err
    assert "--debug" in err
    with pytest.raises(RuntimeError, match="an unforeseen problem"):
        main(["--debug", "today"])


# -- exit status 0: the simple things ------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out.strip()) == (0, f"paincoach {__version__}")


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for command in ("log", "activity", "today", "help-now", "doctor", "--home"):
        assert command in out
    assert "not medical care" in out
    status, out, _ = run(capsys, "log", "--help")
    assert status == 0 and "--note" in out and "standard input" in out
    assert not home.exists()  # asking for help creates nothing


def test_today_lists_todays_entries(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    clock.set_source(lambda: local(DAY, 21))  # the evening of DAY, for every path
    status, out, _ = run(capsys, "today")
    assert status == 0 and "Nothing logged yet today" in out
    journal = open_journal(home)
    journal.add_checkin(checkin(at=local(DAY, 8), pain=4, note="\x1b[2J[bold]x[/]"))
    journal.add_checkin(checkin(at=local(DAY, 20), pain=6, mood=3))
    status, out, _ = run(capsys, "activity", "swim", "30", "--at", "2024-06-01 12:00")
    status, out, _ = run(capsys, "today")
    assert status == 0
    assert "Today, Saturday 01 June 2024" in out
    lines = out.splitlines()
    assert [line[:5] for line in lines[1:4]] == ["08:00", "12:00", "20:00"]
    assert "\x1b" not in out and "␛[2J[bold]x[/]" in out  # escapes made visible, markup kept
    assert "Average pain today 5.0/10 over 2 check-ins." in out
    assert "Active for 30 min (1 activity)." in out


def test_a_check_in_from_the_cli_is_in_the_journal_and_back(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    run(capsys, "log", "--pain", "5", "--at", "2024-06-01 07:45")
    journal = open_journal(home, clock=lambda: local(DAY, 21))
    view = journal.today_view()
    assert [c.pain for c in view.today.checkins] == [5]
    assert view.week[-1].pain_avg == 5
    journal.add_checkin(checkin(at=local(DAY, 19), pain=1, note="from the app"))
    clock.set_source(lambda: local(DAY, 21))  # the evening of DAY, for every path
    _, out, _ = run(capsys, "today")
    assert "from the app" in out and "Average pain today 3.0/10" in out


def test_home_option_beats_the_environment(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    other = tmp_path / "elsewhere"
    status, _, _ = run(capsys, "--home", str(other), "log", "--pain", "2")
    assert status == 0
    assert saved_count(other) == 1
    assert not home.exists()


# -- help-now -----------------------------------------------------------------------------------


def test_help_now_without_a_region(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, out, _ = run(capsys, "help-now")
    assert status == 0
    assert safety.IMMEDIATE_DANGER in " ".join(out.split())
    assert "Find A Helpline" in out and "Set your region" in out
    assert not paths.database_path(home).exists()  # help creates no journal


def test_help_now_for_a_region(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "help-now", "--region", "gb")
    assert status == 0
    assert "Emergency number (United Kingdom): 999" in out
    assert "Samaritans: 116 123" in out and "Find A Helpline" in out
    assert "988" not in out and "Set your region" not in out


def test_help_now_says_when_a_region_is_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "help-now", "--region", "XX")
    assert status == 0
    assert "No lines for region 'XX'" in out and "Another country" in out


def test_help_now_uses_the_stored_region_and_contacts(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    db = Database.open(home)
    save_settings(
        db,
        Settings(region="US", contacts=(Contact("Sam [b]", "555 0100", "\x1b]0;x\x07any time"),)),
    )
    db.close()
    status, out, _ = run(capsys, "help-now")
    assert status == 0
    assert "Emergency number (United States): 911" in out and "988" in out
    assert "Your people" in out and "Sam [b]  555 0100" in out
    assert "\x1b" not in out and "\x07" not in out
    status, out, _ = run(capsys, "help-now", "--region", "CA")
    assert "Canada" in out and "Sam [b]" in out  # the option wins, the contacts stay


def _damage(home: Path, how: str) -> None:
    db_path = paths.database_path(home)
    if how == "random":
        home.mkdir()
        db_path.write_bytes(random.Random(5).randbytes(4096))
    elif how == "folder":
        db_path.mkdir(parents=True)
    elif how == "foreign":
        home.mkdir()
        conn = sqlite3.connect(db_path)
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    elif how == "page":
        journal = open_journal(home)
        save_settings(journal.db, Settings(region="GB"))
        for i in range(80):
            journal.add_checkin(checkin(note=f"n{i} " + "w " * 200))
        journal.db.close()
        with db_path.open("r+b") as handle:
            handle.seek(4096 * 4)
            handle.write(b"\x0d\xff\xff\xff" + b"\xee" * 100)


@pytest.mark.parametrize("how", ["random", "folder", "foreign", "page"])
def test_help_now_still_shows_the_lines_when_the_journal_is_broken(
    capsys: pytest.CaptureFixture[str], home: Path, how: str
) -> None:
    _damage(home, how)
    status, out, err = run(capsys, "help-now")
    assert status == 0, err
    assert "Help now" in out and "Find A Helpline" in out
    assert safety.NOT_MEDICAL_CARE.split(".")[0] in " ".join(out.split())


# -- doctor --------------------------------------------------------------------------------------


def test_doctor_on_a_new_home_creates_nothing(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, out, _ = run(capsys, "doctor")
    assert status == 0
    assert f"paincoach {__version__}" in out and "SQLite" in out
    assert "No journal yet" in out
    assert not home.exists()


def test_doctor_reports_a_healthy_journal(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    run(capsys, "log", "--pain", "3")
    run(capsys, "activity", "walk", "10")
    status, out, _ = run(capsys, "doctor")
    assert status == 0
    assert f"Schema version: {migrations.LATEST}" in out
    assert "Entries: 1 check-in, 1 activity" in out
    assert "Integrity check: ok" in out
    assert "drwx------" in out and "-rw-------" in out


def test_doctor_lists_what_is_wrong_with_a_damaged_journal(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    _damage(home, "page")
    before = digest(paths.database_path(home))
    status, out, err = run(capsys, "doctor")
    assert status == 1
    assert "is damaged" in out + err
    assert "Integrity check found problems:" in out
    assert digest(paths.database_path(home)) == before


# -- real processes --------------------------------------------------------------------------------


def _python(
    *args: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_the_cli_path_never_imports_textual(home: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from paincoach.cli.main import main
        statuses = [
            main(["log", "--pain", "3", "--tag", "x"]),
            main(["activity", "walk", "10"]),
            main(["today"]),
            main(["help-now"]),
            main(["doctor"]),
        ]
        print("STATUSES", statuses)
        print("TEXTUAL", sorted(m for m in sys.modules if m.split(".")[0] == "textual"))
        """
    )
    result = _python("-c", script)
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "STATUSES [0, 0, 0, 0, 0]" in out
    assert "TEXTUAL []" in out


def test_python_m_paincoach_logs_and_shows_today(home: Path) -> None:
    result = _python("-m", "paincoach", "log", "--pain", "4", "--note", "-", stdin=b"via pipe")
    assert result.returncode == 0, result.stderr.decode()
    assert b"Saved check-in" in result.stdout
    result = _python("-m", "paincoach", "log", "--pain", "12")
    assert result.returncode == 2 and b"outside that" in result.stderr
    assert b"Traceback" not in result.stderr


def test_a_plain_c_locale_and_ascii_output_cause_no_traceback(home: Path) -> None:
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii", "TERM": "dumb"}
    note = "Schmerz — 痛み, naïve ✓".encode()
    result = _python(
        "-m", "paincoach", "log", "--pain", "3", "--tag", "café", "--note", "-",
        stdin=note, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    for command in ("today", "help-now", "doctor"):
        shown = _python("-m", "paincoach", command, env=env)
        assert shown.returncode == 0 and b"Traceback" not in shown.stderr, command
    (saved,) = journal_at(home).search("Schmerz")
    assert isinstance(saved, CheckIn)
    assert saved.note == "Schmerz — 痛み, naïve ✓" and saved.tags == ("café",)


def test_debug_shows_the_traceback_in_a_real_process(home: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from paincoach.cli.commands import entries
        def boom(*args):
            raise RuntimeError("unforeseen")
        entries.run = boom
        from paincoach.cli.main import main
        sys.exit(main(sys.argv[1:]))
        """
    )
    quiet = _python("-c", script, "today")
    assert quiet.returncode == 1
    assert b"Traceback" not in quiet.stderr and b"--debug" in quiet.stderr
    loud = _python("-c", script, "--debug", "today")
    assert loud.returncode == 1
    assert b"Traceback" in loud.stderr and b"RuntimeError: unforeseen" in loud.stderr


def test_an_unlikely_date_needs_yes(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, _, err = run(capsys, "log", "--pain", "3", "--at", "1990-01-01")
    assert status == 2
    assert "1 January 1990 is a long time ago" in err and "add --yes" in err
    assert "Nothing was saved" in err
    assert journal_at(home).day(date(1990, 1, 1)).checkins == ()
    status, out, _ = run(capsys, "log", "--pain", "3", "--at", "1990-01-01", "--yes")
    assert status == 0 and "Saved check-in" in out
    status, _, err = run(capsys, "activity", "walk", "10", "--at", "1985-05-01")
    assert status == 2 and "add --yes" in err


def test_a_time_alone_is_today_at_that_time(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    """`--at 08:30` is what a person types for this morning (NOW is 09:30 on 27 November)."""
    status, out, _ = run(capsys, "log", "--pain", "4", "--at", "08:30")
    assert status == 0 and "08:30" in out
    status, out, _ = run(capsys, "took", "heat pack", "--at", "07:15")
    assert status == 0 and "07:15" in out
    [entry] = journal_at(home).day(date(2026, 11, 27)).checkins
    assert entry.at.strftime("%Y-%m-%d %H:%M") == "2026-11-27 08:30"
    status, _, err = run(capsys, "log", "--pain", "4", "--at", "23:30")
    assert status == 2 and "For last night, use 'yesterday 23:30'." in err
