"""Typed reading of parsed TOML tables, recording a located problem for every mistake."""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from paincoach.exercises.locate import Locator
from paincoach.exercises.problems import FieldPath, LoadWarning, render_field

Table = dict[str, Any]
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KEY_RE = re.compile(r"[a-z_][a-z0-9_]*")
TEXT = "text (in quotes)"
FLAG = "true or false"
_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
MAX_FILE_BYTES = 1024 * 1024
"""The largest content file read (the largest bundled one is under 5 KB). A bigger file is
skipped unread: checking a 20 MB file took 7 s, and the exercise list waits for it."""
MAX_PROBLEMS = 100
"""Checking one file stops at this many problems: finding and placing 30,000 took 2.7 s."""


class TooManyProblemsError(Exception):
    """Raised by `Checker.report` at `MAX_PROBLEMS`: the rest of the file goes unchecked."""


def found(value: object) -> str:
    """A short description of a TOML value, for `…, found X` messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return json.dumps(shown, ensure_ascii=False) if value else "empty text"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a table"
    return f"{value} (a date or time)"


def suggest(word: str, choices: Collection[str]) -> str:
    """` (did you mean "x"?)` when a close match exists, else nothing."""
    import difflib  # only when something is misspelt (`paincoach today` loads this module)

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def toml_files(folder: Path) -> list[Path]:
    """The `*.toml` files directly in `folder`, sorted (hidden files are left out)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith(".") and p.is_file())


def parse_toml(text: str, path: Path) -> tuple[Table | None, list[LoadWarning]]:
    """Parse TOML, turning a syntax error into a problem with its line."""
    try:
        return tomllib.loads(text), []
    except RecursionError:  # tomllib recurses once per level of nesting
        return None, [LoadWarning(path, None, None, "invalid TOML: nested too deeply to read")]
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        line = int(m.group(1)) if m else getattr(exc, "lineno", None)
        if m:
            msg = f"{msg[: m.start()]} (column {m.group(2)})"
        elif msg.endswith("(at end of document)"):
            # tomllib points at the end; the useful place is where the string began.
            start = Locator(text).unterminated_string()
            line = start or text.count("\n") + 1
            msg = msg.removesuffix(" (at end of document)")
            msg += f" (it starts on line {start} and never ends)" if start else " at the end"
        return None, [LoadWarning(path, line, None, f"invalid TOML: {msg}")]


def read_text(path: Path) -> tuple[str | None, list[LoadWarning]]:
    """Read a UTF-8 file of at most `MAX_FILE_BYTES`, turning any failure into a problem."""
    try:
        with path.open(encoding="utf-8") as handle:
            size = os.fstat(handle.fileno()).st_size
            text = "" if size > MAX_FILE_BYTES else handle.read(MAX_FILE_BYTES + 1)
        if size > MAX_FILE_BYTES or len(text) > MAX_FILE_BYTES:  # or it grew while read
            return None, [too_large(path, max(size, len(text)))]
        return text, []
    except UnicodeDecodeError:
        return None, [LoadWarning(path, None, None, "cannot read the file: it is not UTF-8 text")]
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, [LoadWarning(path, None, None, f"cannot read the file: {reason}")]


def too_large(path: Path, size: int) -> LoadWarning:
    """The problem for a file over `MAX_FILE_BYTES` (its size in MB, rounded up)."""
    megabytes = math.ceil(size / 1024 / 1024 * 10) / 10
    return LoadWarning(
        path, None, None, f"too large to read ({megabytes:.1f} MB; a file here can be up to 1 MB)"
    )


