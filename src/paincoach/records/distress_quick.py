"""The distress check without reading the phrase list, for the texts that cannot match it.

Every phrase of `data/distress.toml` has words it cannot match without: "(kill|killing)
myself" needs "myself", "suicid*" a word starting "suicid". Those words are derived from
the patterns (`distress_derive`, never written by hand) and kept in `distress_words`:

    python -m paincoach.records.distress_derive

A text none of whose tidied words is one of them cannot match any phrase, so it is
answered here without loading the list and compiling its big regular expression (about
30 ms of a `paincoach activity`). Any other text goes to the full matcher, which decides
as it always did. The words are used only while the phrase file is byte for byte the one
they were made from (its size and CRC-32); otherwise every text goes to the full matcher.
The tests check that `distress_words` is what `distress_derive` makes of the file, and that
this route and the full matcher agree on every phrase, its variants and generated texts.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from paincoach.records import distress_words
from paincoach.records.distress_text import distress_path, tidy

if TYPE_CHECKING:
    from paincoach.records.distress import Pattern

_TOKENS = re.compile(r"\w+")


def found(text: str) -> Pattern | None:
    """The first phrase in `text`, exactly as `default_matcher().found` (which it may call)."""
    if not text or (words_are_current() and not may_hold_a_phrase(text)):
        return None
    from paincoach.records.distress import default_matcher  # here: the list, its classes

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
