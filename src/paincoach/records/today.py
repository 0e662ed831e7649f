"""What `paincoach today` prints, as plain lines, from what either path has read.

The full path (the ORM services) and the fast path (`practice.quick_today`, `sqlite3`
alone) each gather a `TodayFacts`; `today_lines` turns it into the same words for both,
so a test can compare their output whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from paincoach.core.rounding import decimals
from paincoach.core.words import counted
from paincoach.records.entry_lines import dose_line, entry_line, pacing_line, session_line

if TYPE_CHECKING:  # names only: a day without them does not load their modules (issue 18)
    from paincoach.records.course_line import CourseLine
    from paincoach.records.entries import DayFigures, Entry
    from paincoach.records.practice import PacingPlanView, SessionSummary
    from paincoach.records.treatments import Dose


@dataclass(frozen=True, slots=True)
class TodayFacts:
    """Everything `paincoach today` shows, read in one go."""

    day: date
    entries: list[Entry]
    """Check-ins and activities in time order (`DayEntries.entries`)."""
    figures: DayFigures
    sessions: list[SessionSummary]
    doses: list[Dose]
    plans: list[PacingPlanView]
    flare_sign: str | None
    """What the newest sign of a flare was, in words, when Today offers to hold the plans."""
    course: CourseLine | None


def today_lines(facts: TodayFacts) -> list[str]:
    """The lines of `paincoach today`, in order, before any wrapping to the terminal."""
    out = [f"Today, {facts.day:%A %d %B %Y}"]
    timed: list[tuple[datetime, str]] = [(entry.at, entry_line(entry)) for entry in facts.entries]
    timed += [(session.started_at, session_line(session)) for session in facts.sessions]
    timed += [(dose.at, dose_line(dose)) for dose in facts.doses]
    out += [line for _, line in sorted(timed, key=lambda pair: pair[0])]
    if not facts.entries:
        what = "No check-ins or activities" if facts.sessions or facts.doses else "Nothing logged"
        out.append(f"{what} yet today. 'paincoach log --pain N' records a check-in.")
    else:
        out += _figure_lines(facts.figures)
    out += [f"Pacing, {pacing_line(plan)}" for plan in facts.plans]
    if facts.flare_sign is not None:
        out.append(
            f"Since {facts.flare_sign}: 'paincoach pacing hold ACTIVITY' holds a plan this week "
            "(no rise next week)."
        )
    if facts.course is not None:
        out.append(facts.course.shell_words())
    return out


def _figure_lines(figures: DayFigures) -> list[str]:
    """Today's average pain and active minutes."""
    out = []
    if figures.pain_avg is not None:
        out.append(
            f"Average pain today {decimals(figures.pain_avg, 1)}/10 "
            f"over {counted(figures.checkins, 'check-in')}."
        )
    if figures.activity_minutes:
        activities = "activity" if figures.activities == 1 else "activities"
        out.append(
            f"Active for {figures.activity_minutes} min ({figures.activities} {activities})."
        )
    return out
