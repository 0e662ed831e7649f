"""The notice shown over a screen while the terminal is too small to use it."""

from __future__ import annotations

import textwrap

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
        """Show the required and the current size, as much of it as fits the window."""
        self.update(notice_text(width, height))


def notice_text(width: int, height: int) -> str:
    """The longest wording that fits `width`×`height` (inside the notice's padding).

    However small the window, the size it needs comes first, so it is never cut off.
    """
    need = f"{MIN_WIDTH}×{MIN_HEIGHT}"
    wordings = [
        f"Please make the window at least {need} (it is {width}×{height} now). "
        "Nothing you typed is lost.\nF1: Help now   Ctrl+Q: quit",
        f"Please make the window at least {need} (it is {width}×{height} now).\nF1: Help now",
        f"Make the window at least {need} (now {width}×{height}).\nF1: Help now",
        f"At least {need}, please.\nF1: Help now",
        f"At least {need}\nF1: help",
        f"{need}\nF1 help",
        f"{need} F1",
    ]
    inner = max(1, width - 2)
    for wording in wordings:
        lines = [
            row
            for paragraph in wording.split("\n")
            for row in textwrap.wrap(paragraph, inner, break_long_words=False) or [""]
        ]
        if len(lines) <= height and all(len(row) <= inner for row in lines):
            return wording
    return need


def too_small(width: int, height: int) -> bool:
    """True when the terminal is below the smallest usable size."""
    return width < MIN_WIDTH or height < MIN_HEIGHT
