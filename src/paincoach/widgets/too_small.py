"""The notice shown over a screen while the terminal is too small to use it."""

from __future__ import annotations

from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 20


class TooSmallNotice(Static):
    """Says how large the window must be; what is on the screen underneath is kept."""

    DEFAULT_CSS = """
    TooSmallNotice {
        display: none;
        layer: notice;
        dock: top;
        width: 100%;
        height: 100%;
        background: $background;
        color: $text;
        padding: 0 1;
    }
    """

    def update_size(self, width: int, height: int) -> None:
        """Show the required and the current size."""
        self.update(
            f"Please make the window at least {MIN_WIDTH}×{MIN_HEIGHT} "
            f"(it is {width}×{height} now). Nothing you typed is lost.\n"
            "F1: Help now   Ctrl+Q: quit"
        )


def too_small(width: int, height: int) -> bool:
    """True when the terminal is below the smallest usable size."""
    return width < MIN_WIDTH or height < MIN_HEIGHT
