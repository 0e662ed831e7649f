"""Today: what has been logged today, pacing and goals, the last seven days, every action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from paincoach.core import startup
from paincoach.core.errors import PaincoachError
from paincoach.core.rounding import decimals
from paincoach.core.textsafe import one_line
from paincoach.records.describe import describe_session, pacing_line
from paincoach.records.entry_lines import held_words
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.entry_actions import EntryActions
from paincoach.screens.long_view_keys import LONG_VIEW_BINDINGS, LongViewActions
from paincoach.screens.messages import JournalChanged
from paincoach.screens.today_doses import DOSE_BINDINGS, DoseActions, RatingQuestion
from paincoach.services import Services
from paincoach.widgets.day_sparks import DaySparks
from paincoach.widgets.dose_table import DoseTable
from paincoach.widgets.entry_table import EntryTable
from paincoach.widgets.hints import hint_line

if TYPE_CHECKING:  # the records arrive with the data, after the first frame
    from paincoach.practice.flare_signs import FlareSign
    from paincoach.records.course_line import CourseLine
    from paincoach.records.days import TodayView
    from paincoach.records.practice import Goal, PacingPlanView, SessionSummary
    from paincoach.records.treatments import Dose

CHECK_DUE = "Your weekly check is due: press k (three questions, under a minute)."
CHECK_IN = "Press c to check in: it takes under a minute."
NOTHING_YET = f"Nothing logged yet today. {CHECK_IN}"
NO_CHECK_IN_YET = f"No check-ins or activities yet today. {CHECK_IN}"  # doses only so far


@dataclass(frozen=True)
class TodayData:
    """Everything Today shows, fetched in one worker call."""

    view: TodayView
    plans: list[PacingPlanView]
    goals: list[Goal]
    check_due: bool = False
    sessions: tuple[SessionSummary, ...] = ()
    course: CourseLine | None = None
    flare: FlareSign | None = None
    """A sign of a flare, when Today offers to hold the pacing plans."""
    doses: tuple[Dose, ...] = ()


def fetch_today(services: Services) -> TodayData:
    """Read today's entries, pacing plans and open goals."""
    practice = services.practice
    view = services.journal.today_view()
    due = services.weekly_checks.due(view.today.day, services.settings().week_start)
    sessions = tuple(practice.sessions_on(view.today.day))
    course = services.course.today()
    plans = practice.pacing_plans()
    flare = practice.pacing.flare_offer() if plans else None
    doses = tuple(services.treatments.doses_on(view.today.day))
    return TodayData(view, plans, practice.open_goals(), due, sessions, course, flare, doses)


def flare_offer_text(sign: FlareSign) -> str:
    """Today's offer after a flare: what was seen, and the two keys."""
    return (
        f"Since {sign.what}: f holds your pacing plans this week (no rise next week), "
        "n keeps them as they are."
    )


def sessions_text(sessions: Sequence[SessionSummary]) -> Text:
    """One line per exercise session: time, title, how far it got, the ratings given."""
    return Text("\n").join(describe_session(session, labelled=False) for session in sessions)


def pacing_text(plans: list[PacingPlanView]) -> Text:
    """One line per plan: today's amount, what is done, what is left."""
    return Text("\n".join(pacing_line(plan) for plan in plans))


def goals_text(goals: list[Goal]) -> Text:
    """One line per open goal."""
    return Text("\n".join(f"• {one_line(goal.text, 70)}" for goal in goals))


TODAY_HINT_KEYS = (
    "today.edit",
    "today.delete",
    "today.thought_records",
    "today.goals",
    "today.settings",
    "today.refresh",
)


