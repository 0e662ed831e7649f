"""Safe `{key}` filling."""

from __future__ import annotations

from paincoach.exercises.templates import fill, format_answer, placeholders


def test_fill_known_keys_and_leave_others() -> None:
    text = "You felt {emotions}; you thought {hot_thought}. {missing} {0} {__class__} {a.b}"
    answers = {"emotions": {"Sad": 70, "Anxious": 40}, "hot_thought": "I can't"}
    assert fill(text, answers) == (
        "You felt Sad 70, Anxious 40; you thought I can't. {missing} {0} {__class__} {a.b}"
    )


def test_answers_are_not_expanded_again() -> None:
    answers = {"a": "{b}", "b": "secret", "c": "{0.__class__}"}
    assert fill("{a} {c}", answers) == "{b} {0.__class__}"


def test_empty_answers_leave_the_placeholder() -> None:
    assert fill("{a}{b}", {"a": "", "b": []}) == "{a}{b}"


def test_escape_applies_to_answers_only() -> None:
    assert fill("**{a}**", {"a": "*x*"}, escape=lambda s: s.replace("*", "\\*")) == "**\\*x\\***"


def test_format_answer() -> None:
    assert format_answer(["a", "b"]) == "a, b"
    assert format_answer(7) == "7"
    assert format_answer({"activity": "walk", "baseline": 10}) == "walk"
    assert placeholders("{a} {B} {c_1}") == ["a", "c_1"]


def test_a_list_of_sentences_reads_as_sentences() -> None:
    statements = ["This is a flare.", "It has eased before, and it will ease.", "Slow down"]
    assert format_answer(statements) == (
        "This is a flare. It has eased before, and it will ease. Slow down"
    )
    assert format_answer(["Why now?", "What next?"]) == "Why now? What next?"
    assert format_answer(["walk", "swim."]) == "walk, swim."  # only when the items are sentences
