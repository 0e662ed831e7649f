"""F1 Help now is named in the footer of every main screen at 80x24, not cut off the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from paincoach.app import PaincoachApp, create_app
from tests.support import fixed_clock, seeded_services, settle

SIZE = (80, 24)


def help_now_shown(app: PaincoachApp) -> bool:
    """Whether the screen's footer shows the F1 key's words whole, inside the terminal.

    A footer key's label has a space each side; the right one may fall off the edge.
    """
    keys = [k for k in app.screen.query(FooterKey) if k.key == "f1"]
    return bool(keys) and all(
        key.region.width > 0 and key.region.right - 1 <= SIZE[0] for key in keys
    )


#: From Today: the keys to a main screen (Today itself first).
ROUTES = {
    "today": (),
    "year": ("y",),
    "month": ("y", "enter"),
    "trends": ("l",),
    "week": ("w",),
    "history": ("h",),
    "course": ("o",),
    "pacing": ("p",),
    "exercises": ("e",),
}


@pytest.mark.parametrize("route", list(ROUTES))
async def test_f1_help_now_is_named_in_the_footer(home: Path, route: str) -> None:
    seeded_services(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ROUTES[route]:
            await pilot.press(key)
            await settle(pilot)
        assert help_now_shown(app), f"{type(app.screen).__name__}: F1 is not in the footer"
