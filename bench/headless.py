"""Run an app headless to a given frame, print when that frame was made, and exit.

    python bench/headless.py hello              a hello-world Textual app, first frame
    python bench/headless.py hello-paused       the same, collector paused as paincoach does
    python bench/headless.py first-frame HOME   paincoach (create_app), first frame of Today
    python bench/headless.py today-data HOME    paincoach, first frame of Today with its data

Prints one JSON line: `at_ns` (time.monotonic_ns, the same clock as the parent's, which
stamps the moment it starts this process), `frames` before it, and `maxrss_kb`. The app is
the real one, started as `paincoach` starts it (`startup.pause()` first, then
`create_app`) and run with `App.run(headless=True, size=(80, 24))`; only the frame clock of
`frames.py` is added. Nothing here is a paincoach command-line option.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
from pathlib import Path
from typing import Any

if __name__ == "__main__" and sys.argv[1:2] == ["hello-paused"]:
    gc.disable()  # the baseline under paincoach's own start conditions
elif __name__ == "__main__" and sys.argv[1:2] != ["hello"]:
    try:
        from paincoach.core import startup
    except ImportError:  # a paincoach from before the packages (for "before" figures)
        try:
            from paincoach import startup  # type: ignore[no-redef,attr-defined]
        except ImportError:  # from before the collector pause
            startup = None  # type: ignore[assignment]
    if startup is not None:
        startup.pause()  # as the `paincoach` entry point does, before anything is imported

sys.path.insert(0, str(Path(__file__).parent))

from frames import FrameClock, Ready, named  # imports textual.app only

SIZE = (80, 24)


def today_with_data(screen: Any) -> bool:
    """Today, once its title names the day (set when the journal's data is shown)."""
    if type(screen).__name__ != "TodayScreen":
        return False
    return str(screen.query_one("#today-title").content).startswith("Today,")


def _hello() -> tuple[Any, Ready]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Hello(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello, world!")

    return Hello(), lambda screen: True


def _paincoach(home: str, ready: Ready) -> tuple[Any, Ready]:
    from paincoach.app import create_app

    return create_app(Path(home)), ready


def main() -> int:
    """Run the app until the frame asked for, then report it."""
    mode = sys.argv[1]
    clock = FrameClock().install()
    if mode in ("hello", "hello-paused"):
        app, ready = _hello()
    elif mode == "first-frame":
        app, ready = _paincoach(sys.argv[2], named("TodayScreen"))
    elif mode == "today-data":
        app, ready = _paincoach(sys.argv[2], today_with_data)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    found: dict[str, int] = {}

    def done(ns: int) -> None:
        found["at_ns"] = ns
        found["frames"] = clock.frames
        app.exit()

    clock.on_frame(ready, done)
    app.run(headless=True, size=SIZE)
    services = getattr(app, "services", None)
    if services is not None:
        services.close()
    if "at_ns" not in found:
        print(json.dumps({"error": "the app ended before the frame"}))
        return 1
    found["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
