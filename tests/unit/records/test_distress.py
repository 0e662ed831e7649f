"""The distress phrase list: the corpus, the matcher's tidying, and the loader's messages."""

from __future__ import annotations

import re
import time
import tomllib
from pathlib import Path

import pytest

from paincoach.records.distress import (
    BREAK,
    DistressMatcher,
    PhraseFileError,
    compile_pattern,
    default_matcher,
    distress_path,
    load_phrases,
    tidy,
)

CORPUS_PATH = Path(__file__).with_name("distress_corpus.toml")
CORPUS = tomllib.loads(CORPUS_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def matcher() -> DistressMatcher:
    return default_matcher()


# -- the corpus -------------------------------------------------------------------------------


def test_the_corpus_is_big_enough_to_mean_something() -> None:
    sizes = {kind: len(CORPUS[kind]) for kind in ("positives", "idioms", "ordinary", "missed")}
    assert sum(sizes.values()) >= 150
    assert sizes["positives"] >= 80 and sizes["idioms"] >= 50 and sizes["ordinary"] >= 50


def test_every_positive_in_the_corpus_is_caught(matcher: DistressMatcher) -> None:
    missed = [text for text in CORPUS["positives"] if matcher.found(text) is None]
    assert missed == []


@pytest.mark.parametrize("kind", ["idioms", "ordinary"])
def test_no_idiom_or_ordinary_note_brings_the_card(matcher: DistressMatcher, kind: str) -> None:
    alarms = {text: found.text for text in CORPUS[kind] if (found := matcher.found(text))}
    assert alarms == {}


def test_the_known_misses_are_still_missed(matcher: DistressMatcher) -> None:
    # The documented figures count these as missed: if the list learns one, move it up.
    assert [text for text in CORPUS["missed"] if matcher.found(text)] == []


def test_every_phrase_is_caught_by_some_sentence_of_the_corpus(matcher: DistressMatcher) -> None:
    tidied = [matcher.tidy(text) for text in CORPUS["positives"]]
    unused = [
        f"{p.line}: {p.text}"
        for p in matcher.list.phrases
        if not any(re.search(rf"(?<!\w){p.regex}(?!\w)", text) for text in tidied)
    ]
    assert unused == []


def test_every_idiom_takes_something_out_of_the_corpus(matcher: DistressMatcher) -> None:
    tidied = [matcher.tidy(text) for kind in ("idioms", "ordinary") for text in CORPUS[kind]]
    tidied += [matcher.tidy(text) for text in CORPUS["positives"]]
    unused = [
        f"{p.line}: {p.text}"
        for p in matcher.list.idioms
        if not any(re.search(rf"(?<!\w){p.regex}(?!\w)", text) for text in tidied)
    ]
    assert unused == []


# -- matching ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I DON’T WANT TO BE HERE ANYMORE",  # case and a curly apostrophe
        "i dont want to be here any more",  # no apostrophe, two words
        "I do not want to be here anymore",  # written out
        "i   want\tto  die",  # whitespace
        "self-harm",
        "i wanna kill my self",
        "I want to... die",
    ],
)
def test_spellings_spacing_and_apostrophes_are_made_one(
    matcher: DistressMatcher, text: str
) -> None:
    assert matcher.found(text) is not None


def test_whole_words_only(matcher: DistressMatcher) -> None:
    assert matcher.found("I want to kill myselfie filters") is None
    assert matcher.found("the overdosage chart") is not None  # a star matches any ending
    assert matcher.found("walked 5 kms today") is None
    assert matcher.found("i want to kms") is not None


def test_a_phrase_never_spans_two_sentences(matcher: DistressMatcher) -> None:
    assert matcher.found("I want to. Die Hard is on tonight") is None
    assert matcher.found("No reason to. Live music at the pub helped") is None
    assert BREAK in tidy("one. two")


def test_idioms_are_taken_out_but_not_what_follows(matcher: DistressMatcher) -> None:
    assert matcher.found("This pain is killing me") is None
    hit = matcher.found("This pain is killing me, I want to kill myself")
    assert hit is not None and hit.group == "ending my life"
    assert matcher.found("I'd kill for a coffee") is None
    assert matcher.found("I'd kill for a coffee. I want to die") is not None


