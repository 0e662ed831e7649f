"""Start an exercise by its id from anywhere (Help now, an offer, a list): load, then run."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp


def start_exercise(
    app: PaincoachApp, exercise_id: str, *, quick: bool = False, bundled: bool = False
) -> None:
    """Load the library in a worker and open the runner on `exercise_id` (or say kindly why not).

    With `quick`, the runner skips the introduction and the opening text steps and goes
    straight to the practice (for a breathing pacer from Help now). With `bundled`, only
    paincoach's own exercises count: Help now never runs a file the person put in place of one.
    """
    app.run_worker(
        partial(_load_and_start, app, exercise_id, quick, bundled),
        thread=True,
        group="start-exercise",
        exit_on_error=False,
    )


def _load_and_start(app: PaincoachApp, exercise_id: str, quick: bool, bundled: bool) -> None:
    try:
        if bundled:
            from paincoach.exercises.loader import load_library

            library = load_library()
        else:
            library = app.services.library()
        exercise = library.get(exercise_id)
    except Exception as exc:  # the library could not be read at all
        app.call_from_thread(app.report_unexpected, exc)
        return
    if exercise is None:
        app.call_from_thread(
            app.notify,
            "That exercise could not be found. Press e on Today to see the exercises there are.",
            severity="warning",
            timeout=8,
        )
        return
    from paincoach.screens.runner import RunnerScreen

    app.call_from_thread(app.push_screen, RunnerScreen(exercise, quick=quick))
