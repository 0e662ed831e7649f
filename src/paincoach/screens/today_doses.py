"""Doses on Today: logging a dose, and the one gentle rating question (the "Taken today"
rows are a `widgets.dose_table.DoseTable`; `entry_actions` changes or deletes one).

Kept apart from screens/today.py (near its size limit); Today calls these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from paincoach.records.describe import rating
from paincoach.records.treatments import NO_ADVICE, Dose
from paincoach.screens.base import ServiceCalls
from paincoach.widgets.dose_table import dose_words

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp
    from paincoach.screens.dose_dialog import Logged
    from paincoach.screens.dose_rating import Rated
    from paincoach.screens.today import TodayScreen
    from paincoach.services import Services

DOSE_BINDINGS = [
    Binding(
        "m",
        "dose",
        "Medicine",
        id="today.dose",
        tooltip="Medicine or treatment: log a dose (a number logs one you use often)",
    ),
    # Ctrl+T, not a letter: t (thought records) and r (refresh) are taken, a capital is
    # awkward to type in pain, and the dose dialog takes the same key while typing a name.
    Binding(
        "ctrl+t",
        "treatments",
        "Treatments",
        id="today.treatments",
        tooltip="Your regular treatments: start or stop one",
        show=False,
    ),
]
"""Today's keys for doses (spliced into TodayScreen.BINDINGS)."""
RETRY_S = 0.2
"""While the journal is still opening, look again this often whether the question may come."""


def open_dose(app: PaincoachApp) -> None:
    """Open the dose dialog (from Today's m or the palette)."""
    from paincoach.screens.dose_dialog import DoseDialog

    if not isinstance(app.screen, DoseDialog):
        app.push_screen(DoseDialog(), lambda logged: after_dose(app, logged))


def open_treatments(app: PaincoachApp) -> None:
    """Open the regular treatments (from Today's Ctrl+T, the dose dialog or the palette)."""
    from paincoach.screens.treatments import TreatmentsScreen

    if not isinstance(app.screen, TreatmentsScreen):
        app.push_screen(TreatmentsScreen())


def after_dose(app: PaincoachApp, logged: Logged | None) -> None:
    """Say what was kept; the first time ever, also that paincoach gives no advice."""
    if logged is None:
        return
    app.journal_changed()
    dose = logged.dose
    app.notify(f"Saved: {dose_words(dose)} at {dose.at:%H:%M}.", timeout=4, markup=False)
    if logged.say_no_advice:
        app.notify(NO_ADVICE, timeout=15, markup=False)


class RatingQuestion:
    """Ask once, after Today has shown its data, how much a recent dose helped.

    Only while Today is the screen on top (never over Help now, the first-run notice or a
    form the person opened); if another screen is up, the question waits until Today is back.
    """

    def __init__(self, today: TodayScreen) -> None:
        self.today = today
        self.looked = False
        """True once `due_rating` was asked (once per app run)."""
        self.waiting: Dose | None = None
        """A dose found while another screen was on top: asked when Today is back."""
        self._retrying = False
        self.ready = False
        """True once Today has shown its data (the question never comes before)."""

    def today_loaded(self) -> None:
        """Today has shown its data: the question may come now, or when Today is back."""
        self.ready = True
        self.when_free()

    def when_free(self) -> None:
        """Look for a dose to ask about, or ask about the one found, if Today is on top."""
        app = self.today.paincoach
        if not app.opened:
            if not self._retrying:  # the journal is opening: look again shortly
                self._retrying = True
                self.today.set_timer(RETRY_S, self._retry)
            return
        if app.screen is not self.today:
            return
        if self.waiting is not None:
            dose, self.waiting = self.waiting, None
            self._ask(dose)
        elif not self.looked:
            self.looked = True
            self.today.call_service(
                lambda s: s.treatments.due_rating(), self._found, group="due-rating"
            )

    def _retry(self) -> None:
        self._retrying = False
        self.when_free()

    def _found(self, dose: Dose | None) -> None:
        if dose is None:
            return
        self.waiting = dose
        self.when_free()

    def _ask(self, dose: Dose) -> None:
        from paincoach.screens.dose_rating import RateDoseDialog

        app = self.today.paincoach
        app.push_screen(RateDoseDialog(dose), lambda answer: self._answered(dose, answer))

    def _answered(self, dose: Dose, answer: Rated | None) -> None:
        app = self.today.paincoach

        def keep(services: Services) -> Dose | None:
            treatments = services.treatments
            treatments.mark_asked(dose.uid)
            if answer is None:
                return None
            return treatments.rate(dose.uid, answer.relief, answer.side_effects)

        def kept(rated: Dose | None) -> None:
            if rated is not None:
                app.journal_changed()
                app.notify(
                    f"Thank you: {dose_words(rated)} helped {rating(rated.relief)}.",
                    timeout=4,
                    markup=False,
                )

        self.today.call_service(keep, kept, group="rate-dose")


class DoseActions(ServiceCalls):
    """Today's dose keys, and the rating question when Today is back on top."""

    rating: RatingQuestion

    def action_dose(self) -> None:
        """Log a medicine or treatment taken."""
        open_dose(self.paincoach)

    def action_treatments(self) -> None:
        """Open the regular treatments."""
        open_treatments(self.paincoach)

    def on_screen_resume(self) -> None:
        """Back on Today: a rating question that waited may be asked now."""
        if self.rating.ready:
            self.rating.when_free()
