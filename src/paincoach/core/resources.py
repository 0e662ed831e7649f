"""Find the bundled content folder, installed or in a source checkout."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_dir() -> Path:
    """The folder holding bundled content (`exercises/`, lists, crisis lines).

    An installed wheel carries it as `paincoach/data`; an editable install or a source
    checkout finds the top-level `data/` folder beside `src/`.
    """
    packaged = Path(str(files("paincoach"))) / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"
