"""Quitting without losing anything: ask first when typing would be lost, save sessions.

Ctrl+Q (and Today's `q`) close paincoach from anywhere. A form with unsaved typing, or an
exercise under way, makes it ask first, as Escape does; an exercise is then kept, marked
unfinished, with the answer of the step the person was on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from paincoach.core.errors import PaincoachError
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.form import EntryForm
from paincoach.screens.runner import RunnerScreen

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp


class QuitQuestion(ConfirmDialog):
    """ "Quit paincoach?", asked when quitting now would lose typing or stop an exercise."""


def what_quitting_stops(app: PaincoachApp) -> str:
    """What the person would lose or leave by quitting now, in words ("" when nothing)."""
    lines: list[str] = []
    for screen in app.screen_stack:
        if isinstance(screen, EntryForm) and screen.has_changes():
            lines.append(f"{screen.describe()} you are typing is not saved yet.")
        elif isinstance(screen, RunnerScreen) and screen.in_progress():
            lines.append("The exercise so far will be saved, marked as unfinished.")
    return " ".join(lines)


async def quit_safely(app: PaincoachApp) -> None:
    """Ask first if quitting would lose typing or stop an exercise; otherwise quit."""
    if isinstance(app.screen, QuitQuestion):
        return  # already asking
    stops = what_quitting_stops(app)
    if not stops:
        quit_now(app)
        return

    def answered(leave: bool | None) -> None:
        if leave:
            quit_now(app)

    question = QuitQuestion("Quit paincoach?", yes="Quit", no="Go back", detail=stops)
    app.push_screen(question, answered)


def quit_now(app: PaincoachApp) -> None:
    """Save any exercise in progress (as unfinished), then close."""
    for screen in app.screen_stack:
        if not isinstance(screen, RunnerScreen):
            continue
        result = screen.unsaved_session()
        if result is None:
            continue
        try:  # a few milliseconds on the UI thread: the app is closing anyway
            app.services.practice.save_session(result)
        except PaincoachError as exc:
            app.show_problem(exc)
            return  # stay open, so the person sees why and can try again
    app.exit()
