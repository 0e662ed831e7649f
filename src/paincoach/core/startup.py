"""Garbage collection while paincoach starts: paused while the libraries load, then frozen.

Importing Textual, SQLAlchemy and pydantic makes a few hundred thousand objects that live
as long as the program (classes, functions, caches). Python's cyclic collector runs every
few hundred new objects and its full passes walk all of them again and again: about 40 ms
of a 300 ms start. At exit a last full pass walks everything once more (another 50 ms for
a command). None of it is garbage. So the `paincoach` entry point pauses collection, and
when the start is over `resume` moves what exists into the permanent generation
(`gc.freeze`) and turns collection back on, so that later passes only walk newer objects.

Only the entry point pauses: in tests and other hosts `resume` does nothing.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop cyclic collection until `resume` (call first thing in the entry point)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze the objects made so far and collect again; nothing unless `pause` stopped it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
