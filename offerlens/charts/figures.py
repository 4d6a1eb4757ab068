"""Figure builders: chart series in, matplotlib Figure out (no pyplot, no Qt).

Each chart is a small class bound to a Figure. ``render(series)`` draws it from scratch and
keeps the artist handles; ``update(series)`` moves those artists in place and returns False
when the series changed shape (an offer added or removed), in which case the caller renders
again. ``make_figure`` builds a stand-alone figure for export; ``save_figure`` writes PNG/SVG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offerlens.charts.style import Theme, compact_yuan, font_families, theme, wrap_name
from offerlens.domain.chartdata import (
    COMPONENT_LABELS,
    COMPONENTS,
    TIER_SHORT,
    ChartSet,
    CompositionSeries,
    CumulativeSeries,
    DistributionSeries,
    LadderSeries,
    TakeHomeSeries,
    density_at,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

@dataclass(frozen=True)
class Pixels:
    """A drawn chart: RGBA bytes, row by row from the top."""

    width: int
    height: int
    rgba: bytes


CHART_KINDS = ("distribution", "ladder", "composition", "cumulative", "take_home")
CHART_TITLES = {
    "distribution": ("Market position", "市场位置"),
    "ladder": ("Master's vs PhD bands", "硕士与博士档位"),
    "composition": ("Pay composition", "薪酬构成"),
    "cumulative": ("Four-year pay", "四年累计"),
    "take_home": ("Take-home pay", "税后到手"),
}


def _style_axes(ax: Axes, th: Theme) -> None:
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


def _log_minor_ticks(ax: Axes) -> None:
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


def _row(index: int, count: int) -> float:
    """Height (share of the y-range) of an offer's label: 4 rows, 8 when there are many."""
    rows = 4 if count <= 4 else 8
    return 0.62 - (0.4 / rows) * (index % rows)


def _ladder_row(index: int, count: int) -> int:
    """Row of an offer's name above the ladder: 4 rows, 7 when there are many."""
    return index % (4 if count <= 4 else 7)


def _name_width(count: int) -> int:
    """Characters per line of an offer's name under its bars (CJK counts double)."""
    return 14 if count <= 6 else 9


def _yuan_formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: compact_yuan(v) if v > 0 else "0")


def _footnote(fig: Figure, th: Theme, lines: Sequence[str]) -> Any:
    text = "Assumptions: " + "; ".join(lines) if lines else ""
    return fig.text(
        0.01, 0.01, _wrap(text, 150), ha="left", va="bottom", fontsize=6.5,
        color=th.assumption, wrap=False,
    )


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)[:3])


