"""Master's vs PhD ladder: both degrees' tier bands side by side, the offers placed on both."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from offerlens.charts.marks import MARK_SIZES, MarkChart
from offerlens.charts.placement import box_of, place_in_rows
from offerlens.domain.chartdata import TIER_SHORT, LadderSeries
from offerlens.domain.models import Tier

if TYPE_CHECKING:
    from matplotlib.axes import Axes


class LadderChart(MarkChart):
    """One rung of tier bands per degree (log pay axis), the offers' names above them."""

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
        tier_texts, bands = [], []
        for y, rung in enumerate(s.rungs):
            for span in rung.tiers:
                ax.barh(y, span.high - span.low, left=span.low, height=0.6,
                        color=th.tiers[span.tier.value], edgecolor=th.background, lw=1.5)
                tier_texts.append(ax.text(math.sqrt(span.low * span.high), y, span.label,
                                          ha="center", va="center", fontsize=7,
                                          color=th.foreground))
                bands.append((span.low, span.high))
        labels = []
        for r in s.rungs:
            text = r.label + (self.t("you") if r.candidate else "")
            if r.assumed_anchors:
                names = [self._anchor(a) for a in r.assumed_anchors]
                text += "\n" + self.t("anchors_assumed",
                                      anchors=("、" if self.lang == "zh" else ", ").join(names))
            labels.append(text)
        ax.set_yticks(range(len(s.rungs)), labels, fontsize=8)
        ax.set_ylim(-0.6, len(s.rungs) - 0.1 + 0.25 * max(2, len(s.offers)))
        self._pay_axis(ax)
        self._title(ax, self.t("ladder_title"))
        lines, texts = [], []
        ytop = len(s.rungs) - 0.45
        for n, mark in enumerate(s.offers):
            color = th.offers[n % len(th.offers)]
            lines.append(ax.axvline(mark.value, ymax=0.86, color=color, lw=1.6, zorder=4))
            texts.append(self._mark_label(ax, mark.value,
                                          ytop + 0.22 * _ladder_row(n, len(s.offers)),
                                          f" {mark.company}", color, "left"))
        self.handles.update(ax=ax, lines=lines, texts=texts, ytop=ytop,
                            xs=[m.value for m in s.offers], tiers=tier_texts, bands=bands,
                            labels=[f" {m.company}" for m in s.offers],
                            ymax=ax.get_ylim()[1])
        self._footnote(s.assumptions)

    def _anchor(self, name: str) -> str:
        if self.lang == "zh":
            try:
                return TIER_SHORT[Tier(name)][1]
            except ValueError:
                return name
        return name.replace("_", " ")

    def _place_labels(self, renderer: Any, ax: Axes, texts: list[Any], pad: float) -> None:
        ytop = self.handles["ytop"]
        low = ax.get_ylim()[0]
        ax.set_ylim(low, self.handles["ymax"])
        for size in MARK_SIZES:  # smaller labels when the rows are all taken
            height = self._size_labels(renderer, size, pad)
            bottom = ax.transData.transform((1.0, ytop))[1]
            rows = [bottom + k * (height + 1) for k in range(3 * len(texts))]
            place_in_rows(ax, renderer, texts, self.handles["xs"], rows,
                           ["left"] * len(texts), pad=pad)
            used = max(box_of(t, renderer, pad).y1 for t in texts) + 2
            if used > ax.bbox.y1:
                # more rows than room: raise the top of the plot (its ticks are the rungs)
                share = min((used - bottom) / ax.bbox.height, 0.8)
                ax.set_ylim(low, (ytop - share * low) / (1 - share))
                bottom = ax.transData.transform((1.0, ytop))[1]
                rows = [r for r in (bottom + k * (height + 1) for k in range(3 * len(texts)))
                        if r + height / 2 <= ax.bbox.y1]
                if not place_in_rows(ax, renderer, texts, self.handles["xs"], rows or [bottom],
                                      ["left"] * len(texts), pad=pad):
                    break
            else:
                break

    def moving(self) -> list[Any]:
        return [*self.handles.get("lines", []), *self.handles.get("texts", [])]

    def _fits(self, s: LadderSeries) -> bool:
        return self._marks_in_view(s.offers)

    def _move(self, s: LadderSeries) -> None:
        ytop = self.handles["ytop"]
        for n, mark in enumerate(s.offers):
            self.handles["lines"][n].set_xdata([mark.value, mark.value])
            text = self.handles["texts"][n]
            text.set_position((mark.value, ytop + 0.22 * _ladder_row(n, len(s.offers))))
            text.set_text(f" {mark.company}")
        self.handles["xs"] = [m.value for m in s.offers]
        self.handles["labels"] = [f" {m.company}" for m in s.offers]


def _ladder_row(index: int, count: int) -> int:
    """Starting row of an offer's name above the ladder, before it is placed."""
    return index % (4 if count <= 4 else 7)
