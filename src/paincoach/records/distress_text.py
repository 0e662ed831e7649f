"""The distress check's tidying of text, and the phrase file's place and errors.

Apart from `records.distress` so that the quick check (`distress_quick`) can tidy a text
as the patterns see it without the loader and its classes: most saves need no more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from paincoach.core.resources import data_dir

BREAK = "|"
"""What the tidied text has where a sentence ends: no pattern matches across it."""

_APOSTROPHES = dict.fromkeys(map(ord, "'\u2018\u2019\u201b\u02bc\u0060\u00b4\u2032"))
"""Removed by `str.translate` (a character class would cost every save its compile)."""
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")
_ENDS = re.compile(r"[.!?;\n\r\u2028\u2029]+")
_OTHER = re.compile(r"[^\w|]+|_")


class PhraseFileError(ValueError):
    """The phrase file is broken: which file, which line, and what is wrong."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


def distress_path() -> Path:
    """The bundled phrase file."""
    return data_dir() / "distress.toml"


def tidy(text: str, spellings: Mapping[str, str] | None = None) -> str:
    """Lower case, no apostrophes, punctuation as spaces, sentence ends as `BREAK`.

    Each variant in `spellings` (a run of whole words) is read as its word: "do not" and
    "dont" become one. Runs of spaces become one, so patterns join words by one space.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_APOSTROPHES)
    text = _ELLIPSIS.sub(" ", text)
    text = _ENDS.sub(f" {BREAK} ", text)
    text = " ".join(_OTHER.sub(" ", text).split())
    if spellings:
        text = _spelling_regex(tuple(spellings)).sub(lambda m: spellings[m.group(0)], text)
    return text


@cache
def _spelling_regex(variants: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(variants, key=len, reverse=True)  # "can not" before "can"
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
