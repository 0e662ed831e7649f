"""An entry as one line of plain text: `describe` in the app and the commands, without Rich.

`paincoach log` and `activity` print their line with this alone, so that they never load
Rich (about a third of their start, issue 18); `records.describe` wraps the same line in
a `rich.text.Text` for the tables and `paincoach today`.
"""

from __future__ import annotations

from paincoach.core.textsafe import one_line, visible
from paincoach.records.entries import Activity, CheckIn, Entry


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
