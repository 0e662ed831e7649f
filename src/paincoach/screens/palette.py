"""The command palette's main actions: every key on Today, searchable by name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from paincoach.screens.long_view_keys import open_calendar, open_trends, open_year
from paincoach.screens.today_doses import open_dose, open_treatments

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp


def main_actions(app: PaincoachApp) -> Iterable[SystemCommand]:
    """Every main action, with a line saying what it does."""
    yield SystemCommand(
        "Help now", "Crisis lines, emergency numbers and your contacts", app.action_help_now
    )
    yield SystemCommand(
        "Check in", "Record pain, mood, sleep, areas, tags and a note", app.action_check_in
    )
    yield SystemCommand(
        "Log an activity", "Record what you did and for how long", app.action_log_activity
    )
    yield SystemCommand(
        "Medicine or treatment",
        "Log a dose taken, or a treatment used (m on Today)",
        lambda: open_dose(app),
    )
    yield SystemCommand(
        "Treatments",
        "Your regular treatments: start or stop one, and why (Ctrl+T)",
        lambda: open_treatments(app),
    )
    yield SystemCommand(
        "Exercises",
        "Breathing, pacing, thought records, relaxation and more",
        app.action_exercises,
    )
    yield SystemCommand(
        "Thought records",
        "Read past thought records or start a new one",
        app.action_thought_records,
    )
    yield SystemCommand("Week", "The week's figures, charts, insights and export", app.action_week)
    yield SystemCommand(
        "Weekly check", "Three questions about the past seven days", app.action_weekly_check
    )
    yield SystemCommand(
        "Calendar",
        "This month, each day shaded by its pain, mood or sleep",
        lambda: open_calendar(app),
    )
    yield SystemCommand(
        "Year", "The year at a glance, a month a row (y on Today)", lambda: open_year(app)
    )
    yield SystemCommand(
        "Trends",
        "3, 6, 12 months or all time, with marked events (l on Today)",
        lambda: open_trends(app),
    )
    yield SystemCommand("History", "Past days, search, edit and delete entries", app.action_history)
    yield SystemCommand(
        "Settings",
        "Theme, week start, region, contacts, motion, sound",
        app.action_open_settings,
    )
    yield SystemCommand("Refresh", "Reload entries saved elsewhere", app.action_refresh)
