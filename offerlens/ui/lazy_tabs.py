"""The main window's tabs: their order, the views created the first time they are shown, and
which tabs lag behind the document (only the tab in front re-renders; the others catch up when
they are next shown)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from offerlens.ui.main_window import MainWindow

TAB_OFFER, TAB_COMPARE, TAB_BANDS, TAB_CHARTS, TAB_DECISION, TAB_PROFILE = range(6)
LAZY_TABS = (TAB_COMPARE, TAB_BANDS, TAB_CHARTS, TAB_DECISION)
LIVE_TABS = (TAB_OFFER, *LAZY_TABS)  # re-rendered from the document when shown


class LazyTabs:
    """The lazily created views of ``window.tabs`` and the tabs still to re-render."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.views: dict[int, QWidget] = {}
        self.stale: set[int] = set(LIVE_TABS)  # tabs whose widgets lag behind the document

    def reset(self) -> None:
        """The tab widget was built again: no view created yet, every tab to re-render."""
        self.views = {}
        self.stale = set(LIVE_TABS)

    def ensure(self, index: int) -> None:
        """Put the real widget of a lazily created tab in place of its placeholder."""
        if index not in LAZY_TABS or index in self.views:
            return
        tabs = self.window.tabs
        widget = self._create(index)
        self.views[index] = widget
        self.stale.add(index)
        title = tabs.tabText(index)
        current = tabs.currentIndex()
        tabs.blockSignals(True)
        old = tabs.widget(index)
        tabs.removeTab(index)
        old.deleteLater()
        tabs.insertTab(index, widget, title)
        tabs.setCurrentIndex(current)
        tabs.blockSignals(False)

    def _create(self, index: int) -> QWidget:
        window = self.window
        if index == TAB_COMPARE:
            from offerlens.ui.comparison import ComparisonView

            return ComparisonView()
        if index == TAB_BANDS:
            from offerlens.ui.bands_browser import BandsBrowser

            return BandsBrowser()
        module, cls = (("offerlens.ui.charts_panel", "ChartsPanel") if index == TAB_CHARTS
                       else ("offerlens.ui.decision_panel", "DecisionPanel"))
        try:
            widget = getattr(importlib.import_module(module), cls)()
        except (ImportError, AttributeError) as exc:
            label = QLabel(window.tr("This view is not available in this build (%1).")
                           .replace("%1", str(exc)))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setStyleSheet("color: palette(mid);")
            return label
        if index == TAB_DECISION and hasattr(widget, "decisionChanged"):
            widget.decisionChanged.connect(
                lambda d: window.doc.set_decision(d,
                                                  lambda: window.tr("Change decision settings")))
        return widget

    def invalidate(self, *tabs: int) -> None:
        """The document or the selection changed: these tabs must re-render; the one in front
        does so now, the others when they are next shown."""
        self.stale.update(tabs)
        self.refresh_current()

    def refresh_current(self) -> None:
        """Re-render the tab in front if it lags behind the document."""
        index = self.window.tabs.currentIndex()
        if index in self.stale and self.window.doc.portfolio is not None:
            self.stale.discard(index)
            self._refresh(index)

    def _refresh(self, index: int) -> None:
        window = self.window
        if index == TAB_OFFER:
            window._sync_editor()
        elif index in self.views:
            widget = self.views[index]
            if index == TAB_COMPARE:
                widget.set_data(window.doc, window.selected_ids())
            elif index == TAB_BANDS:
                widget.set_candidate(window.doc.portfolio.candidate)
            elif hasattr(widget, "set_data"):
                try:
                    widget.set_data(window.doc.portfolio, window.doc.evaluation_list())
                except Exception as exc:  # noqa: BLE001 - a panel bug must not lose work
                    window.statusBar().showMessage(str(exc), 6000)
