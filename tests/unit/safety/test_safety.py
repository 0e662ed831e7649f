"""Safety wording and the low-mood rule (the crisis lines: test_crisis_lines.py)."""

from __future__ import annotations

import pytest

from paincoach import safety
from paincoach.core.textsafe import one_line, visible
from paincoach.records.concern import is_low_mood


@pytest.mark.parametrize(
    ("mood", "low"), [(0, True), (1, True), (2, False), (10, False), (None, False)]
)
def test_is_low_mood(mood: int | None, low: bool) -> None:
    assert is_low_mood(mood) is low


def test_the_safety_wording_is_there() -> None:
    assert "emergency" in safety.IMMEDIATE_DANGER
    assert "not medical care" in safety.NOT_MEDICAL_CARE
    assert "saved" in safety.LOW_MOOD_CARD and "Help now" in safety.LOW_MOOD_CARD


# -- user text reaching the terminal ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred", "␛[31mred"),
        ("bell\x07", "bell␇"),
        ("back\rspace\x7f", "back␍space␡"),
        ("c1 \x9b31m", "c1 \ufffd31m"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("[bold]markup[/]", "[bold]markup[/]"),
        ("痛み 🙂", "痛み 🙂"),
    ],
)
def test_visible_makes_control_characters_harmless(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_one_line_flattens_and_shortens() -> None:
    assert one_line("a\n b\t\tc") == "a b c"
    assert one_line("x" * 100, width=10) == "x" * 9 + "…"
    assert one_line("\x1b[2J") == "␛[2J"