def test_the_match_names_its_group_and_line(matcher: DistressMatcher) -> None:
    hit = matcher.found("I'm going to take all my pills tonight")
    assert hit is not None and hit.group == "a plan or the means"
    lines = distress_path().read_text(encoding="utf-8").splitlines()
    assert hit.text in lines[hit.line - 1]


def test_empty_text_is_nothing(matcher: DistressMatcher) -> None:
    assert matcher.found("") is None and not matcher.any_in(["", ""])


def test_it_is_fast_enough_to_run_on_every_save(matcher: DistressMatcher) -> None:
    note = ("Bad night, pain 7 in the lower back. My back is killing me. " * 400)[:20_000]
    start = time.perf_counter()
    for _ in range(5):
        assert matcher.found(note) is None
        assert matcher.found(note + " I want to die") is not None
    # Generous for a loaded 2-core machine; the figures are in docs/distress-phrases.md.
    assert (time.perf_counter() - start) / 10 < 0.25


@pytest.mark.parametrize(
    ("name", "intensity", "despairing"),
    [
        ("Hopeless", 80, True),
        ("hopeless", 100, True),
        ("Hopeless", 79, False),
        ("Hopeless", None, False),
        ("In despair", 90, True),
        ("Sad", 100, False),
        ("Anxious", 95, False),
    ],
)
def test_despair_is_a_strong_rating_of_a_listed_emotion(
    matcher: DistressMatcher, name: str, intensity: int | None, despairing: bool
) -> None:
    assert matcher.despairing(name, intensity) is despairing


def test_every_despair_emotion_in_the_bundled_list_is_covered(matcher: DistressMatcher) -> None:
    emotions = tomllib.loads((distress_path().parent / "emotions.toml").read_text("utf-8"))
    labels = {matcher.tidy(item["label"]) for item in emotions["items"]}
    assert "hopeless" in labels and "hopeless" in matcher.list.despair


# -- the loader -------------------------------------------------------------------------------

GOOD = """\
[spellings]
"dont" = ["do not"]

[[phrases]]
group = "one"
patterns = [
    "want to die",
]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "distress.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_good_file_loads(tmp_path: Path) -> None:
    found = load_phrases(write(tmp_path, GOOD))
    assert [p.text for p in found.phrases] == ["want to die"] and found.phrases[0].line == 7
    assert found.idioms == () and found.spellings == {"do not": "dont"}


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (GOOD.replace('"want to die",', '"want to (die",'), 7, "is not closed"),
        (GOOD.replace('"want to die",', '"want to die)",'), 7, "outside any"),
        (GOOD.replace('"want to die",', '"want to (die|)",'), 7, "empty choice"),
        (GOOD.replace('"want to die",', '"[want]",'), 7, "not optional"),
        (GOOD.replace('"want to die",', '"want to d*e",'), 7, "may only end a word"),
        (GOOD.replace('"want to die",', '"want to die!",'), 7, "only letters"),
        (GOOD.replace('"want to die",', '"want to die", "want  to die",'), 7, "also on line 7"),
        (GOOD.replace('"want to die",', '"",'), 7, "empty"),
        (GOOD.replace('"want to die",', "3,"), 5, "is not text"),
        (GOOD.replace('group = "one"\n', ""), 4, "needs a group name"),
        (GOOD.replace("patterns = [", "patterns = [\n    'a',\n    'b'\n  'c'"), 9, "line 9"),
        (GOOD + '\n[despair]\nat_least = 200\nemotions = ["hopeless"]\n', 11, "at_least"),
        (GOOD.replace('"dont" = ["do not"]', '"dont" = "do not"'), 2, "variants"),
        (GOOD.replace("[[phrases]]", "[[idioms]]"), 0, "no [[phrases]]"),
    ],
)
def test_a_malformed_file_is_reported_with_file_line_and_problem(
    tmp_path: Path, text: str, line: int, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PhraseFileError) as caught:
        load_phrases(path)
    error = caught.value
    assert error.path == path and error.line == line, str(error)
    assert problem in str(error)
    assert str(error).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_patterns_compile_to_whole_word_sequences() -> None:
    assert compile_pattern("want to die") == "want to die"
    optional_first = compile_pattern("[just] want to (die|be dead)")
    assert optional_first == "(?:(?:just) )?want to (?:die|be dead)"
    assert compile_pattern("don't (do not|stop)", {"do not": "dont"}) == "dont (?:dont|stop)"
    assert compile_pattern("suicid*") == r"suicid\w*"
