"""Start an exercise by its id from anywhere (Help now, an offer, a list): load, then run.

Help now's exercises (`bundled`) are paincoach's own files, read one by one and kept: they
start at once, with no worker, and never wait for the library (a person's folder of huge
files can take seconds to read).

A safety plan starts from what the person wrote before, so that running it again edits it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from paincoach.screens.base import call_service

if TYPE_CHECKING:
    from textual.app import App

    from paincoach.app import PaincoachApp
    from paincoach.exercises.model import Exercise
    from paincoach.services import Services

SAFETY_PLAN_KIND = "safety_plan"

Found = tuple["Exercise | None", Mapping[str, object] | None]


def start_answers(services: Services, exercise: Exercise) -> Mapping[str, object] | None:
    """What a session of `exercise` starts from: the stored safety plan, for that kind."""
    if exercise.kind != SAFETY_PLAN_KIND:
        return None
    plan = services.practice.safety_plan()
    return plan.as_answers() if plan is not None else None


def start_exercise(
    app: PaincoachApp, exercise_id: str, *, quick: bool = False, bundled: bool = False
) -> None:
    """Load the library in a worker and open the runner on `exercise_id` (or say kindly why not).

    With `quick`, the runner skips the introduction and the opening text steps and goes
    straight to the practice (for a breathing pacer from Help now). With `bundled`, only
    paincoach's own exercises count: Help now never runs a file the person put in place of one,
    and the one file is read here, without the library (see `loader.load_bundled`).
    """

    def find(services: Services) -> Found:
        exercise = services.library().get(exercise_id)
        return exercise, start_answers(services, exercise) if exercise is not None else None

    def open_runner(found: Found) -> None:
        exercise, answers = found
        if exercise is None:
            app.notify(
                "That exercise could not be found. "
                "Press e on Today to see the exercises there are.",
                severity="warning",
                timeout=8,
            )
            return
        from paincoach.screens.runner import RunnerScreen

        app.push_screen(RunnerScreen(exercise, quick=quick, answers=answers))

    if bundled:
        from paincoach.exercises.loader import load_bundled

        exercise = load_bundled(exercise_id)  # one small file, usually read already
        if exercise is None or exercise.kind != SAFETY_PLAN_KIND:
            open_runner((exercise, None))
            return
        # The safety plan starts from what the person wrote: a read of the journal.
        call_service(
            app,
            lambda services: (exercise, start_answers(services, exercise)),
            open_runner,
            group="start-exercise",
        )
        return
    call_service(app, find, open_runner, group="start-exercise")


def warm_bundled(app: PaincoachApp, *exercise_ids: str) -> None:
    """Read paincoach's own exercises in a worker now, so starting them later is instant."""

    def read(_services: Services) -> None:
        from paincoach.exercises.loader import load_bundled

        for exercise_id in exercise_ids:
            load_bundled(exercise_id)

    call_service(app, read, lambda _none: None, group="warm-bundled")


def run_exercise(app: App[object], exercise: Exercise) -> None:
    """Open the runner on an exercise already loaded (from the library or the palette)."""
    from paincoach.screens.runner import RunnerScreen

    if exercise.kind != SAFETY_PLAN_KIND:
        app.push_screen(RunnerScreen(exercise))
        return
    call_service(
        app,
        lambda services: start_answers(services, exercise),
        lambda answers: app.push_screen(RunnerScreen(exercise, answers=answers)),
        group="start-exercise",
    )
