"""The bundled crisis lines: complete, sourced, honestly dated, for 40+ countries.

The loader does not check the file (Help now must not wait for it, and a shipped file
never changes); these tests do, on every build.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach import safety
from paincoach.safety import ANY_REGION, CATCH_ALLS, DEFAULT_REGION, crisis_lines_path
from paincoach.safety import load_directory as directory

REGION_KEYS = {"code", "name", "emergency"}
REGION_OPTIONAL = {"also"}
LINE_KEYS = {"region", "name", "number", "how", "mark", "source"}
LINE_OPTIONAL = {"hours", "cost", "note", "source_date"}
MARKS = {"V", "V-old"}  # S (secondary) and U (unverified) entries are never shipped
SOURCE_DATE = re.compile(r"~?\d{4}(-\d{2}(-\d{2})?)?")
NO_EMERGENCY_NUMBER = {"PE"}
"""Regions whose emergency number no source confirms: they say so, and give the lines."""
UK = ("GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR")


def raw() -> dict:
    with crisis_lines_path().open("rb") as handle:
        return tomllib.load(handle)


def test_the_file_is_bundled_where_the_code_looks() -> None:
    assert crisis_lines_path().is_file()
    assert crisis_lines_path().name == "crisis_lines.toml"


def test_at_least_40_countries_and_the_uk_nations() -> None:
    codes = {region["code"] for region in raw()["regions"]}
    countries = {code for code in codes if re.fullmatch(r"[A-Z]{2}", code)} - set(CATCH_ALLS)
    assert len(countries) >= 40, sorted(countries)
    assert set(UK) <= codes and "GB" in codes


def test_region_codes_are_unique_and_every_region_is_complete() -> None:
    regions = raw()["regions"]
    codes = [region["code"] for region in regions]
    assert len(codes) == len(set(codes)), "region codes must be unique"
    names = [region["name"] for region in regions]
    assert len(names) == len(set(names)), "region names must be unique (they are chosen by name)"
    assert DEFAULT_REGION in codes and all(code in codes for code in CATCH_ALLS)
    for region in regions:
        assert REGION_KEYS <= set(region) <= REGION_KEYS | REGION_OPTIONAL, region
        assert all(isinstance(v, str) and v.strip() for v in region.values()), region
        assert region["code"] == region["code"].upper()


def test_every_region_has_an_emergency_number() -> None:
    for region in raw()["regions"]:
        emergency = region["emergency"]
        if region["code"] in NO_EMERGENCY_NUMBER | {DEFAULT_REGION}:
            assert "local emergency number" in emergency, region
        else:
            assert re.match(r"\d{3,4}\b", emergency), region  # a number comes first


def test_every_line_has_a_source_and_a_region_that_exists() -> None:
    data = raw()
    codes = {region["code"] for region in data["regions"]}
    assert data["lines"]
    for index, line in enumerate(data["lines"]):
        where = (index, line.get("name"))
        assert LINE_KEYS <= set(line) <= LINE_KEYS | LINE_OPTIONAL, where
        assert all(isinstance(v, str) and v.strip() for v in line.values()), where
        assert line["region"] in codes | {ANY_REGION}, where
        assert re.match(r"[\w.-]+\.[a-z]{2,}\b", line["source"]), where  # it names a page
        assert line["mark"] in MARKS, where


def test_source_dates_are_the_pages_dates_and_no_line_claims_a_check() -> None:
    """`checked` (a date nobody phoned on) is gone; each date is its page's, or absent."""
    data = raw()
    for line in data["lines"]:
        assert "checked" not in line, line["name"]
        if "source_date" in line:
            assert SOURCE_DATE.fullmatch(line["source_date"]), line
            when = line["source_date"].lstrip("~")
            assert date.fromisoformat((when + "-01-01")[:10]) <= data["compared_with_sources"]


def test_v_old_lines_say_their_hours_may_have_changed() -> None:
    for line in raw()["lines"]:
        if line["mark"] == "V-old":
            assert "hours may have changed" in line.get("note", ""), line["name"]


def test_the_list_carries_one_date_of_comparison_with_its_sources() -> None:
    data = raw()
    assert type(data["compared_with_sources"]) is date
    assert data["compared_with_sources"] == date(2026, 12, 1)
    assert "stored copies" in data["compared_from"]
    assert directory().compared == data["compared_with_sources"]


def test_also_names_a_region_that_exists_and_shares_no_further() -> None:
    regions = {region.code: region for region in directory().regions}
    for region in regions.values():
        if region.also:
            assert region.also in regions and not regions[region.also].also, region


def test_the_loaded_directory_matches_the_file() -> None:
    loaded, data = directory(), raw()
    assert len(loaded.lines) == len(data["lines"])
    assert [r.code for r in loaded.regions] == [r["code"] for r in data["regions"]]
    for line, item in zip(loaded.lines, data["lines"], strict=True):
        assert (line.hours, line.note, line.source_date) == (
            item.get("hours", ""),
            item.get("note", ""),
            item.get("source_date", ""),
        )


