"""Command palette: find an exercise by its title and start it."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from paincoach.core.textsafe import visible
from paincoach.exercises.model import Exercise

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp

PREFIX = "Exercise: "


def help_text(exercise: Exercise) -> str:
    """The summary, escaped: the palette reads help text as markup, and a summary is data."""
    return escape(visible(exercise.summary))


class ExerciseCommands(Provider):
    """Every exercise in the library, searchable by title."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.exercises: list[Exercise] = []

    async def startup(self) -> None:
        """Read the library off the UI thread."""
        app: PaincoachApp = self.app  # type: ignore[assignment]
        try:
            library = await asyncio.to_thread(app.services.library)
        except Exception as exc:  # a broken library must not break the palette
            app.report_unexpected(exc)
            return
        self.exercises = library.sorted()

    def _open(self, exercise: Exercise) -> None:
        from paincoach.screens.exercise_start import run_exercise

        run_exercise(self.app, exercise)

    async def search(self, query: str) -> Hits:
        """Exercises whose title matches what was typed."""
        matcher = self.matcher(query)
        for exercise in self.exercises:
            title = PREFIX + visible(exercise.title)
            score, offsets = matcher.fuzzy_search.match(matcher.query, title)
            if score <= 0:
                continue
            shown = Content(title)  # a title is data, never markup
            for offset in offsets:
                shown = shown.stylize(matcher.match_style, offset, offset + 1)
            yield Hit(
                score,
                shown,
                partial(self._open, exercise),
                text=title,
                help=help_text(exercise),
            )

    async def discover(self) -> Hits:
        """Every exercise, in library order, before anything is typed."""
        for exercise in self.exercises:
            title = PREFIX + visible(exercise.title)
            yield DiscoveryHit(
                Content(title), partial(self._open, exercise), text=title, help=help_text(exercise)
            )
