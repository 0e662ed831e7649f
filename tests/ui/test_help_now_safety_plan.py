"""Help now's `s`: the person's safety plan, or paincoach's own exercise to write one."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from paincoach import safety
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.own_plans import OwnPlanDialog
from paincoach.screens.runner import RunnerScreen
from paincoach.widgets.text_box import TextBox
from tests.exercise_ui_support import SIZE, make_app, press
from tests.practice_support import SAFETY, made_result, open_practice
from tests.reliability.screens_support import flat, screen_text
from tests.support import settle


def save_safety_plan(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(made_result("safety_plan", dict(SAFETY)))
    practice.db.close()


def shown(app: object) -> str:
    return flat(screen_text(app))  # type: ignore[arg-type]


async def test_without_a_plan_s_starts_paincoachs_own_safety_plan(home: Path) -> None:
    (home / "exercises").mkdir(parents=True)
    (home / "exercises" / "plan.toml").write_text(  # the person's own file of that id
        'id = "safety-plan"\ntitle = "Mine"\nkind = "safety_plan"\nsummary = "Mine."\n'
        'minutes = 1\n\n[[steps]]\ntype = "text"\ntext = "Mine."\n'
    )
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpNowDialog)
        assert "Safety plan" in shown(app)  # the key is in the footer
        await press(pilot, "s")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.title == "My safety plan"
        assert app.screen.exercise.origin == "bundled"


async def test_with_a_plan_s_shows_it_and_escape_goes_back_to_the_lines(home: Path) -> None:
    save_safety_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1", "s")
        assert isinstance(app.screen, OwnPlanDialog)
        words = flat(str(app.screen.query_one("#own-plan-text", Static).render()))
        assert "My warning signs: • Not sleeping • Going quiet with everyone" in words
        assert "People I can ask for help: • Sam, 07700 900123, after 5" in words
        assert "Last changed 27 Nov 2026." in words
        await press(pilot, "escape")
        assert isinstance(app.screen, HelpNowDialog)


async def test_e_changes_the_plan_starting_from_what_is_there(home: Path) -> None:
    save_safety_plan(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1", "s", "e")
        screen = app.screen
        assert isinstance(screen, RunnerScreen) and screen.exercise.origin == "bundled"
        assert not isinstance(app.screen_stack[-2], HelpNowDialog)  # Help now closed
        for _ in range(4):  # the caution, the opening text
            if screen.page.name == "STEP" and screen.run.step.key == "signs":
                break
            await press(pilot, "ctrl+n")
        box = screen.query_one("#answer")
        text = box.text if isinstance(box, TextBox) else screen.query_one(Input).value
        assert text == "Not sleeping\nGoing quiet with everyone"


async def test_help_now_says_no_person_reads_the_journal(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpNowDialog)
        words = flat(str(app.screen.query_one("#help-text", Static).render()))
        assert flat(safety.NOT_MONITORED) in words
