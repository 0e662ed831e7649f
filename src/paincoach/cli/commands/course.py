"""`paincoach course [start [ID] | next | week N | pause | resume | leave] [--json]`.

One line per week ("Week 1: ..."), with this week marked and what is done; the actions move
through the course exactly as the Course screen does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.core.errors import InputError
from paincoach.core.textsafe import visible

if TYPE_CHECKING:
    from paincoach.practice.course import Courses
    from paincoach.records.course import CourseView, CourseWeekView

ACTIONS = ("start", "next", "week", "pause", "resume", "leave")


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """`course` and its actions."""
    course = sub.add_parser(
        "course",
        help="the weekly course: where you are, and moving between its weeks",
        description="A course of weekly lessons and practices, starting from how pain works. "
        "With no action, shows every week, this week and what is done. Nothing moves by "
        "itself: start, go on to the next week, go to any week (to repeat or skip ahead), "
        "pause, resume or leave whenever you like.",
    )
    course.add_argument(
        "action", nargs="?", choices=ACTIONS, metavar="ACTION", help=", ".join(ACTIONS)
    )
    course.add_argument("value", nargs="?", metavar="ID|N", help="start: a course id; week: N")
    course.add_argument("--json", action="store_true", help="print JSON for scripts")


def run(args: argparse.Namespace, home: Path) -> int:
    """Show the course, or move in it and then show it."""
    from paincoach.db.engine import Database
    from paincoach.exercises.loader import load_library
    from paincoach.practice.course import Courses

    db = Database.open(home)
    try:
        courses = Courses(db, lambda: load_library(home), home)
        view = _act(courses, args.action, args.value)
    finally:
        db.close()
    if view is None:
        sys.stderr.write(
            "paincoach: no course could be loaded; `paincoach exercises check` shows why.\n"
        )
        return 1
    if args.json:
        sys.stdout.write(json.dumps(course_document(view), ensure_ascii=False, indent=2) + "\n")
        return 0
    from paincoach.cli.terminal import console

    out = console()
    for line in course_lines(view):
        out.print(line, markup=False, highlight=False, soft_wrap=True)
    return 0


def _act(courses: Courses, action: str | None, value: str | None) -> CourseView | None:
    if action != "week" and action != "start" and value is not None:
        raise InputError("value", f"'{action or 'course'}' takes nothing after it.")
    if action is None:
        return courses.view()
    if action == "start":
        return courses.start(value)
    if action == "week":
        if value is None or not value.isdigit():
            raise InputError("week", "Say which week, as a number: paincoach course week 3")
        return courses.go_to(int(value))
    moves = {
        "next": courses.next_week,
        "pause": courses.pause,
        "resume": courses.resume,
        "leave": courses.leave,
    }
    return moves[action]()


def week_line(week: CourseWeekView) -> str:
    """`Week 2: Pacing (this week) · 1 of 3 done · weekly check: pain 6, ...`."""
    parts = [f"Week {week.number}: {visible(week.title)}"]
    if week.current:
        parts[0] += " (this week)"
    parts.append("done" if week.done else f"{week.done_count} of {len(week.needed)} done")
    if week.scores:
        parts.append(f"weekly check: {week.scores}")
    return " · ".join(parts)


def course_lines(view: CourseView) -> list[str]:
    """The course as text: a heading, where the person is, one line per week, what is next."""
    total = len(view.weeks)
    lines = [visible(view.title)]
    if view.state == "not_started":
        lines.append(f"Not started. {visible(view.summary)} Start with: paincoach course start")
    elif view.state == "paused":
        lines.append(f"Paused at week {view.week} of {total}. Carry on: paincoach course resume")
    elif view.state == "left" and view.week is None:
        lines.append("Not started (Today does not mention it). Start: paincoach course start")
    elif view.state == "left":
        lines.append(f"Left at week {view.week}. Start again: paincoach course start")
    else:
        started = f", started {view.started:%a %d %b %Y}" if view.started else ""
        lines.append(f"This week: week {view.week} of {total}{started}.")
    lines += [week_line(week) for week in view.weeks]
    current = view.current
    if current is not None:
        lines.append(f"This week asks: {visible(current.asks)}.")
        for item in current.items:
            mark = "done" if item.done else ("if you like" if item.role == "also" else "to do")
            lines.append(f"  {item.exercise_id}: {visible(item.title)} ({mark})")
    return lines


def course_document(view: CourseView) -> dict[str, object]:
    """The course as JSON: state, this week, and each week's items and scores."""
    return {
        "course": view.course_id,
        "title": view.title,
        "state": view.state,
        "week": view.week,
        "started": view.started.isoformat() if view.started else None,
        "weeks": [
            {
                "week": week.number,
                "title": week.title,
                "asks": week.asks,
                "current": week.current,
                "done": week.done,
                "items": [
                    {"id": i.exercise_id, "role": i.role, "title": i.title, "done": i.done}
                    for i in week.items
                ],
                "weekly_check": (
                    {
                        "day": week.scores.day.isoformat(),
                        "pain": week.scores.pain,
                        "enjoyment": week.scores.enjoyment,
                        "activity": week.scores.activity,
                    }
                    if week.scores
                    else None
                ),
            }
            for week in view.weeks
        ],
    }
