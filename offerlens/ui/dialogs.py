"""The main window's dialogs: export, city table, preferences, About and data sources (each
dialog's module is imported when it is first opened)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from offerlens.ui.lazy_tabs import LIVE_TABS

if TYPE_CHECKING:
    from offerlens.ui.main_window import MainWindow


def export_dialog(window: MainWindow) -> None:
    """The export dialog (loaded on first use), for the open portfolio."""
    if window.doc.portfolio is None:
        return
    try:
        module = importlib.import_module("offerlens.ui.export_dialog")
        run = module.run_export_dialog
    except (ImportError, AttributeError):
        QMessageBox.information(window, window.tr("Export"),
                                window.tr("Export is not available in this build."))
        return
    run(window, window.doc.portfolio)



def city_table_dialog(window: MainWindow) -> None:
    """Edit the city table; on save, re-evaluate every offer with it."""
    from offerlens.ui.city_table import CityTableDialog

    dialog = CityTableDialog(window)
    saved = dialog.exec() and dialog.saved
    dialog.deleteLater()
    if saved:
        from offerlens.ui.engine import load_city_table

        ids = window.selected_ids()
        window.doc.city_table = load_city_table()
        window.doc.invalidate_evaluations()
        window.doc.reevaluate()
        window.model.refresh()
        window.lazy_tabs.invalidate(*LIVE_TABS)
        if len(ids) == 1:
            window.select_offer(ids[0])
        window.statusBar().showMessage(window.tr("City table saved."), 4000)



def preferences_dialog(window: MainWindow) -> None:
    """Preferences; a new language choice applies at once."""
    from offerlens.ui.preferences import PreferencesDialog
    from offerlens.ui.settings import language_setting

    dialog = PreferencesDialog(language_setting(window.settings), window)
    accepted = dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    if accepted:
        if choice != language_setting(window.settings):
            from offerlens.ui.app import choose_language

            window.settings.setValue("ui/language", choice)
            window.set_language(choose_language(None, window.settings))



def about(window: MainWindow) -> None:
    """The About box."""
    from offerlens import __version__

    QMessageBox.about(window, window.tr("About OfferLens"), window.tr(
        "<h3>OfferLens %1</h3><p>Compare job offers from China's 2024 tech market: tiers, "
        "percentiles, take-home pay and cited benchmarks.</p><p>Offline and private: your "
        "offers never leave this computer.</p>").replace("%1", __version__))



def data_sources(window: MainWindow) -> None:
    """The source articles every figure cites, and the dataset's disclaimer."""
    from offerlens.domain.bands import load_dataset

    ds = load_dataset()
    rows = "".join(f"<li><b>{s.outlet}</b> ({s.published}) — <code>{name}</code></li>"
                   for name, s in ds.sources.items())
    QMessageBox.information(window, window.tr("Data sources"), window.tr(
        "<p>Every figure OfferLens shows cites one of these 2024 articles with a verbatim "
        "quote (see the Bands tab). Figures the articles do not give are marked as "
        "assumptions.</p>") + f"<ul>{rows}</ul><p><i>{ds.disclaimer}</i></p>")
