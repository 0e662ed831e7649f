"""On the command line, words of distress or a very low mood print the card after "Saved"."""

from __future__ import annotations

import io
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach import safety
from paincoach.cli.main import main
from paincoach.core import clock
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.concern import Reason
from paincoach.records.support_card import FORTNIGHT, NO_CONTACTS, NOBODY_READS, OPENING
from paincoach.settings import Contact, Settings, save_settings
from tests.storage_support import checkin, local, open_journal
from tests.support import store_safety_plan

AT = "2024-06-01 09:00"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, note: str, *argv: str
) -> str:
    """Run a command with `note` on standard input; returns stdout, flattened."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(note.encode()), encoding="utf-8"))
    assert main([*argv, "--note", "-", "--at", AT]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and err == ""
    return " ".join(out.split())


def flat(text: str) -> str:
    return " ".join(text.split())


def choose(home: Path, region: str, contacts: tuple[Contact, ...] = ()) -> None:
    db = Database.open(home)
    try:
        save_settings(db, Settings(region=region, contacts=contacts))
    finally:
        db.close()


def test_log_with_words_of_distress_prints_the_card_after_saved(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    choose(home, "GB", (Contact("Sam", "07700 900123", "[bold]sister[/]"),))
    out = run(capsys, monkeypatch, "I want to kill myself", "log", "--pain", "5", "--mood", "5")
    assert out.startswith("Saved check-in:")
    assert out.index("Saved check-in:") < out.index(flat(OPENING[Reason.WORDS]))
    assert "Call 999 (United Kingdom)" in out
    for line in safety.load_directory().lines_for("GB"):  # all of the region's lines
        assert f"{line.name}: {line.number}" in out and flat(line.how) in out
    assert "Sam 07700 900123 [bold]sister[/]" in out  # the person's words, not markup
    assert flat(NOBODY_READS) in out and "paincoach help-now" in out
    [saved] = Journal(Database.open(home)).day(date(2024, 6, 1)).checkins
    assert saved.note == "I want to kill myself"


def test_activity_with_words_of_distress_prints_the_card(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    out = run(
        capsys,
        monkeypatch,
        "walked. honestly i dont want to be here anymore",
        "activity",
        "walk",
        "20",
    )
    assert out.startswith("Saved activity:") and "activity is saved" in out
    assert flat(OPENING[Reason.WORDS]) in out and flat(NO_CONTACTS) in out


@pytest.mark.parametrize("note", ["This pain is killing me", "I'd kill for a coffee", "dead tired"])
def test_a_pain_idiom_prints_no_card(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path, note: str
) -> None:
    out = run(capsys, monkeypatch, note, "log", "--pain", "4", "--mood", "5")
    assert out.startswith("Saved check-in:") and flat(NOBODY_READS) not in out
    assert "help-now" not in out
    out = run(capsys, monkeypatch, f"{note}. I want to die", "log", "--pain", "4", "--mood", "5")
    assert flat(NOBODY_READS) in out  # the idiom is taken out, not what follows it


def test_two_weeks_of_low_mood_print_the_gp_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    journal = open_journal(home, clock.now)
    today = clock.today()
    for days_ago in range(1, 10):
        journal.add_checkin(checkin(at=local(today - timedelta(days=days_ago)), mood=2))
    journal.db.close()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    assert main(["log", "--pain", "5", "--mood", "1"]) == 0
    out = flat(capsys.readouterr().out)
    assert flat(OPENING[Reason.LOW_MOOD]) in out and flat(FORTNIGHT) in out


def test_the_card_prints_the_persons_safety_plan(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    store_safety_plan(home, reasons=["My granddaughter"], cope=["A warm shower", "Slow breathing"])
    out = run(capsys, monkeypatch, "I want to end it all", "log", "--pain", "6", "--mood", "4")
    assert "Things I can do on my own to get through: A warm shower; Slow breathing" in out
    assert "What matters to me and keeps me going: My granddaughter" in out
    assert out.index("Saved check-in:") < out.index("My granddaughter")
