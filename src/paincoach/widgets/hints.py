"""Hint lines built from a screen's bindings, so a key shown in words is the key bound."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

KEY_WORDS = {
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "tab": "Tab",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


def key_word(binding: Binding) -> str:
    """The first key of a binding as a person reads it (`enter` is Enter, `ctrl+s` Ctrl+S)."""
    key = binding.key.split(",")[0].strip()
    if key in KEY_WORDS:
        return KEY_WORDS[key]
    if "+" in key:
        return "+".join(
            part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+")
        )
    return key


def hint_line(bindings: Iterable[BindingType], *ids: str) -> str:
    """`Enter edit · d delete` for the bindings with these ids, in this order."""
    by_id = {b.id: b for b in bindings if isinstance(b, Binding) and b.id}
    missing = [wanted for wanted in ids if wanted not in by_id]
    if missing:
        raise KeyError(f"no binding with id {missing}")
    return " · ".join(f"{key_word(by_id[i])} {by_id[i].description.lower()}" for i in ids)
