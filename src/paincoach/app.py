"""The paincoach Textual app: screens, app-wide keys and the command palette.

The app draws its first screen before the journal is opened: opening (and importing the
ORM) happens in a worker thread, and screens show their data when it arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen

from paincoach.core import clock, startup
from paincoach.core.errors import PaincoachError
from paincoach.core.paths import privacy_warning
from paincoach.screens.key_order import KeyTurns
from paincoach.screens.messages import JournalChanged
from paincoach.services import Services
from paincoach.settings import Settings
from paincoach.widgets.too_small import TooSmallNotice, too_small


def exercise_commands() -> type[Provider]:
    """The palette provider that finds exercises by title (imported when first used)."""
    from paincoach.screens.exercise_commands import ExerciseCommands

    return ExerciseCommands


STARTUP_LIMIT_S = 10.0
BACKUP_CHECK_S = 60.0
"""How often an open app looks whether a new day has begun, to take that day's snapshot."""


WARM_UP_DELAY_S = 0.5
NEW_CHECKIN = "new-check-in"
WAITING_FOR_IMPORT = (
    "Another paincoach is importing into your journal. This is saved as soon as the import "
    "finishes; nothing is lost meanwhile."
)


class PaincoachApp(App[None]):
    """A coping journal for living with chronic pain."""

    TITLE = "paincoach"
    COMMANDS = App.COMMANDS | {exercise_commands}
    CSS_PATH = ["app.tcss", "practice.tcss"]
    BINDINGS = [
        Binding(
            "f1",
            "help_now",
            "Help now",
            priority=True,
            id="app.help_now",
            tooltip="Crisis lines, emergency numbers and your own contacts",
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            priority=True,
            id="app.quit",
            tooltip="Close paincoach",
            show=False,
        ),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        services.on_import_wait = self._waiting_for_import
        self.settings = Settings()
        self.unexpected_errors: list[BaseException] = []
        self._warmed = False
        self._backup_day: date | None = None
        """The day the automatic snapshot was last looked after (by paincoach's clock)."""
        self.opened = False
        """True once the journal is open (or could not be), and the right screen is up."""
        self.keys = KeyTurns(self, super().on_event)
        """Typed keys, handed on one at a time (see `screens/key_order.py`)."""

    # -- start-up -----------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """Today is the first screen, shown at once (the journal opens behind it)."""
        from paincoach.screens.today import TodayScreen

        return TodayScreen()

    def on_mount(self) -> None:
        """Open the journal behind Today."""
        self.call_after_refresh(self._start)
        # Today resumes garbage collection once it shows its data; this is in case it never does.
        self.set_timer(STARTUP_LIMIT_S, startup.resume)

    @work(thread=True, exclusive=True, group="startup", exit_on_error=False)
    def _start(self) -> None:
        try:
            settings = self.services.settings()
        except PaincoachError as exc:
            self.call_from_thread(self._open_failed, exc)
            return
        self.call_from_thread(self._opened, settings)
        self._daily_backup()

    def backup_if_new_day(self) -> None:
        """Take the new day's snapshot when the app is left open past midnight (a timer)."""
        if self._backup_day is not None and self.services.clock().date() > self._backup_day:
            self._backup_in_worker()

    @work(thread=True, exclusive=True, group="daily-backup", exit_on_error=False)
    def _backup_in_worker(self) -> None:
        self._daily_backup()

    def _daily_backup(self) -> None:
        """Today's automatic snapshot, on the first open of the day (never fatal)."""
        today = self.services.clock().date()
        self._backup_day = today  # tried once a day: a failure is not retried every minute
        if self.services.db.read_only:
            return
        from paincoach.transfer.backup import daily_backup_if_due

        try:
            daily_backup_if_due(self.services.db.path, today)
        except (PaincoachError, OSError) as exc:
            reason = exc.message if isinstance(exc, PaincoachError) else str(exc)
            self.call_from_thread(
                self.notify,
                f"Today's automatic backup was not made. {reason}",
                severity="warning",
                timeout=10,
                markup=False,
            )

    def _opened(self, settings: Settings) -> None:
        self.apply_settings(settings)
        if self.services.db.read_only:
            self.notify(
                self.services.db.read_only_reason, severity="warning", timeout=15, markup=False
            )
        warning = privacy_warning(self.services.home)
        if warning:
            self.notify(warning, severity="warning", timeout=15, markup=False)
        if settings.acknowledged_at is None:
            from paincoach.screens.first_run import FirstRunScreen

            self.push_screen(FirstRunScreen())
        self.set_interval(BACKUP_CHECK_S, self.backup_if_new_day)
        self.opened = True

    def _open_failed(self, error: PaincoachError) -> None:
        from paincoach.screens.problem import ProblemScreen

        self.push_screen(ProblemScreen(error.message))
        self.opened = True

    def warm_up(self) -> None:
        """Soon after Today shows its data, import the forms' code in the background.

        The first check-in would otherwise pay 80-150 ms to import its screens and widgets;
        a short delay keeps the import off the frames that show Today.
        """
        if not self._warmed:
            self._warmed = True
            self.set_timer(WARM_UP_DELAY_S, self._warm_imports)

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_imports(self) -> None:
        import paincoach.screens.activity
        import paincoach.screens.checkin
        import paincoach.screens.history
        import paincoach.screens.offer
        import paincoach.screens.support_card
        import paincoach.screens.week  # noqa: F401

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings (theme now; others as screens read them)."""
        self.settings = settings
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal take turns, so each lands where it was typed."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            await self.keys.arrived(event)
            return
        await super().on_event(event)

    # -- size ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Cover the screen with a notice while the terminal is too small."""
        width, height = event.size
        self.set_class(too_small(width, height), "-too-small")
        for screen in self.screen_stack:
            for notice in screen.query(TooSmallNotice):
                notice.update_size(width, height)

    # -- app-wide actions -----------------------------------------------------------

    def action_help_now(self) -> None:
        """Open Help now (once, from anywhere)."""
        from paincoach.screens.help_now import HelpNowDialog

        if not isinstance(self.screen, HelpNowDialog):
            self.push_screen(HelpNowDialog())

    def action_check_in(self) -> None:
        """Record a check-in."""
        from paincoach.screens.checkin import CheckInDialog

        # One new-check-in dialog is kept and reused: opening it is then a matter of showing
        # it, not of building it (see docs/performance.md).
        if self.is_screen_installed(NEW_CHECKIN):
            dialog = self.get_screen(NEW_CHECKIN)
            assert isinstance(dialog, CheckInDialog)
            dialog.prepare_new()
        else:
            self.install_screen(CheckInDialog(), NEW_CHECKIN)
        self.push_screen(NEW_CHECKIN, self._after_checkin)

    def _after_checkin(self, saved: object) -> None:
        if saved is None:
            return
        self.journal_changed()
        if not self.offer_help_after(saved):
            self.notify("Check-in saved.", timeout=3)

    def offer_help_after(self, saved: object, *, edited: bool = False) -> bool:
        """After a save, the support card or the offer of a skill; False when neither is due."""
        from paincoach.screens.after_save import offer_help_after

        return offer_help_after(self, saved, edited=edited)

    def offer_chosen(self, exercise_id: str | None) -> None:
        """Start the exercise chosen from the card or the offer, if any."""
        from paincoach.screens.offer import FLARE_PLAN

        if exercise_id == FLARE_PLAN:  # the person's own plan, or paincoach's way to write one
            from paincoach.screens.own_plans import FLARE, show_or_write

            show_or_write(self, FLARE)
        elif exercise_id:
            # paincoach's own file, read alone: a hard moment never waits for the library
            from paincoach.screens.exercise_start import start_exercise

            start_exercise(self, exercise_id, bundled=True)

    def action_log_activity(self) -> None:
        """Record an activity."""
        from paincoach.screens.activity import ActivityDialog

        self.push_screen(ActivityDialog(), self._after_activity)

    def _after_activity(self, saved: object) -> None:
        if saved is not None:
            self.journal_changed()
            if not self.offer_help_after(saved):
                self.notify("Activity saved.", timeout=3)

    def action_exercises(self) -> None:
        """Open the exercise library."""
        from paincoach.screens.exercises import ExercisesScreen

        if not isinstance(self.screen, ExercisesScreen):
            self.push_screen(ExercisesScreen())

    def action_thought_records(self) -> None:
        """Open past thought records."""
        from paincoach.screens.thought_records import ThoughtRecordsScreen

        if not isinstance(self.screen, ThoughtRecordsScreen):
            self.push_screen(ThoughtRecordsScreen())

    def action_start_exercise(self, exercise_id: str, quick: bool = False) -> None:
        """Start an exercise by id (quick: straight to the practice, e.g. from Help now)."""
        from paincoach.screens.exercise_start import start_exercise

        start_exercise(self, exercise_id, quick=quick)

    def action_course(self) -> None:
        """Open the course."""
        from paincoach.screens.course import CourseScreen

        if not isinstance(self.screen, CourseScreen):
            self.push_screen(CourseScreen())

    def action_week(self) -> None:
        """Open the week view."""
        from paincoach.screens.week import WeekScreen

        if not isinstance(self.screen, WeekScreen):
            self.push_screen(WeekScreen())

    def action_weekly_check(self) -> None:
        """Answer this week's three questions."""
        from paincoach.screens.weekly_check import WeeklyCheckDialog

        def saved(result: object) -> None:
            if result is not None:
                self.journal_changed()
                self.notify("Weekly check saved.", timeout=3)

        self.push_screen(WeeklyCheckDialog(self.settings.week_start), saved)

    def action_history(self) -> None:
        """Open History."""
        from paincoach.screens.history import HistoryScreen

        if not isinstance(self.screen, HistoryScreen):
            self.push_screen(HistoryScreen())

    def action_open_settings(self) -> None:
        """Open Settings."""
        from paincoach.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen())

    async def action_quit(self) -> None:
        """Close paincoach (asks first if typing would be lost or an exercise is under way)."""
        from paincoach.screens.quitting import quit_safely

        await quit_safely(self)

    def action_refresh(self) -> None:
        """Reload what the screens show (e.g. after logging from the command line)."""
        self.journal_changed()

    def journal_changed(self) -> None:
        """Tell every open screen that entries changed."""
        for screen in self.screen_stack:
            screen.post_message(JournalChanged())

    # -- problems -------------------------------------------------------------------

    def _waiting_for_import(self) -> None:
        """A save waits for an import in another paincoach: say so (from the waiting worker)."""
        try:
            self.call_from_thread(
                self.notify, WAITING_FOR_IMPORT, title="Waiting", timeout=15, markup=False
            )
        except RuntimeError:  # on the app's own thread, or the app has closed
            if self.is_running:
                self.notify(WAITING_FOR_IMPORT, title="Waiting", timeout=15, markup=False)

    def show_problem(self, error: PaincoachError) -> None:
        """Show an expected problem as a notification that stays long enough to read."""
        self.notify(
            error.message,
            title="Not saved" if "saved" in error.message else "",
            severity="error",
            timeout=12,
            markup=False,
        )

    def report_unexpected(self, error: BaseException) -> None:
        """A bug: say so kindly, keep the app running, and remember it for tests."""
        self.unexpected_errors.append(error)
        self.log.error(repr(error))
        self.notify(
            f"Something went wrong ({type(error).__name__}). Anything you saw saved is safe.",
            severity="error",
            timeout=12,
            markup=False,
        )

    # -- command palette ------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every main action, searchable in the command palette."""
        from paincoach.screens.palette import main_actions

        yield from main_actions(self)
        yield from super().get_system_commands(screen)


def create_app(home: Path, *, clock: Callable[[], datetime] = clock.now) -> PaincoachApp:
    """Build the app for a data folder (no I/O happens until it runs)."""
    return PaincoachApp(Services(home, clock))


def run_app(home: Path) -> int:
    """Run the app in the terminal; returns an exit status."""
    app = create_app(home)
    try:
        app.run()
    finally:
        app.services.close()
    return 0 if not app.unexpected_errors else 1
