"""Show user text exactly as typed, without letting it steer the terminal.

Control characters (ANSI escapes, bells, carriage returns) would otherwise reach the
terminal through plain output. They are replaced by their visible Unicode "control
picture" so that the text still shows what was typed.
"""

from __future__ import annotations

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
