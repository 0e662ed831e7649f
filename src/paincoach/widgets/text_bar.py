"""A progress bar drawn in characters, so it reads the same without colour (NO_COLOR)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FILLED = "█"
EMPTY = "░"


def bar_text(fraction: float, width: int) -> Text:
    """`width` cells, the first `fraction` of them filled."""
    width = max(0, width)
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return Text.assemble((FILLED * filled, "bold"), (EMPTY * (width - filled), "dim"))


class TextBar(Widget):
    """How far along something is, as filled and empty blocks."""

    DEFAULT_CSS = """
    TextBar {
        height: 1;
        width: 1fr;
        color: $primary;
    }
    """

    fraction: reactive[float] = reactive(0.0)
    """0..1: how much of the bar is filled."""

    def __init__(self, fraction: float = 0.0, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(TextBar.fraction, fraction)

    def render(self) -> Text:
        """Blocks across the whole width."""
        return bar_text(self.fraction, self.size.width)
