"""Every snapshot is taken of the screen drawn afresh from its widgets' state.

Textual 8 now and then leaves a widget's last frame on screen after its state has moved on
(a table's header drawn at the widths it had before its rows were measured): the app
corrects it at its next repaint, a snapshot would keep it. Session 9 measured it at about
1 opening in 20 of the day view under load, and 0 in 60 with this repaint.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot


async def repaint_everything(pilot: Pilot[Any]) -> None:
    """Ask every widget on the screen to draw itself again, and wait for the frame."""
    for widget in pilot.app.screen.walk_children(with_self=True):
        widget.refresh()
    await pilot.pause()


@pytest.fixture
def snap_compare(snap_compare: Callable[..., bool]) -> Callable[..., bool]:
    """The plugin's `snap_compare`, with the screen drawn afresh after `run_before`."""

    def compare(app: Any, *args: Any, run_before: Any = None, **kwargs: Any) -> bool:
        async def before(pilot: Pilot[Any]) -> None:
            if run_before is not None:
                done = run_before(pilot)
                if inspect.isawaitable(done):
                    await done
            await repaint_everything(pilot)

        return snap_compare(app, *args, run_before=before, **kwargs)

    return compare
