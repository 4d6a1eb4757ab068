"""The main window's layout kept between runs in the settings: geometry, splitters, the offers
table's columns and the tab in front."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from offerlens.ui.main_window import MainWindow


def restore_geometry(window: MainWindow) -> None:
    """The saved size and position (else 1440×900 within the screen), splitter and columns."""
    settings = window.settings
    geometry = settings.value("window/geometry")
    restored = False
    if geometry is not None:
        restored = window.restoreGeometry(geometry)
    if not restored:
        screen = window.screen().availableGeometry() if window.screen() else None
        width, height = 1440, 900
        if screen is not None:
            width = min(width, screen.width() - 40)
            height = min(height, screen.height() - 40)
        window.resize(width, height)
    state = settings.value("window/splitter")
    if state is not None:
        window.splitter.restoreState(state)
    header = settings.value("window/table_header")
    if header is not None:
        window.table.horizontalHeader().restoreState(header)


def restore_offer_splitter(window: MainWindow) -> None:
    """The saved split between the offer form and its verdict, once both are in place."""
    state = window.settings.value("window/offer_splitter")
    if state is not None:
        window.offer_splitter.restoreState(state)


def saved_tab(settings: QSettings) -> int:
    """The tab that was in front when the window last closed (0 when unknown)."""
    tab = settings.value("window/tab", 0)
    try:
        return int(tab)
    except (TypeError, ValueError):
        return 0


def save_geometry(window: MainWindow) -> None:
    """Save what :func:`restore_geometry`, :func:`restore_offer_splitter` and
    :func:`saved_tab` put back."""
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", window.splitter.saveState())
    if window.editor is not None:  # (before loading, the offer splitter is still empty)
        settings.setValue("window/offer_splitter", window.offer_splitter.saveState())
    settings.setValue("window/table_header", window.table.horizontalHeader().saveState())
    settings.setValue("window/tab", window.tabs.currentIndex())
    settings.sync()
