"""The distress check without reading the phrase list, for the texts that cannot match it.

Every phrase of `data/distress.toml` has words it cannot match without: "(kill|killing)
myself" needs "myself", "suicid*" a word starting "suicid". Those words are derived from
the patterns by `derive` (never written by hand) and kept in `distress_words`, made by

    python -m paincoach.records.distress_quick

A text none of whose tidied words is one of them cannot match any phrase, so it is
answered here without loading the list and compiling its big regular expression (about
30 ms of a `paincoach activity`). Any other text goes to the full matcher, which decides
as it always did. The words are used only while the phrase file is byte for byte the one
they were made from (its size and CRC-32); otherwise every text goes to the full matcher.
The tests check that `distress_words` is what `derive` makes of the file, and that this
route and the full matcher agree on every phrase, its variants and generated texts.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from paincoach.records import distress_words
from paincoach.records.distress import (
    Part,
    Pattern,
    Word,
    default_matcher,
    distress_path,
    load_phrases,
    parse_pattern,
    tidy,
)

_TOKENS = re.compile(r"\w+")


def found(text: str) -> Pattern | None:
    """The first phrase in `text`, exactly as `default_matcher().found` (which it may call)."""
    if not text or (words_are_current() and not may_hold_a_phrase(text)):
        return None
    return default_matcher().found(text)


def any_in(texts: Iterable[str]) -> bool:
    """Whether any of `texts` holds a phrase (a broken phrase file raises, as before)."""
    return any(found(text) is not None for text in texts)


def may_hold_a_phrase(text: str) -> bool:
    """False only when no word of the tidied `text` is a word some phrase needs."""
    tokens = _TOKENS.findall(tidy(text, distress_words.SPELLINGS))
    needed, starts = distress_words.WORDS, distress_words.PREFIXES
    return any(token in needed or token.startswith(starts) for token in tokens)


@cache
def words_are_current() -> bool:
    """Whether the phrase file is the one `distress_words` was made from (read once)."""
    try:
        data = distress_path().read_bytes()
    except OSError:
        return False  # the full matcher reports it
    return len(data) == distress_words.SOURCE_SIZE and zlib.crc32(data) == (
        distress_words.SOURCE_CRC32
    )


# -- deriving the words -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuickWords:
    """What `distress_words` holds, derived from a phrase file."""

    source_size: int
    source_crc32: int
    spellings: Mapping[str, str]
    words: frozenset[str]
    prefixes: tuple[str, ...]


def needed_words(parts: tuple[Part, ...]) -> frozenset[Word]:
    """Words a text must hold (one of them) for the pattern of `parts` to match.

    Every match holds each part that is not optional, in one of its choices, and each
    choice every one of its words, as a whole word of the tidied text (a `*` word as the
    start of one). So one word of each choice of one such part will do: the longest of
    each, from the part whose shortest is longest (the fewest chance hits on "i" or "to").
    """
    best: frozenset[Word] = frozenset()
    best_length = -1
    for part in parts:
        if part.optional:
            continue
        words = frozenset(max(choice, key=lambda word: len(word[0])) for choice in part.choices)
        length = min(len(word) for word, _ in words)
        if length > best_length:
            best, best_length = words, length
    return best


def derive(path: Path | None = None) -> QuickWords:
    """The quick check's words for a phrase file (the bundled one by default)."""
    path = path or distress_path()
    data = path.read_bytes()
    phrases = load_phrases(path)
    needed: set[Word] = set()
    for pattern in phrases.phrases:
        needed |= needed_words(parse_pattern(pattern.text, phrases.spellings))
    return QuickWords(
        source_size=len(data),
        source_crc32=zlib.crc32(data),
        spellings=dict(phrases.spellings),
        words=frozenset(word for word, star in needed if not star),
        prefixes=tuple(sorted(word for word, star in needed if star)),
    )


def render(quick: QuickWords) -> str:
    """The text of `distress_words.py` for `quick` (as `ruff format` leaves it)."""
    lines = [
        '"""Made from data/distress.toml by `python -m paincoach.records.distress_quick`.',
        "",
        "Do not edit: the tests fail when this is not what the file gives (then run the above).",
        '"""',
        "",
        f"SOURCE_SIZE = {quick.source_size}",
        f"SOURCE_CRC32 = {quick.source_crc32}",
        "SPELLINGS: dict[str, str] = {",
        *(f'    "{variant}": "{word}",' for variant, word in quick.spellings.items()),
        "}",
        "WORDS: frozenset[str] = frozenset(",
        "    {",
        *(f'        "{word}",' for word in sorted(quick.words)),
        "    }",
        ")",
        "PREFIXES: tuple[str, ...] = (",
        *(f'    "{prefix}",' for prefix in quick.prefixes),
        ")",
    ]
    return "\n".join(lines) + "\n"


def current() -> QuickWords:
    """What `distress_words` holds now."""
    return QuickWords(
        source_size=distress_words.SOURCE_SIZE,
        source_crc32=distress_words.SOURCE_CRC32,
        spellings=dict(distress_words.SPELLINGS),
        words=distress_words.WORDS,
        prefixes=distress_words.PREFIXES,
    )


if __name__ == "__main__":  # pragma: no cover - the maintainer's tool, see the docstring
    target = Path(__file__).with_name("distress_words.py")
    target.write_text(render(derive()), encoding="utf-8")
    print(f"wrote {target}")
