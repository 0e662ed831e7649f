"""A text box that can be drawn in the moment it is being removed.

Textual's TextArea looks up its component styles ("text-area--gutter" and others) every
time it draws. When a step is replaced, the old box is removed and its component styles
are cleared at once, but a frame already under way (its cursor blinks on a timer) can
still draw it, and the lookup raised `KeyError` in the middle of an exercise. A box that
is not (or no longer) styled draws blank instead: it is about to leave the screen anyway.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea


class TextBox(TextArea):
    """A TextArea that draws blank while unstyled, instead of raising."""

    def render_lines(self, crop: Region) -> list[Strip]:
        """Draw the box; blank lines when its styles are not there (being removed)."""
        try:
            return super().render_lines(crop)
        except KeyError:
            if self.is_attached and self.is_mounted:
                raise  # a real bug while the box is on screen: let it show
            return [Strip.blank(crop.width)] * crop.height