class TodayScreen(LongViewActions, DoseActions, EntryActions, PaincoachScreen[None]):
    """The home screen."""

    BINDINGS = [
        Binding(
            "c",
            "app.check_in",
            "Check in",
            id="today.check_in",
            tooltip="Record pain, mood and more",
        ),
        Binding(
            "a", "app.log_activity", "Activity", id="today.activity", tooltip="Record what you did"
        ),
        Binding(
            "e",
            "app.exercises",
            "Exercises",
            id="today.exercises",
            tooltip="Breathing, pacing, thought records and more",
        ),
        Binding(
            "h", "app.history", "History", id="today.history", tooltip="Past days, search, edit"
        ),
        Binding(
            "w", "app.week", "Week", id="today.week", tooltip="The week's figures, charts, insights"
        ),
        *DOSE_BINDINGS,
        *LONG_VIEW_BINDINGS,
        Binding(
            "o",
            "app.course",
            "Course",
            id="today.course",
            tooltip="The weekly course: lessons and practices",
            show=False,
        ),
        Binding(
            "p",
            "pacing",
            "Pacing",
            id="today.pacing",
            tooltip="Your pacing plans: hold a week, step back, a goal",
            show=False,
        ),
        Binding(
            "f",
            "hold_plans",
            "Hold plans",
            id="today.hold_plans",
            tooltip="After a flare: no rise next week",
            show=False,  # the offer itself names f; the footer keeps room for F1 Help now
        ),
        Binding(
            "n",
            "not_now",
            "Not now",
            id="today.hold_not_now",
            tooltip="Keep the plans as they are",
            show=False,
        ),
        Binding(
            "k",
            "app.weekly_check",
            "Weekly check",
            id="today.weekly_check",
            tooltip="Three questions about the past seven days",
            show=False,
        ),
        Binding(
            "t",
            "app.thought_records",
            "Thought records",
            id="today.thought_records",
            tooltip="Read past thought records or start one",
            show=False,
        ),
        Binding("g", "goals", "Goals", id="today.goals", tooltip="Mark a goal as done", show=False),
        Binding(
            "s",
            "app.open_settings",
            "Settings",
            id="today.settings",
            tooltip="Theme, region, contacts",
            show=False,
        ),
        Binding(
            "r",
            "app.refresh",
            "Refresh",
            id="today.refresh",
            tooltip="Reload entries saved elsewhere",
            show=False,
        ),
        Binding(
            "enter",
            "edit_entry",
            "Edit",
            id="today.edit",
            tooltip="Change the selected entry",
            show=False,
        ),
        Binding(
            "d,delete",
            "delete_entry",
            "Delete",
            id="today.delete",
            tooltip="Delete the selected entry",
            show=False,
        ),
        Binding("q", "app.quit", "Quit", id="today.quit", tooltip="Close paincoach", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.goals: list[Goal] = []
        self.flare: FlareSign | None = None
        self.rating = RatingQuestion(self)

    def compose(self) -> ComposeResult:
        """Header, today's entries, pacing, goals, the week's sparklines, footer."""
        yield Header(icon="≡")
        with VerticalScroll(id="today"):
            yield Static("Opening your journal…", id="today-title", classes="section-title")
            yield EntryTable(id="today-entries")
            yield Static("", id="today-empty", markup=False)
            yield Static(CHECK_DUE, id="check-due", classes="due")
            yield Static("", id="today-flare", classes="due", markup=False)
            yield Static("", id="today-course", markup=False)
            yield Static("Taken today (m: log one)", id="doses-title", classes="section-title")
            yield DoseTable(id="today-doses")
            yield Static("Exercises today", id="sessions-title", classes="section-title")
            yield Static("", id="today-sessions")
            yield Static("Pacing today (p: your plans)", id="pacing-title", classes="section-title")
            yield Static("", id="today-pacing")
            yield Static(
                "Your goals (g to mark one done)", id="goals-title", classes="section-title"
            )
            yield Static("", id="today-goals")
            yield Static("Last 7 days (y: the year, l: trends)", classes="section-title")
            yield DaySparks(id="today-sparks")
            yield Static("", id="today-figures")
            yield Static(
                hint_line(self.BINDINGS, *TODAY_HINT_KEYS), id="today-hint", classes="hint"
            )
        # No palette key in the footer: it leaves room for F1 Help now at 80 columns (^P works).
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        """Load today's entries."""
        self.sub_title = "Today"
        for widget_id in (
            "today-entries",
            "today-course",
            "doses-title",
            "today-doses",
            "sessions-title",
            "today-sessions",
            "pacing-title",
            "today-pacing",
            "today-flare",
            "goals-title",
            "today-goals",
        ):
            self.query_one(f"#{widget_id}").display = False
        self.call_after_refresh(self.load)

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch today's view in a worker."""
        self.call_service(fetch_today, self.show_data, group="today", failed=self.show_failure)

    def show_data(self, data: TodayData) -> None:
        """Present today's entries, plans, goals and figures."""
        view = data.view
        self.query_one("#today-title", Static).update(f"Today, {view.today.day:%A %d %B}")
        table = self.query_one(EntryTable)
        entries = view.today.entries
        table.show_entries(entries)
        table.display = bool(entries)
        empty = self.query_one("#today-empty", Static)
        empty.update("" if entries else NO_CHECK_IN_YET if data.doses else NOTHING_YET)
        empty.display = not entries
        self.query_one("#check-due").display = data.check_due
        course = self.query_one("#today-course", Static)
        course.update(str(data.course) if data.course else "")
        course.display = data.course is not None
        self.query_one("#doses-title").display = bool(data.doses)
        doses = self.query_one(DoseTable)
        doses.show_doses(data.doses)
        doses.display = bool(data.doses)
        self._show_section("sessions", sessions_text(data.sessions), bool(data.sessions))
        self._show_section("pacing", pacing_text(data.plans), bool(data.plans))
        self.flare = data.flare
        flare = self.query_one("#today-flare", Static)
        flare.update(flare_offer_text(data.flare) if data.flare else "")
        flare.display = data.flare is not None
        self.refresh_bindings()  # f and n only while the offer is shown
        self.goals = data.goals
        self._show_section("goals", goals_text(data.goals), bool(data.goals))
        self._show_week(view)
        startup.resume()  # the start is over
        self.paincoach.warm_up()
        self.rating.today_loaded()  # then ask how a recent dose helped, once

    def _show_section(self, name: str, content: Text, shown: bool) -> None:
        self.query_one(f"#{name}-title").display = shown
        body = self.query_one(f"#today-{name}", Static)
        body.update(content)
        body.display = shown

    def _show_week(self, view: TodayView) -> None:
        days = [figures.day for figures in view.week]
        self.query_one(DaySparks).show(
            days,
            [
                ("Pain", [f.pain_avg for f in view.week]),
                ("Mood", [f.mood_avg for f in view.week]),
                ("Sleep", [f.sleep_avg for f in view.week]),
            ],
        )
        today = view.week[-1]
        parts = []
        if today.pain_avg is not None:
            plural = "s" if today.checkins != 1 else ""
            parts.append(
                f"average pain today {decimals(today.pain_avg, 1)}/10 "
                f"({today.checkins} check-in{plural})"
            )
        if today.activity_minutes:
            parts.append(f"active {today.activity_minutes} min")
        self.query_one("#today-figures", Static).update(" · ".join(parts).capitalize())

    def show_failure(self, error: PaincoachError) -> None:
        """Say why the journal cannot be shown."""
        self.query_one("#today-title", Static).update("Your journal could not be opened")
        empty = self.query_one("#today-empty", Static)
        empty.update(error.message)
        empty.display = True
        startup.resume()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a focused table (entries or doses) opens its row, as Enter does elsewhere."""
        event.stop()
        self.action_edit_entry()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """f and n answer the offer to hold the plans, so they work only while it is shown."""
        if action in ("hold_plans", "not_now"):
            return self.flare is not None
        return True

    def action_pacing(self) -> None:
        """Open the pacing plans."""
        from paincoach.screens.pacing import PacingScreen

        self.paincoach.push_screen(PacingScreen())

    def action_hold_plans(self) -> None:
        """Hold every pacing plan this week that would rise, after a flare."""

        def held(plans: list[PacingPlanView]) -> None:
            self.paincoach.journal_changed()
            self.paincoach.notify(held_words(plans), timeout=5, markup=False)

        self.call_service(lambda s: s.practice.pacing.hold_all(), held, group="hold-plans")

    def action_not_now(self) -> None:
        """Keep the plans as they are; the offer comes back only after a newer sign."""

        def declined(_none: None) -> None:
            self.paincoach.journal_changed()
            self.paincoach.notify("Your plans stay as they are. p shows them.", timeout=4)

        self.call_service(lambda s: s.practice.pacing.decline_offer(), declined, group="hold-plans")

    def action_goals(self) -> None:
        """Choose a goal to mark as done."""
        if not self.goals:
            self.paincoach.notify(
                "No open goals. The SMART goal exercise (e) helps you set one.", timeout=5
            )
            return
        from paincoach.screens.goals import GoalsDialog

        self.paincoach.push_screen(GoalsDialog(self.goals))
