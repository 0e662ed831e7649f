"""Bundled shared lists (pain areas and others), read without the exercise engine."""

from __future__ import annotations

import tomllib

from paincoach.core.resources import data_dir

FALLBACK_AREAS = (
    "head",
    "jaw",
    "neck",
    "shoulders",
    "upper back",
    "lower back",
    "arms",
    "hands",
    "hips",
    "legs",
    "knees",
    "feet",
    "stomach",
    "all over",
)


def body_areas() -> list[str]:
    """Pain areas offered in a check-in: the bundled list, or a built-in one if it is missing."""
    path = data_dir() / "body_areas.toml"
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
        return [str(item["label"]) for item in raw["items"]]
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return list(FALLBACK_AREAS)
