"""Plain names for Textual's themes: "Dark", "Light", "Dark, warm brown (Gruvbox)".

The id ("gruvbox") is what is stored; the name is only what the person reads. A name
starts with Dark or Light, says what the colours feel like, and keeps the scheme's own
name in brackets for anyone who knows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

THEME_NAMES: Mapping[str, str] = {
    "textual-dark": "Dark",
    "textual-light": "Light",
    "ansi-dark": "Dark, your terminal's own colours",
    "ansi-light": "Light, your terminal's own colours",
    "atom-one-dark": "Dark, soft grey (Atom One)",
    "atom-one-light": "Light, soft grey (Atom One)",
    "catppuccin-frappe": "Dark, soft pastel (Catppuccin Frappé)",
    "catppuccin-latte": "Light, pastel (Catppuccin Latte)",
    "catppuccin-macchiato": "Dark, pastel (Catppuccin Macchiato)",
    "catppuccin-mocha": "Dark, deep pastel (Catppuccin Mocha)",
    "dracula": "Dark, purple (Dracula)",
    "flexoki": "Dark, warm ink (Flexoki)",
    "gruvbox": "Dark, warm brown (Gruvbox)",
    "monokai": "Dark, bright colours (Monokai)",
    "nord": "Dark, cool blue-grey (Nord)",
    "rose-pine": "Dark, muted rose (Rosé Pine)",
    "rose-pine-dawn": "Light, muted rose (Rosé Pine Dawn)",
    "rose-pine-moon": "Dark, muted rose, lighter (Rosé Pine Moon)",
    "solarized-dark": "Dark, blue-green (Solarized)",
    "solarized-light": "Light, cream (Solarized)",
    "tokyo-night": "Dark, night blue (Tokyo Night)",
}

_FIRST = ("textual-dark", "textual-light")


def theme_name(theme_id: str, *, dark: bool = True) -> str:
    """The plain name of a theme; one not known here is named from its id."""
    known = THEME_NAMES.get(theme_id)
    if known is not None:
        return known
    words = " ".join(theme_id.replace("_", "-").split("-")).strip() or "Unnamed"
    return f"{'Dark' if dark else 'Light'} ({words[:1].upper()}{words[1:]})"


def theme_choices(themes: Mapping[str, bool] | Iterable[str]) -> list[tuple[str, str]]:
    """(name, id) for a Select: Dark and Light first, then the others by name.

    `themes` maps each id to whether the theme is dark (or is just the ids).
    """
    darkness = dict(themes) if isinstance(themes, Mapping) else dict.fromkeys(themes, True)
    named = [(theme_name(tid, dark=darkness[tid]), tid) for tid in darkness]
    first = [pair for tid in _FIRST for pair in named if pair[1] == tid]
    rest = sorted((pair for pair in named if pair[1] not in _FIRST), key=lambda p: p[0].casefold())
    return first + rest
