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
    # (w.tr(...) as a method call, never through a local alias: that is what
    # resources/translations/update_ts.py extracts)
    K = QKeySequence.StandardKey
    w = window
    w.act_new = make_action(owner, w.tr("&New portfolio…"), w.new_portfolio, K.New, "new")
    w.act_open = make_action(owner, w.tr("&Open…"), w.open_dialog, K.Open, "open")
    w.act_save_as = make_action(owner, w.tr("Save &As…"), w.save_as_dialog, K.SaveAs,
                                "save_as")
    w.act_import = make_action(owner, w.tr("&Import offers…"), w.import_dialog, "Ctrl+I",
                               "import")
    w.act_export = make_action(owner, w.tr("&Export…"), w.export_dialog, "Ctrl+E", "export")
    w.act_cities = make_action(owner, w.tr("&City table…"), w.city_table_dialog, None,
                               "cities")
    w.act_prefs = make_action(owner, w.tr("&Preferences…"), w.preferences_dialog,
                              K.Preferences, "preferences")
    if w.act_prefs.shortcut().isEmpty():
        w.act_prefs.setShortcut(QKeySequence("Ctrl+,"))
    w.act_quit = make_action(owner, w.tr("&Quit"), w.close, K.Quit, "quit")
    w.act_undo = w.doc.undo_stack.createUndoAction(owner, w.tr("&Undo"))
    w.act_undo.setShortcut(QKeySequence(K.Undo))
    w.act_redo = w.doc.undo_stack.createRedoAction(owner, w.tr("&Redo"))
    w.act_redo.setShortcuts([QKeySequence(K.Redo), QKeySequence("Ctrl+Y")])
    w.act_add = make_action(owner, w.tr("&Add offer"), w.add_offer, "Ctrl+Shift+N", "add")
    w.act_duplicate = make_action(owner, w.tr("D&uplicate offer"), w.duplicate_offer, "Ctrl+D",
                                  "duplicate")
    w.act_delete = make_action(owner, w.tr("&Delete offer"), w.delete_offers, K.Delete,
                               "delete")
    w.act_about = make_action(owner, w.tr("&About OfferLens"), w.about, None, "about")
    w.act_sources = make_action(owner, w.tr("&Data sources"), w.data_sources, None, "sources")
    w.act_duplicate.setEnabled(False)
    w.act_delete.setEnabled(False)
    needs_load = [w.act_new, w.act_open, w.act_save_as, w.act_import, w.act_export,
                  w.act_cities, w.act_add]
    for action in needs_load:
        action.setEnabled(w.is_loaded)
    return needs_load


def build_menus(window: MainWindow, owner: QObject) -> QMenu:
    """A new menu bar (File, Edit, View, Help) on the window; returns its Open Recent menu."""
    w = window
    bar = QMenuBar(w)
    w.setMenuBar(bar)  # (a previous bar is deleted by Qt)
    file_menu = bar.addMenu(w.tr("&File"))
    file_menu.addAction(w.act_new)
    file_menu.addAction(w.act_open)
    recent_menu = file_menu.addMenu(w.tr("Open &Recent"))
    file_menu.addSeparator()
    file_menu.addAction(w.act_save_as)
    file_menu.addAction(w.act_import)
    file_menu.addAction(w.act_export)
    file_menu.addSeparator()
    file_menu.addAction(w.act_cities)
    file_menu.addAction(w.act_prefs)
    file_menu.addSeparator()
    file_menu.addAction(w.act_quit)
    edit = bar.addMenu(w.tr("&Edit"))
    edit.addAction(w.act_undo)
    edit.addAction(w.act_redo)
    edit.addSeparator()
    edit.addAction(w.act_add)
    edit.addAction(w.act_duplicate)
    edit.addAction(w.act_delete)
    view = bar.addMenu(w.tr("&View"))
    for i, name in enumerate([w.tr("Offer"), w.tr("Compare"), w.tr("Bands"), w.tr("Charts"),
                              w.tr("Decision"), w.tr("Candidate profile")]):
        view.addAction(make_action(owner, name, lambda _=False, i=i: w.tabs.setCurrentIndex(i),
                                   f"Ctrl+{i + 1}"))
    help_menu = bar.addMenu(w.tr("&Help"))
    help_menu.addAction(w.act_sources)
    help_menu.addAction(w.act_about)
    return recent_menu
