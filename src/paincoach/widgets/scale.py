"""What the 0-10 rating and the 0-100 slider share: a keyboard-first number on a scale.

Digits typed quickly one after another build one number up to the scale's top ("1", "0"
is 10 on a 0-10 scale; "4", "5" is 45 on 0-100); arrows move it, starting from the middle
when empty; Home and End go to the ends; Backspace empties an optional one. Subclasses draw
the second line (the scale) and map a click on it to a number.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

TYPE_WINDOW = 1.5  # seconds: digits typed within this build one number


class ScaleInput(Widget, can_focus=True):
    """A whole number from 0 to `MAXIMUM` (or none, for an optional one)."""

    MAXIMUM: ClassVar[int] = 10

    DEFAULT_CSS = """
    ScaleInput {
        height: 2;
        width: 1fr;
        padding: 0 1;
    }
    ScaleInput:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "set(0)", "Lowest", show=False, id="scale.lowest"),
        Binding("end", "set_top", "Highest", show=False, id="scale.highest"),
        Binding("backspace,delete", "clear", "Clear", show=False, id="scale.clear"),
    ]

    value: reactive[int | None] = reactive(None)
    """The chosen number, or None while not given."""

    @dataclass
    class Changed(Message):
        """The number changed."""

        scale: ScaleInput
        """The widget that changed."""
        value: int | None
        """The new value."""

        @property
        def control(self) -> ScaleInput:
            """The widget that changed (for `on(..., selector)`)."""
            return self.scale

    def __init__(
        self,
        label: str,
        low: str = "",
        high: str = "",
        *,
        value: int | None = None,
        required: bool = False,
        hint: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.label = label
        self.hint = hint
        """The words after the label, in place of "needed" or "optional" (a question with
        its own way out, such as "Not now", says so instead)."""
        self.low = low
        self.high = high
        self.required = required
        self._typed = ""
        self._typed_at = -100.0
        self.set_reactive(ScaleInput.value, value)

    def render(self) -> Text:
        """Two lines: the label and the value, then the scale with its end labels."""
        marker = "› " if self.has_focus else "  "
        need = f" ({self.hint or ('needed' if self.required else 'optional')})"
        shown = "not given" if self.value is None else f"{self.value} of {self.MAXIMUM}"
        title = Text.assemble((marker + self.label, "bold"), (need, "dim"), "  ", (shown, "bold"))
        return Text("\n").join([title, self.scale_line()])

    def scale_line(self) -> Text:
        """The second line: the scale between its end labels."""
        raise NotImplementedError

    def number_at(self, x: int) -> int | None:
        """The number under column `x` of the scale line, if any."""
        raise NotImplementedError

    def watch_value(self, value: int | None) -> None:
        """Tell the form the value changed."""
        self.post_message(self.Changed(self, value))

    def _forget_typing(self) -> None:
        self._typed = ""

    def action_step(self, delta: int) -> None:
        """Move by `delta`; an empty one starts from the middle."""
        self._forget_typing()
        if self.value is None:
            self.value = self.MAXIMUM // 2
            return
        self.value = max(0, min(self.MAXIMUM, self.value + delta))

    def action_set(self, number: int) -> None:
        """Set the value."""
        self._forget_typing()
        self.value = number

    def action_set_top(self) -> None:
        """Set the highest value."""
        self.action_set(self.MAXIMUM)

    def action_clear(self) -> None:
        """Empty an optional value (a required one keeps its value)."""
        self._forget_typing()
        if not self.required:
            self.value = None

    def on_key(self, event: events.Key) -> None:
        """Digits typed quickly one after another make one number, up to the top."""
        char = event.character
        if char is None or not char.isdigit() or not char.isascii():
            return
        event.stop()
        now = time.monotonic()
        typed = self._typed + char if now - self._typed_at <= TYPE_WINDOW else char
        if int(typed) > self.MAXIMUM:
            typed = char
        self._typed = typed.lstrip("0") or "0"
        self._typed_at = now
        self.value = int(self._typed)

    def on_click(self, event: events.Click) -> None:
        """Clicking on the scale chooses that number."""
        if event.y == 1:
            number = self.number_at(event.x - 1)  # the widget's left padding
            if number is not None:
                self.value = number
