"""Inline SVG charts for the HTML report: daily pain and mood lines, daily activity bars.

Plain SVG with no script, fonts or links, drawn in dark colours that print in grey too;
lines differ by dash pattern and marker shape as well as colour, and each chart carries a
text description for screen readers. A day a regular treatment started or stopped has a
dotted line and a ▲ or ▼ above it (shapes, so they read in grey; the caption names them).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from paincoach.core.rounding import decimals
from paincoach.records.review import DayPoint, TreatmentMark

WIDTH = 720
LEFT, RIGHT = 44, 12
PAIN_COLOUR = "#a4262c"
MOOD_COLOUR = "#1d5aa6"
BAR_COLOUR = "#6b7785"
GRID = "#d0d4d9"
TEXT = "#333"
_MAX_LABELS = 8


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * (index + 0.5) / count)


def _day_labels(days: Sequence[date], bottom: float) -> list[str]:
    step = max(1, math.ceil(len(days) / _MAX_LABELS))
    found = []
    for index in range(0, len(days), step):
        day = days[index]
        found.append(
            f'<text x="{_x(index, len(days)):.1f}" y="{bottom + 14:.1f}" '
            f'text-anchor="middle">{day.day} {day:%b}</text>'
        )
    return found


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Unbroken runs of days with a value (a line is not drawn across a missing day)."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((index, value))
    if current:
        runs.append(current)
    return runs


def _series(
    values: Sequence[float | None],
    to_y: Callable[[float], float],
    colour: str,
    dash: str,
    square: bool,
) -> list[str]:
    parts = []
    count = len(values)
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    for run in _runs(values):
        points = " ".join(f"{_x(i, count):.1f},{to_y(v):.1f}" for i, v in run)
        if len(run) > 1:
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash_attr}/>'
            )
        for i, v in run:
            cx, cy = _x(i, count), to_y(v)
            if square:
                parts.append(
                    f'<rect x="{cx - 3:.1f}" y="{cy - 3:.1f}" width="6" height="6" '
                    f'fill="{colour}"/>'
                )
            else:
                parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{colour}"/>')
    return parts


def _marks(
    points: Sequence[DayPoint], marks: Sequence[TreatmentMark], top: float, bottom: float
) -> list[str]:
    """A dotted line at each day a treatment started or stopped, its ▲/▼ above the plot."""
    index = {point.day: i for i, point in enumerate(points)}
    symbols: dict[int, str] = {}
    names: dict[int, list[str]] = {}
    for mark in marks:
        if mark.day in index:
            at = index[mark.day]
            symbols[at] = symbols.get(at, "") + mark.symbol
            names.setdefault(at, []).append(mark.words)
    parts = []
    for at, symbol in symbols.items():
        x = _x(at, len(points))
        parts.append(
            f"<g><title>{escape('; '.join(names[at]))}</title>"
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="{TEXT}" '
            'stroke-width="1" stroke-dasharray="2 3"/>'
            f'<text x="{x:.1f}" y="{top - 3:.1f}" text-anchor="middle">{symbol}</text></g>'
        )
    return parts


def pain_mood_chart(points: Sequence[DayPoint], marks: Sequence[TreatmentMark] = ()) -> str:
    """Daily average pain (solid, circles) and mood (dashed, squares) on a 0-10 scale, with a
    mark on each day a regular treatment started (▲) or stopped (▼)."""
    top, bottom, height = 28, 178, 200

    def y(value: float) -> float:
        return bottom - (bottom - top) * value / 10

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-labelledby="pm-title pm-desc" font-family="sans-serif" font-size="11" '
        f'fill="{TEXT}">',
        '<title id="pm-title">Daily pain and mood</title>',
        f'<desc id="pm-desc">{escape(_describe(points, marks))}</desc>',
    ]
    for level in range(0, 11, 2):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(level) + 4:.1f}" text-anchor="end">{level}</text>'
        )
    parts += _day_labels([p.day for p in points], bottom)
    parts += _series([p.pain_avg for p in points], y, PAIN_COLOUR, "", square=False)
    parts += _series([p.mood_avg for p in points], y, MOOD_COLOUR, "6 4", square=True)
    parts += _marks(points, marks, top, bottom)
    parts += _legend()
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> list[str]:
    return [
        f'<line x1="{LEFT}" x2="{LEFT + 24}" y1="12" y2="12" stroke="{PAIN_COLOUR}" '
        'stroke-width="2"/>',
        f'<circle cx="{LEFT + 12}" cy="12" r="3" fill="{PAIN_COLOUR}"/>',
        f'<text x="{LEFT + 30}" y="16">Pain (0 no pain – 10 worst)</text>',
        f'<line x1="{LEFT + 230}" x2="{LEFT + 254}" y1="12" y2="12" stroke="{MOOD_COLOUR}" '
        'stroke-width="2" stroke-dasharray="6 4"/>',
        f'<rect x="{LEFT + 239}" y="9" width="6" height="6" fill="{MOOD_COLOUR}"/>',
        f'<text x="{LEFT + 260}" y="16">Mood (0 very low – 10 very good)</text>',
    ]


def _describe(points: Sequence[DayPoint], marks: Sequence[TreatmentMark] = ()) -> str:
    pains = [p.pain_avg for p in points if p.pain_avg is not None]
    moods = [p.mood_avg for p in points if p.mood_avg is not None]
    text = f"{len(points)} days; pain logged on {len(pains)}, mood on {len(moods)}."
    if pains:
        text += f" Pain from {decimals(min(pains), 1)} to {decimals(max(pains), 1)}."
    if moods:
        text += f" Mood from {decimals(min(moods), 1)} to {decimals(max(moods), 1)}."
    for mark in marks:
        text += f" {mark.words} on {mark.day.day} {mark.day:%b}."
    return text


def _nice_ceiling(value: int) -> int:
    for step in (30, 60, 120, 180, 240, 360, 480, 720, 1440):
        if value <= step:
            return step
    return int(math.ceil(value / 1440) * 1440)


def activity_chart(points: Sequence[DayPoint]) -> str:
    """Minutes of activity logged each day, as bars (no bar where nothing was logged)."""
    top, bottom, height = 12, 112, 134
    most = _nice_ceiling(max((p.activity_minutes or 0 for p in points), default=0))
    count = len(points)
    width = max(1.0, (WIDTH - LEFT - RIGHT) / count * 0.7)
    active = [p.activity_minutes for p in points if p.activity_minutes]
    desc = f"Activity on {len(active)} of {count} days"
    desc += f", up to {max(active)} minutes a day." if active else "."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-labelledby="act-title act-desc" font-family="sans-serif" font-size="11" '
        f'fill="{TEXT}">',
        '<title id="act-title">Activity minutes per day</title>',
        f'<desc id="act-desc">{escape(desc)}</desc>',
    ]
    for level in (0, most // 2, most):
        y = bottom - (bottom - top) * level / most
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{level}</text>')
    for index, point in enumerate(points):
        if point.activity_minutes:
            h = (bottom - top) * min(point.activity_minutes, most) / most
            parts.append(
                f'<rect x="{_x(index, count) - width / 2:.1f}" y="{bottom - h:.1f}" '
                f'width="{width:.1f}" height="{h:.1f}" fill="{BAR_COLOUR}"/>'
            )
    parts += _day_labels([p.day for p in points], bottom)
    parts.append("</svg>")
    return "".join(parts)
