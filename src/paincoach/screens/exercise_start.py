"""Start an exercise by its id from anywhere (Help now, an offer, a list): load, then run.

Help now's exercises (`bundled`) are paincoach's own files, read one by one and kept: they
start at once, with no worker, and never wait for the library (a person's folder of huge
files can take seconds to read).
"""

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
    paincoach's own exercises count: Help now never runs a file the person put in place of one,
    and the one file is read here, without the library (see `loader.load_bundled`).
    """

    def find(services: Services) -> Exercise | None:
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

    if bundled:
        from paincoach.exercises.loader import load_bundled

        open_runner(load_bundled(exercise_id))  # one small file, usually read already
        return
    call_service(app, find, open_runner, group="start-exercise")


def warm_bundled(app: PaincoachApp, *exercise_ids: str) -> None:
    """Read paincoach's own exercises in a worker now, so starting them later is instant."""

    def read(_services: Services) -> None:
        from paincoach.exercises.loader import load_bundled

        for exercise_id in exercise_ids:
            load_bundled(exercise_id)

    call_service(app, read, lambda _none: None, group="warm-bundled")
