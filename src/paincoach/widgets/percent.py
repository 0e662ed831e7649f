"""A keyboard-first 0-100 rating drawn as a slider: digits type it, arrows move it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from paincoach.widgets.scale import ScaleInput

STEP = 5
MARKER = "●"
FILLED = "━"
EMPTY = "─"


class PercentInput(ScaleInput):
    """Choose a whole number from 0 to 100 on a slider (the marker carries it, not colour)."""

    MAXIMUM = 100

    LOWER = Binding("left", f"step(-{STEP})", "Lower", show=False, id="percent.lower")
    """Lower by a step of 5 (named in hint lines)."""
    HIGHER = Binding("right", f"step({STEP})", "Higher", show=False, id="percent.higher")
    """Higher by a step of 5."""

    BINDINGS: ClassVar[list[BindingType]] = [
        LOWER,
        HIGHER,
        Binding("shift+left", "step(-1)", "Lower by 1", show=False, id="percent.lower_by_one"),
        Binding("shift+right", "step(1)", "Higher by 1", show=False, id="percent.higher_by_one"),
    ]

    def _track_width(self) -> int:
        low = len(self.low) + 1 if self.low else 0
        high = len(self.high) + 1 if self.high else 0
        return max(11, self.content_size.width - low - high)

    def scale_line(self) -> Text:
        """The slider between its end labels."""
        low = f"{self.low} " if self.low else ""
        high = f" {self.high}" if self.high else ""
        width = self._track_width()
        track = Text()
        if self.value is None:
            track.append(EMPTY * width, style="dim")
        else:
            at = round(self.value / self.MAXIMUM * (width - 1))
            track.append(FILLED * at, style="bold")
            track.append(MARKER, style="bold reverse")
            track.append(EMPTY * (width - 1 - at), style="dim")
        return Text.assemble((low, "italic"), track, (high, "italic"))

    def number_at(self, x: int) -> int | None:
        """The point of the slider under column `x`."""
        column = x - (len(self.low) + 1 if self.low else 0)
        width = self._track_width()
        if 0 <= column < width:
            return round(column / (width - 1) * self.MAXIMUM)
        return None
