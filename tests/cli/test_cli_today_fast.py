"""`paincoach today` on the fast path prints what the full path prints, word for word.

Both paths stay: the fast one (`practice.quick_today`, `sqlite3` alone, lines printed by
`cli.plain_out`) for a journal that needs nothing but opening, the full one (the services,
Rich) for a new journal, one to upgrade or a read-only one. Each journal here is read by
both, at several terminal widths, and the outputs compared whole. The clock is Friday
27 November 2026, 09:30.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.db.quick import QuickStore
from paincoach.practice import quick_today
from paincoach.records.entries import ActivityDraft, CheckInDraft
from tests.practice_support import open_practice, plan_session, run_through, runner
from tests.storage_support import local, open_journal
from tests.support import NOW
from tests.support import run_cli as run

TODAY = NOW.date()
START = date(2026, 11, 2)  # a Monday: the plans are in their week 4
WIDE_NOTE = "膝が痛い日 " * 12  # two cells a character: only Rich can measure it


def _entries(home: Path) -> None:
    journal = open_journal(home)
    for back in range(8, 30, 2):  # the usual pain, 3/10, over the four weeks before
        journal.add_checkin(CheckInDraft(local(TODAY - timedelta(days=back), 9), 3))
    journal.add_checkin(
        CheckInDraft(
            local(TODAY, 7, 5),
            4,
            mood=6,
            sleep=5,
            areas=("Lower back", "Left knee"),
            tags=("rain", "poor sleep"),
            note="Stiff on waking; the stairs were hard and the bus was late again today",
        )
    )
    journal.add_checkin(CheckInDraft(local(TODAY, 8), 7, mood=4, tags=("flare",)))
    journal.add_checkin(CheckInDraft(local(TODAY, 8, 45), 6, note=WIDE_NOTE))
    journal.add_activity(ActivityDraft(local(TODAY, 8, 20), "walking", 5, effort=3, paced=True))
    journal.add_activity(ActivityDraft(local(TODAY, 9), "washing up", 12))
    journal.db.close()


def _sessions(home: Path) -> None:
    practice = open_practice(home)
    box = runner("breathing-box", start=local(TODAY, 6, 40))  # its wall clock ticks a minute
    box.set_before(7)
    run_through(box)
    box.set_after(5)
    practice.save_session(box.result())
    practice.db.close()


def _plans(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(plan_session("Walking", [10, 12, 14], START))
    practice.save_session(plan_session("swim laps", [8, 10, 12], START, unit="lengths"))
    practice.db.close()


def rich_journal(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Entries, a session, doses, two plans (one held), a sign of a flare, the course begun."""
    _entries(home)
    _sessions(home)
    _plans(home)
    for argv in (
        ("took", "ibuprofen", "--dose", "400 mg", "--at", "today 06:30", "--relief", "6"),
        ("took", "heat", "pack", "--at", "today 08:20"),
        ("pacing", "hold", "walking"),
        ("course", "start"),
    ):
        status, _, err = run(capsys, *argv)
        assert status == 0, err


def doses_and_a_paused_course(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No check-in today: a dose only, an exercise, the course paused."""
    _sessions(home)
    for argv in (
        ("took", "paracetamol", "--dose", "1 g", "--at", "today 07:00"),
        ("course", "start"),
        ("course", "pause"),
    ):
        status, _, err = run(capsys, *argv)
        assert status == 0, err


def a_new_journal(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A journal just made: nothing logged, the course offered."""
    open_journal(home).db.close()


def _today(capsys: pytest.CaptureFixture[str]) -> str:
    status, out, err = run(capsys, "today")
    assert (status, err) == (0, "")
    return out


@pytest.mark.parametrize("columns", ["80", "200", "47", "12"])
@pytest.mark.parametrize(
    "make", [rich_journal, doses_and_a_paused_course, a_new_journal], ids=lambda f: f.__name__
)
def test_the_fast_today_prints_what_the_full_path_prints(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path, pytest.CaptureFixture[str]], None],
    columns: str,
) -> None:
    make(home, capsys)
    monkeypatch.setenv("COLUMNS", columns)
    fast_calls: list[date] = []
    fast_read = quick_today.quick_today

    def counted(store: QuickStore, where: Path, today: date) -> object:
        fast_calls.append(today)
        return fast_read(store, where, today)

    monkeypatch.setattr(quick_today, "quick_today", counted)
    fast = _today(capsys)
    assert fast_calls == [TODAY]  # it took the fast path
    monkeypatch.setattr(QuickStore, "open", classmethod(lambda cls, where: None))
    full = _today(capsys)
    assert fast_calls == [TODAY]  # and this one the full path
    assert fast == full
    assert fast.startswith("Today, ")


def test_the_rich_journal_shows_every_part(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rich_journal(home, capsys)
    monkeypatch.setenv("COLUMNS", "300")
    lines = _today(capsys).splitlines()
    plan_made = "08:31  exercise  Pacing plan: find your starting point · finished"
    assert lines[1:11] == [
        "06:30  took  ibuprofen (400 mg) · relief 6/10",
        "06:41  exercise  Box breathing (4-4-4-4) · finished · before 7/10, after 5/10",
        "07:05  check-in  pain 4/10 · mood 6/10 · sleep 5/10 · areas: Lower back, Left knee · "
        "tags: rain, poor sleep — Stiff on waking; the stairs were hard and the bus…",
        "08:00  check-in  pain 7/10 · mood 4/10 · tags: flare",
        "08:20  activity  walking 5 min, effort 3/10, paced",
        "08:20  took  heat pack",
        plan_made,
        plan_made,
        "08:45  check-in  pain 6/10 · mood – — " + WIDE_NOTE.strip()[:49] + "…",
        "09:00  activity  washing up 12 min",
    ]
    assert lines[11:] == [
        "Average pain today 5.7/10 over 3 check-ins.",
        "Active for 17 min (2 activities).",
        "Pacing, swim laps: today's amount is 10 lengths (week 4)",
        "Pacing, walking: 5 of 13 minutes (8 left; week 4)",
        "Since a check-in tagged as a flare on Fri 27 Nov: 'paincoach pacing hold ACTIVITY' "
        "holds a plan this week (no rise next week).",
        lines[-1],
    ]
    assert lines[-1].startswith("Course, week 1 of 8: ")
