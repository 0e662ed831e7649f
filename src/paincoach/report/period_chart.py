"""The chosen period's chart for the HTML report: monthly (or weekly) pain, drawn in SVG.

Each month (or week) has a pale bar from its lowest to its highest day, a dot at its mean
of day means joined by a solid line, and the moving average as a dashed line; a marked
event is a dotted line with its number above (the list under the chart names it). Shapes
and dashes as well as shades, so it reads printed in grey; no script, fonts or links.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from paincoach.core.rounding import decimals
from paincoach.records.long_view import MarkedEvent, PeriodFigures, Trends

WIDTH, HEIGHT = 720, 232
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 30, 196
MEAN_COLOUR = "#a4262c"
AVERAGE_COLOUR = "#1a1a1a"
SPREAD_COLOUR = "#e2c9ca"
GRID = "#d0d4d9"
TEXT = "#333"
_MAX_LABELS = 12


def _x(index: int, count: int) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * (index + 0.5) / max(count, 1)


def _y(value: float) -> float:
    return BOTTOM - (BOTTOM - TOP) * value / 10


def _label(x: float, period: PeriodFigures, grain: str, previous: PeriodFigures | None) -> str:
    """'Nov' (a month) or '16 Nov' (a week), with the year under the first and each new one."""
    first = period.first
    text = f"{first:%b}" if grain == "month" else f"{first.day} {first:%b}"
    parts = f'<text x="{x:.1f}" y="{BOTTOM + 15}" text-anchor="middle">{text}</text>'
    if previous is None or previous.first.year != first.year:
        parts += f'<text x="{x:.1f}" y="{BOTTOM + 28}" text-anchor="middle">{first.year}</text>'
    return parts


def _line(points: Sequence[tuple[float, float] | None], colour: str, dash: str) -> list[str]:
    """Polylines through the points, broken where one is missing (a period with no days)."""
    parts, run = [], []
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    for point in [*points, None]:
        if point is not None:
            run.append(f"{point[0]:.1f},{point[1]:.1f}")
            continue
        if len(run) > 1:
            parts.append(
                f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash_attr}/>'
            )
        run = []
    return parts


def event_numbers(found: Trends) -> list[tuple[int, MarkedEvent]]:
    """The events inside the span, numbered from 1 as the chart and its list show them."""
    return [
        (number, event)
        for number, event in enumerate(
            (e for e in found.events if found.first <= e.day <= found.last), start=1
        )
    ]


def _events(found: Trends) -> list[str]:
    periods = found.periods
    at: dict[int, list[str]] = {}
    for number, event in event_numbers(found):
        index = next((i for i, p in enumerate(periods) if p.first <= event.day <= p.last), None)
        if index is not None:
            at.setdefault(index, []).append(str(number))
    parts = []
    for index, numbers in at.items():
        x = _x(index, len(periods))
        parts.append(
            f'<g><line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP:.1f}" y2="{BOTTOM:.1f}" '
            f'stroke="{TEXT}" stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{x:.1f}" y="{TOP - 4}" text-anchor="middle">'
            f"{escape(','.join(numbers))}</text></g>"
        )
    return parts


def describe(found: Trends) -> str:
    """The chart in words, for screen readers."""
    means = [(p, s.mean) for p in found.periods if (s := p.spread("pain")) is not None]
    word = "months" if found.grain == "month" else "weeks"
    text = f"{len(found.periods)} {word}; pain logged in {len(means)}."
    if means:
        low = min(means, key=lambda item: item[1])
        high = max(means, key=lambda item: item[1])
        text += (
            f" Lowest mean {decimals(low[1], 1)} ({low[0].label}), "
            f"highest {decimals(high[1], 1)} ({high[0].label})."
        )
    for number, event in event_numbers(found):
        text += f" Event {number}: {event.title}, {event.day.day} {event.day:%b %Y}."
    return text


def period_chart(found: Trends) -> str:
    """The span's pain by month (or week): spread bars, means, moving average, events."""
    periods = found.periods
    count = len(periods)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="lv-title lv-desc" font-family="sans-serif" font-size="11" '
        f'fill="{TEXT}">',
        f'<title id="lv-title">Pain by {found.grain}</title>',
        f'<desc id="lv-desc">{escape(describe(found))}</desc>',
    ]
    for level in range(0, 11, 2):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_y(level):.1f}" y2="{_y(level):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{_y(level) + 4:.1f}" text-anchor="end">{level}</text>'
        )
    bar = max(2.0, (WIDTH - LEFT - RIGHT) / max(count, 1) * 0.5)
    step = max(1, -(-count // _MAX_LABELS))
    means: list[tuple[float, float] | None] = []
    averages: list[tuple[float, float] | None] = []
    for index, period in enumerate(periods):
        x = _x(index, count)
        spread = period.spread("pain")
        if spread is not None:
            top, low = _y(spread.highest), _y(spread.lowest)
            parts.append(
                f'<rect x="{x - bar / 2:.1f}" y="{top:.1f}" width="{bar:.1f}" '
                f'height="{max(low - top, 1.0):.1f}" fill="{SPREAD_COLOUR}"/>'
            )
        means.append(None if spread is None else (x, _y(spread.mean)))
        average = period.moving_average.get("pain")
        averages.append(None if average is None else (x, _y(average)))
        if index % step == 0:
            previous = periods[index - step] if index >= step else None
            parts.append(_label(x, period, found.grain, previous))
    parts += _line(averages, AVERAGE_COLOUR, "6 4")
    parts += _line(means, MEAN_COLOUR, "")
    parts += [
        f'<circle cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="3.5" fill="{MEAN_COLOUR}"/>'
        for p in means
        if p is not None
    ]
    parts += _events(found)
    parts += _legend()
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> list[str]:
    return [
        f'<line x1="{LEFT}" x2="{LEFT + 24}" y1="12" y2="12" stroke="{MEAN_COLOUR}" '
        'stroke-width="2"/>',
        f'<circle cx="{LEFT + 12}" cy="12" r="3.5" fill="{MEAN_COLOUR}"/>',
        f'<text x="{LEFT + 30}" y="16">Mean pain</text>',
        f'<line x1="{LEFT + 110}" x2="{LEFT + 134}" y1="12" y2="12" stroke="{AVERAGE_COLOUR}" '
        'stroke-width="2" stroke-dasharray="6 4"/>',
        f'<text x="{LEFT + 140}" y="16">Moving average</text>',
        f'<rect x="{LEFT + 250}" y="6" width="10" height="12" fill="{SPREAD_COLOUR}"/>',
        f'<text x="{LEFT + 266}" y="16">Lowest to highest day</text>',
        f'<text x="{LEFT + 410}" y="16">0 no pain – 10 worst</text>',
    ]
