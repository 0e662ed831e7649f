"""Safety content: the crisis lines are complete, sourced and recently checked."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach import safety
from paincoach.core.textsafe import one_line, visible
from paincoach.safety import (
    ANY_REGION,
    DEFAULT_REGION,
    crisis_lines_path,
    is_low_mood,
    load_directory,
)
from tests.support import NOW

#: A crisis number is re-checked at its source at least this often (design §7).
MAX_AGE = timedelta(days=365)
REQUIRED = ("region", "name", "number", "how", "source", "checked")


def _raw() -> dict:
    with crisis_lines_path().open("rb") as handle:
        return tomllib.load(handle)


def test_the_file_is_bundled_where_the_code_looks() -> None:
    assert crisis_lines_path().is_file()
    assert crisis_lines_path().name == "crisis_lines.toml"


def test_every_line_has_every_field_filled_in() -> None:
    lines = _raw()["lines"]
    assert lines
    for index, line in enumerate(lines):
        assert set(line) == set(REQUIRED), (index, line.get("name"))
        for key in REQUIRED[:-1]:
            assert isinstance(line[key], str) and line[key].strip(), (index, key)
        assert type(line["checked"]) is date, (index, "checked must be a TOML date")


def test_no_checked_date_is_overdue_or_in_the_future_on_the_test_day() -> None:
    """On the frozen test day every number is within its year (CI checks the real date)."""
    assert safety.overdue_checks(load_directory(), NOW.date()) == []


def test_a_number_a_year_and_a_day_old_is_named_as_overdue() -> None:
    directory = load_directory()
    newest = max(line.checked for line in directory.lines)
    overdue = safety.overdue_checks(directory, newest + MAX_AGE + timedelta(days=1))
    assert len(overdue) == len(directory.lines)
    assert all("checked" in line for line in overdue)
    assert safety.overdue_checks(directory, newest + MAX_AGE) == [
        entry for entry, line in zip(overdue, directory.lines, strict=True) if line.checked < newest
    ]


def test_a_checked_date_after_today_is_named_as_a_typo() -> None:
    directory = load_directory()
    before = min(line.checked for line in directory.lines) - timedelta(days=1)
    assert len(safety.overdue_checks(directory, before)) == len(directory.lines)


def test_every_line_belongs_to_a_known_region() -> None:
    raw = _raw()
    codes = [region["code"] for region in raw["regions"]]
    assert len(codes) == len(set(codes)), "region codes must be unique"
    assert DEFAULT_REGION in codes
    for line in raw["lines"]:
        assert line["region"] in {*codes, ANY_REGION}, line["name"]


def test_every_region_has_a_name_and_an_emergency_number() -> None:
    for region in _raw()["regions"]:
        assert set(region) == {"code", "name", "emergency"}, region
        assert all(isinstance(v, str) and v.strip() for v in region.values()), region
        assert region["code"] == region["code"].upper()


def test_every_region_is_offered_a_line_or_the_directory() -> None:
    directory = load_directory()
    for region in directory.regions:
        lines = directory.lines_for(region.code)
        assert lines, region.code
        assert any(line.region == ANY_REGION for line in lines)


def test_the_loaded_directory_matches_the_file() -> None:
    directory = load_directory()
    raw = _raw()
    assert len(directory.lines) == len(raw["lines"])
    assert [r.code for r in directory.regions] == [r["code"] for r in raw["regions"]]
    assert all(isinstance(line.checked, date) for line in directory.lines)


def test_lines_for_a_region_come_first_then_the_ones_for_everywhere() -> None:
    directory = load_directory()
    gb = directory.lines_for("GB")
    assert [line.region for line in gb] == sorted(
        (line.region for line in gb), key=lambda code: code == ANY_REGION
    )
    assert {line.region for line in gb} == {"GB", ANY_REGION}


def test_an_unknown_region_falls_back_to_the_catch_all() -> None:
    directory = load_directory()
    assert directory.region("XX").code == DEFAULT_REGION
    assert directory.region("").code == DEFAULT_REGION
    assert directory.lines_for("XX") == directory.lines_for(DEFAULT_REGION)


def test_a_broken_file_is_an_error_not_an_empty_list(tmp_path: Path) -> None:
    broken = tmp_path / "lines.toml"
    broken.write_text('[[regions]]\ncode = "US"\n')
    with pytest.raises(KeyError):
        load_directory(broken)


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
