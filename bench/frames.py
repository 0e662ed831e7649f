"""When a Textual app puts a frame on the terminal: a clock on `App._display`.

Textual draws in one place: each screen update ends in `App._display(screen, update)`, which
turns the compositor's update into terminal output and writes it. Under the headless driver
that method returns before turning the update into text, so this hook does that part
itself (`render_segments`, the same call a real terminal gets) and then stamps the time.
A frame therefore counts once everything the person would see is composed and encoded.

Waiters ask for "the first frame for which `ready(screen)` holds"; the hook checks them on
every frame, on the UI thread, after the frame is made. It imports Textual only, so a
hello-world app measured with it pays for nothing else.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual.app import App

Ready = Callable[[Any], bool]


class FrameClock:
    """Stamps every frame an app displays and wakes whoever waits for a given one."""

    def __init__(self) -> None:
        self.frames = 0
        self.last_ns = 0
        self._waiters: list[tuple[Ready, Callable[[int], None]]] = []

    def install(self) -> FrameClock:
        """Wrap `App._display` (every app in this process) with the clock."""
        original = App._display
        clock = self

        def _display(app: App[Any], screen: Any, renderable: Any) -> None:
            original(app, screen, renderable)
            if renderable is None or app._batch_count:
                return
            if app.is_headless and hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)  # what a terminal would be sent
            clock._frame(screen)

        App._display = _display  # type: ignore[method-assign,assignment]
        return self

    def _frame(self, screen: Any) -> None:
        self.frames += 1
        self.last_ns = time.monotonic_ns()  # one clock for every process (Linux)
        for waiter in list(self._waiters):
            ready, done = waiter
            if ready(screen):
                self._waiters.remove(waiter)
                done(self.last_ns)

    def on_frame(self, ready: Ready, done: Callable[[int], None]) -> None:
        """Call `done(ns)` at the first frame from now on for which `ready(screen)` holds."""
        self._waiters.append((ready, done))

    def expect(self, ready: Ready) -> asyncio.Future[int]:
        """A future for the time of the first frame from now on for which `ready` holds."""
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def done(ns: int) -> None:
            if not future.done():
                future.set_result(ns)

        self.on_frame(ready, done)
        return future

    async def frame(self, ready: Ready, timeout: float = 30.0) -> int:
        """Wait for the first frame from now on for which `ready(screen)` holds; its time."""
        return await asyncio.wait_for(self.expect(ready), timeout)


def named(name: str) -> Ready:
    """Ready when the frame is of a screen of the class called `name`."""
    return lambda screen: type(screen).__name__ == name
