"""Take-home pay: gross, year-1 and normal-year net pay per offer, the housing fund on top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from offerlens.charts.axes import within
from offerlens.charts.bars import BarChart
from offerlens.domain.chartdata import TakeHomeSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class TakeHomeChart(BarChart):
    """Three bars per offer (gross, net year 1, net normal year), one collection per group."""

    kind = "take_home"
    width = 0.26

    def _shape(self, s: TakeHomeSeries) -> Any:
        return (s.available, tuple(s.offer_ids), tuple(s.offers))

    def moving(self) -> list[Any]:
        return [*self.handles.get("groups", {}).values(), *self.handles.get("labels", [])]

    def _columns(self, s: TakeHomeSeries) -> dict[str, tuple[list[float], list[int], list[int]]]:
        """Per bar group: x centres, heights and bottoms."""
        xs = list(range(len(s.offers)))
        w = self.width
        zero = [0] * len(xs)
        return {
            "gross": ([x - w for x in xs], s.gross_steady, zero),
            "net_y1": (xs, s.net_year1, zero),
            "net_ss": ([x + w for x in xs], s.net_steady, zero),
            "fund": ([x + w for x in xs], s.housing_fund_steady, s.net_steady),
        }

    def _verts(self, xs: Sequence[float], heights: Sequence[int],
               bottoms: Sequence[int]) -> list[Any]:
        return [self._bar(x, b, h) for x, h, b in zip(xs, heights, bottoms, strict=True)]

    def _fits(self, s: TakeHomeSeries) -> bool:
        if not s.available:
            return True
        return within(self.handles["ax"], self._peak(s), headroom=1.3)

    @staticmethod
    def _peak(s: TakeHomeSeries) -> int:
        """The tallest bar (the housing fund stands on the normal year's net pay)."""
        return max(
            s.gross_steady
            + [a + b for a, b in zip(s.net_steady, s.housing_fund_steady, strict=True)]
            + s.net_year1
            + [1]
        )

    def _draw(self, s: TakeHomeSeries) -> None:
        th = self.theme
        ax = self._axes()
        if not s.available:
            self._unavailable(ax, self.t("th_unavailable"))
            return
        from matplotlib.collections import PolyCollection
        from matplotlib.patches import Patch

        n = len(s.offers)
        c = th.components
        looks = {  # one collection per bar group: four artists, not four per offer
            "gross": ({"facecolor": th.grid}, "th_gross"),
            "net_y1": ({"facecolor": c["performance"]}, "th_net_y1"),
            "net_ss": ({"facecolor": c["guaranteed_cash"]}, "th_net_ss"),
            "fund": ({"facecolor": c["equity"], "alpha": 0.55, "hatch": "///"}, "th_fund"),
        }
        groups, handles = {}, []
        for key, (xs_, heights, bottoms) in self._columns(s).items():
            style, text = looks[key]
            groups[key] = PolyCollection(self._verts(xs_, heights, bottoms), linewidths=0,
                                         zorder=2, **style)
            ax.add_collection(groups[key], autolim=False)
            handles.append(Patch(label=self.t(text), linewidth=0, **style))
        ax.set_xlim(-0.6, n - 0.4)
        labels = [
            ax.text(x, y, text, ha="center", va="center", fontsize=6.5, rotation=90, color=color)
            for x, y, text, color in self._value_labels(s)
        ]
        self._money_axis(ax, self.t("th_y"))
        self._rescale(ax, s)
        self.legend_items = (handles, [h.get_label() for h in handles], {})
        self._title(ax, self.t("th_title"))
        self.names = list(s.offers)
        self.handles.update(groups=groups, labels=labels)
        self._footnote([self.t("th_note")])

    @classmethod
    def _rescale(cls, ax: Axes, s: TakeHomeSeries) -> None:
        ax.set_ylim(0, cls._peak(s) * 1.15)

    def _move(self, s: TakeHomeSeries) -> None:
        if not s.available:
            return
        for key, (xs, heights, bottoms) in self._columns(s).items():
            self.handles["groups"][key].set_verts(self._verts(xs, heights, bottoms))
        labels = self.handles["labels"]
        for label, (x, y, text, _color) in zip(labels, self._value_labels(s), strict=True):
            label.set_position((x, y))
            label.set_text(text)

    def _value_labels(self, s: TakeHomeSeries) -> list[tuple[float, float, str, str]]:
        """``(x, y, text, colour)`` of the amounts written inside the net-pay bars."""
        columns = ((s.net_year1, 0, "#1f2328"), (s.net_steady, self.width, "white"))
        return [
            (x + dx, v / 2, self.money(v), color)
            for values, dx, color in columns
            for x, v in enumerate(values)
        ]
