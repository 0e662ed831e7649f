"""Find the line of a field in TOML text (tomllib gives no positions for parsed values).

`Locator` runs a small position-only scanner over text that tomllib already accepted: it
records the line of every table header, `key =` line and array element, keyed by the same
field paths the validator uses, e.g. ("steps", 2, "seconds"). Strings, including multi-line
ones that contain text like `[[steps]]` or `key = 1`, are skipped as a whole.
"""

from __future__ import annotations

import bisect
import contextlib
import re

from paincoach.exercises.problems import FieldPath

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t\r"


class Locator:
    """Line numbers (1-based) of fields in one TOML text; built on first use."""

    def __init__(self, text: str) -> None:
        """Remember the text; it is scanned only if a line is asked for."""
        self._text = text
        self._lines: dict[FieldPath, int] | None = None

    def unterminated_string(self) -> int | None:
        """Line where a string that never ends starts (tomllib reports the end of the file)."""
        scanner = _Scanner(self._text)
        scanner.run()
        return scanner.open_string

    def line(self, field: FieldPath) -> int | None:
        """Line of `field`, else of its nearest enclosing field that is written in the file."""
        if self._lines is None:
            self._lines = _Scanner(self._text).run()
        for end in range(len(field), -1, -1):
            found = self._lines.get(field[:end])
            if found is not None:
                return found
        return 1 if self._text else None


class _Scanner:
    """A position-only reader for valid TOML."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.found: dict[FieldPath, int] = {}
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._aot: dict[FieldPath, int] = {}  # last index of each array of tables
        self.open_string: int | None = None  # line of a string with no end, if any

    def run(self) -> dict[FieldPath, int]:
        """Scan the whole text; on anything unexpected keep what was found so far."""
        # On a surprise the validator falls back to the nearest located field.
        with contextlib.suppress(IndexError, ValueError):
            self._document()
        return self.found

    def _line(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def _peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def _document(self) -> None:
        table: FieldPath = ()
        while True:
            self._skip(newlines=True)
            if self.i >= len(self.s):
                return
            start = self.i
            if self._peek(2) == "[[":
                self.i += 2
                table = self._array_table(self._key(), start)
                self._expect("]]")
            elif self._peek() == "[":
                self.i += 1
                table = self._resolve(self._key())
                self.found.setdefault(table, self._line(start))
                self._expect("]")
            else:
                self._pair(table)

    def _array_table(self, keys: FieldPath, start: int) -> FieldPath:
        parent = self._resolve(keys[:-1]) + keys[-1:]
        index = self._aot.get(parent, -1) + 1
        self._aot[parent] = index
        # Forget sub-arrays of the previous element: they restart for this one.
        for k in [k for k in self._aot if len(k) > len(parent) and k[: len(parent)] == parent]:
            del self._aot[k]
        path = (*parent, index)
        self.found.setdefault(parent, self._line(start))
        self.found[path] = self._line(start)
        return path

    def _resolve(self, keys: FieldPath) -> FieldPath:
        """Insert the current index after every array of tables on the way."""
        path: FieldPath = ()
        for key in keys:
            path = (*path, key)
            if path in self._aot:
                path = (*path, self._aot[path])
        return path

    def _pair(self, table: FieldPath) -> None:
        start = self.i
        path = (*table, *self._key())
        self.found.setdefault(path, self._line(start))
        self._expect("=")
        self._value(path)

    def _key(self) -> FieldPath:
        parts: list[str] = []
        while True:
            self._skip()
            ch = self._peek()
            if ch in "\"'":
                begin = self.i + 1
                self._string()
                parts.append(self.s[begin : self.i - 1])
            else:
                m = _BARE_KEY.match(self.s, self.i)
                if not m:
                    raise ValueError("expected a key")
                parts.append(m.group(0))
                self.i = m.end()
            self._skip()
            if self._peek() != ".":
                return tuple(parts)
            self.i += 1

    def _value(self, path: FieldPath) -> None:
        self._skip()
        ch = self._peek()
        if ch in "\"'":
            self._string()
        elif ch == "[":
            self._array(path)
        elif ch == "{":
            self._inline_table(path)
        else:
            while self.i < len(self.s) and self.s[self.i] not in ",]}\n#":
                self.i += 1

    def _array(self, path: FieldPath) -> None:
        self.i += 1
        index = 0
        while True:
            self._skip(newlines=True)
            if self._peek() == "]":
                self.i += 1
                return
            self.found.setdefault((*path, index), self._line(self.i))
            self._value((*path, index))
            self._skip(newlines=True)
            if self._peek() == ",":
                self.i += 1
            index += 1

    def _inline_table(self, path: FieldPath) -> None:
        self.i += 1
        while True:
            self._skip()
            if self._peek() == "}":
                self.i += 1
                return
            self._pair(path)
            self._skip()
            if self._peek() == ",":
                self.i += 1

    def _string(self) -> None:
        """Skip one string of any of the four kinds."""
        quote = self._peek()
        self.open_string = self._line(self.i)  # cleared below once the string ends
        if self._peek(3) == quote * 3:
            end = self._find(quote * 3, self.i + 3, escapes=quote == '"')
            self.i = end + 3
            while self._peek() == quote:  # up to two quotes may end the content
                self.i += 1
        else:
            end = self.s.find("\n", self.i)
            at = self._find(quote, self.i + 1, escapes=quote == '"')
            if 0 <= end < at:
                raise ValueError("a one-line string ends at the line end")
            self.i = at + 1
        self.open_string = None

    def _find(self, token: str, pos: int, *, escapes: bool) -> int:
        while True:
            at = self.s.index(token, pos)
            if not escapes or not _escaped(self.s, at):
                return at
            pos = at + 1

    def _skip(self, newlines: bool = False) -> None:
        """Skip spaces and comments (and line ends when `newlines`)."""
        s = self.s
        while self.i < len(s):
            ch = s[self.i]
            if ch in _SPACE or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                end = s.find("\n", self.i)
                self.i = len(s) if end < 0 else end
            else:
                return

    def _expect(self, token: str) -> None:
        self._skip()
        if not self.s.startswith(token, self.i):
            raise ValueError(f"expected {token!r}")
        self.i += len(token)


def _escaped(s: str, at: int) -> bool:
    """Whether the character at `at` follows an odd number of backslashes."""
    n = 0
    while at - n - 1 >= 0 and s[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1
