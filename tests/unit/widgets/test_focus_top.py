"""A scrolling page opens at its top, and scrolls only to a field that is hardly in view."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from paincoach.widgets.focus_top import focus_from_top
from tests.support import wait_for


class Field(Static, can_focus=True):
    """A field that does no scrolling of its own when focused (a text box scrolls to its
    cursor), so that only `focus_from_top` moves the page."""


class Page(App[None]):
    """A window of 10 rows: some lines of text, a field 6 rows tall, and lines below it."""

    def __init__(self, lines_above: int) -> None:
        super().__init__()
        self.lines_above = lines_above

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Static("\n".join(f"line {n}" for n in range(self.lines_above)))
            field = Field("field", id="field")
            field.styles.height = 6
            yield field
            yield Static("\n".join(f"after {n}" for n in range(6)))


async def test_a_field_half_in_the_window_leaves_the_page_at_its_top() -> None:
    app = Page(lines_above=5)
    async with app.run_test(size=(40, 10)) as pilot:
        body = app.query_one("#body", VerticalScroll)
        field = app.query_one("#field", Field)
        body.scroll_end(animate=False)
        await pilot.pause()
        focus_from_top(body, field)
        await wait_for(pilot, lambda: app.focused is field, "the field focused")
        for _ in range(5):
            await pilot.pause()
        assert field.region.bottom > body.content_region.bottom  # only 5 of its 6 rows show
        assert body.scroll_y == 0


async def test_a_field_below_the_window_is_scrolled_into_view() -> None:
    app = Page(lines_above=30)
    async with app.run_test(size=(40, 10)) as pilot:
        body = app.query_one("#body", VerticalScroll)
        field = app.query_one("#field", Field)
        focus_from_top(body, field)
        await wait_for(pilot, lambda: body.scroll_y > 0, "the page scrolled to the field")
        assert app.focused is field
        assert body.content_region.y <= field.region.y
        assert field.region.bottom <= body.content_region.bottom


async def test_a_field_with_only_its_top_row_in_view_is_scrolled_into_view() -> None:
    app = Page(lines_above=9)
    async with app.run_test(size=(40, 10)) as pilot:
        body = app.query_one("#body", VerticalScroll)
        field = app.query_one("#field", Field)
        focus_from_top(body, field)
        await wait_for(pilot, lambda: body.scroll_y > 0, "the page scrolled to the field")
        assert field.region.bottom <= body.content_region.bottom


async def test_no_field_focuses_the_page_itself_at_its_top() -> None:
    app = Page(lines_above=30)
    async with app.run_test(size=(40, 10)) as pilot:
        body = app.query_one("#body", VerticalScroll)
        body.scroll_end(animate=False)
        await pilot.pause()
        focus_from_top(body, None)
        await wait_for(pilot, lambda: app.focused is body, "the page focused")
        assert body.scroll_y == 0


async def test_a_late_reveal_leaves_the_page_alone_once_the_person_has_moved_on() -> None:
    """The reveal runs after the next frame; by then a person on a busy machine may have
    pressed Tab, and the page must not jump back to the field they left."""
    app = Page(lines_above=30)
    async with app.run_test(size=(40, 10)) as pilot:
        body = app.query_one("#body", VerticalScroll)
        field = app.query_one("#field", Field)
        focus_from_top(body, field)
        body.focus(scroll_visible=False)  # Tab, before the frame
        for _ in range(5):
            await pilot.pause()
        assert app.focused is body and body.scroll_y == 0
