"""The high-pain offer leads with something short and calming, then the flare-up plan, then
a thought record: in its words, its buttons and its keys."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.widgets import Button, Static

from paincoach.screens.offer import OFFER, OfferDialog
from paincoach.screens.own_plans import OwnPlanDialog
from tests.exercise_ui_support import SIZE, make_app, press
from tests.practice_support import FLARE, made_result, open_practice
from tests.reliability.screens_support import flat, screen_text
from tests.support import settle

ORDER = ["breathing-relaxed-3min", "grounding-54321", "flare-plan", "thought-record"]


async def high_pain(pilot: object) -> OfferDialog:
    await settle(pilot)
    await press(pilot, "c", "8", "ctrl+s")  # type: ignore[arg-type]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, OfferDialog)
    return screen


def test_the_words_lead_with_something_calming() -> None:
    assert "Pain this high is hard. Would a few calm minutes help?" in OFFER
    order = [OFFER.index(w) for w in ("breathing", "grounding", "flare-up plan", "thought record")]
    assert order == sorted(order)


def test_the_keys_come_in_the_same_order() -> None:
    shown = [b for b in OfferDialog.BINDINGS if isinstance(b, Binding) and b.show]
    assert [b.key for b in shown] == ["b", "g", "p", "t"]


async def test_the_buttons_start_with_not_now_then_the_short_things(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await high_pain(pilot)
        ids = [button.id for button in screen.query(Button)]
        assert ids == ["not-now", *ORDER]
        assert app.focused is screen.query_one("#not-now")  # easy to decline
        said = flat(str(screen.query_one(".detail", Static).render()))
        assert said == flat(OFFER)
        footer = screen_text(app).splitlines()[-1]
        assert all(word in footer for word in ("Breathe 3 min", "Grounding", "Flare-up plan"))
        assert "Thought record" in footer  # every key fits in 80 columns


async def test_p_shows_the_flare_up_plan_when_there_is_one(home: Path) -> None:
    app = make_app(home)
    practice = open_practice(home)
    practice.save_session(made_result("flare_plan", dict(FLARE)))
    practice.db.close()
    async with app.run_test(size=SIZE) as pilot:
        await high_pain(pilot)
        await press(pilot, "p")
        assert isinstance(app.screen, OwnPlanDialog)
        words = flat(str(app.screen.query_one("#own-plan-text", Static).render()))
        assert "What helps: • Heat pack" in words and "Who I tell: Text Sam" in words
        await press(pilot, "escape")
        assert not isinstance(app.screen, (OwnPlanDialog, OfferDialog))  # back to Today
