"""Figure builders: chart series in, matplotlib Figure out (no pyplot, no Qt).

Each chart is a small class bound to a Figure. ``render(series)`` draws it from scratch and
keeps the artist handles; ``update(series)`` moves those artists in place and returns False
when the series changed shape (an offer added or removed), in which case the caller renders
again. ``make_figure`` builds a stand-alone figure for export; ``save_figure`` writes PNG/SVG.

Texts speak the chart's language (``lang``: "en" or "zh"). Texts whose room depends on the
figure's size (title, offer names, footnote, legend columns) are fitted by ``Chart.fit``
before the layout; labels that must not run into each other (bar totals, line ends, offer
marks) are placed when the figure is drawn, from their measured extents (``Chart.place``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offerlens.charts.base import Chart
from offerlens.charts.composition import CompositionChart
from offerlens.charts.cumulative import CumulativeChart
from offerlens.charts.distribution import DistributionChart
from offerlens.charts.ladder import LadderChart
from offerlens.charts.style import font_families
from offerlens.charts.take_home import TakeHomeChart
from offerlens.charts.texts import CHART_KINDS, CHART_TITLES, TEXT
from offerlens.domain.chartdata import ChartSet

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CHART_CLASSES",
    "CHART_KINDS",
    "CHART_TITLES",
    "TEXT",
    "Chart",
    "CompositionChart",
    "CumulativeChart",
    "DistributionChart",
    "LadderChart",
    "Pixels",
    "TakeHomeChart",
    "_leave_room_for_note",  # the charts panel keeps its layout above the footnote
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


@dataclass(frozen=True)
class Pixels:
    """A drawn chart: RGBA bytes, row by row from the top."""

    width: int
    height: int
    rgba: bytes


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
    ``chart_set(..., lang=lang)`` so that the dataset's labels match.
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
    _fix_margins(fig, chart)
    return fig


def _fix_margins(fig: Figure, chart: Chart) -> None:
    """Place the axes so that their labels, the title and the footnote fit the figure."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.text import Text

    width, height = (float(v) for v in fig.get_size_inches())
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    line = 1.25 / 72  # inches per point of a text line
    note = chart.handles.get("note")

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

    def note_room() -> float:
        room = 0.06
        if note is not None and note.get_text():
            room += measure(note.get_text(), note.get_fontsize())[1] + 0.06
        return room

    if not ax.axison:
        chart.fit()
        fig.subplots_adjust(left=0.04, right=0.96, top=1 - 0.4 / height,
                            bottom=(note_room() + 0.1) / height)
        return
    ys = tick_size(ax.yaxis)
    ytick_w = max([measure(t, ys)[0] for t in tick_labels(ax.yaxis)] or [0.0])
    ylabel_w = measure(ax.get_ylabel(), ax.yaxis.label.get_fontsize())[1]
    pad = 0.07  # ticks and the space between a tick label and an axis label
    left = 0.08 + ylabel_w + (pad if ylabel_w else 0) + ytick_w + pad
    right = 0.3
    chart.fit(axes_width=width - left - right)  # names, title and legend for this width
    xs = tick_size(ax.xaxis)
    labels = tick_labels(ax.xaxis)
    if ax.get_xscale() == "log":
        labels += tick_labels(ax.xaxis, minor=True)
    xtick_h = max([measure(t, xs)[1] for t in labels if t] or [xs * line])
    xlabel_h = measure(ax.get_xlabel(), ax.xaxis.label.get_fontsize())[1]
    title_h = measure(ax.get_title(loc="left"), ax.title.get_fontsize())[1]
    bottom = note_room() + xlabel_h + (pad if xlabel_h else 0) + xtick_h + pad
    top = 0.1 + title_h + (chart.title_pad / 72 + 0.01 if title_h else 0)
    fig.subplots_adjust(left=left / width, right=1 - right / width, bottom=bottom / height,
                        top=1 - top / height)


def note_room(fig: Figure) -> float:
    """Share of the figure's height the footnote (the figure's first text) takes, plus a gap."""
    if not fig.texts or not fig.texts[0].get_text():
        return 0.03
    note = fig.texts[0]
    lines = note.get_text().count("\n") + 1
    inches = lines * note.get_fontsize() * 1.25 / 72 + 0.12
    return min(inches / float(fig.get_size_inches()[1]), 0.45)


def _leave_room_for_note(fig: Figure) -> None:
    """Keep the constrained layout above the footnote (as many lines as it has)."""
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        room = note_room(fig)
        engine.set(rect=(0, room, 1, 1 - room))


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
