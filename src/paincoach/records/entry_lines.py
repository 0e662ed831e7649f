"""Records as one line of plain text: `describe` in the app and the commands, without Rich.

`paincoach log`, `activity` and `today` print their lines with this alone, so that they
never load Rich (about a third of their start, issue 18); `records.describe` wraps the same
lines in a `rich.text.Text` for the app's tables and the full path of `paincoach today`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from paincoach.core.textsafe import one_line, visible
from paincoach.core.words import in_unit
from paincoach.records.entries import Activity, CheckIn, Entry

if TYPE_CHECKING:  # `log` and `activity` print entries only: they need not load these
    from paincoach.records.practice import PacingPlanView, SessionSummary
    from paincoach.records.treatments import Dose


def rating(value: int | None) -> str:
    """A 0-10 rating as text, or a dash when it was not given."""
    return "–" if value is None else f"{value}/10"


def entry_line(entry: Entry, *, with_day: bool = False) -> str:
    """One line for an entry: time, figures, and a short, safe preview of the note."""
    when = entry.at.strftime("%Y-%m-%d %H:%M" if with_day else "%H:%M")
    if isinstance(entry, CheckIn):
        parts = [f"pain {rating(entry.pain)}", f"mood {rating(entry.mood)}"]
        if entry.sleep is not None:
            parts.append(f"sleep {rating(entry.sleep)}")
        if entry.areas:
            parts.append("areas: " + ", ".join(entry.areas))
        if entry.tags:
            parts.append("tags: " + ", ".join(entry.tags))
        body = "check-in  " + " · ".join(parts)
    else:
        body = describe_activity(entry)
    if entry.note:
        body += f" — {one_line(entry.note, 50)}"
    return f"{when}  {visible(body)}"


def describe_activity(activity: Activity) -> str:
    """'walk 20 min, effort 3/10, paced' style summary."""
    parts = [f"{activity.name} {activity.minutes} min"]
    if activity.effort is not None:
        parts.append(f"effort {rating(activity.effort)}")
    if activity.paced:
        parts.append("paced")
    return "activity  " + ", ".join(parts)


def duration(seconds: int) -> str:
    """`36 s`, `4 min 5 s`, `10 min`: a timer's time, plainly."""
    minutes, rest = divmod(max(0, seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def progress_words(
    completed: bool,
    steps_done: int,
    steps_total: int,
    timed_seconds: int | None = None,
    timed_total: int | None = None,
) -> str:
    """How far a session got: `finished`, `stopped after 36 s of 10 min`, `2 of 5 steps done`.

    A session whose timers ran short says how long they ran, even when every step was
    seen: moving on from a 10-minute pacer after 36 seconds is not finishing it.
    """
    if completed:
        return "finished"
    steps = f"{min(steps_done, steps_total)} of {steps_total} steps done"
    if timed_seconds is None:
        return steps
    if timed_seconds == 0:  # left before a timer started, or moved on without one
        return steps if steps_done < steps_total else "the timer did not run"
    if timed_total is None:  # a pacing timer never started; another one ran
        return f"stopped after {duration(timed_seconds)}"
    if timed_seconds < timed_total:
        return f"stopped after {duration(timed_seconds)} of {duration(timed_total)}"
    return steps


def dose_line(dose: Dose) -> str:
    """One line for a dose: time, name and dose as written, relief and side effects if given."""
    parts = [one_line(f"{dose.name} ({dose.dose})" if dose.dose else dose.name, 60)]
    if dose.relief is not None:
        parts.append(f"relief {rating(dose.relief)}")
    if dose.side_effects:
        parts.append(f"side effects: {one_line(dose.side_effects, 40)}")
    return f"{dose.at:%H:%M}  took  " + visible(" · ".join(parts))


def session_line(summary: SessionSummary, *, labelled: bool = True) -> str:
    """One line for an exercise session: time, title, how far it got, the ratings given.

    `labelled` puts "exercise" after the time, as entries have "check-in" (for a list that
    mixes them); under a heading of its own the word is left out.
    """
    parts = [
        one_line(summary.title, 40),
        progress_words(
            summary.completed,
            summary.steps_done,
            summary.steps_total,
            summary.timed_seconds,
            summary.timed_total,
        ),
    ]
    ratings = [
        f"{name} {rating(value)}"
        for name, value in (("before", summary.before), ("after", summary.after))
        if value is not None
    ]
    if ratings:
        parts.append(", ".join(ratings))
    label = "exercise  " if labelled else ""
    return f"{summary.started_at:%H:%M}  {label}" + visible(" · ".join(parts))


def pacing_line(plan: PacingPlanView) -> str:
    """`walking: 5 of 12 minutes (7 left; week 3)`: Today's line for one plan (app and shell)."""
    name, unit = one_line(plan.activity, 30), visible(plan.unit)
    if plan.done_today is None:
        return f"{name}: today's amount is {in_unit(plan.today_amount, unit)} (week {plan.week})"
    left = plan.left_today or 0
    state = "done for today" if left == 0 else f"{left} left"
    amount = in_unit(plan.today_amount, unit)
    return f"{name}: {plan.done_today} of {amount} ({state}; week {plan.week})"


def held_words(plans: Sequence[PacingPlanView]) -> str:
    """What Today's `f` did, from every active plan after it: the plans held this week with
    their amounts, and the ones left as they were because they would not rise anyway."""
    held = [plan for plan in plans if plan.held_this_week]
    left = [plan for plan in plans if not plan.held_this_week]
    amounts = ", ".join(
        f"{one_line(p.activity, 20)} {in_unit(p.today_amount, one_line(p.unit, 12))}" for p in held
    )
    words = f"Held for this week: {amounts}." if held else "No plan needed holding this week."
    if left:
        reasons = ", ".join(
            f"{one_line(p.activity, 20)} ("
            + ("at its goal" if p.goal is not None and p.today_amount >= p.goal else "no rise")
            + ")"
            for p in left
        )
        which = "it" if len(left) == 1 else "they"
        words += f" Not held, as {which} would not rise next week anyway: {reasons}."
    return words + " Be gentle with yourself."
