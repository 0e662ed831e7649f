"""The name rule: one area, one tag, one activity whatever its case and spacing."""

from __future__ import annotations

import pytest

from paincoach.records.names import first_spellings, name_key, unify


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Lower back", "lower back"),
        ("lower back", "  LOWER\t\u00a0back "),  # any run of whitespace is one space
        ("Straße", "STRASSE"),  # casefold, not lower(): ß is "ss"
        ("Gärtnern", "GÄRTNERN"),  # beyond ASCII, which SQLite's NOCASE leaves alone
        ("ΣΊΣΥΦΟΣ", "σίσυφος"),
    ],
)
def test_names_that_differ_only_in_case_or_spacing_are_one_name(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("walk", "walking"), ("knee", "knees"), ("é", "e")])
def test_other_words_stay_other_names(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_the_first_spelling_met_is_kept() -> None:
    assert first_spellings(["Lower back", "lower back", "Neck", "LOWER BACK"]) == {
        "lower back": "Lower back",
        "neck": "Neck",
    }


def test_unify_spells_known_names_as_known_and_lists_each_once() -> None:
    known = {"lower back": "Lower back", "neck": "neck"}
    assert unify(["lower back", "Knee", "NECK", "LOWER  back", "knee"], known) == (
        "Lower back",
        "Knee",
        "neck",
    )
