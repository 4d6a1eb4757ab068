"""Figure builders, the charts' public entry point: chart series in, matplotlib Figure out.

No pyplot, no Qt. ``CHART_CLASSES`` names the chart class of each kind (``base.Chart`` and one
module per chart); ``make_figure`` builds a stand-alone figure in a constrained layout,
``export_figure`` one with margins fixed from its texts (``layout``); ``save_figure``,
``figure_png``, ``figure_pixels``, ``pixels_png`` and ``figure_svg`` write it out (``output``).
Texts speak the chart's language (``lang``: "en" or "zh"; ``texts``). Everything callers
import is importable from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from offerlens.charts.base import Chart
from offerlens.charts.composition import CompositionChart
from offerlens.charts.cumulative import CumulativeChart
from offerlens.charts.distribution import DistributionChart
from offerlens.charts.ladder import LadderChart
from offerlens.charts.layout import fix_margins, leave_room_for_note, note_room
from offerlens.charts.output import (
    Pixels,
    figure_pixels,
    figure_png,
    figure_svg,
    pixels_png,
    save_figure,
)
from offerlens.charts.style import font_families
from offerlens.charts.take_home import TakeHomeChart
from offerlens.charts.texts import CHART_KINDS, TEXT
from offerlens.domain.chartdata import ChartSet

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_leave_room_for_note = leave_room_for_note  # the name the charts panel imports

__all__ = [
    "CHART_CLASSES",
    "CHART_KINDS",
    "TEXT",
    "Chart",
    "CompositionChart",
    "CumulativeChart",
    "DistributionChart",
    "LadderChart",
    "Pixels",
    "TakeHomeChart",
    "_leave_room_for_note",
    "export_figure",
    "figure_pixels",
    "figure_png",
    "figure_svg",
    "make_figure",
    "new_figure",
    "note_room",
    "pixels_png",
    "save_figure",
    "series_for",
]

CHART_CLASSES: dict[str, type[Chart]] = {
    "distribution": DistributionChart,
    "ladder": LadderChart,
    "composition": CompositionChart,
    "cumulative": CumulativeChart,
    "take_home": TakeHomeChart,
}


def series_for(charts: ChartSet, kind: str) -> Any:
    """The series a chart of ``kind`` draws."""
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
    ``chart_set(..., lang=lang)`` so that the dataset's labels match.
    """
    fig = new_figure(*size)
    chart = CHART_CLASSES[kind](fig, theme_name, lang)
    chart.render(series_for(charts, kind))
    leave_room_for_note(fig)
    return fig


def export_figure(
    kind: str, charts: ChartSet, theme_name: str = "light", size: tuple[float, float] = (8, 4.6),
    dpi: int = 100, lang: str = "en",
) -> Figure:
    """Like ``make_figure``, with margins fixed from the texts around the axes.

    The constrained layout measures every text of the figure, twice, before the figure is
    drawn; here only the tick labels, axis labels, title, legend and footnote are measured.
    """
    from offerlens.charts.loading import load_matplotlib

    load_matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font_families()
    fig = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(fig)
    chart = CHART_CLASSES[kind](fig, theme_name, lang)
    chart.render(series_for(charts, kind), fit=False)
    fix_margins(fig, chart)
    return fig
