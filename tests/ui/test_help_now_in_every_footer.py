"""F1 Help now is named in the footer of every main screen at 80x24, not cut off the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from paincoach.app import PaincoachApp, create_app
from tests.support import fixed_clock, seeded_services, settle

SIZE = (80, 24)


def help_now_shown(app: PaincoachApp) -> bool:
    """Whether the screen's footer shows "f1 Help now" whole, inside the terminal.

    A footer key's label has a space each side; the right one may fall off the edge. A
    crowded footer squeezes a key to its key alone ("f1"), or draws the palette key (docked
    at the right) over it: neither is enough.
    """
    words = len(" f1 Help now")
    keys = list(app.screen.query(FooterKey))
    f1 = [k for k in keys if k.key == "f1"]
    return bool(f1) and all(
        key.region.width >= words
        and key.region.x + words <= SIZE[0]
        and not any(
            other is not key
            and other.region.x < key.region.x + words
            and key.region.x < other.region.right
            for other in keys
        )
        for key in f1
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
    "treatments": ("ctrl+t",),
    "pacing-with-a-plan": ("p",),  # the plan's own keys fill the footer
    "today-after-a-flare": (),  # Today's offer to hold the plans
}


@pytest.mark.parametrize("route", list(ROUTES))
async def test_f1_help_now_is_named_in_the_footer(home: Path, route: str) -> None:
    seeded_services(home)
    if route in ("pacing-with-a-plan", "today-after-a-flare"):
        from tests.ui.test_pacing_screen import flare_yesterday, make_plan

        make_plan(home)
        if route == "today-after-a-flare":
            flare_yesterday(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ROUTES[route]:
            await pilot.press(key)
            await settle(pilot)
        assert help_now_shown(app), f"{type(app.screen).__name__}: F1 is not in the footer"
