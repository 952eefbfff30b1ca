"""Geometry of a horizontal bar chart drawn as inline SVG at build time (no script, no other host).

Pure: numbers in, positions out. ``templates/partials/chart_bars.svg.j2`` draws the result. Each bar
sits under its own text label, so long Chinese labels never overlap and the chart stays readable
when a phone scales the SVG down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH = 360  # viewBox width, about a phone's: text keeps its size on a 375 px screen
LEFT = 8
RIGHT = 48  # room for the value written after the longest bar
TOP = 8
ROW = 46  # label line + bar + gap
BAR = 16
AXIS = 26


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    category: str  # a CSS class suffix: target, stated, held


@dataclass(frozen=True)
class DrawnBar:
    label: str
    value: int
    category: str
    label_y: float
    bar_y: float
    width: float
    value_x: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    width: int
    height: int
    top: int
    left: int
    plot_width: int
    bar_height: int
    axis_y: float
    bars: tuple[DrawnBar, ...]
    ticks: tuple[Tick, ...]


def nice_step(top: float, intervals: int = 4) -> int:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) that covers ``top`` in about
    ``intervals`` steps."""
    if top <= 0:
        return 1
    raw = top / intervals
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return max(1, int(factor * power))
    return int(10 * power)  # pragma: no cover - the loop always returns


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar]) -> BarChart:
    step = nice_step(max((b.value for b in bars), default=0))
    top = step * max(1, math.ceil(max((b.value for b in bars), default=0) / step))
    plot = WIDTH - LEFT - RIGHT
    drawn = []
    for i, b in enumerate(bars):
        y = TOP + i * ROW
        width = plot * b.value / top
        drawn.append(
            DrawnBar(
                b.label,
                b.value,
                b.category,
                label_y=y + 13,
                bar_y=y + 20,
                width=round(max(width, 1.5), 1),
                value_x=round(LEFT + max(width, 1.5) + 4, 1),
            )
        )
    axis_y = TOP + len(bars) * ROW + 2
    ticks = tuple(Tick(round(LEFT + plot * v / top, 1), str(v)) for v in range(0, top + 1, step))
    return BarChart(
        chart_id, title, description, WIDTH, int(axis_y + AXIS), TOP, LEFT, plot, BAR, axis_y, tuple(drawn), ticks
    )
