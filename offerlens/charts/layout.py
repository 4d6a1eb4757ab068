"""Room around the axes: margins fixed from the measured texts, or kept above the footnote.

``fix_margins`` places the axes of an export figure; ``leave_room_for_note`` keeps a
constrained layout (charts view, ``make_figure``) above the footnote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from offerlens.charts.base import Chart


def fix_margins(fig: Figure, chart: Chart) -> None:
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


def leave_room_for_note(fig: Figure) -> None:
    """Keep the constrained layout above the footnote (as many lines as it has)."""
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        room = note_room(fig)
        engine.set(rect=(0, room, 1, 1 - room))
