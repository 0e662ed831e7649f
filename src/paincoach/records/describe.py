"""Records as plain text, the same on the command line and in the app.

Entries and exercise sessions as one line each (the tables, Today, `paincoach today`), and
the flare-up plan and the safety plan as the person wrote them (Help now, `paincoach help-now`).
"""

from __future__ import annotations

from rich.text import Text

from paincoach.core.textsafe import one_line, visible
from paincoach.records.entries import Entry
from paincoach.records.entry_lines import describe_activity as describe_activity
from paincoach.records.entry_lines import entry_line
from paincoach.records.entry_lines import rating as rating
from paincoach.records.practice import FlarePlan, PacingPlanView, SessionSummary
from paincoach.records.safety_plan import SAFETY_PARTS, SafetyPlan
from paincoach.records.treatments import Dose


def describe(entry: Entry, *, with_day: bool = False) -> Text:
    """One line for an entry: time, figures, and a short, safe preview of the note."""
    return Text(entry_line(entry, with_day=with_day))


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


def describe_dose(dose: Dose) -> Text:
    """One line for a dose: time, name and dose as written, relief and side effects if given."""
    parts = [one_line(f"{dose.name} ({dose.dose})" if dose.dose else dose.name, 60)]
    if dose.relief is not None:
        parts.append(f"relief {rating(dose.relief)}")
    if dose.side_effects:
        parts.append(f"side effects: {one_line(dose.side_effects, 40)}")
    return Text(f"{dose.at:%H:%M}  took  " + visible(" · ".join(parts)))


def describe_session(summary: SessionSummary, *, labelled: bool = True) -> Text:
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
    return Text(f"{summary.started_at:%H:%M}  {label}" + visible(" · ".join(parts)))


def pacing_line(plan: PacingPlanView) -> str:
    """`walking: 5 of 12 minutes (7 left; week 3)`: Today's line for one plan (app and shell)."""
    name, unit = one_line(plan.activity, 30), visible(plan.unit)
    if plan.done_today is None:
        return f"{name}: today's amount is {plan.today_amount} {unit} (week {plan.week})"
    left = plan.left_today or 0
    state = "done for today" if left == 0 else f"{left} left"
    return f"{name}: {plan.done_today} of {plan.today_amount} {unit} ({state}; week {plan.week})"


def flare_plan_text(plan: FlarePlan, *, titled: bool = True) -> Text:
    """The person's own flare-up plan, as they wrote it (`titled`: its name first)."""
    text = Text("Your flare-up plan\n", style="bold") if titled else Text()
    sections = (
        ("What helps", plan.helps),
        ("Signs a flare is starting", plan.signs),
        ("What I can drop for now", plan.drop),
    )
    for title, items in sections:
        if items:
            text.append(f"{title}:\n", style="italic")
            for item in items:
                text.append(visible(f"  • {item}") + "\n")
    if plan.tell.strip():
        text.append("Who I tell: ", style="italic")
        text.append(visible(plan.tell.strip()) + "\n")
    return text


def safety_plan_text(plan: SafetyPlan, *, titled: bool = True) -> Text:
    """The person's own safety plan, part by part in its order, as they wrote it.

    `titled` puts "Your safety plan" first (left out under a title of its own).
    """
    text = Text("Your safety plan\n", style="bold") if titled else Text()
    for key, title in SAFETY_PARTS:
        items = plan.part(key)
        if items:
            text.append(f"{title}:\n", style="italic")
            for item in items:
                text.append(visible(f"  • {item}") + "\n")
    return text
