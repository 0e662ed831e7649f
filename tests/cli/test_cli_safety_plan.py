"""`paincoach help-now` prints the person's safety plan after the lines, or how to write one."""

from __future__ import annotations

from pathlib import Path

import pytest

from paincoach import safety
from paincoach.cli.commands.info import NO_SAFETY_PLAN
from paincoach.cli.main import main
from tests.practice_support import FLARE, SAFETY, made_result, open_practice


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out


def flat(text: str) -> str:
    return " ".join(text.split())


def test_help_now_prints_the_safety_plan_after_the_lines_and_the_flare_plan(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    practice = open_practice(home)
    practice.save_session(made_result("flare_plan", dict(FLARE)))
    practice.save_session(made_result("safety_plan", dict(SAFETY)))
    practice.db.close()
    status, out = run(capsys, "help-now", "--region", "GB")
    assert status == 0
    flare, lines = out.index("Your flare-up plan"), out.index("Samaritans: 116 123")
    plan = out.index("Your safety plan")
    assert flare < lines < plan  # the lines stay near the top, the plan follows them
    said = flat(out[plan:])
    assert "My warning signs: • Not sleeping • Going quiet with everyone" in said
    assert "People I can ask for help: • Sam, 07700 900123, after 5" in said
    assert "What matters to me and keeps me going: • My granddaughter" in said
    assert NO_SAFETY_PLAN not in out


def test_without_a_plan_help_now_says_how_to_write_one(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, out = run(capsys, "help-now", "--region", "GB")
    assert status == 0 and flat(NO_SAFETY_PLAN) in flat(out)
    assert out.index("Samaritans: 116 123") < out.index("No safety plan yet")


def test_help_now_says_no_person_reads_the_journal(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    _, out = run(capsys, "help-now")
    assert flat(safety.NOT_MONITORED) in flat(out)
    assert "cannot call for help" in safety.NOT_MONITORED and "No person reads" in out


def test_a_journal_that_cannot_be_read_still_gives_the_lines(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    home.mkdir(parents=True)
    (home / "paincoach.db").write_bytes(b"not a database\n" * 100)
    status, out = run(capsys, "help-now", "--region", "GB")
    assert status == 0 and "Samaritans: 116 123" in out
    assert "Your safety plan could not be read just now." in out
