"""Keys in the order they were typed: the app hands a key on only once the last one is done.

Textual sends each key to whatever has focus when the key *arrives*, but a key's bindings
(Tab's "next field", a form's Enter, Today's `c`) run only once the key has bubbled up
through the message queue of every container between the field and the app. When a dialog
has just opened, those queues are busy mounting it, so a fast typist's `6`, Tab, `4` used
to reach the pain field before Tab had moved focus to mood: pain was saved as 4 and mood
not at all. A new dialog is worse: keys typed before it has mounted reached no field.

`KeyTurns` holds each key that arrives while an earlier one is still on its way, and lets
it go when the earlier key has been through every queue on its path (and the messages its
handling posted have bubbled up that path too), the app has run what it triggered, and any
screen it opened has mounted and set its focus. Each step is a
callback in the next queue (`call_later`), so no timing is involved: a key waits exactly as
long as the app is busy with the one before it, which is a few milliseconds when idle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

#: Rounds of "let the current screen and the app catch up" after a key, while the key keeps
#: changing the screen or the focus (a dialog that opens another); a bound, not a timing.
SETTLE_ROUNDS = 4

Handle = Callable[[events.Event], Awaitable[None]]


class KeyTurns:
    """One typed key (or paste) at a time, each after the effects of the one before."""

    def __init__(self, app: App[Any], handle: Handle) -> None:
        self._app = app
        self._handle = handle
        self._waiting: deque[events.Event] = deque()
        self._busy = False
        self._turn = 0
        self._state: tuple[object, object] = (None, None)

    @property
    def busy(self) -> bool:
        """True while a key is on its way (tests wait for this to be False)."""
        return self._busy or bool(self._waiting)

    async def arrived(self, event: events.Event) -> None:
        """Handle a key (or paste) straight from the terminal, or queue it behind the last."""
        if self._busy:
            self._waiting.append(event)
            return
        await self._start(event)

    async def _start(self, event: events.Event) -> None:
        self._busy = True
        self._turn += 1
        turn = self._turn
        try:
            await self._handle(event)  # priority bindings run here; otherwise it is forwarded
        except BaseException:
            self._app.call_later(self._next)  # the keys after it still go, in their order
            raise
        app = self._app
        target = app.focused or app.screen
        path: list[MessagePump] = [target, *target.ancestors]
        if path[-1] is not app:
            path.append(app)
        # Twice along the path: a key's own handling can post a message that then bubbles
        # up the same path (Enter in a field posts `Input.Submitted`, and a step view moves
        # the focus when it arrives). The first walk reaches each queue just ahead of that
        # message; the second follows it up, queue by queue, so the next key waits for it.
        self._follow(path + path, 0, turn, rounds=0)

    def _follow(self, path: list[MessagePump], index: int, turn: int, *, rounds: int) -> None:
        """Step into the next queue on the key's path, after what is already queued there."""
        while index < len(path):
            node = path[index]
            if node.call_later(self._follow, path, index + 1, turn, rounds=rounds):
                return
            index += 1  # a closed node: the key stopped before it
        self._caught_up(turn, rounds)

    def _caught_up(self, turn: int, rounds: int) -> None:
        """The key (or the last round) is through; settle what it changed, then the next key."""
        if turn != self._turn:
            return
        app = self._app
        state = (app.screen, app.focused)
        if rounds < SETTLE_ROUNDS and (rounds == 0 or state != self._state):
            # Let the screen (a dialog being mounted) and then the app (the focus it asked
            # for) process what the key queued there.
            self._state = state
            self._follow([app.screen, app], 0, turn, rounds=rounds + 1)
            return
        app.call_later(self._next)

    async def _next(self) -> None:
        self._busy = False
        if self._waiting:
            await self._start(self._waiting.popleft())
