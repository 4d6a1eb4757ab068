"""Four-year pay: each offer's cumulative gross pay, year by year, the total at each line's end."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offerlens.charts.axes import within
from offerlens.charts.base import Chart
from offerlens.charts.textfit import extent, spread
from offerlens.domain.chartdata import CumulativeSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class CumulativeChart(Chart):
    """One line per offer through the four years, its total labelled at the end."""

    kind = "cumulative"

    def _shape(self, s: CumulativeSeries) -> Any:
        return tuple(s.offer_ids), tuple(s.offers), s.annual_raise

    def moving(self) -> list[Any]:
        return [*self.handles.get("lines", []), *self.handles.get("ends", [])]

    def _fits(self, s: CumulativeSeries) -> bool:
        return within(self.handles["ax"], self._peak(s), headroom=1.1)

    @staticmethod
    def _peak(s: CumulativeSeries) -> int:
        return max([v for c in s.cumulative for v in c] or [1])

    def _draw(self, s: CumulativeSeries) -> None:
        th = self.theme
        ax = self._axes()
        lines, ends = [], []
        for n, (name, values) in enumerate(zip(s.offers, s.cumulative, strict=True)):
            color = th.offers[n % len(th.offers)]
            lines.append(ax.plot(s.years, values, "-o", color=color, lw=2, ms=4, label=name)[0])
            ends.append(ax.text(s.years[-1] + 0.08, values[-1], self.money(values[-1]),
                                color=color, fontsize=8, va="center"))
        ax.set_xticks(s.years, [self.t("year", n=y) for y in s.years], fontsize=8)
        ax.set_xlim(s.years[0] - 0.2, s.years[-1] + 0.6)
        self._money_axis(ax, self.t("cum_y"))
        self._rescale(ax, s)
        self.legend_items = (lines, list(s.offers), {"handlelength": 1.6})
        self._title(ax, self.t("cum_title", raise_=f"{s.annual_raise:.0%}"))
        self.handles.update(ax=ax, lines=lines, ends=ends,
                            finals=[values[-1] for values in s.cumulative], x=s.years[-1] + 0.08)
        self._footnote(s.assumptions)

    def place(self, renderer: Any) -> None:
        """End labels at their line's end, pushed apart just enough not to touch."""
        super().place(renderer)
        ends = self.handles.get("ends")
        if not ends:
            return
        ax = self.handles["ax"]
        x = self.handles["x"]
        centres = [ax.transData.transform((x, v))[1] for v in self.handles["finals"]]
        heights = [extent(t, renderer).height for t in ends]
        placed = spread(centres, heights, ax.bbox.y0, ax.bbox.y1, gap=1.0)
        to_data = ax.transData.inverted()
        for text, y in zip(ends, placed, strict=True):
            text.set_position((x, float(to_data.transform((0.0, y))[1])))

    @classmethod
    def _rescale(cls, ax: Axes, s: CumulativeSeries) -> None:
        ax.set_ylim(0, max(cls._peak(s), 1) * 1.1)

    def _move(self, s: CumulativeSeries) -> None:
        for n, values in enumerate(s.cumulative):
            self.handles["lines"][n].set_data(s.years, values)
            end = self.handles["ends"][n]
            end.set_position((s.years[-1] + 0.08, values[-1]))
            end.set_text(self.money(values[-1]))
        self.handles["finals"] = [values[-1] for values in s.cumulative]