class Checker:
    """Reads values out of tables and records what is wrong, with file, line and field."""

    def __init__(self, path: Path, text: str) -> None:
        """Problems are about `path`; lines are found in `text` only when needed."""
        self.path = path
        self.locator = Locator(text)
        self.problems: list[LoadWarning] = []
        self.stopped = False  # at MAX_PROBLEMS

    def sorted_problems(self) -> list[LoadWarning]:
        """Problems in this file by line (problems in other files, e.g. lists, last)."""
        found = sorted(self.problems, key=lambda p: (p.path != self.path, p.line or 0))
        if self.stopped:
            note = f"checking stopped after {MAX_PROBLEMS} problems: fix these, then check again"
            found.append(LoadWarning(self.path, None, None, note))
        return found

    def report(self, field: FieldPath, message: str) -> None:
        """Record a problem at `field` (TooManyProblemsError at `MAX_PROBLEMS`)."""
        line = self.locator.line(field)
        self.problems.append(LoadWarning(self.path, line, render_field(field), message))
        if len(self.problems) >= MAX_PROBLEMS:
            self.stopped = True
            raise TooManyProblemsError

    def allowed_keys(self, table: Table, at: FieldPath, allowed: Sequence[str], what: str) -> None:
        """Report every key not in `allowed` (typo protection)."""
        for key in table:
            if key not in allowed:
                self.report(
                    (*at, key),
                    f'unknown key "{key}"{suggest(key, allowed)}; '
                    f"{what} allows: {', '.join(sorted(allowed))}",
                )

    def missing(self, at: FieldPath, key: str, expected: str) -> None:
        """Report a required key that is absent."""
        self.report((*at, key), f'missing key "{key}": expected {expected}')

    def text(self, table: Table, at: FieldPath, key: str, *, required: bool = False) -> str:
        """A non-empty string, or "" when absent or wrong (reported)."""
        if key not in table:
            if required:
                self.missing(at, key, TEXT)
            return ""
        value = table[key]
        if not isinstance(value, str):
            self.report((*at, key), f"expected {TEXT}, found {found(value)}")
            return ""
        if not value.strip():
            self.report((*at, key), f"expected {TEXT} that is not empty, found {found(value)}")
            return ""
        return value

    def whole(
        self, table: Table, at: FieldPath, key: str, lo: int, hi: int, *, required: bool = False
    ) -> int | None:
        """A whole number from `lo` to `hi`, or None when absent or wrong (reported)."""
        expected = f"a whole number from {lo} to {hi}"
        if key not in table:
            if required:
                self.missing(at, key, expected)
            return None
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.report((*at, key), f"expected {expected}, found {found(value)}")
            return None
        return value

    def number(
        self, table: Table, at: FieldPath, key: str, lo: float, hi: float, *, required: bool = False
    ) -> float | None:
        """A number (whole or decimal) from `lo` to `hi`, or None when absent or wrong."""
        expected = f"a number of seconds from {lo:g} to {hi:g}"
        if key not in table:
            if required:
                self.missing(at, key, expected)
            return None
        value = table[key]
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or not math.isfinite(value) or not lo <= value <= hi:
            self.report((*at, key), f"expected {expected}, found {found(value)}")
            return None
        return float(value)

    def flag(self, table: Table, at: FieldPath, key: str) -> bool:
        """A true/false value, false when absent or wrong (reported)."""
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.report((*at, key), f"expected {FLAG}, found {found(value)}")
            return False
        return value

    def one_of(
        self, table: Table, at: FieldPath, key: str, allowed: Sequence[object], default: object
    ) -> object:
        """One of `allowed` values; `default` when absent; None when wrong (reported)."""
        if key not in table:
            if default is None:
                self.missing(at, key, "one of " + ", ".join(_show(a) for a in allowed))
            return default
        value = table[key]
        if isinstance(value, bool) or value not in allowed:
            hint = suggest(value, [str(a) for a in allowed]) if isinstance(value, str) else ""
            options = ", ".join(_show(a) for a in allowed)
            self.report((*at, key), f"expected one of {options}, found {found(value)}{hint}")
            return None
        return value

    def text_list(self, table: Table, at: FieldPath, key: str, *, nonempty: bool) -> list[str]:
        """A list of non-empty strings; bad items are reported one by one and left out."""
        if key not in table:
            return []
        value = table[key]
        if not isinstance(value, list):
            self.report(
                (*at, key), f'expected a list of text, like ["a", "b"], found {found(value)}'
            )
            return []
        if nonempty and not value:
            self.report((*at, key), "expected at least 1 item, found an empty list")
        out: list[str] = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item)
            else:
                self.report(
                    (*at, key, i), f"expected {TEXT} that is not empty, found {found(item)}"
                )
        return out

    def pattern(self, value: str, at: FieldPath, regex: re.Pattern[str], expected: str) -> bool:
        """Whether `value` matches `regex` in full; reported when it does not."""
        if value and not regex.fullmatch(value):
            self.report(at, f"expected {expected}, found {found(value)}")
            return False
        return bool(value)


def _show(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)
