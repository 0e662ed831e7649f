"""Key press to frame on the long-view screens (year, calendar, trends), in the real app.

    python bench/long_view_frames.py HOME [--runs N]

Like `interaction.py`: each key is sent as the terminal driver sends one, and timed until
the first frame (`frames.FrameClock`) that shows its effect, so a key that fetches from
the journal includes its query:

- `y` on Today until the year's grid is drawn; `[` and `]` on the year (another year,
  fetched); `m` (another measure, drawn from what is held); `left` (the cursor);
- Enter on the year until its month's calendar is drawn; `[` and `]` there;
- `l` on Today until the trends are drawn; `1` (12 months) and `a` (all time); `m`;
- for comparison on the same machine at the same moment, `w` and `[` on the Week.

The first press of each kind includes importing the screen's module and is reported
apart from the median of the rest. Prints JSON, milliseconds per kind: the wall time, and
(`_cpu`) the CPU time this process spent meanwhile, which a busy machine inflates less.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from frames import FrameClock, Ready
from headless import SIZE, today_with_data
from interaction import _summary, press


def _text(screen: Any, selector: str) -> str:
    found = screen.query(selector)
    return str(found.first().content) if found else ""


def changed(selector: str, before: str, screen_name: str) -> Ready:
    """Ready once the screen is `screen_name` and `selector` says something new."""

    def ready(screen: Any) -> bool:
        if type(screen).__name__ != screen_name:
            return False
        now = _text(screen, selector)
        return bool(now) and now != before and not now.startswith("Loading")

    return ready


async def tour(home: Path, runs: int) -> dict[str, Any]:
    """Open the app, then time each long-view key `runs` times."""
    from paincoach.app import create_app

    clock = FrameClock().install()
    app = create_app(home)
    found: dict[str, list[int]] = {}

    async def timed(kind: str, key: str, selector: str, screen_name: str) -> None:
        before = _text(app.screen, selector)
        ready = changed(selector, before, screen_name)
        cpu = time.process_time_ns()
        found.setdefault(kind, []).append(await press(app, clock, key, ready))
        found.setdefault(f"{kind}_cpu", []).append(time.process_time_ns() - cpu)

    async def back_to(name: str) -> None:
        await press(app, clock, "escape", lambda s: type(s).__name__ == name)

    pairs: list[tuple[str, str]] = [("left_square_bracket", "right_square_bracket")]
    async with app.run_test(size=SIZE):
        await clock.frame(today_with_data)
        for _ in range(runs):
            await timed("year_open", "y", "#year-row-1", "YearScreen")
            for _ in range(2):
                for key_pair in pairs:
                    for key in key_pair:
                        await timed("year_change", key, "#year-title", "YearScreen")
            await timed("year_measure", "m", "#year-title", "YearScreen")
            await timed("year_cursor", "left", "#year-day", "YearScreen")
            await timed("month_open", "enter", "#month-grid", "MonthScreen")
            for key in ("left_square_bracket", "right_square_bracket"):
                await timed("month_change", key, "#month-title", "MonthScreen")
            await back_to("YearScreen")
            await back_to("TodayScreen")
            await timed("trends_open", "l", "#trends-chart", "TrendsScreen")
            await timed("trends_12_months", "1", "#trends-title", "TrendsScreen")
            await timed("trends_all_time", "a", "#trends-title", "TrendsScreen")
            await timed("trends_measure", "m", "#trends-title", "TrendsScreen")
            await back_to("TodayScreen")
            await timed("week_open", "w", "#week-title", "WeekScreen")
            await timed("week_change", "left_square_bracket", "#week-title", "WeekScreen")
            await back_to("TodayScreen")
    app.services.close()
    summary: Callable[[list[int]], dict[str, Any]] = _summary
    return {kind: summary(times) for kind, times in found.items()}


def main() -> int:
    """Time the tour for one home and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(tour(args.home, args.runs)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
