"""Notice explicit words of suicidal thoughts, plans or self-harm in what a person wrote.

The phrases, the pain idioms taken out before them, the spellings made one and the
emotions of despair are content (`data/distress.toml`, see docs/distress-phrases.md). This
module only reads that file and matches: a pure function of the text, fast enough to run
on every save (one regular expression over the tidied text; idioms only when it matched).
Nothing here stores or sends anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from paincoach.records.distress_text import BREAK as BREAK
from paincoach.records.distress_text import PhraseFileError as PhraseFileError
from paincoach.records.distress_text import distress_path as distress_path
from paincoach.records.distress_text import tidy as tidy

_WORD = re.compile(r"[a-z0-9]+\*?")
_ALLOWED = re.compile(r"[a-z0-9 ()\[\]|*'\u2019-]+")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern as written, with its group and where it is in the file."""

    group: str
    text: str
    line: int
    regex: str


@dataclass(frozen=True, slots=True)
class PhraseList:
    """Everything `data/distress.toml` holds, checked and ready to match."""

    phrases: tuple[Pattern, ...]
    idioms: tuple[Pattern, ...]
    spellings: Mapping[str, str]  # variant -> the word it is read as
    despair: frozenset[str]  # emotion names, tidied
    despair_at_least: int

    def tidy(self, text: str) -> str:
        """`text` as the patterns see it (see `tidy`)."""
        return tidy(text, self.spellings)


class DistressMatcher:
    """Finds the phrases in a text, after taking the idioms out."""

    def __init__(self, phrases: PhraseList) -> None:
        self.list = phrases
        self._phrases = _combined(p.regex for p in phrases.phrases)
        self._idioms = _combined(p.regex for p in phrases.idioms)

    def tidy(self, text: str) -> str:
        """The text as the patterns see it."""
        return self.list.tidy(text)

    def found(self, text: str) -> Pattern | None:
        """The first phrase in `text` (idioms taken out first), or None."""
        if not text:
            return None
        tidied = self.tidy(text)
        if not self._phrases.search(tidied):  # the common case: one search, done
            return None
        kept = self._idioms.sub(f" {BREAK} ", tidied)
        match = self._phrases.search(kept)
        if match is None:
            return None
        return next(p for p in self.list.phrases if re.fullmatch(p.regex, match.group(0)))

    def any_in(self, texts: Iterable[str]) -> bool:
        """Whether any of `texts` holds a phrase."""
        return any(self.found(text) is not None for text in texts)

    def despairing(self, name: str, intensity: int | None) -> bool:
        """Whether an emotion of despair was rated at least the file's `at_least`."""
        if intensity is None or intensity < self.list.despair_at_least:
            return False
        return self.tidy(name) in self.list.despair


def _combined(regexes: Iterable[str]) -> re.Pattern[str]:
    parts = list(regexes)
    if not parts:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


# -- reading the file -------------------------------------------------------------------------


@cache
def default_matcher() -> DistressMatcher:
    """The matcher for the bundled file, read once per process (a broken file raises)."""
    return DistressMatcher(load_phrases())


def load_phrases(path: Path | None = None) -> PhraseList:
    """Read and check a phrase file; `PhraseFileError` names the file, line and problem."""
    path = path or distress_path()
    try:
        raw_text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PhraseFileError(path, 0, f"cannot be read ({exc})") from exc
    import tomllib  # here: most saves never read the phrase file

    try:
        raw = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise PhraseFileError(path, int(line.group(1)) if line else 0, str(exc)) from exc
    reader = _Reader(path, raw_text.splitlines())
    spellings = reader.spellings(raw.get("spellings", {}))
    phrases = reader.groups(raw, "phrases", spellings)
    idioms = reader.groups(raw, "idioms", spellings)
    if not phrases:
        raise PhraseFileError(path, 0, "there are no [[phrases]]")
    despair, at_least = reader.despair(raw.get("despair"), spellings)
    return PhraseList(phrases, idioms, spellings, despair, at_least)


