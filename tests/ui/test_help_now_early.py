"""Help now pressed before the journal has opened still comes to show the person's region."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Static

from paincoach.screens.help_now import HelpNowDialog
from paincoach.services import Services
from paincoach.settings import Settings
from tests.exercise_ui_support import SIZE, make_app
from tests.ui.test_help_now_library import until


async def test_help_now_opened_while_the_journal_opens_shows_the_persons_region(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(home)  # the person chose GB
    entered, release = threading.Event(), threading.Event()
    real = Services.settings
    calls: list[int] = []

    def slow_first(self: Services) -> Settings:
        calls.append(1)
        if len(calls) == 1:  # the app's own start: a slow disk, a busy machine
            entered.set()
            release.wait(timeout=60)
        return real(self)

    monkeypatch.setattr(Services, "settings", slow_first)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, entered.is_set, "the journal began to open")
            await pilot.press("f1")
            await until(pilot, lambda: isinstance(app.screen, HelpNowDialog), "Help now opened")

            def shown() -> str:
                return str(app.screen.query_one("#help-text", Static).render())

            await until(pilot, lambda: "Samaritans: 116 123" in shown(), "the GB lines")
            assert "Emergency number (United Kingdom): 999" in shown()
            assert not app.opened  # all while the app's own start was still waiting
            release.set()
            await until(pilot, lambda: app.opened, "the app finished opening")
    finally:
        release.set()
