"""Find the bundled content folder, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The folder holding bundled content (`exercises/`, lists, crisis lines).

    An installed wheel carries it as `paincoach/data`; an editable install or a source
    checkout finds the top-level `data/` folder beside `src/`.
    """
    # The package's own folder, as `importlib.resources.files("paincoach")` names it for a
    # package on disk (that module costs a few milliseconds at every start of `log`).
    packaged = Path(__file__).resolve().parents[1] / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data"
