"""Reading a big JSON object one part at a time, so an import never holds the whole file.

The standard library has no streaming parser, and an export is simple: one object whose
values are small, or lists of small records. `parts` walks that top-level object over a
sliding window of the file and hands on each value, or each element of a list value, as
soon as it is read; `json.JSONDecoder.raw_decode` reads each one. Memory is bounded by
the largest single record, not by the file.

Errors are the ones `json.loads` gives for the same text (`json.JSONDecodeError` with the
line in the whole file, `UnicodeDecodeError`, `RecursionError`, or the `ValueError` of a
hook), so callers say the same thing whichever way the file was read.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, Final, NamedTuple

CHUNK = 1 << 20  # bytes read at a time
#: A decoding error this far before the end of what is read cannot be cured by reading on
#: (a word such as `true` or an escape cut at the window's end fails a few characters back).
_MARGIN = 64
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _ListStart:
    """The marker `parts` gives as a key's value when the value is a list (items follow)."""

    def __repr__(self) -> str:
        return "LIST"


LIST: Final = _ListStart()


class Part(NamedTuple):
    """One piece of the top-level object: a key's whole value, or one item of its list.

    `item` is None for a whole value (or `LIST`, which says that items follow); for a list
    item it is the item's position. A top-level value that is not an object comes whole,
    with `key` None.
    """

    key: str | None
    item: int | None
    value: Any


def repeated_key(key: str) -> str:
    """What is wrong with an object that holds `key` twice."""
    from paincoach.core.textsafe import echo

    return f"the key '{echo(key)}' appears twice in one object"


class _Window:
    """The part of the file read but not yet used, with the line number where it starts."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.pos = 0
        self.eof = False
        self._line = 1  # the line of text[0] in the whole file
        self._column = 0  # how far into that line text[0] is

    def more(self, at_least: int = 0) -> bool:
        """Read on (at least `at_least` bytes, or to the end); False once nothing is left."""
        if self.eof:
            return False
        data = self._handle.read(max(at_least, CHUNK))
        self.eof = not data
        self.text += self._decoder.decode(data, final=self.eof)
        return True

    def check_rest(self) -> None:
        """Read the rest of the file as text, for the `UnicodeDecodeError` it may hold."""
        while not self.eof:
            data = self._handle.read(CHUNK)
            self.eof = not data
            self._decoder.decode(data, final=self.eof)

    def drop_used(self) -> None:
        """Forget what is already read, keeping count of its lines."""
        if self.pos > CHUNK:
            self._line += self.text.count("\n", 0, self.pos)
            last = self.text.rfind("\n", 0, self.pos)
            self._column = self.pos - last - 1 if last >= 0 else self._column + self.pos
            self.text, self.pos = self.text[self.pos :], 0

    def skip_space(self) -> str:
        """Move past whitespace; the next character, or "" at the end of the file."""
        while True:
            self.pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def error(self, message: str, pos: int | None = None) -> json.JSONDecodeError:
        """A decoding error at `pos` (default: here), numbered by the line in the file."""
        found = json.JSONDecodeError(message, self.text, self.pos if pos is None else pos)
        return self.located(found)

    def located(self, exc: json.JSONDecodeError) -> json.JSONDecodeError:
        """`exc` with its line (and column) counted in the file, not in the window."""
        if exc.lineno == 1:
            exc.colno += self._column
        exc.lineno += self._line - 1
        return exc

    def value(self, decode: Callable[[str, int], tuple[Any, int]]) -> Any:
        """Decode the value that starts here, reading on while it may be cut off."""
        while True:
            try:
                found, end = decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof or not _maybe_cut(exc, len(self.text)):
                    raise self.located(exc) from None
                self.more(len(self.text) - self.pos)  # double the window: linear overall
                continue
            except ValueError as exc:  # too many digits: perhaps more of them are still unread
                if self.eof or "integer string conversion" not in str(exc):
                    raise
                self.more(len(self.text) - self.pos)
                continue
            if end > len(self.text) - _MARGIN and self.more():
                continue  # a number near the end of the window ("2.", "2.5e") may go on
            self.pos = end
            return found

    def expect(self, wanted: str, message: str) -> None:
        """Step past `wanted`, the next non-blank character, or fail as json would."""
        if self.skip_space() != wanted:
            raise self.error(message)
        self.pos += 1


def _maybe_cut(exc: json.JSONDecodeError, length: int) -> bool:
    """Whether `exc` may only say that the window ends inside the value."""
    return exc.msg.startswith("Unterminated string") or exc.pos >= length - _MARGIN


def parts(
    handle: IO[bytes],
    decoder: json.JSONDecoder,
    streamed: Callable[[str], bool] = lambda key: True,
) -> Iterator[Part]:
    """Each value of the top-level object in `handle`, or each item of a list value.

    Only the values of keys for which `streamed(key)` is true are taken apart when they are
    lists; others come whole. A key that appears twice raises (a `ValueError`) once the
    object is read to its end, as `json.loads` with a no-repeats hook would.
    """
    window = _Window(handle)
    try:
        yield from _walk(window, decoder.raw_decode, streamed)
    except UnicodeDecodeError:
        raise
    except (ValueError, RecursionError):
        window.check_rest()  # json.loads decodes all the text first: bytes not UTF-8 come first
        raise


def _walk(
    window: _Window, decode: Callable[[str, int], tuple[Any, int]], streamed: Callable[[str], bool]
) -> Iterator[Part]:
    if window.skip_space() != "{":
        whole = window.value(decode)
        _end(window)
        yield Part(None, None, whole)
        return
    window.pos += 1
    seen: set[str] = set()
    repeated = ""
    if window.skip_space() == "}":
        window.pos += 1
    else:
        while True:
            if window.skip_space() != '"':
                raise window.error("Expecting property name enclosed in double quotes")
            key = window.value(decode)
            if key in seen and not repeated:
                repeated = key
            seen.add(key)
            window.expect(":", "Expecting ':' delimiter")
            window.skip_space()
            if window.text.startswith("[", window.pos) and streamed(key):
                yield Part(key, None, LIST)
                yield from _items(window, decode, key)
            else:
                yield Part(key, None, window.value(decode))
            window.drop_used()
            following = window.skip_space()
            window.pos += 1
            if following == "}":
                break
            if following != ",":
                raise window.error("Expecting ',' delimiter", window.pos - 1)
    if repeated:  # json.loads's hook would say so once the object is read, before the rest
        raise ValueError(repeated_key(repeated))
    _end(window)


def _items(
    window: _Window, decode: Callable[[str, int], tuple[Any, int]], key: str
) -> Iterator[Part]:
    """The items of the list that starts at the window's position, one by one."""
    window.pos += 1  # the "["
    if window.skip_space() == "]":
        window.pos += 1
        return
    index = 0
    while True:
        window.skip_space()
        yield Part(key, index, window.value(decode))
        index += 1
        window.drop_used()
        following = window.skip_space()
        window.pos += 1
        if following == "]":
            return
        if following != ",":
            raise window.error("Expecting ',' delimiter", window.pos - 1)


def _end(window: _Window) -> None:
    """Nothing but whitespace may follow the top-level value."""
    if window.skip_space():
        raise window.error("Extra data")
