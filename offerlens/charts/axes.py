"""Axis styling, log-scale ticks, money tick labels and legend columns shared by the charts."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from offerlens.charts.style import Theme
from offerlens.charts.textfit import text_width
from offerlens.domain.money import compact

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.ticker import FuncFormatter


def style_axes(ax: Axes, th: Theme) -> None:
    """Axes in the theme's colours, top and right spines hidden."""
    ax.set_facecolor(th.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(th.muted)
    ax.tick_params(colors=th.foreground, labelsize=8)
    ax.tick_params(which="minor", colors=th.muted)
    ax.xaxis.label.set_color(th.foreground)
    ax.yaxis.label.set_color(th.foreground)
    ax.title.set_color(th.foreground)


def log_minor_ticks(ax: Axes) -> None:
    """Minor ticks at 2, 3, 4, 5 and 7 of each decade: labels that do not run together.

    Both locators return only the positions inside the view: a log locator also lists the
    decades around it, and matplotlib builds a tick (three lines, two texts) for each
    position, drawn or not — four in five of them here.
    """
    locator = _in_view_log_locator()
    ax.xaxis.set_major_locator(locator(base=10))
    ax.xaxis.set_minor_locator(locator(base=10, subs=(2, 3, 4, 5, 7)))


@lru_cache(maxsize=1)
def _in_view_log_locator() -> type:
    import numpy as np
    from matplotlib.ticker import LogLocator

    class InViewLogLocator(LogLocator):
        """A LogLocator that leaves out positions outside the axis' view."""

        def __call__(self):
            locs = super().__call__()
            if self.axis is None:
                return locs
            lo, hi = sorted(self.axis.get_view_interval())
            slack = (hi - lo) * 1e-9
            return np.asarray([v for v in locs if lo - slack <= v <= hi + slack])

    return InViewLogLocator


def yuan_formatter(lang: str = "en") -> FuncFormatter:
    """Tick labels as ¥450k / ¥1.2M (English) or 45万 (Chinese); 0 as "0"."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: compact(int(round(v)), lang) if v > 0 else "0")


def legend_columns(labels: Sequence[str], width_pt: float, size: float) -> int:
    """The most legend columns (filled column by column, as matplotlib does) that fit."""
    em = size
    widths = [text_width(label, size) + 2.8 * em for label in labels]
    for ncols in range(len(labels), 1, -1):
        rows, large = divmod(len(labels), ncols)  # matplotlib: the first columns one longer
        columns, start = [], 0
        for j in range(ncols):
            count = rows + (1 if j < large else 0)
            columns.append(max(widths[start:start + count] or [0.0]))
            start += count
        if sum(columns) + (ncols - 1) * 2.0 * em + 0.8 * em <= width_pt:
            return ncols
    return 1


def within(ax: Axes, peak: float, headroom: float = 1.28) -> bool:
    """The current y-limit still suits ``peak`` (room above it, not absurdly much)."""
    top = ax.get_ylim()[1]
    return peak <= top / 1.02 and peak * headroom >= top * 0.6
