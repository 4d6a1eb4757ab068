"""The main window's actions, their shortcuts and its menu bar, in the current language.

Built again on a language switch: every action belongs to one owner object, which the window
replaces (and deletes) on a rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from offerlens.ui.main_window import MainWindow


def make_action(owner: QObject, text: str, slot: Callable, shortcut=None,
                name: str = "") -> QAction:
    """An action owned by ``owner`` that runs ``slot``, with an optional shortcut and name."""
    action = QAction(text, owner)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    if name:
        action.setObjectName(name)
    return action


def build_actions(window: MainWindow, owner: QObject) -> list[QAction]:
    """Set the window's ``act_*`` actions; returns those that wait for the loaded portfolio
    (enabled only once it has loaded)."""
    tr = window.tr
    K = QKeySequence.StandardKey
    window.act_new = make_action(owner, tr("&New portfolio…"), window.new_portfolio, K.New,
                                 "new")
    window.act_open = make_action(owner, tr("&Open…"), window.open_dialog, K.Open, "open")
    window.act_save_as = make_action(owner, tr("Save &As…"), window.save_as_dialog, K.SaveAs,
                                     "save_as")
    window.act_import = make_action(owner, tr("&Import offers…"), window.import_dialog,
                                    "Ctrl+I", "import")
    window.act_export = make_action(owner, tr("&Export…"), window.export_dialog, "Ctrl+E",
                                    "export")
    window.act_cities = make_action(owner, tr("&City table…"), window.city_table_dialog, None,
                                    "cities")
    window.act_prefs = make_action(owner, tr("&Preferences…"), window.preferences_dialog,
                                   K.Preferences, "preferences")
    if window.act_prefs.shortcut().isEmpty():
        window.act_prefs.setShortcut(QKeySequence("Ctrl+,"))
    window.act_quit = make_action(owner, tr("&Quit"), window.close, K.Quit, "quit")
    window.act_undo = window.doc.undo_stack.createUndoAction(owner, tr("&Undo"))
    window.act_undo.setShortcut(QKeySequence(K.Undo))
    window.act_redo = window.doc.undo_stack.createRedoAction(owner, tr("&Redo"))
    window.act_redo.setShortcuts([QKeySequence(K.Redo), QKeySequence("Ctrl+Y")])
    window.act_add = make_action(owner, tr("&Add offer"), window.add_offer, "Ctrl+Shift+N",
                                 "add")
    window.act_duplicate = make_action(owner, tr("D&uplicate offer"), window.duplicate_offer,
                                       "Ctrl+D", "duplicate")
    window.act_delete = make_action(owner, tr("&Delete offer"), window.delete_offers, K.Delete,
                                    "delete")
    window.act_about = make_action(owner, tr("&About OfferLens"), window.about, None, "about")
    window.act_sources = make_action(owner, tr("&Data sources"), window.data_sources, None,
                                     "sources")
    window.act_duplicate.setEnabled(False)
    window.act_delete.setEnabled(False)
    needs_load = [window.act_new, window.act_open, window.act_save_as, window.act_import,
                  window.act_export, window.act_cities, window.act_add]
    for action in needs_load:
        action.setEnabled(window.is_loaded)
    return needs_load


def build_menus(window: MainWindow, owner: QObject) -> QMenu:
    """A new menu bar (File, Edit, View, Help) on the window; returns its Open Recent menu."""
    tr = window.tr
    bar = QMenuBar(window)
    window.setMenuBar(bar)  # (a previous bar is deleted by Qt)
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(window.act_new)
    file_menu.addAction(window.act_open)
    recent_menu = file_menu.addMenu(tr("Open &Recent"))
    file_menu.addSeparator()
    file_menu.addAction(window.act_save_as)
    file_menu.addAction(window.act_import)
    file_menu.addAction(window.act_export)
    file_menu.addSeparator()
    file_menu.addAction(window.act_cities)
    file_menu.addAction(window.act_prefs)
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit = bar.addMenu(tr("&Edit"))
    edit.addAction(window.act_undo)
    edit.addAction(window.act_redo)
    edit.addSeparator()
    edit.addAction(window.act_add)
    edit.addAction(window.act_duplicate)
    edit.addAction(window.act_delete)
    view = bar.addMenu(tr("&View"))
    for i, name in enumerate([tr("Offer"), tr("Compare"), tr("Bands"), tr("Charts"),
                              tr("Decision"), tr("Candidate profile")]):
        view.addAction(make_action(owner, name,
                                   lambda _=False, i=i: window.tabs.setCurrentIndex(i),
                                   f"Ctrl+{i + 1}"))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(window.act_sources)
    help_menu.addAction(window.act_about)
    return recent_menu
