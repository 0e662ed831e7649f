"""Named kill points, so tests can SIGKILL a real paincoach process at an exact step.

Nothing happens unless `PAINCOACH_KILL_AT` names the point (the reliability tests set it in
a child process); it lets them prove that a kill between two steps leaves nothing behind.
"""

from __future__ import annotations

import os
import signal

ENV_KILL_AT = "PAINCOACH_KILL_AT"


def kill_point(name: str) -> None:
    """Die here, at once and without cleaning up, when the environment names this point."""
    if os.environ.get(ENV_KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