class Chart:
    """Base: one figure, one theme, handles kept between updates."""

    kind = ""

    def __init__(self, figure: Figure, theme_name: str = "light", lang: str = "en") -> None:
        font_families()
        self.figure = figure
        self.theme = theme(theme_name)
        self.lang = "zh" if str(lang).lower().startswith("zh") else "en"
        self.handles: dict[str, Any] = {}
        self.shape: Any = None

    def render(self, series: Any) -> None:
        fig = self.figure
        fig.clear()
        fig.set_facecolor(self.theme.background)
        self.handles = {}
        self._draw(series)
        self.shape = self._shape(series)

    def update(self, series: Any) -> bool:
        """Move the kept artists; False when a new render is needed (shape or limits)."""
        if not self.handles or self._shape(series) != self.shape or not self._fits(series):
            return False
        self._move(series)
        return True

    def moving(self) -> list[Any]:
        """The artists ``update`` changes (blitted by the Qt panel)."""
        return []

    def _fits(self, series: Any) -> bool:
        return True

    def _shape(self, series: Any) -> Any:  # pragma: no cover - overridden
        return None

    def _draw(self, series: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _move(self, series: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _axes(self) -> Axes:
        """The chart's one set of axes, styled for the theme and kept in the handles."""
        ax = self.figure.add_subplot()
        _style_axes(ax, self.theme)
        self.handles["ax"] = ax
        return ax

    def _unavailable(self, ax: Axes, text: str, **kwargs: Any) -> None:
        """Replace the plot by a centred sentence saying why it cannot be drawn."""
        ax.set_axis_off()
        ax.text(0.5, 0.5, text, ha="center", va="center", color=self.theme.muted,
                transform=ax.transAxes, **kwargs)

    def _title(self, ax: Axes, text: str) -> None:
        ax.set_title(text, loc="left", fontsize=10, color=self.theme.foreground, pad=8)


# --- (a) distribution ----------------------------------------------------------------------


class DistributionChart(Chart):
    kind = "distribution"

    def _shape(self, s: DistributionSeries) -> Any:
        return (s.available, s.segment_id, tuple(m.offer_id for m in s.offers), tuple(s.edges))

    def _draw(self, s: DistributionSeries) -> None:
        th = self.theme
        ax = self._axes()
        if not s.available:
            self._unavailable(ax, _wrap(s.reason, 70), fontsize=10)
            return
        ax.set_xscale("log")
        lo, hi = s.edges[0], s.edges[-1]
        view_hi = min(hi, max([m.value * 1.3 for m in s.offers] + [s.edges[-2] * 1.6]))
        ax.set_xlim(lo, view_hi)
        top = max(s.density) * 1.35 if s.density else 1
        ax.set_ylim(0, top)
        for span in s.tiers:
            ax.axvspan(span.low, span.high, color=th.tiers[span.tier.value], lw=0, zorder=0)
            mid = math.sqrt(span.low * min(span.high, view_hi))
            ax.text(mid, top * 0.97, f"{span.label}\n~{span.share:g} %*", ha="center",
                    va="top", fontsize=7, color=th.muted, zorder=3)
        ax.stairs(s.density, s.edges, color=th.foreground, lw=1.4, zorder=2,
                  label="estimated distribution (assumption)")
        ax.xaxis.set_major_formatter(_yuan_formatter())
        _log_minor_ticks(ax)
        ax.xaxis.set_minor_formatter(_yuan_formatter())
        ax.tick_params(axis="x", which="both", labelsize=7, length=3, pad=3)
        ax.set_xlabel("steady-state annual cash package (CNY, log scale)", fontsize=8)
        ax.set_ylabel("% of hires per +10 % pay (estimated)", fontsize=8)
        self._title(ax, f"Estimated market position — {s.segment_label}")
        lines, texts, dots = [], [], []
        for n, mark in enumerate(s.offers):
            color = th.offers[n % len(th.offers)]
            x = min(max(mark.value, lo), hi)
            y = density_at(s, x)
            lines.append(ax.axvline(x, color=color, lw=1.6, zorder=4))
            dots.append(ax.plot([x], [y], "o", color=color, ms=6, zorder=5)[0])
            texts.append(ax.text(x, top * _row(n, len(s.offers)), self._label(mark),
                                 color=color, fontsize=8, ha=self._side(ax, x), va="center",
                                 zorder=6, bbox={"fc": th.background, "ec": "none",
                                                 "alpha": 0.8, "pad": 1.5}))
        self.handles.update(lines=lines, texts=texts, dots=dots, top=top)
        self.handles["note"] = _footnote(
            self.figure, th, ["estimated distribution, *tier shares assumed", *s.assumptions]
        )

    @staticmethod
    def _label(mark: Any) -> str:
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
        lo, hi = self.handles["ax"].get_xlim()
        return all(lo <= m.value <= hi for m in s.offers)

    def _move(self, s: DistributionSeries) -> None:
        if not s.available:
            return
        top = self.handles["top"]
        lo, hi = s.edges[0], s.edges[-1]
        for n, mark in enumerate(s.offers):
            x = min(max(mark.value, lo), hi)
            self.handles["lines"][n].set_xdata([x, x])
            self.handles["dots"][n].set_data([x], [density_at(s, x)])
            text = self.handles["texts"][n]
            text.set_position((x, top * _row(n, len(s.offers))))
            text.set_horizontalalignment(self._side(self.handles["ax"], x))
            text.set_text(self._label(mark))


# --- (b) ladder ----------------------------------------------------------------------------


class LadderChart(Chart):
    kind = "ladder"

    def _shape(self, s: LadderSeries) -> Any:
        return (tuple(r.segment_id for r in s.rungs), tuple(m.offer_id for m in s.offers))

    def _draw(self, s: LadderSeries) -> None:
        th = self.theme
        ax = self._axes()
        ax.set_xscale("log")
        lows = [t.low for r in s.rungs for t in r.tiers]
        highs = [t.high for r in s.rungs for t in r.tiers]
        values = [m.value for m in s.offers]
        lo = min(lows + values) * 0.85
        hi = max(highs + values) * 1.05
        ax.set_xlim(lo, hi)
        for y, rung in enumerate(s.rungs):
            for span in rung.tiers:
                ax.barh(y, span.high - span.low, left=span.low, height=0.6,
                        color=th.tiers[span.tier.value], edgecolor=th.background, lw=1.5)
                ax.text(math.sqrt(span.low * span.high), y, TIER_SHORT[span.tier][0],
                        ha="center", va="center", fontsize=7, color=th.foreground)
        labels = []
        for r in s.rungs:
            text = r.label + (" (you)" if r.candidate else "")
            if r.assumed_anchors:
                text += "\n" + ", ".join(a.replace("_", " ") for a in r.assumed_anchors)
                text += " assumed"
            labels.append(text)
        ax.set_yticks(range(len(s.rungs)), labels, fontsize=8)
        ax.set_ylim(-0.6, len(s.rungs) - 0.1 + 0.35 * max(1, len(s.offers)) * 0.5)
        ax.xaxis.set_major_formatter(_yuan_formatter())
        _log_minor_ticks(ax)
        ax.xaxis.set_minor_formatter(_yuan_formatter())
        ax.tick_params(axis="x", which="both", labelsize=7, length=3, pad=3)
        ax.set_xlabel("steady-state annual cash package (CNY, log scale)", fontsize=8)
        self._title(ax, "Master's vs PhD tier bands, your offers placed on both")
        lines, texts = [], []
        ytop = len(s.rungs) - 0.45
        for n, mark in enumerate(s.offers):
            color = th.offers[n % len(th.offers)]
            lines.append(ax.axvline(mark.value, ymax=0.86, color=color, lw=1.6, zorder=4))
            texts.append(ax.text(mark.value, ytop + 0.22 * _ladder_row(n, len(s.offers)),
                                 f" {mark.company}",
                                 color=color, fontsize=8, ha="left", va="center"))
        self.handles.update(ax=ax, lines=lines, texts=texts, ytop=ytop)
        self.handles["note"] = _footnote(self.figure, th, s.assumptions)

    def moving(self) -> list[Any]:
        return [*self.handles.get("lines", []), *self.handles.get("texts", [])]

    def _fits(self, s: LadderSeries) -> bool:
        lo, hi = self.handles["ax"].get_xlim()
        return all(lo <= m.value <= hi for m in s.offers)

    def _move(self, s: LadderSeries) -> None:
        ytop = self.handles["ytop"]
        for n, mark in enumerate(s.offers):
            self.handles["lines"][n].set_xdata([mark.value, mark.value])
            text = self.handles["texts"][n]
            text.set_position((mark.value, ytop + 0.22 * _ladder_row(n, len(s.offers))))
            text.set_text(f" {mark.company}")


# --- (c) composition -----------------------------------------------------------------------


class CompositionChart(Chart):
    kind = "composition"
    width = 0.36

    def _shape(self, s: CompositionSeries) -> Any:
        return tuple(s.offer_ids), tuple(s.offers)

    def moving(self) -> list[Any]:
        bars = [p for group in self.handles.get("bars", {}).values() for p in group.patches]
        return [*bars, *self.handles.get("totals", [])]

    def _fits(self, s: CompositionSeries) -> bool:
        peak = max([sum(d[c][i] for c in COMPONENTS) for d in (s.year1, s.steady)
                    for i in range(len(s.offers))] or [1])
        return _within(self.handles["ax"], peak)

    def _positions(self, n: int) -> tuple[list[float], list[float]]:
        return [i - self.width / 2 - 0.02 for i in range(n)], [
            i + self.width / 2 + 0.02 for i in range(n)
        ]

    def _draw(self, s: CompositionSeries) -> None:
        th = self.theme
        ax = self._axes()
        n = len(s.offers)
        x1, x2 = self._positions(n)
        bars: dict[tuple[str, str], Any] = {}
        for period, xs, data, alpha in (("y1", x1, s.year1, 1.0), ("ss", x2, s.steady, 0.8)):
            bottom = [0] * n
            for comp in COMPONENTS:
                label = COMPONENT_LABELS[comp][0] if period == "y1" else None
                bars[(period, comp)] = ax.bar(
                    xs, data[comp], self.width, bottom=bottom, color=th.components[comp],
                    alpha=alpha, label=label, edgecolor=th.background, lw=0.6,
                )
                bottom = [b + v for b, v in zip(bottom, data[comp], strict=True)]
        totals = []
        for period, xs, data in (("y1", x1, s.year1), ("ss", x2, s.steady)):
            for i, x in enumerate(xs):
                total = sum(data[c][i] for c in COMPONENTS)
                totals.append(ax.text(x, total, self._total_label(period, total, n),
                                      ha="center", va="bottom", fontsize=7 if n <= 6 else 6,
                                      color=th.foreground))
        ax.set_xticks(range(n), [wrap_name(c, _name_width(n)) for c in s.offers], fontsize=8)
        ax.yaxis.set_major_formatter(_yuan_formatter())
        ax.set_ylabel("CNY a year (gross)", fontsize=8)
        ax.grid(axis="y", color=th.grid, lw=0.6)
        ax.set_axisbelow(True)
        self._rescale(ax, s)
        legend = ax.legend(fontsize=7, frameon=False, loc="upper left", ncols=4,
                           bbox_to_anchor=(0, 1.0), labelcolor=th.foreground)
        del legend
        self._title(ax, "What each offer is made of: year 1 (left) and a normal year (right)")
        self.handles.update(ax=ax, bars=bars, totals=totals)

    @staticmethod
    def _total_label(period: str, total: float, n: int) -> str:
        """Above each bar: its total, tagged Y1/steady while there is room for the tag."""
        if n > 6:  # the title says left is year 1 and right a normal year
            return compact_yuan(total)
        return f"{'Y1' if period == 'y1' else 'steady'}\n{compact_yuan(total)}"

    @staticmethod
    def _rescale(ax: Axes, s: CompositionSeries) -> None:
        peak = max(
            [sum(d[c][i] for c in COMPONENTS) for d in (s.year1, s.steady)
             for i in range(len(s.offers))] or [1]
        )
        ax.set_ylim(0, max(peak, 1) * 1.28)

    def _move(self, s: CompositionSeries) -> None:
        n = len(s.offers)
        x1, x2 = self._positions(n)
        for period, data in (("y1", s.year1), ("ss", s.steady)):
            bottom = [0] * n
            for comp in COMPONENTS:
                for i, rect in enumerate(self.handles["bars"][(period, comp)].patches):
                    rect.set_y(bottom[i])
                    rect.set_height(data[comp][i])
                bottom = [b + v for b, v in zip(bottom, data[comp], strict=True)]
        k = 0
        for period, xs, data in (("y1", x1, s.year1), ("ss", x2, s.steady)):
            for i, x in enumerate(xs):
                total = sum(data[c][i] for c in COMPONENTS)
                self.handles["totals"][k].set_position((x, total))
                self.handles["totals"][k].set_text(self._total_label(period, total, n))
                k += 1


# --- (d) four-year cumulative --------------------------------------------------------------


class CumulativeChart(Chart):
    kind = "cumulative"

    def _shape(self, s: CumulativeSeries) -> Any:
        return tuple(s.offer_ids), tuple(s.offers), s.annual_raise

    def moving(self) -> list[Any]:
        return [*self.handles.get("lines", []), *self.handles.get("ends", [])]

    def _fits(self, s: CumulativeSeries) -> bool:
        return _within(self.handles["ax"], max([v for c in s.cumulative for v in c] or [1]),
                       headroom=1.1)

    def _draw(self, s: CumulativeSeries) -> None:
        th = self.theme
        ax = self._axes()
        lines, ends = [], []
        for n, (name, values) in enumerate(zip(s.offers, s.cumulative, strict=True)):
            color = th.offers[n % len(th.offers)]
            lines.append(ax.plot(s.years, values, "-o", color=color, lw=2, ms=4, label=name)[0])
            ends.append(ax.text(s.years[-1] + 0.08, values[-1], compact_yuan(values[-1]),
                                color=color, fontsize=8, va="center"))
        ax.set_xticks(s.years, [f"year {y}" for y in s.years], fontsize=8)
        ax.set_xlim(s.years[0] - 0.2, s.years[-1] + 0.6)
        ax.yaxis.set_major_formatter(_yuan_formatter())
        ax.set_ylabel("cumulative gross pay (CNY)", fontsize=8)
        ax.grid(axis="y", color=th.grid, lw=0.6)
        ax.set_axisbelow(True)
        self._rescale(ax, s)
        ax.legend(fontsize=7.5, frameon=False, loc="upper left", labelcolor=th.foreground)
        self._title(ax, f"Cumulative pay over four years (raise {s.annual_raise:.0%} a year, "
                        "assumed)")
        self.handles.update(ax=ax, lines=lines, ends=ends)
        self.handles["note"] = _footnote(self.figure, th, s.assumptions)

    @staticmethod
    def _rescale(ax: Axes, s: CumulativeSeries) -> None:
        peak = max([v for c in s.cumulative for v in c] or [1])
        ax.set_ylim(0, max(peak, 1) * 1.1)

    def _move(self, s: CumulativeSeries) -> None:
        for n, values in enumerate(s.cumulative):
            self.handles["lines"][n].set_data(s.years, values)
            end = self.handles["ends"][n]
            end.set_position((s.years[-1] + 0.08, values[-1]))
            end.set_text(compact_yuan(values[-1]))


# --- take-home ----------------------------------------------------------------------------


class TakeHomeChart(Chart):
    kind = "take_home"
    width = 0.26

    def _shape(self, s: TakeHomeSeries) -> Any:
        return (s.available, tuple(s.offer_ids), tuple(s.offers))

    def moving(self) -> list[Any]:
        groups = self.handles.get("groups", {})
        return [*(p for g in groups.values() for p in g.patches), *self.handles.get("labels", [])]

    def _fits(self, s: TakeHomeSeries) -> bool:
        if not s.available:
            return True
        peak = max(s.gross_steady + s.net_year1
                   + [a + b for a, b in zip(s.net_steady, s.housing_fund_steady, strict=True)]
                   + [1])
        return _within(self.handles["ax"], peak, headroom=1.3)

    def _draw(self, s: TakeHomeSeries) -> None:
        th = self.theme
        ax = self._axes()
        if not s.available:
            self._unavailable(ax, "Take-home pay is not available for these offers.")
            return
        n = len(s.offers)
        xs = list(range(n))
        w = self.width
        c = th.components
        groups = {
            "gross": ax.bar([x - w for x in xs], s.gross_steady, w, color=th.grid,
                            label="gross cash, normal year"),
            "net_y1": ax.bar(xs, s.net_year1, w, color=c["performance"],
                             label="take-home, year 1"),
            "net_ss": ax.bar([x + w for x in xs], s.net_steady, w, color=c["guaranteed_cash"],
                             label="take-home, normal year"),
            "fund": ax.bar([x + w for x in xs], s.housing_fund_steady, w, bottom=s.net_steady,
                           color=c["equity"], alpha=0.55, hatch="///",
                           label="housing fund (both shares, own wallet)"),
        }
        labels = []
        for key, dx in (("net_y1", 0), ("net_ss", w)):
            values = s.net_year1 if key == "net_y1" else s.net_steady
            for x, v in zip(xs, values, strict=True):
                color = "#1f2328" if key == "net_y1" else "white"
                labels.append(ax.text(x + dx, v / 2, compact_yuan(v), ha="center",
                                      va="center", fontsize=6.5, rotation=90, color=color))
        ax.set_xticks(xs, [wrap_name(name, _name_width(n)) for name in s.offers], fontsize=8)
        ax.yaxis.set_major_formatter(_yuan_formatter())
        ax.set_ylabel("CNY a year", fontsize=8)
        ax.grid(axis="y", color=th.grid, lw=0.6)
        ax.set_axisbelow(True)
        self._rescale(ax, s)
        ax.legend(fontsize=7, frameon=False, loc="upper left", ncols=2,
                  labelcolor=th.foreground)
        self._title(ax, "What reaches your account (after tax, social insurance, housing fund)")
        self.handles.update(groups=groups, labels=labels)
        self.handles["note"] = _footnote(self.figure, th, [
            "2024 individual income tax and the city's social-insurance table; bonus taxed the "
            "cheaper way; equity excluded (see the summary for every assumption)"])

    @staticmethod
    def _rescale(ax: Axes, s: TakeHomeSeries) -> None:
        peak = max(
            s.gross_steady
            + [a + b for a, b in zip(s.net_steady, s.housing_fund_steady, strict=True)]
            + s.net_year1
            + [1]
        )
        ax.set_ylim(0, peak * 1.3)

    def _move(self, s: TakeHomeSeries) -> None:
        if not s.available:
            return
        g = self.handles["groups"]
        for key, values in (("gross", s.gross_steady), ("net_y1", s.net_year1),
                            ("net_ss", s.net_steady), ("fund", s.housing_fund_steady)):
            for i, rect in enumerate(g[key].patches):
                rect.set_height(values[i])
                if key == "fund":
                    rect.set_y(s.net_steady[i])
        k = 0
        for key, dx in (("net_y1", 0), ("net_ss", self.width)):
            values = s.net_year1 if key == "net_y1" else s.net_steady
            for x, v in enumerate(values):
                self.handles["labels"][k].set_position((x + dx, v / 2))
                self.handles["labels"][k].set_text(compact_yuan(v))
                k += 1


def _within(ax: Axes, peak: float, headroom: float = 1.28) -> bool:
    """The current y-limit still suits ``peak`` (room above it, not absurdly much)."""
    top = ax.get_ylim()[1]
    return peak <= top / 1.02 and peak * headroom >= top * 0.6


CHART_CLASSES: dict[str, type[Chart]] = {
    "distribution": DistributionChart,
    "ladder": LadderChart,
    "composition": CompositionChart,
    "cumulative": CumulativeChart,
    "take_home": TakeHomeChart,
}


def series_for(charts: ChartSet, kind: str) -> Any:
    return getattr(charts, kind)


def new_figure(width: float = 8.0, height: float = 5.0, dpi: int = 100) -> Figure:
    """A Figure that is not attached to pyplot."""
    from matplotlib.figure import Figure

    font_families()
    return Figure(figsize=(width, height), dpi=dpi, layout="constrained")


def make_figure(
    kind: str, charts: ChartSet, theme_name: str = "light", size: tuple[float, float] = (8, 5),
    lang: str = "en",
) -> Figure:
    """A finished stand-alone figure of one chart (for export and saving).

    ``lang`` ("en" or "zh") is the language of the chart's own texts; build ``charts`` with
    ``chart_set(..., lang=lang)`` so the dataset's labels match.
    """
    fig = new_figure(*size)
    chart = CHART_CLASSES[kind](fig, theme_name, lang)
    chart.render(series_for(charts, kind))
    _leave_room_for_note(fig)
    return fig


def export_figure(
    kind: str, charts: ChartSet, theme_name: str = "light", size: tuple[float, float] = (8, 4.6),
    dpi: int = 100, lang: str = "en",
) -> Figure:
    """Like ``make_figure``, with margins fixed from the texts around the axes.

    The constrained layout measures every text of the figure, twice, before the figure is
    drawn; here only the tick labels, axis labels, title and footnote are measured once.
    """
    from offerlens.charts.loading import load_matplotlib

    load_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font_families()
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    chart = CHART_CLASSES[kind](fig, theme_name, lang)
    chart.render(series_for(charts, kind))
    _fix_margins(fig, chart.handles.get("note"))
    return fig


def _fix_margins(fig: Figure, note: Any) -> None:
    """Place the axes so that their labels, the title and the footnote fit the figure."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.text import Text

    width, height = fig.get_size_inches()
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    line = 1.25 / 72  # inches per point of a text line

    probe = Text(figure=fig)

    def measure(text: str, points: float) -> tuple[float, float]:
        """Width and height in inches of a (multi-line) text at a font size.

        Measured through a Text, so drawing the label later reuses the cached metrics.
        """
        if not text:
            return 0.0, 0.0
        probe.set_text(text)
        probe.set_fontproperties(FontProperties(size=points))
        width = probe.get_window_extent(renderer).width / fig.dpi
        return width, (text.count("\n") + 1) * points * line

    def tick_labels(axis: Any, minor: bool = False) -> list[str]:
        locs = axis.get_minorticklocs() if minor else axis.get_majorticklocs()
        lo, hi = sorted(axis.get_view_interval())
        formatter = axis.get_minor_formatter() if minor else axis.get_major_formatter()
        formatter.set_locs(locs)
        return [formatter(loc, i) for i, loc in enumerate(locs) if lo <= loc <= hi]

    def tick_size(axis: Any) -> float:
        ticks = axis.get_major_ticks()
        return ticks[0].label1.get_fontsize() if ticks else 8.0

    note_room = 0.06
    if note is not None and note.get_text():
        note_room += measure(note.get_text(), note.get_fontsize())[1] + 0.06
    if not ax.axison:
        fig.subplots_adjust(left=0.04, right=0.96, top=1 - 0.4 / height,
                            bottom=(note_room + 0.1) / height)
        return
    ys = tick_size(ax.yaxis)
    ytick_w = max([measure(t, ys)[0] for t in tick_labels(ax.yaxis)] or [0.0])
    xs = tick_size(ax.xaxis)
    labels = tick_labels(ax.xaxis)
    if ax.get_xscale() == "log":
        labels += tick_labels(ax.xaxis, minor=True)
    xtick_h = max([measure(t, xs)[1] for t in labels if t] or [xs * line])
    ylabel_w = measure(ax.get_ylabel(), ax.yaxis.label.get_fontsize())[1]
    xlabel_h = measure(ax.get_xlabel(), ax.xaxis.label.get_fontsize())[1]
    title_h = measure(ax.get_title(loc="left"), ax.title.get_fontsize())[1]
    pad = 0.07  # ticks and the space between a tick label and an axis label
    left = 0.08 + ylabel_w + (pad if ylabel_w else 0) + ytick_w + pad
    bottom = note_room + xlabel_h + (pad if xlabel_h else 0) + xtick_h + pad
    top = 0.1 + title_h + (0.12 if title_h else 0)
    right = 0.3
    fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height,
                        top=1 - top / height)


def _leave_room_for_note(fig: Figure) -> None:
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, 0.1, 1, 0.9))


def save_figure(fig: Figure, path: str | Path, dpi: int = 150) -> Path:
    """Write a figure as PNG or SVG, chosen by the file extension."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{path.name}: save charts as .png or .svg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if fig.canvas is None or type(fig.canvas).__name__ == "FigureCanvasBase":
        FigureCanvasAgg(fig)
    fig.savefig(path, format=fmt, dpi=dpi, facecolor=fig.get_facecolor())
    return path


def figure_png(fig: Figure, dpi: int | None = None, compress_level: int = 6) -> bytes:
    """The figure as PNG bytes (at the figure's own dpi unless given).

    A low ``compress_level`` (zlib, 0–9) trades a somewhat larger file for faster writing.
    """
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.savefig(buffer, format="png", dpi=dpi or fig.dpi, facecolor=fig.get_facecolor(),
                pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def figure_pixels(fig: Figure) -> Pixels:
    """Draw the figure once; its RGBA pixels (no image file in between)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    width, height = (int(v) for v in canvas.get_width_height(physical=True))
    return Pixels(width, height, bytes(canvas.buffer_rgba()))


def pixels_png(pixels: Pixels, compress_level: int = 1) -> bytes:
    """Encode drawn pixels as PNG; charts are opaque, so the alpha channel is dropped."""
    import io

    from PIL import Image

    image = Image.frombuffer("RGBA", (pixels.width, pixels.height), pixels.rgba, "raw",
                             "RGBA", 0, 1).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=compress_level)
    return buffer.getvalue()


def figure_svg(fig: Figure) -> str:
    import io

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", facecolor=fig.get_facecolor())
    return buffer.getvalue()
