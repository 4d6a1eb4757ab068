"""Charts tab: market position, master's/PhD ladder, composition, four-year and take-home pay.

matplotlib is imported only when the panel is first shown. Each chart gets its own canvas the
first time it is selected. Updates move the kept artists in place; the layout is computed once
(constrained) and then frozen (``set_layout_engine('none')``) so an update only redraws.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from offerlens.domain.models import Portfolio
from offerlens.domain.results import Evaluation

KINDS = ("distribution", "ladder", "composition", "cumulative", "take_home")
TITLES = {
    "distribution": "Market position (estimated distribution)",
    "ladder": "Master's vs PhD bands",
    "composition": "Pay composition: year 1 and steady state",
    "cumulative": "Four-year cumulative pay",
    "take_home": "Take-home pay",
}


class _ChartView:
    """One canvas, its Figure and the chart object that keeps the artist handles.

    Blitting: an update finds the artists it actually moved (usually those of the one offer
    that was edited). Those are animated; everything else is drawn once into a cached
    background. While the same artists keep moving, an update restores the background, draws
    only them and repaints only the rectangle they covered before and after. When other
    artists move, they become the animated set and the figure is drawn once in full.
    """

    PAD = 4  # pixels around a moved artist: antialiasing, line widths, edges

    def __init__(self, kind: str, theme: str, lang: str = "en") -> None:
        from matplotlib.figure import Figure

        from offerlens.charts.figures import CHART_CLASSES
        from offerlens.charts.style import font_families

        font_families()
        self.kind = kind
        self.figure = Figure(figsize=(8, 5), dpi=100, layout="constrained")
        self.canvas = _Canvas(self.figure, self)
        self.chart = CHART_CLASSES[kind](self.figure, theme, lang)
        self.drawn = False
        self.background = None
        self.animated: list[Any] = []
        self._extent = None  # where the animated artists were last drawn (display pixels)
        self.sprites = _TextSprites()
        self._boxes: dict[tuple[int, Any], list[Any]] = {}  # (artist, state) → display boxes
        self.canvas.mpl_connect("draw_event", self._on_draw)

    def show(self, series: Any) -> str:
        """Draw or update; returns "update" when artists moved in place, else "render"."""
        if self.drawn:
            before = [(a, _state(a)) for a in self.chart.moving()]
            if self.chart.update(series):
                changed = [a for a, state in before if _state(a) != state]
                if changed:
                    self._redraw(changed)
                return "update"
        self.chart.render(series)
        self.animated = []
        self.sprites.clear()
        self.relayout()
        return "render"

    def _redraw(self, changed: list[Any]) -> None:
        moving = self._with_overlapping(changed)
        known = {id(a) for a in self.animated}
        if self.background is not None and all(id(a) in known for a in moving):
            self.blit()
            return
        for artist in self.animated:
            artist.set_animated(False)
        self.animated = sorted(moving, key=lambda a: a.get_zorder())
        for artist in self.animated:
            artist.set_animated(True)
        self.canvas.draw()  # a new background without the artists that now move

    def _with_overlapping(self, changed: list[Any]) -> list[Any]:
        """The changed artists plus the moving ones drawn above them where they now overlap.

        Animated artists are drawn over the background, so a label that should cover a moved
        line has to be redrawn with it to keep the chart's stacking order.
        """
        renderer = self.canvas.get_renderer()
        boxes = [b for a in changed for b in self._extents(a, renderer)]
        lowest = min(a.get_zorder() for a in changed)
        ids = {id(a) for a in changed}
        result = list(changed)
        above = [a for ax in self.figure.axes for a in (ax.get_legend(), *ax.spines.values())
                 if a is not None and a.get_visible()]
        for artist in [*self.chart.moving(), *above]:
            if id(artist) in ids or artist.get_zorder() <= lowest:
                continue
            if any(b.overlaps(o) for o in self._extents(artist, renderer) for b in boxes):
                result.append(artist)
        return result

    def relayout(self) -> None:
        """Fit the texts to the current size, run the constrained layout once, freeze it."""
        from offerlens.charts.figures import _leave_room_for_note

        self.sprites.clear()
        self.chart.fit()  # titles, names, legend and footnote wrapped to this size
        self.figure.set_layout_engine("constrained")
        _leave_room_for_note(self.figure)
        self.canvas.draw()  # fires draw_event: caches the background, draws moving artists
        self.figure.set_layout_engine("none")
        self.drawn = True

    def _on_draw(self, _event: Any) -> None:
        self._boxes.clear()  # the layout or the size may have changed
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._extent = self._draw_moving()

    def _draw_moving(self) -> Any:
        """Draw the animated artists; the display rectangle they cover (or None)."""
        import numpy as np
        from matplotlib.transforms import Bbox

        renderer = self.canvas.get_renderer()
        boxes = []
        for artist in self.animated:
            if not self.sprites.draw(artist, renderer):
                self.figure.draw_artist(artist)
            boxes.extend(self._extents(artist, renderer))
        boxes = [b for b in boxes if np.isfinite(b.get_points()).all()]
        return Bbox.union(boxes) if boxes else None

    def _extents(self, artist: Any, renderer: Any) -> list[Any]:
        """Where an artist is drawn, remembered for as long as it stays put."""
        key = (id(artist), _state(artist))
        boxes = self._boxes.get(key)
        if boxes is None:
            if len(self._boxes) > 2000:
                self._boxes.clear()
            boxes = self._boxes[key] = _extents(artist, renderer)
        return boxes

    def blit(self) -> None:
        if self.background is None:
            self.canvas.draw()
            return
        from matplotlib.transforms import Bbox

        self.canvas.restore_region(self.background)
        before, self._extent = self._extent, self._draw_moving()
        dirty = [b for b in (before, self._extent) if b is not None]
        if not dirty:
            return
        region = Bbox.union(dirty).padded(self.PAD)
        region = Bbox.intersection(region, self.figure.bbox)
        if region is not None:
            self.canvas.blit(region)


class _TextSprites:
    """Rendered moving labels, kept as small RGBA images and stamped where the label now is.

    Rendering text glyph by glyph is the dearest part of an update; a label whose words did
    not change (most of them, when one offer is edited) is drawn from its image instead.
    """

    LIMIT = 400

    def __init__(self) -> None:
        self._images: dict[tuple, tuple[Any, float, float]] = {}
        self._scratch: Any = None

    def clear(self) -> None:
        self._images.clear()
        self._scratch = None

    def draw(self, artist: Any, renderer: Any) -> bool:
        """Draw a text artist from its image; False for anything else (drawn normally)."""
        from matplotlib.text import Text

        if not isinstance(artist, Text) or not artist.get_visible():
            return False
        key = (id(artist), artist.get_text(), artist.get_horizontalalignment(),
               artist.get_rotation(), artist.get_fontsize(),
               renderer.width, renderer.height, renderer.dpi)
        x, y = artist.get_transform().transform(artist.get_unitless_position())
        image = self._images.get(key)
        if image is None:
            image = self._render(artist, renderer, x, y)
            if image is None:
                return False
            if len(self._images) > self.LIMIT:
                self._images.clear()
            self._images[key] = image
        pixels, dx, dy = image
        gc = renderer.new_gc()
        renderer.draw_image(gc, round(x + dx), round(y + dy), pixels)
        gc.restore()
        return True

    def _render(self, artist: Any, renderer: Any, x: float, y: float) -> Any:
        """Draw the label alone on a transparent canvas of the figure's size; crop it."""
        import math

        import numpy as np
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.transforms import Bbox

        width, height = int(renderer.width), int(renderer.height)
        scratch = self._scratch
        if scratch is None or (scratch.width, scratch.height, scratch.dpi) != (
                width, height, renderer.dpi):
            scratch = self._scratch = RendererAgg(width, height, renderer.dpi)
        scratch.clear()
        artist.draw(scratch)
        box = Bbox.union(_extents(artist, scratch)).padded(2)
        x0, y0 = max(0, math.floor(box.x0)), max(0, math.floor(box.y0))
        x1, y1 = min(width, math.ceil(box.x1)), min(height, math.ceil(box.y1))
        if x1 <= x0 or y1 <= y0:
            return None
        # draw_image takes rows bottom-up, the buffer holds them top-down
        pixels = np.asarray(scratch.buffer_rgba())[height - y1:height - y0, x0:x1][::-1].copy()
        return pixels, x0 - x, y0 - y  # stamped within half a pixel of the exact place


