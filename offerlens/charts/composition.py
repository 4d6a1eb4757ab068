"""Pay composition: each offer's components stacked, year 1 beside a normal year, totals above."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from offerlens.charts.axes import within
from offerlens.charts.bars import BarChart
from offerlens.charts.textfit import extent, overlaps
from offerlens.domain.chartdata import COMPONENT_LABELS, COMPONENTS, CompositionSeries


class CompositionChart(BarChart):
    """Stacked bars, one collection per period (year 1, steady state), totals above them."""

    kind = "composition"

    def _shape(self, s: CompositionSeries) -> Any:
        return tuple(s.offer_ids), tuple(s.offers)

    def moving(self) -> list[Any]:
        return [*self.handles.get("bars", {}).values(), *self.handles.get("totals", [])]

    def _fits(self, s: CompositionSeries) -> bool:
        return within(self.handles["ax"], self._peak(s))

    @staticmethod
    def _peak(s: CompositionSeries) -> int:
        return max([sum(d[c][i] for c in COMPONENTS) for d in (s.year1, s.steady)
                    for i in range(len(s.offers))] or [1])

    def _positions(self, n: int) -> tuple[list[float], list[float]]:
        return [i - self.width / 2 - 0.02 for i in range(n)], [
            i + self.width / 2 + 0.02 for i in range(n)
        ]

    def _verts(self, xs: Sequence[float], data: dict[str, list[int]]) -> list[Any]:
        verts = []
        bottom = [0] * len(xs)
        for comp in COMPONENTS:
            verts.extend(self._bar(x, b, v) for x, b, v in zip(xs, bottom, data[comp], strict=True))
            bottom = [b + v for b, v in zip(bottom, data[comp], strict=True)]
        return verts

    def _draw(self, s: CompositionSeries) -> None:
        from matplotlib.collections import PolyCollection
        from matplotlib.patches import Patch

        th = self.theme
        ax = self._axes()
        n = len(s.offers)
        x1, x2 = self._positions(n)
        bars: dict[str, Any] = {}
        for period, xs, data, alpha in (("y1", x1, s.year1, 1.0), ("ss", x2, s.steady, 0.8)):
            colors = [th.components[comp] for comp in COMPONENTS for _ in xs]
            bars[period] = PolyCollection(self._verts(xs, data), facecolors=colors, alpha=alpha,
                                          edgecolors=th.background, linewidths=0.6, zorder=2)
            ax.add_collection(bars[period], autolim=False)
        totals = []
        for xs, data in ((x1, s.year1), (x2, s.steady)):
            for i, x in enumerate(xs):
                total = sum(data[c][i] for c in COMPONENTS)
                totals.append(ax.text(x, total, "", ha="center", va="bottom",
                                      fontsize=7 if n <= 6 else 6.5, color=th.foreground,
                                      zorder=3))
        ax.set_xlim(-0.6, n - 0.4)
        self._money_axis(ax, self.t("comp_y"))
        ax.set_ylim(0, max(self._peak(s), 1) * 1.28)
        labels = [COMPONENT_LABELS[c][1 if self.lang == "zh" else 0] for c in COMPONENTS]
        patches = [Patch(facecolor=th.components[c], label=label)
                   for c, label in zip(COMPONENTS, labels, strict=True)]
        self.legend_items = (patches, labels, {})
        self._title(ax, self.t("comp_title"))
        self.names = list(s.offers)
        self.handles.update(ax=ax, bars=bars, totals=totals,
                            values=self._totals(s))
        self._label_totals(rotated=False)

    @staticmethod
    def _totals(s: CompositionSeries) -> list[tuple[str, int]]:
        return [(period, sum(data[c][i] for c in COMPONENTS))
                for period, data in (("y1", s.year1), ("ss", s.steady))
                for i in range(len(s.offers))]

    def _label_totals(self, rotated: bool, size: float | None = None) -> None:
        """Totals above the bars: tagged Y1/steady while there is room, else upright."""
        n = len(self.names)
        for text, (period, total) in zip(self.handles["totals"], self.handles["values"],
                                         strict=True):
            amount = self.money(total)
            tag = self.t("year1_tag" if period == "y1" else "steady_tag")
            if rotated:
                text.set_text(amount)
                text.set_rotation(90)
            else:
                text.set_text(f"{tag}\n{amount}" if n <= 6 else amount)
                text.set_rotation(0)
            if size is not None:
                text.set_fontsize(size)

    def place(self, renderer: Any) -> None:
        """Totals side by side when none touches its neighbour, else turned upright."""
        super().place(renderer)
        totals = self.handles.get("totals")
        if not totals:
            return
        size = 7 if len(self.names) <= 6 else 6.5
        self._label_totals(rotated=False, size=size)
        if not self._clash(totals, renderer):
            return
        for candidate in (size, 6.0, 5.5, 5.0):
            self._label_totals(rotated=True, size=candidate)
            if not self._clash(totals, renderer):
                return

    @staticmethod
    def _clash(texts: Sequence[Any], renderer: Any) -> bool:
        boxes = [extent(t, renderer) for t in texts]
        return any(overlaps(a, b, gap=1.5) for i, a in enumerate(boxes) for b in boxes[i + 1:])

    def _move(self, s: CompositionSeries) -> None:
        n = len(s.offers)
        x1, x2 = self._positions(n)
        self.handles["bars"]["y1"].set_verts(self._verts(x1, s.year1))
        self.handles["bars"]["ss"].set_verts(self._verts(x2, s.steady))
        self.handles["values"] = self._totals(s)
        for text, x, (_period, total) in zip(self.handles["totals"], [*x1, *x2],
                                             self.handles["values"], strict=True):
            text.set_position((x, total))
        self._label_totals(rotated=self.handles["totals"][0].get_rotation() == 90)
