"""A keyboard-first 0-10 rating: digits set it, arrows move it, words label both ends."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from paincoach.widgets.scale import ScaleInput

CELL = 3  # each number takes three columns: " 5 " or "[5]"


class RatingInput(ScaleInput):
    """Choose a whole number from 0 to 10 on a row of numbers (the chosen one in brackets)."""

    MAXIMUM = 10

    LOWER = Binding("left", "step(-1)", "Lower", show=False, id="rating.lower")
    """One lower (named in hint lines)."""
    HIGHER = Binding("right", "step(1)", "Higher", show=False, id="rating.higher")
    """One higher."""

    BINDINGS: ClassVar[list[BindingType]] = [LOWER, HIGHER]

    def scale_line(self) -> Text:
        """`no pain  0  1 [2] 3 … 10  worst pain imaginable`."""
        scale = Text.assemble((self.low, "italic"), " ")
        for number in range(self.MAXIMUM + 1):
            if number == self.value:
                scale.append(f"[{number}]", style="bold reverse")
            else:
                scale.append(f" {number} ")
        scale.append(" ")
        scale.append(self.high, style="italic")
        return scale

    def number_at(self, x: int) -> int | None:
        """The number whose cell holds column `x`."""
        column = x - len(self.low) - 1  # the low label and its space
        if 0 <= column < CELL * (self.MAXIMUM + 1):
            return column // CELL
        return None
