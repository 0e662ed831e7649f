"""Check boxes that show their state in the character itself, not only in colour.

Textual draws an 'X' in both states and tells them apart by colour, which vanishes under
NO_COLOR and is hard for some eyes. These draw the X only when chosen.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist


class TickBox(Checkbox):
    """A checkbox whose mark is blank when unticked."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802  (Textual's name)
        """'X' when ticked, a space otherwise."""
        return "X" if self.value else " "


class MarkedSelectionList(SelectionList[str]):
    """A selection list whose unchosen items show an empty box."""

    def render_line(self, y: int) -> Strip:
        """Textual's line, with the mark blanked for unchosen items."""
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 4 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if option.value in self.selected:
            return strip
        segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, strip.cell_length)