class _Reader:
    """Checks each part of the file, finding the line of anything wrong."""

    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path = path
        self.lines = lines

    def fail(self, problem: str, near: str = "") -> PhraseFileError:
        return PhraseFileError(self.path, self.line_of(near) if near else 0, problem)

    def line_of(self, text: str, after: int = 0) -> int:
        """The first line (from `after`) holding `text` (quoted if it can be), or 0."""
        forms = (f'"{text}"', f"'{text}'", text) if text else ('""', "''")
        for quoted in forms:
            for number, line in enumerate(self.lines[after:], start=after + 1):
                if quoted in line:
                    return number
        return 0

    def spellings(self, table: object) -> dict[str, str]:
        if not isinstance(table, dict):
            raise self.fail("[spellings] should be a table of word = [variants]", "[spellings]")
        found: dict[str, str] = {}
        for word, variants in table.items():
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise self.fail(f"spelling {word!r} should list its variants as text", word)
            for variant in variants:
                key = tidy(variant)
                if not key or BREAK in key:
                    raise self.fail(f"spelling variant {variant!r} has no words", variant)
                if key in found:
                    raise self.fail(f"spelling variant {variant!r} is given twice", variant)
                found[key] = tidy(word)
        return found

    def groups(
        self, raw: dict[str, object], kind: str, spellings: dict[str, str]
    ) -> tuple[Pattern, ...]:
        items = raw.get(kind, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.fail(f"{kind} should be [[{kind}]] tables", f"[[{kind}]]")
        seen: dict[str, int] = {}
        found: list[Pattern] = []
        for item in items:
            group = item.get("group")
            if not isinstance(group, str) or not group.strip():
                raise self.fail(f"each [[{kind}]] needs a group name", f"[[{kind}]]")
            start = self.line_of(group)
            patterns = item.get("patterns")
            if not isinstance(patterns, list) or not patterns:
                raise PhraseFileError(self.path, start, f"group {group!r} has no patterns")
            for text in patterns:
                line = self.line_of(text, after=max(start - 1, 0)) if isinstance(text, str) else 0
                if not isinstance(text, str):
                    raise PhraseFileError(self.path, start, f"in {group!r}, {text!r} is not text")
                try:
                    regex = compile_pattern(text, spellings)
                except ValueError as exc:
                    raise PhraseFileError(self.path, line, f"pattern {text!r}: {exc}") from None
                if regex in seen:
                    raise PhraseFileError(
                        self.path, line, f"pattern {text!r} is also on line {seen[regex]}"
                    )
                seen[regex] = line
                found.append(Pattern(group, text, line, regex))
        return tuple(found)

    def despair(self, table: object, spellings: dict[str, str]) -> tuple[frozenset[str], int]:
        if table is None:
            return frozenset(), 101  # no emotions: a rating never brings the card
        if not isinstance(table, dict):
            raise self.fail("[despair] should be a table", "[despair]")
        at_least = table.get("at_least")
        if isinstance(at_least, bool) or not isinstance(at_least, int) or not 0 < at_least <= 100:
            raise self.fail("[despair] at_least should be a whole number from 1 to 100", "at_least")
        names = table.get("emotions")
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise self.fail("[despair] emotions should be a list of names", "emotions")
        return frozenset(tidy(name, spellings) for name in names), at_least


# -- the pattern language ---------------------------------------------------------------------


Word = tuple[str, bool]
"""One word of a pattern, tidied, and whether it ends in `*` (then any ending matches)."""


@dataclass(frozen=True, slots=True)
class Part:
    """One step of a pattern: one of its `choices` (each a run of words), maybe optional."""

    choices: tuple[tuple[Word, ...], ...]
    optional: bool
    bracketed: bool  # written in ( ) or [ ]: a group of its own in the regex


def compile_pattern(text: str, spellings: Mapping[str, str] | None = None) -> str:
    """A pattern as a regular expression over tidied text (ValueError says what is wrong).

    Words are whole words; `(a|b c)` is one of the choices, `[a|b]` is optional, and a
    word ending in `*` matches any ending. Each choice is tidied like the text, so a
    pattern may be written with apostrophes or the spellings' variants.
    """
    regex, started = "", False
    for part in parse_pattern(text, spellings):
        inner = _part_regex(part)
        if not started:  # optional words before the first word keep their own space
            regex += f"(?:{inner} )?" if part.optional else inner
            started = not part.optional
        else:
            regex += f"(?: {inner})?" if part.optional else f" {inner}"
    return regex


def parse_pattern(text: str, spellings: Mapping[str, str] | None = None) -> tuple[Part, ...]:
    """A pattern's parts, in order (ValueError says what is wrong; see `compile_pattern`).

    Both the regular expression and the quick check's words (`distress_quick`) are made
    from these, so the two cannot read a pattern differently.
    """
    source = text.casefold().strip()
    if not source:
        raise ValueError("it is empty")
    if not _ALLOWED.fullmatch(source):
        bad = sorted(set(re.sub(r"[a-z0-9 ()\[\]|*'\u2019-]", "", source)))
        raise ValueError(f"only letters, digits, spaces and ( ) [ ] | * are allowed, not {bad}")
    parts: list[Part] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == " ":
            index += 1
        elif char in "([":
            close = ")" if char == "(" else "]"
            end = source.find(close, index)
            inner = source[index + 1 : end] if end != -1 else ""
            if end == -1 or any(c in inner for c in "()[]"):
                raise ValueError(f"'{char}' is not closed by '{close}' (and they do not nest)")
            parts.append(Part(_choices(inner, spellings), char == "[", True))
            index = end + 1
        elif char in ")]|":
            raise ValueError(f"'{char}' is outside any ( ) or [ ]")
        else:
            end = index
            while end < len(source) and source[end] not in " ()[]|":
                end += 1
            parts.append(Part((_words(source[index:end], spellings),), False, False))
            index = end
    if not any(not part.optional for part in parts):
        raise ValueError("it needs at least one word that is not optional")
    return tuple(parts)


def _part_regex(part: Part) -> str:
    runs = [
        " ".join(re.escape(word) + (r"\w*" if star else "") for word, star in choice)
        for choice in part.choices
    ]
    return "(?:" + "|".join(runs) + ")" if part.bracketed else runs[0]


def _choices(inner: str, spellings: Mapping[str, str] | None) -> tuple[tuple[Word, ...], ...]:
    if not inner.strip():
        raise ValueError("( ) or [ ] is empty")
    options = inner.split("|")
    if any(not option.strip() for option in options):
        raise ValueError(f"'({inner})' has an empty choice")
    return tuple(_words(option, spellings) for option in options)


def _words(text: str, spellings: Mapping[str, str] | None) -> tuple[Word, ...]:
    stars = [word.endswith("*") for word in text.split()]
    if any("*" in word[:-1] for word in text.split()):
        raise ValueError(f"'*' may only end a word ('{text.strip()}')")
    words = tidy(text.replace("*", ""), spellings).split()
    if BREAK in words or not words or not all(_WORD.fullmatch(w) for w in words):
        raise ValueError(f"'{text.strip()}' has no plain words")
    if len(words) != len(stars):  # a spelling changed the number of words: no stars then
        if any(stars):
            raise ValueError(f"'*' cannot end a word that [spellings] rewrites ('{text}')")
        return tuple((word, False) for word in words)
    return tuple(zip(words, stars, strict=True))
