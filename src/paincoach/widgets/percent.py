"""A keyboard-first 0-100 rating drawn as a slider: digits type it, arrows move it."""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

TYPE_WINDOW = 1.5  # seconds: digits typed within this build one number ("4", "5" is 45)
STEP = 5
MARKER = "●"
FILLED = "━"
EMPTY = "─"


class PercentInput(Widget, can_focus=True):
    """Choose a whole number from 0 to 100 (or leave an optional one empty)."""

    DEFAULT_CSS = """
    PercentInput {
        height: 2;
        width: 1fr;
        padding: 0 1;
    }
    PercentInput:focus {
        background: $boost;
    }
    """

    BINDINGS = [
        Binding("left", "step(-5)", "Lower", show=False),
        Binding("right", "step(5)", "Higher", show=False),
        Binding("shift+left", "step(-1)", "Lower by 1", show=False),
        Binding("shift+right", "step(1)", "Higher by 1", show=False),
        Binding("home", "set(0)", "Lowest", show=False),
        Binding("end", "set(100)", "Highest", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)
    """The chosen number, or None while not given."""

    @dataclass
    class Changed(Message):
        """The number changed."""

        percent: PercentInput
        """The widget that changed."""
        value: int | None
        """The new value."""

        @property
        def control(self) -> PercentInput:
            """The widget that changed (for `on(..., selector)`)."""
            return self.percent

    def __init__(
        self,
        label: str,
        low: str = "",
        high: str = "",
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
        self._typed = ""
        self._typed_at = -100.0
        self.set_reactive(PercentInput.value, value)

    def render(self) -> Text:
        """The label and number, then the slider between its end labels."""
        marker = "› " if self.has_focus else "  "
        need = " (needed)" if self.required else " (optional)"
        shown = "not given" if self.value is None else f"{self.value} of 100"
        title = Text.assemble((marker + self.label, "bold"), (need, "dim"), "  ", (shown, "bold"))
        return Text("\n").join([title, self._slider()])

    def _slider(self) -> Text:
        low = f"{self.low} " if self.low else ""
        high = f" {self.high}" if self.high else ""
        width = max(11, self.content_size.width - len(low) - len(high))
        track = Text()
        if self.value is None:
            track.append(EMPTY * width, style="dim")
        else:
            at = round(self.value / 100 * (width - 1))
            track.append(FILLED * at, style="bold")
            track.append(MARKER, style="bold reverse")
            track.append(EMPTY * (width - 1 - at), style="dim")
        return Text.assemble((low, "italic"), track, (high, "italic"))

    def watch_value(self, value: int | None) -> None:
        """Tell the step the value changed."""
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        """Move by `delta`, starting from the middle when empty."""
        self._typed = ""
        if self.value is None:
            self.value = 50
            return
        self.value = max(0, min(100, self.value + delta))

    def action_set(self, number: int) -> None:
        """Set the value."""
        self._typed = ""
        self.value = number

    def action_clear(self) -> None:
        """Empty an optional value (a required one keeps its value)."""
        self._typed = ""
        if not self.required:
            self.value = None

    def on_key(self, event: events.Key) -> None:
        """Digits typed quickly one after another make one number: 4, 5 is 45; 1, 0, 0 is 100."""
        char = event.character
        if char is None or not char.isdigit() or not char.isascii():
            return
        event.stop()
        now = time.monotonic()
        typed = self._typed + char if now - self._typed_at <= TYPE_WINDOW else char
        if int(typed) > 100:
            typed = char
        self._typed = typed.lstrip("0") or "0"
        self._typed_at = now
        self.value = int(self._typed)

    def on_click(self, event: events.Click) -> None:
        """Clicking on the slider chooses that point."""
        if event.y != 1:
            return
        low = len(self.low) + 1 if self.low else 0
        high = len(self.high) + 1 if self.high else 0
        width = max(11, self.content_size.width - low - high)
        column = event.x - 1 - low  # padding, then the low label
        if 0 <= column < width:
            self.value = round(column / (width - 1) * 100)
