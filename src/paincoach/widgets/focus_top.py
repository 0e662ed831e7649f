"""Open a scrolling page at its top with its first field focused, the same way every time."""

from __future__ import annotations

from textual.containers import ScrollableContainer
from textual.widget import Widget


def focus_from_top(body: ScrollableContainer, target: Widget | None) -> None:
    """Focus `target` (or `body`) with `body` scrolled to its top.

    Textual's own focus scrolls the widget into view when it gets round to it, which may be
    before or after the new page is laid out, so a page opened the same way could open at
    its top one time and scrolled a line the next. Here the page always opens at its top,
    where its question is, and scrolls only when less than three rows of the field (or all
    of a shorter one) would be in view.
    """
    body.scroll_home(animate=False)
    if target is None or target is body:
        body.focus(scroll_visible=False)
        return
    target.focus(scroll_visible=False)

    def reveal() -> None:
        if not target.is_attached or not target.has_focus or body.scroll_y:
            return  # the person has moved on (Tab, or scrolled) before this frame
        in_view = body.content_region.bottom - target.region.y
        if in_view < min(target.region.height, 3):
            body.scroll_to_widget(target, animate=False)

    body.call_after_refresh(reveal)
