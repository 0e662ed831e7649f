"""A keyboard-first 0-10 rating: digits set it, arrows move it, words label both ends."""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

TEN_WINDOW = 1.5  # seconds: "1" then "0" within this makes 10


class RatingInput(Widget, can_focus=True):
    """Choose a whole number from 0 to 10 (or leave an optional one empty)."""

    DEFAULT_CSS = """
    RatingInput {
        height: 2;
        width: 1fr;
        padding: 0 1;
    }
    RatingInput:focus {
        background: $boost;
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Lower", show=False),
        Binding("right", "step(1)", "Higher", show=False),
        Binding("home", "set(0)", "Lowest", show=False),
        Binding("end", "set(10)", "Highest", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)
    """The chosen rating, or None while not given."""

    @dataclass
    class Changed(Message):
        """The rating changed."""

        rating: RatingInput
        """The widget that changed."""
        value: int | None
        """The new value."""

        @property
        def control(self) -> RatingInput:
            """The widget that changed (for `on(..., selector)`)."""
            return self.rating

    def __init__(
        self,
        label: str,
        low: str,
        high: str,
        *,
        value: int | None = None,
        required: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.low = low
        self.high = high
        self.required = required
        self._last_one_at = -100.0
        self.set_reactive(RatingInput.value, value)

    def render(self) -> Text:
        """Two lines: the label and value, then the scale with its end labels."""
        marker = "› " if self.has_focus else "  "
        need = " (needed)" if self.required else " (optional)"
        shown = "not given" if self.value is None else f"{self.value} of 10"
        title = Text.assemble((marker + self.label, "bold"), (need, "dim"), "  ", (shown, "bold"))
        scale = Text.assemble((self.low, "italic"), " ")
        for number in range(11):
            if number == self.value:
                scale.append(f"[{number}]", style="bold reverse")
            else:
                scale.append(f" {number} ")
        scale.append(" ")
        scale.append(self.high, style="italic")
        return Text("\n").join([title, scale])

    def watch_value(self, value: int | None) -> None:
        """Tell the form the value changed."""
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        """Move the value by `delta`, starting from the middle when empty."""
        start = 5 if self.value is None else self.value
        self.value = max(0, min(10, start + (delta if self.value is not None else 0)))

    def action_set(self, number: int) -> None:
        """Set the value."""
        self.value = number

    def action_clear(self) -> None:
        """Empty an optional rating (a required one keeps its value)."""
        if not self.required:
            self.value = None

    def on_key(self, event: events.Key) -> None:
        """Digits set the value; '1' then '0' quickly makes 10."""
        if (
            event.character is None
            or not event.character.isdigit()
            or not event.character.isascii()
        ):
            return
        event.stop()
        digit = int(event.character)
        now = time.monotonic()
        if digit == 0 and self.value == 1 and now - self._last_one_at <= TEN_WINDOW:
            self.value = 10
        else:
            self.value = digit
        self._last_one_at = now if digit == 1 else -100.0

    def on_click(self, event: events.Click) -> None:
        """Clicking a number on the scale chooses it."""
        if event.y != 1:
            return
        column = event.x - 1 - len(self.low) - 1  # padding, low label, space
        if 0 <= column < 33:
            self.value = column // 3
