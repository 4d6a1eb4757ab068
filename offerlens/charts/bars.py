"""Offers side by side as bars: what the composition and take-home charts share.

A bar is four corners in a PolyCollection (one collection per group of bars, not one artist
per bar); the offers' names stand under their bars, wrapped to the room each offer has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from offerlens.charts.base import INCH, Chart
from offerlens.charts.textfit import wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes

NAME_SIZES = (8.0, 7.0, 6.5)  # offer names under bars: smaller before a fifth line

Corners = tuple[tuple[float, float], tuple[float, float], tuple[float, float],
                tuple[float, float]]


class BarChart(Chart):
    """Base of the bar charts: bars ``width`` wide, the offers' names (``names``) under them."""

    width = 0.36
    names: list[str]

    def _bar(self, x: float, bottom: float, height: float) -> Corners:
        """The corners of a bar centred on ``x``."""
        half = self.width / 2
        return ((x - half, bottom), (x - half, bottom + height), (x + half, bottom + height),
                (x + half, bottom))

    def _fit(self, axes_width: float) -> None:
        if self._has_axes():
            self._names(self.handles["ax"], self.names, axes_width)

    def _names(self, ax: Axes, names: Sequence[str], axes_width: float) -> None:
        """Offer names under their bars, wrapped to the room each offer has; never cut."""
        slot = axes_width * INCH / max(len(names), 1) * 0.9
        for size in NAME_SIZES:
            wrapped = [wrap(name, slot, size) for name in names]
            if max((w.count("\n") + 1 for w in wrapped), default=1) <= 4:
                break
        ax.set_xticks(range(len(names)), wrapped, fontsize=size)
