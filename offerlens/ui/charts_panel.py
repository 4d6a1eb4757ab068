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

    Blitting: the artists an update moves are animated; the rest of the figure is drawn once
    into a cached background, so an update restores the background, draws only what moved
    and blits it.
    """

    def __init__(self, kind: str, theme: str) -> None:
        from matplotlib.figure import Figure

        from offerlens.charts.figures import CHART_CLASSES
        from offerlens.charts.style import font_families

        font_families()
        self.kind = kind
        self.figure = Figure(figsize=(8, 5), dpi=100, layout="constrained")
        self.canvas = _Canvas(self.figure, self)
        self.chart = CHART_CLASSES[kind](self.figure, theme)
        self.drawn = False
        self.background = None
        self.canvas.mpl_connect("draw_event", self._on_draw)

    def show(self, series: Any) -> str:
        """Draw or update; returns "update" when artists moved in place, else "render"."""
        if self.drawn and self.chart.update(series):
            self.blit()
            return "update"
        self.chart.render(series)
        self.relayout()
        return "render"

    def relayout(self) -> None:
        """Run the constrained layout once for the current size, then freeze it."""
        from offerlens.charts.figures import _leave_room_for_note

        for artist in self.chart.moving():
            artist.set_animated(True)
        self.figure.set_layout_engine("constrained")
        _leave_room_for_note(self.figure)
        self.canvas.draw()  # fires draw_event: caches the background, draws moving artists
        self.figure.set_layout_engine("none")
        self.drawn = True

    def _on_draw(self, _event: Any) -> None:
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_moving()

    def _draw_moving(self) -> None:
        for artist in self.chart.moving():
            artist.set_animated(True)
            self.figure.draw_artist(artist)

    def blit(self) -> None:
        if self.background is None:
            self.canvas.draw()
            return
        self.canvas.restore_region(self.background)
        self._draw_moving()
        self.canvas.blit(self.figure.bbox)


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

    def series(self) -> Any:
        from offerlens.domain.chartdata import chart_set

        return chart_set(self._portfolio, self._evaluations)

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
        if view is None or view.chart.theme.name != self.theme_name():
            if view is not None:
                self.stack.removeWidget(view.canvas)
                view.canvas.deleteLater()
            view = _ChartView(kind, self.theme_name())
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
        fig = make_figure(kind or self.current_kind(), charts, self.theme_name())
        save_figure(fig, path)

    def save_dialog(self, fmt: str) -> None:
        kind = self.current_kind()
        name = f"offerlens-{kind.replace('_', '-')}.{fmt}"
        filters = "PNG image (*.png)" if fmt == "png" else "SVG image (*.svg)"
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
