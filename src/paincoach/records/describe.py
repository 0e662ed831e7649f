"""Records as plain text, the same on the command line and in the app.

Entries and exercise sessions as one line each (the tables, Today, `paincoach today`), and
the flare-up plan and the safety plan as the person wrote them (Help now, `paincoach help-now`).
"""

from __future__ import annotations

from rich.text import Text

from paincoach.core.textsafe import visible
from paincoach.records.entries import Entry
from paincoach.records.entry_lines import describe_activity as describe_activity
from paincoach.records.entry_lines import dose_line, entry_line, session_line
from paincoach.records.entry_lines import duration as duration
from paincoach.records.entry_lines import pacing_line as pacing_line
from paincoach.records.entry_lines import progress_words as progress_words
from paincoach.records.entry_lines import rating as rating
from paincoach.records.practice import FlarePlan, SessionSummary
from paincoach.records.safety_plan import SAFETY_PARTS, SafetyPlan
from paincoach.records.treatments import Dose


def describe(entry: Entry, *, with_day: bool = False) -> Text:
    """One line for an entry: time, figures, and a short, safe preview of the note."""
    return Text(entry_line(entry, with_day=with_day))


def describe_dose(dose: Dose) -> Text:
    """One line for a dose: time, name and dose as written, relief and side effects if given."""
    return Text(dose_line(dose))


def describe_session(summary: SessionSummary, *, labelled: bool = True) -> Text:
    """One line for an exercise session (`entry_lines.session_line`)."""
    return Text(session_line(summary, labelled=labelled))


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
