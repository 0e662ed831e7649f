"""How an exercise session ends: finished or left early, saved, and saved again after a problem.

`RunnerScreen` (screens/runner.py) draws the steps and moves between them; this base holds
what happens at the end, so that each part stays readable on its own.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from textual.widget import Widget

from paincoach.core.errors import PaincoachError
from paincoach.exercises.engine import Runner
from paincoach.exercises.session import SessionResult
from paincoach.records.practice import SavedPractice
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.runner_pages import RatingPage, SummaryPage, result_progress

if TYPE_CHECKING:
    from paincoach.services import Services


class Page(Enum):
    """Where the person is in a session."""

    INTRO = "intro"
    STEP = "step"
    AFTER = "after"
    SUMMARY = "summary"


class SessionEnding(PaincoachScreen[SavedPractice | None]):
    """The end of a session: leaving (asks first), saving, the summary's Close and Save again."""

    page: Page
    runner: Runner | None
    result: SessionResult | None
    saved: SavedPractice | None
    saving: bool
    save_failed: bool
    _leaving: bool

    @property
    def run(self) -> Runner:
        """The engine's runner (the screen makes it on mount)."""
        raise NotImplementedError

    @property
    def view(self) -> Widget | None:
        """The page or step view on show."""
        raise NotImplementedError

    async def _show(self) -> None:
        raise NotImplementedError

    def _keep_answer(self) -> None:
        raise NotImplementedError

    # -- ending -------------------------------------------------------------------------

    async def _finish(self) -> None:
        self.result = self.run.result()
        self.page = Page.SUMMARY
        await self._show()
        self._save()

    def _nothing_started(self) -> bool:
        return self.page is Page.INTRO and not self.run.answers and self.run.before is None

    def in_progress(self) -> bool:
        """True while a session has started and is neither at its end nor saved."""
        if self.runner is None or self.saved is not None or self.result is not None:
            return False
        return not self._nothing_started()

    def action_leave(self) -> None:
        """Escape: leave early (asks first; what was done is saved as unfinished)."""
        if self._nothing_started():
            self.dismiss(None)  # nothing started, nothing to save
            return
        self.app.push_screen(
            ConfirmDialog(
                "Leave this exercise?",
                yes="Leave",
                no="Carry on",
                detail="What you did so far is saved, marked as unfinished.",
            ),
            self._leave_answered,
        )

    async def _leave_answered(self, leave: bool | None) -> None:
        if not leave:
            return
        self._keep_answer()
        if self.page is Page.AFTER and isinstance(self.view, RatingPage):
            self.run.set_after(self.view.rating)
        self.result = self.run.leave()
        self._leaving = True
        self._save()

    def _save(self) -> None:
        result = self.result
        assert result is not None
        self.save_failed = False
        self.saving = True
        self.refresh_bindings()
        app = self.paincoach

        def save(services: Services) -> SavedPractice:
            try:
                return services.practice.save_session(result)
            except PaincoachError:
                raise
            except Exception as exc:  # a bug: report it, and still let the person close
                app.call_from_thread(app.report_unexpected, exc)
                raise PaincoachError("Something went wrong while saving.") from exc

        self.call_service(
            save,
            self._saved,
            group="runner-save",
            failed=self._save_problem,
        )

    def _saved(self, saved: SavedPractice) -> None:
        self.saving = False
        self.saved = saved
        self.paincoach.journal_changed()
        if self._leaving:
            assert self.result is not None
            self.app.notify(f"Saved as unfinished: {result_progress(self.result)}.", timeout=4)
            self.dismiss(saved)
        else:
            view = self.view
            if isinstance(view, SummaryPage):
                view.show_saved(saved)
        if saved.concern is not None:  # words of distress or despair: the card, over all
            self.paincoach.offer_help_after(saved)

    async def _save_problem(self, error: PaincoachError) -> None:
        self.saving = False
        self.save_failed = True
        if self.page is not Page.SUMMARY:
            self.page = Page.SUMMARY
            await self._show()
        view = self.view
        if isinstance(view, SummaryPage):
            view.show_failed(error.message)
        self.refresh_bindings()

    def unsaved_session(self) -> SessionResult | None:
        """What must still be saved if the app closes now (None when nothing is owed).

        A session already saved, or one never started, owes nothing; otherwise the session
        so far is returned, marked unfinished unless it reached its end.
        """
        if self.runner is None or self.saved is not None:
            return None
        if self.result is not None:
            return self.result
        if self._nothing_started():
            return None
        self._keep_answer()
        self.result = self.run.leave()
        return self.result

    def action_close(self) -> None:
        """Close the summary (not while the session is still being saved)."""
        if not self.saving:
            self.dismiss(self.saved)

    def action_save_again(self) -> None:
        """Try saving once more (after a problem)."""
        if self.save_failed:
            view = self.view
            if isinstance(view, SummaryPage):
                view.show_saving()
            self._save()
