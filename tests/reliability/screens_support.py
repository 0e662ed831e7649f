"""Every place in the app, how to get there by keyboard, and what the terminal shows.

Shared by the size, safety and fuzz tests, so that "every screen" means the same list
everywhere: add a screen here and every one of those tests covers it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.pilot import Pilot

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.exercises.engine import Runner
from paincoach.exercises.model import PacingStep
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.screens.runner import Page, RunnerScreen
from paincoach.settings import Contact, load_settings, save_settings
from tests.practice_support import GOAL, THOUGHTS, drive, generic_answer, runner
from tests.support import NOW, fixed_clock, seeded_services, settle

SIZE = (80, 24)
#: The too-small notice names the size it needs.
NEEDED = "60×20"


@dataclass(frozen=True)
class Place:
    """A screen or dialog, and the keys from Today that open it."""

    name: str
    keys: tuple[str, ...]
    screen: str  # the class name expected on top once there
    start: str = "seeded"  # seeded | first_run | problem

    def __str__(self) -> str:
        return self.name


PLACES = [
    Place("today", (), "TodayScreen"),
    Place("history", ("h",), "HistoryScreen"),
    Place("day", ("h", "enter"), "DayScreen"),
    Place("confirm delete", ("h", "enter", "d"), "ConfirmDialog"),
    Place("edit check-in", ("h", "enter", "enter"), "CheckInDialog"),
    Place("settings", ("s",), "SettingsScreen"),
    Place("help now", ("f1",), "HelpNowDialog"),
    Place("check-in", ("c",), "CheckInDialog"),
    Place("activity", ("a",), "ActivityDialog"),
    Place("offer after high pain", ("c", "8", "ctrl+s"), "OfferDialog"),
    Place("week", ("w",), "WeekScreen"),
    Place("weekly check", ("k",), "WeeklyCheckDialog"),
    Place("export", ("w", "x"), "ExportDialog"),
    Place("goals", ("g",), "GoalsDialog"),
    Place("exercises", ("e",), "ExercisesScreen"),
    Place("exercise runner", ("e", "enter", "enter"), "RunnerScreen"),
    Place("thought records", ("t",), "ThoughtRecordsScreen"),
    Place("thought record", ("t", "enter"), "ThoughtRecordScreen"),
    Place("command palette", ("ctrl+p",), "CommandPalette"),
    Place("first run", (), "FirstRunScreen", start="first_run"),
    Place("problem", (), "ProblemScreen", start="problem"),
]


def seed(home: Path) -> None:
    """A journal with something on every screen: entries, a thought record, a goal, contacts."""
    services = seeded_services(home)
    db: Database = services.db  # type: ignore[attr-defined]
    save_settings(
        db, load_settings(db).with_changes(contacts=(Contact("Sam", "0700 900 000", "evenings"),))
    )
    journal = Journal(db, fixed_clock)
    for days in (0, 1, 3):
        at = NOW - timedelta(days=days, hours=1)
        journal.add_checkin(
            CheckInDraft(at, 4 + days, 5, 6, ("lower back",), ("cold",), note=f"note {days}")
        )
        journal.add_activity(ActivityDraft(at, "walk", 20 + days, 3, True, note="by the sea"))
    practice = Practice(db, journal, fixed_clock)
    record = runner("thought-record")
    drive(record, THOUGHTS)
    practice.save_session(record.result())
    goal = runner("smart-goal")
    drive(goal, GOAL)
    practice.save_session(goal.result())
    services.close()  # type: ignore[attr-defined]


def prepare(home: Path, start: str) -> None:
    """Make `home` what a place needs to start from."""
    if start == "seeded":
        seed(home)
    elif start == "problem":
        home.mkdir(parents=True, exist_ok=True)
        (home / "paincoach.db").write_bytes(b"my shopping list, not a journal\n" * 20)


def make_app(home: Path) -> PaincoachApp:
    """The app on `home`, on the fixed test clock."""
    return create_app(home, clock=fixed_clock)


async def go_to(pilot: Pilot[Any], place: Place) -> None:
    """Press the keys that lead to `place`, and check it is on top."""
    await settle(pilot)
    for key in place.keys:
        await pilot.press(key)
        await settle(pilot)
    found = type(pilot.app.screen).__name__
    assert found == place.screen, f"{place}: expected {place.screen}, found {found}"


def screen_text(app: PaincoachApp) -> str:
    """What the terminal shows now, as plain text (one line per row)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def flat(text: str) -> str:
    """Screen text with line breaks and runs of spaces folded (wrapping moves words)."""
    return " ".join(text.split())


async def jump_to_step(pilot: Pilot[Any], screen: RunnerScreen, index: int) -> None:
    """Move a runner to step `index`, answering the steps before it as a person might."""
    run: Runner = screen.run
    while run.index < index and not run.is_last:
        if run.missing() and not isinstance(run.step, PacingStep):
            run.set_answer(generic_answer(run))
        run.next()
    screen.page = Page.STEP
    await screen._show()
    await settle(pilot)
