"""Derive the quick distress check's words from a phrase file (`distress_quick`).

Run `python -m paincoach.records.distress_derive` after any edit of data/distress.toml;
the tests fail until `distress_words` is what this makes of the file.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from paincoach.records import distress_words
from paincoach.records.distress import Part, Word, load_phrases, parse_pattern
from paincoach.records.distress_text import distress_path


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
        '"""Made from data/distress.toml by `python -m paincoach.records.distress_derive`.',
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
