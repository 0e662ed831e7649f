"""Entries as one line of plain text, the same on the command line and in the app's tables."""

from __future__ import annotations

from rich.text import Text

from paincoach.core.textsafe import one_line, visible
from paincoach.records.entries import Activity, CheckIn, Entry


def rating(value: int | None) -> str:
    """A 0-10 rating as text, or a dash when it was not given."""
    return "–" if value is None else f"{value}/10"


def describe(entry: Entry, *, with_day: bool = False) -> Text:
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
    return Text(f"{when}  {visible(body)}")


def describe_activity(activity: Activity) -> str:
    """'walk 20 min, effort 3/10, paced' style summary."""
    parts = [f"{activity.name} {activity.minutes} min"]
    if activity.effort is not None:
        parts.append(f"effort {rating(activity.effort)}")
    if activity.paced:
        parts.append("paced")
    return "activity  " + ", ".join(parts)
