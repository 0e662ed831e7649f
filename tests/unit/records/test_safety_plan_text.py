"""The safety plan as text: every part in the plan's order, the person's words as data."""

from __future__ import annotations

from paincoach.records.describe import safety_plan_text
from paincoach.records.safety_plan import SAFETY_PARTS, SafetyPlan

PLAN = SafetyPlan(
    signs=("Not sleeping",),
    cope=("Slow breathing",),
    distract=("The café",),
    people=("Sam, 07700 900123",),
    services=("GP 01632 960000",),
    safer=("Jo keeps my tablets",),
    reasons=("My granddaughter",),
)


def test_every_part_is_shown_under_its_heading_in_the_plans_order() -> None:
    text = safety_plan_text(PLAN).plain
    assert text.startswith("Your safety plan\n")
    headings = [text.index(f"{title}:\n") for _, title in SAFETY_PARTS]
    assert headings == sorted(headings)
    assert "My warning signs:\n  • Not sleeping\n" in text
    assert "People I can ask for help:\n  • Sam, 07700 900123\n" in text
    assert text.rstrip().endswith("• My granddaughter")


def test_parts_left_blank_are_left_out() -> None:
    text = safety_plan_text(SafetyPlan(reasons=("My dog",))).plain
    assert text == "Your safety plan\nWhat matters to me and keeps me going:\n  • My dog\n"


def test_the_persons_words_are_data() -> None:
    text = safety_plan_text(SafetyPlan(people=("[bold]Sam[/] \x1b[2J\x07",)))
    assert "[bold]Sam[/]" in text.plain  # no markup is read
    assert "\x1b" not in text.plain and "\x07" not in text.plain  # nor control characters
    assert {span.style for span in text.spans} == {"italic"}  # its headings only
