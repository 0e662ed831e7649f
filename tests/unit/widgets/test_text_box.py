"""A text box drawn while it is being removed draws blank instead of raising."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import TextArea

from paincoach.widgets.text_box import TextBox


class OneBox(App[None]):
    def __init__(self, box: TextArea) -> None:
        super().__init__()
        self.box = box

    def compose(self) -> ComposeResult:
        yield self.box


CROP = Region(0, 0, 20, 2)


async def test_textuals_box_raises_when_drawn_after_removal() -> None:
    # The cause of the flake seen once mid-exercise (docs/notes.md): a frame that draws a
    # box just removed. If Textual fixes this, this test tells us TextBox can go.
    box = TextArea("words", show_line_numbers=False)
    async with OneBox(box).run_test(size=(40, 6)) as pilot:
        box.render_lines(CROP)  # drawn while mounted: fine
        await box.remove()
        await pilot.pause()
        with pytest.raises(KeyError, match="text-area--"):
            box.render_lines(CROP)


async def test_our_box_draws_blank_when_drawn_after_removal() -> None:
    box = TextBox("words", show_line_numbers=False)
    async with OneBox(box).run_test(size=(40, 6)) as pilot:
        assert "words" in "".join(line.text for line in box.render_lines(CROP))
        await box.remove()
        await pilot.pause()
        lines = box.render_lines(CROP)
    assert len(lines) == 2 and all(line.text.strip() == "" for line in lines)
