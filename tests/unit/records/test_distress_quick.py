"""The quick distress check: derived from the phrase file, and never deciding otherwise.

`records.distress_quick` answers a text without the phrase list when none of its words is
one some phrase needs. These tests hold that it finds exactly what the full matcher finds:
on the corpus, on every phrase written every way its pattern allows (and with the
spellings' variants, apostrophes and capitals), and on thousands of generated texts made of
the phrases' own words; and that its words are what the file gives, not a hand-made list.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from paincoach.records import distress, distress_quick, distress_words
from paincoach.records.distress import (
    DistressMatcher,
    Part,
    default_matcher,
    distress_path,
    parse_pattern,
)
from paincoach.records.distress_derive import current, derive, needed_words, render
from paincoach.records.distress_quick import may_hold_a_phrase

CORPUS = tomllib.loads(Path(__file__).with_name("distress_corpus.toml").read_text(encoding="utf-8"))
ENDINGS = ("", "e", "al", "ally", "ing", "s")  # what a `*` word is written with here


@pytest.fixture(scope="module")
def matcher() -> DistressMatcher:
    return default_matcher()


def agree(matcher: DistressMatcher, text: str) -> bool:
    return distress_quick.found(text) == matcher.found(text)


# -- derived, not written by hand -----------------------------------------------------------


def test_the_words_module_is_what_the_phrase_file_gives() -> None:
    # If this fails after an edit of data/distress.toml: python -m paincoach.records.distress_derive
    assert derive() == current()
    module = Path(distress_words.__file__).read_text(encoding="utf-8")
    assert module == render(derive())


def test_the_words_are_used_for_the_bundled_file() -> None:
    distress_quick.words_are_current.cache_clear()
    assert distress_quick.words_are_current()
    assert not may_hold_a_phrase("walk") and not may_hold_a_phrase("Physio exercises, 20 min")


def test_the_words_of_a_pattern_are_one_of_each_choice_of_a_needed_part() -> None:
    def words(text: str) -> set[tuple[str, bool]]:
        return set(needed_words(parse_pattern(text, {"do not": "dont"})))

    assert words("(kill|killing) myself") == {("myself", False)}
    assert words("suicid*") == {("suicid", True)}
    assert words("[just|simply] want to die") == {("want", False)}  # never an optional part
    assert words("i do not (want to go|wish to go)") == {("want", False), ("wish", False)}


def test_a_changed_phrase_file_sends_every_text_to_the_full_matcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed = tmp_path / "distress.toml"
    shutil.copy(distress_path(), changed)
    with changed.open("a", encoding="utf-8") as file:
        file.write('\n[[phrases]]\ngroup = "new"\npatterns = ["walk into the sea"]\n')
    monkeypatch.setattr(distress, "distress_path", lambda: changed)
    monkeypatch.setattr(distress_quick, "distress_path", lambda: changed)
    default_matcher.cache_clear()
    distress_quick.words_are_current.cache_clear()
    try:
        assert not distress_quick.words_are_current()
        hit = distress_quick.found("I want to walk into the sea")
        assert hit is not None and hit.group == "new"
    finally:
        default_matcher.cache_clear()
        distress_quick.words_are_current.cache_clear()


def test_an_unreadable_phrase_file_is_reported_by_the_full_matcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nothing.toml"
    monkeypatch.setattr(distress, "distress_path", lambda: missing)
    monkeypatch.setattr(distress_quick, "distress_path", lambda: missing)
    default_matcher.cache_clear()
    distress_quick.words_are_current.cache_clear()
    try:
        with pytest.raises(distress.PhraseFileError):
            distress_quick.found("walk")
    finally:
        default_matcher.cache_clear()
        distress_quick.words_are_current.cache_clear()


def test_an_ordinary_text_does_not_read_the_phrase_list() -> None:
    default_matcher.cache_clear()
    assert distress_quick.found("walk") is None and not distress_quick.any_in(["Knee", "rain"])
    assert default_matcher.cache_info().currsize == 0
    assert distress_quick.found("I want to die") is not None
    assert default_matcher.cache_info().currsize == 1


# -- never deciding otherwise ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ["positives", "idioms", "ordinary", "missed"])
def test_the_corpus_gives_exactly_the_same_results(matcher: DistressMatcher, kind: str) -> None:
    assert [text for text in CORPUS[kind] if not agree(matcher, text)] == []


def _written(parts: tuple[Part, ...]) -> Iterator[list[str]]:
    """Every way to write a pattern: each choice of each part, optional parts in or out."""
    options: list[list[list[str]]] = []
    for part in parts:
        runs = [[word for word, _ in choice] for choice in part.choices]
        stars = [any(star for _, star in choice) for choice in part.choices]
        if any(stars):  # a `*` word with a few endings
            runs = [
                [word + (ending if star else "") for word, star in choice]
                for choice in part.choices
                for ending in ENDINGS
            ]
        options.append([[], *runs] if part.optional else runs)
    for chosen in itertools.product(*options):
        yield [word for run in chosen for word in run]


def _variants(words: list[str], spelled: dict[str, list[str]]) -> Iterator[str]:
    """A sentence as people write it: as is, in capitals, in a note, apostrophes, slips."""
    text = " ".join(words)
    yield text
    yield text.upper() + "!"
    yield f"Pain 7 today. Honestly {text}, and the knee is worse"
    yield text.replace("dont", "don\u2019t").replace("im ", "I'm ").replace("cant", "can't")
    for word, variants in spelled.items():
        if re.search(rf"(?<!\w){word}(?!\w)", text):
            for variant in variants:
                yield re.sub(rf"(?<!\w){word}(?!\w)", variant, text, count=1)


def _spelled() -> dict[str, list[str]]:
    spelled: dict[str, list[str]] = {}
    for variant, word in distress_words.SPELLINGS.items():
        spelled.setdefault(word, []).append(variant)
    return spelled


def test_every_phrase_written_every_way_is_found_alike(matcher: DistressMatcher) -> None:
    spelled, matched, differ = _spelled(), 0, []
    for pattern in matcher.list.phrases:
        whole = re.compile(rf"(?<!\w){pattern.regex}(?!\w)")
        for words in _written(parse_pattern(pattern.text, matcher.list.spellings)):
            for text in _variants(words, spelled):
                if whole.search(matcher.tidy(text)):  # the pattern matches: the check lets it by
                    assert may_hold_a_phrase(text), (pattern.text, text)
                    matched += 1
                # Else a spelling joins words of two parts ("could" + "not exist" is read
                # "couldnt exist"): the full matcher misses it too (docs/distress-speed.md).
                if not agree(matcher, text):
                    differ.append(text)
    assert differ == [] and matched > 3000


def _phrase_words(matcher: DistressMatcher) -> list[str]:
    words: set[str] = set()
    for pattern in (*matcher.list.phrases, *matcher.list.idioms):
        for part in parse_pattern(pattern.text, matcher.list.spellings):
            for choice in part.choices:
                words.update(word + ("al" if star else "") for word, star in choice)
    words.update(distress_words.SPELLINGS)  # the variants, as people write them
    return sorted(words)


def test_thousands_of_texts_of_phrase_words_are_found_alike(matcher: DistressMatcher) -> None:
    pool = [*_phrase_words(matcher), "walk", "pain", "knee", "tired", "today", "the dog"]
    marks = [" ", " ", " ", ", ", ". ", "... ", "-", "'", "? "]
    chance = random.Random(18)
    differ, found = [], 0
    for _ in range(6000):
        size = chance.randint(2, 9)
        text = "".join(chance.choice(pool) + chance.choice(marks) for _ in range(size))
        if not agree(matcher, text):
            differ.append(text)
        found += matcher.found(text) is not None
    assert differ == []
    assert 100 < found < 5900  # both kinds of text were made: the test means something
