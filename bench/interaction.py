"""Key press to the next frame that shows its effect, in the real app (in-process, headless).

    python bench/interaction.py HOME [--runs N]

The app is `create_app(HOME)` under `App.run_test(size=(80, 24))`. Each key is sent as
the terminal driver sends one (`driver.send_message(events.Key(...))`, what Pilot does
too), with the time taken just before; the time of the answer is that of the first frame,
from `frames.FrameClock`, that shows what the key asked for:

- check-in: `c` on Today until a frame of the check-in dialog (then Escape back to Today);
- switching weeks: `[` on Week until a frame with the week before's title, which is set
  when that week's figures and insights arrive from their worker (so it includes the
  queries);
- paging History: Ctrl+End on the day table (to its last row, which fetches the next 30
  days) until a frame with more rows (also includes the query);
- a plain cursor move in History (`down`), for comparison.

The first press of each kind includes importing that screen's module, so it is reported
apart from the median of the rest. Prints JSON: milliseconds per kind, and `maxrss_kb`
after the whole tour (peak memory of the app with this home).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from frames import FrameClock, Ready, named
from headless import SIZE, today_with_data
from textual import events
from textual.keys import _character_to_key, _get_unicode_name_from_key


def key_event(key: str) -> events.Key:
    """The Key event a terminal driver makes for `key` (as `App._press_keys` builds it)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def press(app: Any, clock: FrameClock, key: str, ready: Ready) -> int:
    """Send `key`; nanoseconds until the first frame for which `ready(screen)` holds."""
    answered = clock.expect(ready)
    event = key_event(key)
    event.set_sender(app)
    started = time.monotonic_ns()
    app._driver.send_message(event)
    return (await asyncio.wait_for(answered, 30)) - started


def _title(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).content)


def _week_changed(before: str) -> Ready:
    def ready(screen: Any) -> bool:
        if type(screen).__name__ != "WeekScreen":
            return False
        title = _title(screen, "#week-title")
        return title != before and title.startswith("Week ")

    return ready


def _more_rows(before: int) -> Ready:
    def ready(screen: Any) -> bool:
        return (
            type(screen).__name__ == "HistoryScreen"
            and screen.query_one("#days").row_count > before
        )

    return ready


def _summary(times_ns: list[int]) -> dict[str, Any]:
    ms = [t / 1e6 for t in times_ns]
    rest = ms[1:] or ms
    return {"first": ms[0], "median": statistics.median(rest), "max": max(rest), "n": len(ms)}


async def tour(home: Path, runs: int) -> dict[str, Any]:
    """Open the app, then time each kind of key press `runs` times."""
    from paincoach.app import create_app

    clock = FrameClock().install()
    app = create_app(home)
    found: dict[str, list[int]] = {
        "checkin": [],
        "week": [],
        "history_page": [],
        "history_down": [],
    }
    async with app.run_test(size=SIZE) as pilot:
        await clock.frame(today_with_data)
        for _ in range(runs):
            found["checkin"].append(await press(app, clock, "c", named("CheckInDialog")))
            await press(app, clock, "escape", named("TodayScreen"))
        await press(app, clock, "w", lambda s: type(s).__name__ == "WeekScreen")
        while _title(app.screen, "#week-title").startswith("Loading"):
            await pilot.pause(0.01)
        for _ in range(runs):
            title = _title(app.screen, "#week-title")
            found["week"].append(await press(app, clock, "[", _week_changed(title)))
        await press(app, clock, "escape", named("TodayScreen"))
        await press(app, clock, "h", named("HistoryScreen"))
        table: Any = app.screen.query_one("#days")
        while table.row_count == 0 and "No entries" not in _title(app.screen, "#history-status"):
            await pilot.pause(0.01)
        for _ in range(runs):
            rows = table.row_count
            if rows and rows % 30:
                break  # the last page: nothing more to fetch
            if not rows:
                break
            found["history_page"].append(await press(app, clock, "ctrl+end", _more_rows(rows)))
        await press(app, clock, "ctrl+home", named("HistoryScreen"))
        for _ in range(runs if table.row_count > runs else 0):
            found["history_down"].append(await press(app, clock, "down", named("HistoryScreen")))
        await pilot.pause(0.05)
    app.services.close()
    result: dict[str, Any] = {key: _summary(value) for key, value in found.items() if value}
    result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return result


def main() -> int:
    """Time the tour for one home and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(tour(args.home, args.runs))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
