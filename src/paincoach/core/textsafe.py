"""Show user text exactly as typed, without letting it steer the terminal.

Control characters (ANSI escapes, bells, carriage returns) would otherwise reach the
terminal through plain output. They are replaced by their visible Unicode "control
picture" so that the text still shows what was typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from paincoach.core.errors import InputError

_KEEP = {"\n", "\t"}
_TRANSLATE = {
    code: (0x2400 + code if code < 0x20 else 0x2421)
    for code in [*range(0x20), 0x7F]
    if chr(code) not in _KEEP
}
# C1 controls (U+0080-U+009F) can also start terminal sequences.
_TRANSLATE.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def visible(text: str) -> str:
    """Return `text` with control characters made visible and harmless."""
    return text.translate(_TRANSLATE)


def one_line(text: str, width: int = 60) -> str:
    """A single-line preview of `text`, shortened to `width` characters."""
    flat = " ".join(visible(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


ECHO_MAX = 60  # enough to recognise what was typed; a 1 MB value is not printed back whole


def echo(value: object, width: int = ECHO_MAX) -> str:
    """A value the person gave, fit to be quoted in an error message.

    Control characters are made visible and long values are cut, so a message never
    steers the terminal nor floods it. Every message that repeats a user's value uses this.
    """
    text = visible(str(value))
    if len(text) <= width:
        return text
    return text[: width - 1] + "…"


NUL = "\x00"


def contains_nul(value: object) -> bool:
    """True when a NUL character is in `value`: a text, or any text in its lists and mappings."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, Mapping):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list | tuple):
            todo.extend(item)
    return False


def refuse_nul(value: object, field: str, label: str | None = None) -> None:
    """Refuse text holding NUL (`InputError` naming the field): nothing after it is searchable.

    SQLite's LIKE and C programs read a text only up to its first NUL, so the words after
    it could never be found again. Nobody types one; it comes from a pasted binary file or
    another program. Other control characters are kept and shown with `visible`.
    """
    if contains_nul(value):
        raise InputError(
            field,
            f"There is a NUL character (an invisible \\0, usually from a pasted file) in the "
            f"{label or field}. paincoach does not keep it, as search could not find the words "
            "after it. Nothing was saved: remove it and try again.",
        )
