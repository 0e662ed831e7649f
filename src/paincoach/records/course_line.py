"""A course's events and Today's one line: what `paincoach today` needs, and no more.

Kept apart from the course's views (`records.course`) so that the quick `paincoach today`
creates only these records at start-up (issue 18).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from paincoach.core.textsafe import visible

CourseAction = Literal["start", "week", "pause", "resume", "leave"]
ACTIONS: tuple[CourseAction, ...] = ("start", "week", "pause", "resume", "leave")
CourseState = Literal["not_started", "active", "paused", "left"]


@dataclass(frozen=True)
class CourseEvent:
    """One thing the person did with a course (kept in the journal, oldest first)."""

    uid: str
    course_id: str
    action: CourseAction
    week: int | None
    at: datetime


@dataclass(frozen=True)
class CourseLine:
    """What Today says about the course in one line (read without loading the library)."""

    title: str
    state: CourseState
    week: int | None
    weeks: int
    asks: str = ""
    done: int = 0
    needed: int = 0

    def __str__(self) -> str:
        """One kind line: where the person is and what this week asks (never a demand)."""
        if self.state == "not_started":
            return (
                f"Course: {self.weeks} weeks of skills, starting from how pain works. "
                "Press o to look."
            )  # the words are ours: a course's own title is shown on the Course screen
        where = f"week {self.week} of {self.weeks}"
        if self.state == "paused":
            return f"Course paused at {where}. Press o to carry on whenever you are ready."
        if self.done >= self.needed and self.week == self.weeks:
            return f"Course: all {self.weeks} weeks reached, and this one done. o to look back."
        if self.done >= self.needed:
            return f"Course, {where}: done. The next week is ready when you are (o)."
        return f"Course (o), {where}: {visible(self.asks)} · {self.done} of {self.needed} done"

    def shell_words(self) -> str:
        """The same line for `paincoach today`, naming the commands instead of the keys."""
        if self.state == "not_started":
            return (
                f"Course: {self.weeks} weeks of skills, starting from how pain works "
                "('paincoach course')."  # one line of 80 columns, as every line here
            )
        where = f"week {self.week} of {self.weeks}"
        if self.state == "paused":
            return f"Course paused at {where}. 'paincoach course resume' carries on, any time."
        if self.done >= self.needed and self.week == self.weeks:
            return f"Course: all {self.weeks} weeks reached, and this one done."
        if self.done >= self.needed:
            return f"Course, {where}: done. 'paincoach course next' when you are ready."
        return f"Course, {where}: {visible(self.asks)} · {self.done} of {self.needed} done"
