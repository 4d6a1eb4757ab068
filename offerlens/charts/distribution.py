"""Market position: the estimated distribution of a segment's pay, its tiers, the offers marked."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from offerlens.charts.marks import MARK_SIZES, MarkChart
from offerlens.charts.placement import display_rows, place_in_rows
from offerlens.charts.textfit import extent
from offerlens.domain.chartdata import DistributionSeries, density_at

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class DistributionChart(MarkChart):
    """The segment's estimated distribution (log pay axis), tiers as bands, offers marked."""

    kind = "distribution"

    def _shape(self, s: DistributionSeries) -> Any:
        return (s.available, s.segment_id, tuple(m.offer_id for m in s.offers), tuple(s.edges))

    def _draw(self, s: DistributionSeries) -> None:
        th = self.theme
        ax = self._axes()
        if not s.available:
            self._unavailable(ax, s.reason, fontsize=10)
            return
        ax.set_xscale("log")
        lo, hi = s.edges[0], s.edges[-1]
        view_hi = min(hi, max([m.value * 1.3 for m in s.offers] + [s.edges[-2] * 1.6]))
        ax.set_xlim(lo, view_hi)
        top = max(s.density) * 1.35 if s.density else 1
        ax.set_ylim(0, top)
        tier_texts = []
        for span in s.tiers:
            ax.axvspan(span.low, span.high, color=th.tiers[span.tier.value], lw=0, zorder=0)
            mid = math.sqrt(span.low * min(span.high, view_hi))
            share = self.t("dist_share", share=f"{span.share:g}")
            tier_texts.append(ax.text(mid, top * 0.97, f"{span.label}\n{share}", ha="center",
                                      va="top", fontsize=7, color=th.muted, zorder=3))
        ax.stairs(s.density, s.edges, color=th.foreground, lw=1.4, zorder=2,
                  label=self.t("dist_curve"))
        self._pay_axis(ax)
        self._ylabel(ax, self.t("dist_y"))
        self._title(ax, self.t("dist_title", segment=s.segment_label))
        lines, texts, dots = [], [], []
        n = len(s.offers)
        for i, mark in enumerate(s.offers):
            color = th.offers[i % len(th.offers)]
            x = min(max(mark.value, lo), hi)
            y = density_at(s, x)
            lines.append(ax.axvline(x, color=color, lw=1.6, zorder=4))
            dots.append(ax.plot([x], [y], "o", color=color, ms=6, zorder=5)[0])
            texts.append(self._mark_label(ax, x, top * _row(i, n), self._label(mark), color,
                                          self._side(ax, x)))
        bands = [(span.low, min(span.high, view_hi)) for span in s.tiers]
        self.handles.update(lines=lines, texts=texts, dots=dots, top=top, tiers=tier_texts,
                            labels=[self._label(m) for m in s.offers],
                            bands=bands,
                            xs=[min(max(m.value, lo), hi) for m in s.offers])
        self._footnote([self.t("dist_note"), *s.assumptions])

    def _place_labels(self, renderer: Any, ax: Axes, texts: list[Any], pad: float) -> None:
        obstacles = [extent(t, renderer) for t in self.handles["tiers"]
                     if t.get_visible()]
        ceiling = min([o.y0 for o in obstacles] + [ax.bbox.y1]) - 2
        xs = self.handles["xs"]
        for size in MARK_SIZES:  # smaller labels when the rows are all taken
            height = self._size_labels(renderer, size, pad)
            rows = display_rows(ceiling - height / 2, ax.bbox.y0 + height / 2, height + 1)
            if not place_in_rows(ax, renderer, texts, xs, rows,
                                  [self._side(ax, x) for x in xs], obstacles, pad):
                break

    def _label(self, mark: Any) -> str:
        pct = "" if mark.percentile is None else f" · P{mark.percentile:.0f}"
        return f" {mark.company}{pct} "

    @staticmethod
    def _side(ax: Axes, x: float) -> str:
        """Labels of offers in the right third of the (log) axis extend to the left."""
        lo, hi = ax.get_xlim()
        share = math.log(x / lo) / math.log(hi / lo) if x > 0 and hi > lo > 0 else 0.0
        return "right" if share > 0.62 else "left"

    def moving(self) -> list[Any]:
        h = self.handles
        return [*h.get("lines", []), *h.get("dots", []), *h.get("texts", [])]

    def _fits(self, s: DistributionSeries) -> bool:
        if not s.available:
            return True
        return self._marks_in_view(s.offers)

    def _move(self, s: DistributionSeries) -> None:
        if not s.available:
            return
        top = self.handles["top"]
        lo, hi = s.edges[0], s.edges[-1]
        xs = []
        for n, mark in enumerate(s.offers):
            x = min(max(mark.value, lo), hi)
            xs.append(x)
            self.handles["lines"][n].set_xdata([x, x])
            self.handles["dots"][n].set_data([x], [density_at(s, x)])
            text = self.handles["texts"][n]
            text.set_position((x, top * _row(n, len(s.offers))))
            text.set_horizontalalignment(self._side(self.handles["ax"], x))
            text.set_text(self._label(mark))
        self.handles["xs"] = xs
        self.handles["labels"] = [self._label(m) for m in s.offers]


def _row(index: int, count: int) -> float:
    """Starting height (share of the y-range) of an offer's label, before it is placed."""
    rows = 4 if count <= 4 else 8
    return 0.62 - (0.4 / rows) * (index % rows)