def _state(artist: Any) -> Any:
    """What an update can change about a moving artist (compared before and after)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

    if isinstance(artist, Text):
        return (artist.get_position(), artist.get_text(), artist.get_horizontalalignment(),
                artist.get_rotation(), artist.get_fontsize(), artist.get_visible())
    if isinstance(artist, Line2D):
        return (tuple(map(float, artist.get_xdata(orig=True))),
                tuple(map(float, artist.get_ydata(orig=True))))
    if isinstance(artist, Rectangle):
        return artist.get_x(), artist.get_y(), artist.get_width(), artist.get_height()
    return object()  # unknown kind: always treated as moved


def _extents(artist: Any, renderer: Any) -> list[Any]:
    from matplotlib.text import Text

    boxes = [artist.get_window_extent(renderer)]
    if isinstance(artist, Text) and artist.get_bbox_patch() is not None:
        boxes.append(artist.get_bbox_patch().get_window_extent(renderer))
    return boxes


def _canvas_class():
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class Canvas(FigureCanvasQTAgg):
        def __init__(self, figure, view: _ChartView) -> None:
            super().__init__(figure)
            self._view = view

        def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
            super().resizeEvent(event)
            if self._view.drawn:
                self._view.relayout()

    return Canvas


def _Canvas(figure, view):  # noqa: N802 - factory standing in for the lazily made class
    return _canvas_class()(figure, view)


class ChartsPanel(QWidget):
    """The charts tab. ``set_data`` may be called while hidden; drawing waits until shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._portfolio: Portfolio | None = None
        self._evaluations: list[Evaluation] = []
        self._dirty = True
        self._views: dict[str, _ChartView] = {}
        self._last_action = ""

        self.selector = QComboBox()
        for kind in KINDS:
            self.selector.addItem(self.tr(TITLES[kind]), kind)
        self.save_png = QPushButton(self.tr("Save as PNG…"))
        self.save_svg = QPushButton(self.tr("Save as SVG…"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Chart:")))
        top.addWidget(self.selector, 1)
        top.addWidget(self.save_png)
        top.addWidget(self.save_svg)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Add an offer to see charts."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        self.selector.currentIndexChanged.connect(lambda _i: self.refresh())
        self.save_png.clicked.connect(lambda: self.save_dialog("png"))
        self.save_svg.clicked.connect(lambda: self.save_dialog("svg"))

    # -- data ------------------------------------------------------------------------------

    def set_data(self, portfolio: Portfolio, evaluations: Sequence[Evaluation]) -> None:
        self._portfolio = portfolio
        self._evaluations = list(evaluations)
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def current_kind(self) -> str:
        return self.selector.currentData()

    def theme_name(self) -> str:
        window = self.palette().color(QPalette.ColorRole.Window)
        return "dark" if window.lightness() < 128 else "light"

    def language(self) -> str:
        """The charts' language: the interface's ("zh" in a Chinese UI, else "en")."""
        from offerlens.ui import i18n

        return "zh" if i18n.is_zh() else "en"

    def series(self) -> Any:
        from offerlens.domain.chartdata import chart_set

        return chart_set(self._portfolio, self._evaluations, lang=self.language())

    def refresh(self) -> None:
        """Draw the selected chart from the current data (creating its canvas if needed)."""
        has_offers = self._portfolio is not None and bool(self._evaluations)
        self.save_png.setEnabled(has_offers)
        self.save_svg.setEnabled(has_offers)
        if not has_offers:
            self.stack.setCurrentWidget(self.placeholder)
            self.note.clear()
            return
        kind = self.current_kind()
        view = self._views.get(kind)
        lang = self.language()
        if view is None or view.chart.theme.name != self.theme_name() or view.chart.lang != lang:
            if view is not None:
                self.stack.removeWidget(view.canvas)
                view.canvas.deleteLater()
            view = _ChartView(kind, self.theme_name(), lang)
            self._views[kind] = view
            self.stack.addWidget(view.canvas)
        self.stack.setCurrentWidget(view.canvas)
        series = getattr(self.series(), kind)
        self._last_action = view.show(series)
        # the chart states its own assumptions; the label only says where they come from
        self.note.setText(self.tr("Charts marked with assumptions say so on the chart; the "
                                  "full list is in the exported summary.")
                          if self._note(series) else "")
        self._dirty = False

    @staticmethod
    def _note(series: Any) -> str:
        assumptions = getattr(series, "assumptions", [])
        if not assumptions:
            return ""
        return "Assumptions (not from the sources): " + "; ".join(assumptions)

    def view(self, kind: str) -> _ChartView | None:
        return self._views.get(kind)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self._views and self.isVisible():
            self.refresh()

    # -- saving ----------------------------------------------------------------------------

    def save_chart(self, path: str, kind: str | None = None) -> None:
        """Write the chart as PNG or SVG (by extension), drawn afresh at export size."""
        from offerlens.charts.figures import make_figure, save_figure
        from offerlens.domain.chartdata import ChartSet

        charts: ChartSet = self.series()
        fig = make_figure(kind or self.current_kind(), charts, self.theme_name(),
                          lang=self.language())
        save_figure(fig, path)

    def save_dialog(self, fmt: str) -> None:
        kind = self.current_kind()
        name = f"offerlens-{kind.replace('_', '-')}.{fmt}"
        filters = self.tr("PNG image (*.png)") if fmt == "png" else self.tr("SVG image (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart"), name, filters)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        try:
            self.save_chart(path, kind)
        except (OSError, ValueError) as err:
            QMessageBox.warning(self, self.tr("Save chart"),
                                self.tr("Could not save the chart: %1").replace("%1", str(err)))
