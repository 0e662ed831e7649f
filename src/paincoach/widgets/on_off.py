"""A switch that says "On" or "Off" in words, one line tall.

Textual's Switch shows only a sliding picture, which a screen reader, a colour-blind
person or a monochrome terminal cannot read as on or off. This one keeps the Switch's
keys (Space and Enter toggle), its click and its `Switch.Changed` message, and draws the
state as a word.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Switch

ON, OFF = "On", "Off"


class OnOffSwitch(Switch):
    """A Switch drawn as the word On or Off."""

    DEFAULT_CSS = """
    OnOffSwitch {
        border: none;
        height: 1;
        width: auto;
        padding: 0 1;
        background: $boost;
        &.-on {
            color: $text-success;
            text-style: bold;
        }
        &:focus {
            border: none;
            text-style: bold reverse;
        }
    }
    """

    def render(self) -> Content:
        """The state in words, always three cells wide so the row does not move."""
        return Content(f"{ON if self.value else OFF:<3}")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """Room for the longer word."""
        return max(len(ON), len(OFF))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line."""
        return 1

    @property
    def word(self) -> str:
        """On or Off, as shown."""
        return ON if self.value else OFF
