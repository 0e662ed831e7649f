"""Start an exercise by its id from anywhere (Help now, an offer, a list): load, then run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from paincoach.screens.base import call_service

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp
    from paincoach.exercises.model import Exercise
    from paincoach.services import Services


def start_exercise(
    app: PaincoachApp, exercise_id: str, *, quick: bool = False, bundled: bool = False
) -> None:
    """Load the library in a worker and open the runner on `exercise_id` (or say kindly why not).

    With `quick`, the runner skips the introduction and the opening text steps and goes
    straight to the practice (for a breathing pacer from Help now). With `bundled`, only
    paincoach's own exercises count: Help now never runs a file the person put in place of one.
    """

    def find(services: Services) -> Exercise | None:
        if bundled:
            from paincoach.exercises.loader import load_library

            return load_library().get(exercise_id)
        return services.library().get(exercise_id)

    def open_runner(exercise: Exercise | None) -> None:
        if exercise is None:
            app.notify(
                "That exercise could not be found. "
                "Press e on Today to see the exercises there are.",
                severity="warning",
                timeout=8,
            )
            return
        from paincoach.screens.runner import RunnerScreen

        app.push_screen(RunnerScreen(exercise, quick=quick))

    call_service(app, find, open_runner, group="start-exercise")
