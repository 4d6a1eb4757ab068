"""Placing labels for the final layout: the artist that triggers it, rows, tier bands, boxes.

Labels that must not run into each other are placed while the figure is drawn, from their
measured extents: ``placer_class()`` is drawn first in a chart's axes and calls its ``place``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from offerlens.charts.textfit import extent, overlaps, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from offerlens.charts.base import Chart


@lru_cache(maxsize=1)
def placer_class() -> type:
    from matplotlib.artist import Artist
    from matplotlib.transforms import Bbox

    class LabelPlacer(Artist):
        """Drawn first in its axes: lets the chart place its labels for the final layout."""

        def __init__(self, chart: Chart) -> None:
            super().__init__()
            self.chart = chart
            self.set_zorder(-1e6)
            self.set_in_layout(False)

        def draw(self, renderer: Any) -> None:
            if self.get_visible():
                self.chart.place(renderer)
            self.stale = False

        def get_window_extent(self, renderer: Any = None) -> Any:
            return Bbox.null()

    return LabelPlacer


def place_in_rows(ax: Axes, renderer: Any, texts: Sequence[Any], xs: Sequence[float],
                   rows: Sequence[float], prefer: Sequence[str],
                   obstacles: Sequence[Any] = (), pad: float = 0.0) -> int:
    """Put each text on the first row (display y) where it meets no other label.

    A text sits beside its x (data) to the side in ``prefer`` when it fits inside the axes
    there, else to the other side; a text wider than either side is moved inwards. When
    every row is taken, the row where it overlaps least is used. ``pad`` (display units) is
    the text's box around its glyphs. Returns how many overlaps were left (0: none).
    """
    box = ax.bbox
    to_data = ax.transData.inverted()
    placed: list[Any] = list(obstacles)
    left_over = 0
    for text, x, side in zip(texts, xs, prefer, strict=True):
        x_disp = ax.transData.transform((x, 1.0))[0]
        text.set_horizontalalignment("left")
        drawn = extent(text, renderer)
        if drawn.width + 2 * pad > box.width:  # wider than the plot: on two lines or more
            per_point = renderer.points_to_pixels(1.0)
            text.set_text(wrap(text.get_text().strip(), (box.width - 4 * pad) / per_point * 0.97,
                               text.get_fontsize()))
            drawn = extent(text, renderer)
        width, height = drawn.width + 2 * pad, drawn.height + 2 * pad
        best: tuple[int, float, float, str] | None = None
        for row in rows:
            for ha in (side, "right" if side == "left" else "left"):
                x0 = x_disp if ha == "left" else x_disp - width
                if x0 < box.x0 or x0 + width > box.x1:
                    continue
                candidate = _box(x0, row - height / 2, width, height)
                clashes = sum(overlaps(candidate, other, gap=0.5) for other in placed)
                if best is None or clashes < best[0]:
                    best = (clashes, x0, row, ha)
                if clashes == 0:
                    break
            if best is not None and best[0] == 0:
                break
        if best is None:  # wider than the room on either side: keep it inside the axes
            x0 = min(max(box.x0, x_disp - width / 2), box.x1 - width)
            row = rows[0]
            clashes_by_row = [sum(overlaps(_box(x0, r - height / 2, width, height), o, gap=0.5)
                                  for o in placed) for r in rows]
            row = rows[clashes_by_row.index(min(clashes_by_row))]
            best = (min(clashes_by_row), x0, row, "left")
        clashes, x0, row, ha = best
        left_over += clashes
        anchor_x = x0 + pad if ha == "left" else x0 + width - pad
        data_x, data_y = to_data.transform((anchor_x, row))
        text.set_horizontalalignment(ha)
        text.set_position((data_x, data_y))
        placed.append(_box(x0, row - height / 2, width, height))
    return left_over


def fit_in_bands(ax: Axes, renderer: Any, texts: Sequence[Any],
                  bands: Sequence[tuple[float, float]]) -> None:
    """Each tier's name inside its band: shorter, then smaller when the band is narrow, and
    left out when even that does not fit (the band's colour still shows the tier)."""
    for text, (low, high) in zip(texts, bands, strict=True):
        full = getattr(text, "_offerlens_full", None) or text.get_text()
        text._offerlens_full = full
        short = "\n".join(line.split(" ")[0] if i == 0 else line
                          for i, line in enumerate(full.split("\n")))
        left, right = ax.transData.transform([(low, 1.0), (high, 1.0)])[:, 0]
        right = min(right, ax.bbox.x1)
        room = abs(right - left) - 3
        text.set_visible(True)
        fitted = False
        for words in dict.fromkeys((full, short)):
            text.set_text(words)
            for size in (7.0, 6.0, 5.5):
                text.set_fontsize(size)
                if extent(text, renderer).width <= room:
                    fitted = True
                    break
            if fitted:
                break
        if not fitted:
            text.set_visible(False)


def box_of(text: Any, renderer: Any, pad: float) -> Any:
    return extent(text, renderer).padded(pad)


def _box(x0: float, y0: float, width: float, height: float) -> Any:
    from matplotlib.transforms import Bbox

    return Bbox.from_bounds(x0, y0, width, height)


def display_rows(first: float, last: float, step: float) -> list[float]:
    """Display heights from ``first`` down to ``last`` (at least one)."""
    rows = [first]
    while rows[-1] - step >= last:
        rows.append(rows[-1] - step)
    return rows
