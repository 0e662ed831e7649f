"""Lines printed as `cli.terminal.console()` prints them, without loading Rich.

`paincoach today` on the fast path prints its lines here: importing Rich's console costs
more than the whole command may take (issue 18). Rich wraps a line longer than the
terminal at words (`rich._wrap.divide_line`) and drops the spaces past the edge; this does
the same for text whose every character is one cell wide, the width found as Rich finds it
(`COLUMNS`, else the first standard stream that is a terminal, else 80). Anything else (a
wide or combining character in a line that might not fit, a dumb terminal) is handed to
Rich itself, so the output is always what Rich would print. `tests/unit/cli/test_plain_out.py`
compares the two.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

_WORD = re.compile(r"\s*\S+\s*")  # Rich's `re_word`: a word and the spaces after it
_TRAILING_SPACE = re.compile(r"\s+$")

#: Characters one cell wide for Rich (its `_SINGLE_CELL_UNICODE_RANGES`' Latin part, and the
#: punctuation paincoach's lines use; the test checks each against `rich.cells.cell_len`).
ONE_CELL = frozenset(
    [chr(code) for code in range(0x20, 0x7F)]
    + [chr(code) for code in range(0xA0, 0xAD)]
    + [chr(code) for code in range(0xAE, 0x300)]
    + list("–—‘’“”…•→")
)


def columns() -> int | None:
    """The width Rich's console would wrap at, or None when only Rich can say."""
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None  # Rich has its own rules for a dumb terminal
    given = os.environ.get("COLUMNS")
    if given is not None and given.isdigit():
        return int(given) or None  # a width of 0: Rich's own business
    for stream in (0, 1, 2):  # Rich's `_STD_STREAMS`, in its order
        try:
            return os.get_terminal_size(stream).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def wrapped(line: str, width: int) -> list[str] | None:
    """`line` as Rich wraps it at `width` cells, or None when it needs Rich to measure it."""
    if "\n" in line or "\t" in line:
        return None
    if len(line) * 2 <= width:
        return [line]  # fits even if every character were two cells wide
    if not ONE_CELL.issuperset(line):
        return None
    if len(line) <= width:
        return [line]
    breaks = _breaks(line, width)
    pieces = [line[a:b] for a, b in zip([0, *breaks], [*breaks, len(line)], strict=True)]
    return [_crop(piece, width) for piece in pieces]


def _breaks(text: str, width: int) -> list[int]:
    """Where Rich's `divide_line` breaks a line of one-cell characters (fold=True)."""
    found: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # longer than a line: folded across lines
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for index, piece in enumerate(pieces):
                if start:
                    found.append(start)
                if index == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            found.append(start)
            offset = len(word)
    return found


def _crop(piece: str, width: int) -> str:
    """Rich's `rstrip_end` then `truncate`: spaces past the edge go, then anything past it."""
    if len(piece) > width:
        spaces = _TRAILING_SPACE.search(piece)
        if spaces is not None:
            piece = piece[: len(piece) - min(len(spaces.group(0)), len(piece) - width)]
    return piece[:width]


def print_lines(lines: Iterable[str]) -> None:
    """Print each line as `console().print(Text(line))` would."""
    width = columns()
    write = sys.stdout.write
    for line in lines:
        pieces = None if width is None else wrapped(line, width)
        if pieces is None:
            _print_with_rich(line)
        else:
            write("".join(piece + "\n" for piece in pieces))


def _print_with_rich(line: str) -> None:
    """The rare line only Rich can measure (wide characters, say), printed by Rich."""
    from rich.text import Text

    from paincoach.cli.terminal import console

    sys.stdout.flush()
    console().print(Text(line))