# -- what each region is offered -----------------------------------------------------------------


def test_every_region_is_offered_a_line_or_the_directory() -> None:
    lines = directory()
    for region in lines.regions:
        offered = lines.lines_for(region.code)
        assert offered, region.code
        assert offered[-1].region == ANY_REGION


def test_the_uk_nations_show_their_own_lines_then_the_uk_wide_ones() -> None:
    lines = directory()
    uk_wide = [line.name for line in lines.lines_for("GB") if line.region == "GB"]
    assert uk_wide == ["Samaritans", "Shout"]
    for code in UK:
        offered = lines.lines_for(code)
        regions = [line.region for line in offered]
        assert regions == sorted(regions, key=[code, "GB", ANY_REGION].index), code
        assert regions.count(code) >= 1, code
        assert [line.name for line in offered if line.region == "GB"] == uk_wide
    scotland = {line.name: line for line in lines.lines_for("GB-SCT")}
    assert "Mon–Thu 18:00–02:00" in scotland["Breathing Space"].hours
    england = lines.lines_for("GB-ENG")[0]
    assert "choose the mental health option" in england.how  # not "press 2" (see the notes)


def test_liechtenstein_shares_switzerlands_lines() -> None:
    lines = directory()
    assert lines.region("LI").emergency == lines.region("CH").emergency
    assert [line.name for line in lines.lines_for("LI")] == [
        line.name for line in lines.lines_for("CH")
    ]


def test_a_line_that_is_not_open_all_day_says_its_hours() -> None:
    lines = directory()
    [italy] = [line for line in lines.lines_for("IT") if line.region == "IT"]
    assert "not 24/7" in italy.hours and "10:00–24:00" in safety.line_details(italy)
    assert "not 24/7" in safety.first_lines(lines, "IT")[1]  # the low-mood card says so too


def test_china_is_not_told_that_112_works() -> None:
    china = directory().region("CN")
    assert china.emergency.startswith("120") and "112 is not" in china.emergency


def test_the_fallback_never_claims_112_works_everywhere() -> None:
    fallback = directory().region("XX")
    assert fallback.code == DEFAULT_REGION
    assert "local emergency number" in fallback.emergency
    assert "does not work everywhere" in fallback.emergency
    assert not re.search(r"112 (works|always)", fallback.emergency)


def test_an_unknown_region_falls_back_to_the_catch_all() -> None:
    lines = directory()
    assert lines.region("XX").code == DEFAULT_REGION
    assert lines.region("").code == DEFAULT_REGION
    assert lines.lines_for("XX") == lines.lines_for(DEFAULT_REGION)


def test_regions_are_offered_by_name_with_the_catch_alls_last() -> None:
    offered = directory().by_name()
    countries = [region.name for region in offered[: -len(CATCH_ALLS)]]
    assert countries == sorted(countries, key=str.casefold)
    assert [region.code for region in offered[-len(CATCH_ALLS) :]] == list(CATCH_ALLS)
    assert len(offered) == len(directory().regions)


# -- the dates in words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source_date", "said"),
    [
        ("", "undated page"),
        ("2021", "page from 2021"),
        ("~2015", "page from about 2015"),
        ("2023-11", "page from November 2023"),
        ("2020-03-30", "page dated 30 March 2020"),
    ],
)
def test_a_source_date_in_words(source_date: str, said: str) -> None:
    line = safety.CrisisLine("GB", "Line", "1", "Call", "example.org", source_date)
    assert safety.page_date(line) == said


def test_what_the_dates_mean_is_said_plainly() -> None:
    assert "not a day anyone phoned the line" in safety.SOURCE_DATES
    assert "local emergency number" in safety.SOURCE_DATES
    said = safety.compared_line(directory())
    assert "1 December 2026" in said and "stored copies" in said


# -- the yearly comparison (a CI step on the real date) ------------------------------------------


def test_the_list_is_not_overdue_within_a_year_of_its_comparison() -> None:
    lines = directory()
    assert safety.overdue_comparison(lines, lines.compared) == ""
    assert safety.overdue_comparison(lines, lines.compared + timedelta(days=365)) == ""


def test_a_year_and_a_day_after_the_comparison_it_is_overdue() -> None:
    lines = directory()
    overdue = safety.overdue_comparison(lines, lines.compared + timedelta(days=366))
    assert overdue == "last compared with their sources on 1 December 2026"


def test_a_broken_file_is_an_error_not_an_empty_list(tmp_path: Path) -> None:
    broken = tmp_path / "lines.toml"
    broken.write_text('compared_with_sources = 2026-12-01\n[[regions]]\ncode = "US"\n')
    with pytest.raises(KeyError):
        directory(broken)
