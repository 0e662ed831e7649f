"""Small content fixtures for the exercise tests, written into temporary folders."""

from __future__ import annotations

import textwrap
from pathlib import Path

MINIMAL = """\
id = "three-breaths"
title = "Three slow breaths"
kind = "breathing"
summary = "Three slow breaths."
minutes = 1

[[steps]]
type = "text"
text = "Sit comfortably."

[[steps]]
type = "breathe"
inhale = 4
exhale = 6
cycles = 3
"""

EMOTIONS = """\
name = "emotions"
title = "Emotions"

[[items]]
id = "sad"
label = "Sad"

[[items]]
id = "anxious"
label = "Anxious"

[[items]]
id = "angry"
label = "Angry"
"""


def make_data(root: Path, exercises: dict[str, str] | None = None) -> Path:
    """A data folder with an `emotions` list and the given exercise files."""
    data = root / "data"
    (data / "exercises").mkdir(parents=True)
    (data / "emotions.toml").write_text(EMOTIONS, encoding="utf-8")
    for name, text in (exercises or {}).items():
        (data / "exercises" / name).write_text(text, encoding="utf-8")
    return data


def write(folder: Path, name: str, text: str) -> Path:
    """Write `text` (dedented) to `folder/name` and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def header(exercise_id: str = "demo", kind: str = "mindfulness") -> str:
    """Valid top-level keys for an exercise file."""
    return (
        f'id = "{exercise_id}"\ntitle = "Demo"\nkind = "{kind}"\nsummary = "A demo."\nminutes = 5\n'
    )
