"""Named kill and pause points, so tests can stop a real paincoach process at an exact step.

Nothing happens unless `PAINCOACH_KILL_AT` (or `PAINCOACH_PAUSE_AT`) names the point (the
reliability tests set it in a child process); it lets them prove that a kill between two
steps leaves nothing behind, or what others see while a process stands at a step.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ENV_KILL_AT = "PAINCOACH_KILL_AT"


def kill_point(name: str) -> None:
    """Die here, at once and without cleaning up, when the environment names this point."""
    if os.environ.get(ENV_KILL_AT) == name:
        import signal  # only in tests: its import is a few ms of every command's start

        os.kill(os.getpid(), signal.SIGKILL)


ENV_PAUSE_AT = "PAINCOACH_PAUSE_AT"
_PAUSE_POLL_S = 0.005


def pause_point(name: str) -> None:
    """Wait here while a test holds this process, when the environment names this point.

    `PAINCOACH_PAUSE_AT=NAME:FOLDER` (test-only): at point NAME the process makes
    `FOLDER/NAME.reached`, then waits until `FOLDER/NAME.go` exists. A test can then do what
    it likes while the process stands exactly there (an import holding the journal, say).
    """
    point, _, folder = os.environ.get(ENV_PAUSE_AT, "").partition(":")
    if point != name or not folder:
        return
    here = Path(folder)
    (here / f"{name}.reached").touch()
    go = here / f"{name}.go"
    while not go.exists():
        time.sleep(_PAUSE_POLL_S)
