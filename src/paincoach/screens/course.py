"""The course: every week, what was done, and the weekly check's scores week by week.

The person moves through it only by choice: start, the next week, go to any week (to
repeat one or skip ahead), pause, resume, leave. Enter on a lesson or practice starts it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from paincoach.core.textsafe import visible
from paincoach.records.course import CourseItem, CourseView, CourseWeekView
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.exercise_start import start_exercise
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.row_table import RowTable

if TYPE_CHECKING:
    from paincoach.services import Services

COLUMNS = [("", 1), ("Week", 4), ("", 38), ("Done", 6), ("Pain/enjoy/act", 14)]
"""Fixed widths, so the table reads the same however its rows arrive (see history.COLUMNS)."""
ROLE_WORDS = {"lesson": "Lesson", "practice": "Practice", "also": "If you like"}


def status_words(view: CourseView) -> str:
    """Where the person is: `Week 2 of 8, started Monday 16 November.` and the like."""
    total = len(view.weeks)
    if view.state == "not_started":
        return (
            f"{visible(view.summary)}\nPress n to start at week 1 (nothing is due by a date), "
            "or x for not now."
        )
    started = f", started {view.started:%A %d %B}" if view.started else ""
    if view.state == "paused":
        return f"Paused at week {view.week} of {total}{started}. Press p to carry on."
    if view.state == "left" and view.week is None:
        return "Today no longer mentions the course. Press n to start it whenever you like."
    if view.state == "left":
        return f"You left this course at week {view.week}. Press n to start again at week 1."
    return (
        f"Week {view.week} of {total}{started}. The weekly check's scores (k on Today) show "
        "week by week; x leaves the course."
    )


def week_row(week: CourseWeekView) -> list[Text]:
    """One week as table cells."""
    done = "done" if week.done else f"{week.done_count} of {len(week.needed)}"
    scores = week.scores
    shown = f"{scores.pain} / {scores.enjoyment} / {scores.activity}" if scores else "–"
    return [
        Text("▶" if week.current else ""),
        Text(str(week.number)),
        Text(visible(week.title)),
        Text(done, style="bold" if week.done else ""),
        Text(shown),
    ]


def item_line(item: CourseItem) -> Text:
    """`✓ Lesson: Pain, the protector (4 min)`."""
    text = Text("✓ " if item.done else "· ", style="bold" if item.done else "dim")
    text.append(f"{ROLE_WORDS[item.role]}: ", style="italic" if item.role == "also" else "")
    text.append(visible(item.title))
    if not item.available:
        text.append(" (not in your library)", style="dim")
    elif item.minutes:
        text.append(f" ({item.minutes} min)", style="dim")
    return text


class CourseScreen(PaincoachScreen[None]):
    """All the weeks of the course; the highlighted week's lesson and practices below."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="course.back"),
        Binding("enter", "open_item", "Start", id="course.open", tooltip="Start this lesson"),
        Binding("n", "begin", "Start the course", id="course.begin"),
        Binding("n", "next_week", "Next week", id="course.next"),
        Binding("g", "go_to_week", "Go to week", id="course.go", tooltip="Repeat or skip"),
        Binding("p", "pause", "Pause", id="course.pause", tooltip="Pause, or carry on"),
        Binding(
            "x", "leave", "Leave", id="course.leave", tooltip="Leave (or: not now)", show=False
        ),
        Binding("tab", "switch", "Weeks/items", id="course.switch", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: CourseView | None = None

    def compose(self) -> ComposeResult:
        """The course's title and state, the weeks, and the highlighted week's items."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("Opening the course…", id="course-title", classes="section-title")
            yield Static("", id="course-status", markup=False)
            yield RowTable(id="course-weeks", cursor_type="row", zebra_stripes=True)
            yield Static("", id="course-asks", classes="section-title", markup=False)
            yield RowTable(id="course-items", cursor_type="row", show_header=False)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and load the course."""
        self.sub_title = "Course"
        weeks = self.query_one("#course-weeks", DataTable)
        for label, width in COLUMNS:
            weeks.add_column(label, width=width)
        self.query_one("#course-items", DataTable).add_column("item", width=70)
        weeks.focus()
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Read the course (and what was done) in a worker."""
        self.call_service(lambda services: services.course.view(), self.show, group="course")

    def show(self, view: CourseView | None) -> None:
        """Present the course."""
        self.view = view
        title = self.query_one("#course-title", Static)
        if view is None:
            title.update("No course could be loaded")
            self.query_one("#course-status", Static).update(
                "Every course file has a problem: `paincoach exercises check` shows where."
            )
            return
        title.update(visible(view.title))
        self.refresh_bindings()  # `n` and `p` follow the course's state
        self.query_one("#course-status", Static).update(status_words(view))
        weeks = self.query_one("#course-weeks", DataTable)
        row = weeks.cursor_row
        weeks.clear()
        for week in view.weeks:
            weeks.add_row(*week_row(week), key=str(week.number))
        if row <= 0 and view.current is not None:
            row = view.current.number - 1
        weeks.move_cursor(row=min(max(row, 0), len(view.weeks) - 1))
        self._show_items()

    @on(DataTable.RowHighlighted, "#course-weeks")
    def _week_highlighted(self) -> None:
        self._show_items()

    def _highlighted(self) -> CourseWeekView | None:
        if self.view is None:
            return None
        row = self.query_one("#course-weeks", DataTable).cursor_row
        return self.view.weeks[row] if 0 <= row < len(self.view.weeks) else None

    def _show_items(self) -> None:
        week = self._highlighted()
        items = self.query_one("#course-items", DataTable)
        items.clear()
        if week is None:
            return
        self.query_one("#course-asks", Static).update(
            f"Week {week.number}: {visible(week.title)}. This week: {visible(week.asks)}."
        )
        for item in week.items:
            items.add_row(item_line(item), key=item.exercise_id)

    def action_switch(self) -> None:
        """Tab: between the weeks and the highlighted week's items."""
        weeks = self.query_one("#course-weeks", DataTable)
        items = self.query_one("#course-items", DataTable)
        (items if weeks.has_focus else weeks).focus()

    def action_open_item(self) -> None:
        """Start the highlighted item (from the weeks: the week's first item not done)."""
        week = self._highlighted()
        if week is None:
            return
        items = self.query_one("#course-items", DataTable)
        if items.has_focus and 0 <= items.cursor_row < len(week.items):
            item = week.items[items.cursor_row]
        else:
            item = next((i for i in week.needed if not i.done), week.items[0])
        if not item.available:
            self.paincoach.notify(f"'{item.exercise_id}' is not in your library.", timeout=5)
            return
        start_exercise(self.paincoach, item.exercise_id)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_item()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`n` starts the course until it is started, then moves on a week; `p` needs a course."""
        on_course = self.view is not None and self.view.state in ("active", "paused")
        if action == "begin":
            return self.view is not None and not on_course
        if action in ("next_week", "pause"):
            return on_course
        return True

    def action_begin(self) -> None:
        """Start the course at week 1."""
        view = self.view
        if view is not None:
            self._move(lambda s: s.course.start(view.course_id), "Week 1 begins. Take it gently.")

    def action_next_week(self) -> None:
        """Move on one week."""
        self._move(lambda s: s.course.next_week(), "On to the next week.")

    def action_go_to_week(self) -> None:
        """Make the highlighted week this week (repeat one, go back, or skip ahead)."""
        view, week = self.view, self._highlighted()
        if view is None or week is None:
            return
        if view.state in ("not_started", "left"):
            number = week.number
            self._move(lambda s: s.course.start(view.course_id, number), f"Week {number} begins.")
            return
        self._move(lambda s: s.course.go_to(week.number), f"This week is now week {week.number}.")

    def action_pause(self) -> None:
        """Pause the course, or carry on."""
        view = self.view
        if view is None or view.state in ("not_started", "left"):
            return
        if view.state == "paused":
            self._move(lambda s: s.course.resume(), "Welcome back.")
        else:
            self._move(lambda s: s.course.pause(), "Paused. Everything stays as it is.")

    def action_leave(self) -> None:
        """Leave the course, after asking (what was done stays in the journal)."""
        view = self.view
        if view is None or view.state == "left":
            return
        if view.state == "not_started":
            self._move(
                lambda s: s.course.leave(), "Not now, then. The course is here (o) any time."
            )
            return

        def answered(sure: bool | None) -> None:
            if sure:
                self._move(lambda s: s.course.leave(), "You left the course. It is here any time.")

        self.app.push_screen(
            ConfirmDialog(
                "Leave the course? Today stops showing it. What you did stays in your journal.",
                yes="Leave",
                no="Stay",
            ),
            answered,
        )

    def _move(self, job: Callable[[Services], CourseView], words: str) -> None:
        """Run a move in the worker, then show where the person is now and say so."""

        def moved(view: CourseView) -> None:
            self.show(view)
            self.paincoach.journal_changed()
            self.paincoach.notify(words, timeout=3)

        self.call_service(job, moved, group="course-move")

    def action_back(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
