"""Offers marked on a log pay axis over tier bands: what the distribution and ladder share.

The pay axis, the offers' labels (sized and kept in view) and the tier names in their bands.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from offerlens.charts.axes import log_minor_ticks, yuan_formatter
from offerlens.charts.base import Chart
from offerlens.charts.placement import fit_in_bands
from offerlens.charts.textfit import extent

if TYPE_CHECKING:
    from matplotlib.axes import Axes

LABEL_PAD = 1.5  # points of background around an offer's label
MARK_SIZES = (8.0, 7.0, 6.5)  # offer labels, smaller when the rows are all taken


class MarkChart(Chart):
    """Base of the charts that mark each offer on the annual package's log axis."""

    def _pay_axis(self, ax: Axes) -> None:
        """The x axis: the annual package, money tick labels at 2, 3, 4, 5 and 7 of a decade."""
        ax.xaxis.set_major_formatter(yuan_formatter(self.lang))
        log_minor_ticks(ax)
        ax.xaxis.set_minor_formatter(yuan_formatter(self.lang))
        ax.tick_params(axis="x", which="both", labelsize=7, length=3, pad=3)
        ax.set_xlabel(self.t("package_axis"), fontsize=8)

    def _mark_label(self, ax: Axes, x: float, y: float, text: str, color: str, ha: str) -> Any:
        """An offer's label in its colour on a faint background (placed later by ``place``)."""
        return ax.text(x, y, text, color=color, fontsize=8, ha=ha, va="center", zorder=6,
                       bbox={"fc": self.theme.background, "ec": "none", "alpha": 0.8,
                             "pad": LABEL_PAD})

    def _marks_in_view(self, offers: Sequence[Any]) -> bool:
        """Every offer's value still lies inside the x axis' limits."""
        lo, hi = self.handles["ax"].get_xlim()
        return all(lo <= m.value <= hi for m in offers)

    def place(self, renderer: Any) -> None:
        """Tier names fitted into their bands, then the offers' labels placed in rows."""
        super().place(renderer)
        if "tiers" not in self.handles:  # a chart that could not be drawn
            return
        self._fit_tier_names(renderer)
        texts = self.handles["texts"]
        if texts:
            pad = renderer.points_to_pixels(LABEL_PAD)
            self._place_labels(renderer, self.handles["ax"], texts, pad)

    def _place_labels(self, renderer: Any, ax: Axes, texts: list[Any], pad: float) -> None:
        """Put the offers' labels (``texts``, with ``pad`` display units of background) in
        rows where they do not collide."""
        raise NotImplementedError

    def _fit_tier_names(self, renderer: Any) -> None:
        fit_in_bands(self.handles["ax"], renderer, self.handles["tiers"], self.handles["bands"])

    def _size_labels(self, renderer: Any, size: float, pad: float) -> float:
        """Every offer label back to its full text at ``size``; one label's height with its
        background (display units)."""
        texts = self.handles["texts"]
        for text, label in zip(texts, self.handles["labels"], strict=True):
            text.set_text(label)
            text.set_fontsize(size)
        return extent(texts[0], renderer).height + 2 * pad
