"""One name for one thing: when two pain areas, tags, activities or plan names are the same.

Two names are the same when they differ only in case or in spacing: "Lower back",
"lower back" and "lower   BACK" are one area. The journal keeps the spelling the person
used first, so that counts and lists show one name (see docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def name_key(text: str) -> str:
    """What two names are compared by: runs of whitespace made one space, then casefolded.

    `casefold` (not `lower`) so that "STRASSE" and "Straße" are one name, as a person
    would read them; SQLite's `lower()` and `NOCASE` fold ASCII letters only.
    """
    return " ".join(text.split()).casefold()


def first_spellings(names: Iterable[str]) -> dict[str, str]:
    """Each name's key and the first spelling of it met in `names`."""
    found: dict[str, str] = {}
    for name in names:
        found.setdefault(name_key(name), name)
    return found


def unify(names: Iterable[str], known: Mapping[str, str]) -> tuple[str, ...]:
    """`names` in their `known` spellings (the others as given), each name once, in order."""
    found: dict[str, str] = {}
    for name in names:
        key = name_key(name)
        found.setdefault(key, known.get(key, name))
    return tuple(found.values())
