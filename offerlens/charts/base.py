"""The base chart: one figure, theme and language; render, update in place, fit, place.

Each chart is a small class bound to a Figure. ``render(series)`` draws it from scratch and
keeps the artist handles; ``update(series)`` moves those artists in place and returns False
when the series changed shape (an offer added or removed), in which case the caller renders
again. Texts whose room depends on the figure's size (title, offer names, footnote, legend
columns) are fitted by ``Chart.fit`` before the layout; labels that must not run into each
other are placed when the figure is drawn, from their measured extents (``Chart.place``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from offerlens.charts.axes import legend_columns, style_axes, yuan_formatter
from offerlens.charts.placement import placer_class
from offerlens.charts.style import font_families, theme
from offerlens.charts.textfit import points_renderer, text_width, wrap
from offerlens.charts.texts import TEXT
from offerlens.domain.labels import lang_of as _lang
from offerlens.domain.money import compact

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

NOTE_SIZE = 6.5
TITLE_SIZE = 10.0
LEGEND_SIZE = 7.0
INCH = 72.0


class Chart:
    """Base: one figure, one theme, one language, handles kept between updates."""

    kind = ""

    def __init__(self, figure: Figure, theme_name: str = "light", lang: str = "en") -> None:
        font_families()
        self.figure = figure
        self.theme = theme(theme_name)
        self.lang = _lang(lang)
        self.handles: dict[str, Any] = {}
        self.shape: Any = None
        self.title_text = ""
        self.title_pad = 8.0  # points between the title and the axes (legend included)
        self.note_text = ""
        self.legend_items: tuple[list[Any], list[str], dict[str, Any]] | None = None
        self._fitted: tuple[float, ...] | None = None
        self._placed = False

    # -- texts -------------------------------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        """One of the chart's own texts, in its language."""
        english, chinese = TEXT[key]
        text = chinese if self.lang == "zh" else english
        return text.format(**values) if values else text

    def money(self, value: float) -> str:
        """¥450k / ¥1.2M in English, 45万 / 120万 in Chinese."""
        return compact(int(round(value)), self.lang)

    # -- drawing -----------------------------------------------------------------------------

    def render(self, series: Any, fit: bool = True) -> None:
        """Draw the chart afresh; ``fit=False`` leaves ``fit`` to the caller (once it knows
        the plot's width)."""
        fig = self.figure
        fig.clear()
        fig.set_facecolor(self.theme.background)
        self.handles = {}
        self.title_text = self.note_text = ""
        self.title_pad = 8.0
        self.legend_items = None
        self._fitted = None
        self._placed = False
        self._draw(series)
        ax = self.handles.get("ax")
        if ax is not None:
            for text in ax.texts:  # labels are placed inside the plot: not part of the layout
                text.set_in_layout(False)
            ax.add_artist(placer_class()(self))
        self.shape = self._shape(series)
        if fit:
            self.fit()

    def update(self, series: Any) -> bool:
        """Move the kept artists; False when a new render is needed (shape or limits)."""
        if not self.handles or self._shape(series) != self.shape or not self._fits(series):
            return False
        self._move(series)
        self._place_now()
        return True

    def fit(self, axes_width: float | None = None) -> None:
        """Fit the size-dependent texts to the figure's size (before the layout runs).

        ``axes_width`` (inches) is the plot's measured width when the caller knows it.
        """
        width, height = (float(v) for v in self.figure.get_size_inches())
        ax = self.handles.get("ax")
        if ax is not None and ax.yaxis.label.get_text():
            plot_height = max(height - 1.6, 1.0)
            ax.yaxis.label.set_text(wrap(self.handles.get("ylabel", ax.get_ylabel()),
                                         plot_height * INCH, ax.yaxis.label.get_fontsize()))
        if axes_width is None:
            axes_width = width - (self._axis_room() if self._has_axes() else 0.4)
        axes_width = max(axes_width, 0.5)
        key = (round(width, 3), round(height, 3), round(axes_width, 3))
        if key == self._fitted:
            return
        self._fitted = key
        if "unavailable" in self.handles:  # the sentence instead of a plot
            raw, sentence = self.handles["unavailable"]
            sentence.set_text(wrap(raw, (width - 0.8) * INCH, sentence.get_fontsize()))
        note = self.handles.get("note")
        if note is not None:
            note.set_text(wrap(self.note_text, (width - 0.2) * INCH, NOTE_SIZE))
        if ax is not None and self.title_text:
            ax.set_title(wrap(self.title_text, axes_width * 0.97 * INCH, TITLE_SIZE), loc="left",
                         fontsize=TITLE_SIZE, color=self.theme.foreground, pad=self.title_pad)
        if ax is not None and self.legend_items is not None:
            self._legend_above(ax, axes_width)
        self._fit(axes_width)
        self._place_now()

    def _axis_room(self) -> float:
        """Inches left and right of the plot: y label, y tick labels, paddings (estimated
        from the texts, as the layout will find them)."""
        ax = self.handles["ax"]
        axis = ax.yaxis
        lo, hi = sorted(axis.get_view_interval())
        locs = [v for v in axis.get_majorticklocs() if lo <= v <= hi]
        formatter = axis.get_major_formatter()
        formatter.set_locs(locs)
        size = 8.0
        ticks = max((text_width(formatter(v, i), size) for i, v in enumerate(locs)),
                    default=0.0)
        label = ax.yaxis.label.get_text()
        lines = label.count("\n") + 1 if label else 0
        points = ticks + lines * ax.yaxis.label.get_fontsize() * 1.25 + 24.0
        return points / INCH + 0.3

    def _legend_above(self, ax: Axes, axes_width: float) -> None:
        """The legend in rows between the title and the plot, as many columns as fit."""
        handles, labels, options = self.legend_items
        room = axes_width * INCH
        if len(labels) > 1:  # long offer names take two lines rather than a column each
            labels = [wrap(label, room / 2 - 4.8 * LEGEND_SIZE, LEGEND_SIZE) for label in labels]
        ncols = legend_columns(labels, room, LEGEND_SIZE)
        legend = ax.legend(handles, labels, fontsize=LEGEND_SIZE, frameon=False,
                           loc="lower left", bbox_to_anchor=(0, 1.0), ncols=ncols,
                           borderaxespad=0.3, labelcolor=self.theme.foreground, **options)
        # measured with the renderer that will draw it (its text metrics are then reused);
        # pixel rounding of each line at other resolutions adds a little
        get_renderer = getattr(self.figure.canvas, "get_renderer", None)
        renderer = get_renderer() if get_renderer is not None else points_renderer()
        points = legend.get_window_extent(renderer).height * 72.0 / renderer.dpi
        self.title_pad = points * 1.05 + LEGEND_SIZE * 0.3 + 6.0
        if self.title_text:
            ax.set_title(ax.get_title(loc="left"), loc="left", fontsize=TITLE_SIZE,
                         color=self.theme.foreground, pad=self.title_pad)

    def _fit(self, axes_width: float) -> None:
        """Chart-specific fitting (offer names under bars)."""

    def place(self, renderer: Any) -> None:
        """Move labels apart for the layout in force (called while the figure is drawn)."""
        self._placed = True

    def _place_now(self) -> None:
        """After an update: place again with the renderer the figure was last drawn with."""
        if not self._placed:
            return
        get_renderer = getattr(self.figure.canvas, "get_renderer", None)
        if get_renderer is not None:
            self.place(get_renderer())

    def _has_axes(self) -> bool:
        ax = self.handles.get("ax")
        return ax is not None and ax.axison

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
        style_axes(ax, self.theme)
        self.handles["ax"] = ax
        return ax

    def _unavailable(self, ax: Axes, text: str, **kwargs: Any) -> None:
        """Replace the plot by a centred sentence saying why it cannot be drawn."""
        ax.set_axis_off()
        size = kwargs.pop("fontsize", 10)
        width = float(self.figure.get_size_inches()[0]) - 0.8
        self.handles["unavailable"] = (text, ax.text(
            0.5, 0.5, wrap(text, width * INCH, size), ha="center", va="center",
            color=self.theme.muted, transform=ax.transAxes, fontsize=size, **kwargs))

    def _title(self, ax: Axes, text: str) -> None:
        self.title_text = text
        ax.set_title(text, loc="left", fontsize=TITLE_SIZE, color=self.theme.foreground,
                     pad=self.title_pad)

    def _ylabel(self, ax: Axes, text: str) -> None:
        self.handles["ylabel"] = text
        plot_height = max(float(self.figure.get_size_inches()[1]) - 1.6, 1.0)
        ax.set_ylabel(wrap(text, plot_height * INCH, 8), fontsize=8)

    def _footnote(self, lines: Sequence[str]) -> Any:
        """The assumptions under the chart, wrapped to the figure's width by ``fit``."""
        text = (self.t("assumptions") + self.t("separator").join(lines)) if lines else ""
        self.note_text = text
        note = self.figure.text(0.01, 0.01, text, ha="left", va="bottom", fontsize=NOTE_SIZE,
                                color=self.theme.assumption, wrap=False)
        self.handles["note"] = note
        return note

    def _money_axis(self, ax: Axes, label: str) -> None:
        """The y axis in money with its label, a light grid behind the plot."""
        ax.yaxis.set_major_formatter(yuan_formatter(self.lang))
        self._ylabel(ax, label)
        ax.grid(axis="y", color=self.theme.grid, lw=0.6)
        ax.set_axisbelow(True)
