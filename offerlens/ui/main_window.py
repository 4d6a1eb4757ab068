"""The main window: it owns the document, the offers model and the forms, and ties the parts
together (loading, document events, selection and editing, the language switch, closing).

Start-up: the window is built from light Qt widgets only and shown first, its offers table
filled from the cache of the engine's previous rows for the same file when there is one
(:meth:`show_cached_table`); :meth:`load_initial` then builds the offer editor, verdict and
profile forms, imports pydantic and the engine, loads the portfolio and replaces the rows with
the engine's. The other tabs are created the first time they are shown, and every tab
re-renders only while it is in front: a change to the document marks the others stale, and they
catch up when shown.

Changing the interface language (:meth:`MainWindow.set_language`) rebuilds the menus and every
widget on the same document, model and undo stack, then puts back the view: selection, tab,
splitters, table columns and the offer form with whatever was typed in it.

The parts: ``menus`` (actions, shortcuts, menu bar), ``central_widget`` (banners, offers table,
tabs), ``example_banner``, ``lazy_tabs`` (tab order, views made on first showing, stale tabs),
``file_actions`` (new, open, save as, import, recent files), ``dialogs`` (export, city table,
preferences, help), ``view_state`` (what a language switch keeps) and ``window_geometry``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from offerlens.ui import (
    central_widget,
    dialogs,
    file_actions,
    i18n,
    menus,
    view_state,
    window_geometry,
)
from offerlens.ui.document import PortfolioDocument
from offerlens.ui.lazy_tabs import (
    LAZY_TABS,
    LIVE_TABS,
    TAB_BANDS,
    TAB_CHARTS,
    TAB_COMPARE,
    TAB_DECISION,
    TAB_OFFER,
    TAB_PROFILE,
    LazyTabs,
)
from offerlens.ui.offers_model import OffersProxy, OffersTableModel

__all__ = ["MainWindow", "TAB_OFFER", "TAB_COMPARE", "TAB_BANDS", "TAB_CHARTS", "TAB_DECISION",
           "TAB_PROFILE", "LAZY_TABS", "LIVE_TABS"]


class MainWindow(QMainWindow):
    loaded = Signal()  # the portfolio is loaded and the table filled

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.doc = PortfolioDocument(self)
        self.is_loaded = False
        self.editor = None  # OfferEditor, VerdictPanel, CandidatePanel: built by load_initial
        self.verdict = None
        self.candidate_panel = None
        self.lazy_tabs = LazyTabs(self)  # views made on first showing; tabs to re-render
        self._pending_language: str | None = None  # chosen before loading: applied after it
        self._notice = None  # () -> (text, kind) of the notice banner, re-rendered on rebuilds
        self._action_owner: QObject | None = None
        self.model = OffersTableModel(self.doc, self)
        self.proxy = OffersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.setWindowTitle("OfferLens[*]")
        self._build_ui()
        self.statusBar().showMessage(self.tr("Loading…"))
        self._connect_document()
        window_geometry.restore_geometry(self)

    # -- construction ----------------------------------------------------------------------

    def _build_ui(self) -> None:
        """Actions, menus and every widget, in the current language (again on a switch)."""
        old_actions = self._action_owner
        self._action_owner = QObject(self)
        self._needs_load = menus.build_actions(self, self._action_owner)
        self.recent_menu = menus.build_menus(self, self._action_owner)
        file_actions.fill_recent(self)
        central_widget.build_central(self)
        self._connect_widgets()
        if old_actions is not None:
            old_actions.deleteLater()  # (the action that asked for the rebuild may be running)

    def _connect_document(self) -> None:
        self.doc.changed.connect(self._on_doc_changed)
        self.doc.dirtyChanged.connect(self.setWindowModified)
        self.doc.fileChanged.connect(self._on_file_changed)
        self.doc.saved.connect(self._on_saved)
        self.doc.saveFailed.connect(self._on_save_failed)
        self.doc.notices.connect(self.show_notices)

    def _connect_widgets(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.tabs.currentChanged.connect(self._on_tab)

    def _build_offer_views(self) -> None:
        """The offer editor, its verdict and the profile form (they load pydantic): once."""
        if self.editor is not None:
            return
        from offerlens.ui.candidate_panel import CandidatePanel
        from offerlens.ui.offer_editor import OfferEditor
        from offerlens.ui.verdict_panel import VerdictPanel

        self.editor = OfferEditor()
        self.editor.setContentsMargins(8, 8, 4, 4)
        self.verdict = VerdictPanel()
        self.verdict.setContentsMargins(4, 8, 8, 4)
        self.offer_splitter.addWidget(self.editor)
        self.offer_splitter.addWidget(self.verdict)
        self.offer_splitter.setSizes([620, 760])
        window_geometry.restore_offer_splitter(self)
        self.candidate_panel = CandidatePanel()
        self.candidate_panel.setMaximumWidth(900)
        self.profile_layout.insertWidget(1, self.candidate_panel)
        self.editor.draftChanged.connect(self._on_draft)
        self.editor.applyRequested.connect(self._on_apply)
        self.candidate_panel.candidateEdited.connect(
            lambda c: self.doc.set_candidate(c, lambda: self.tr("Edit candidate profile")))

    # -- geometry --------------------------------------------------------------------------

    def save_geometry(self) -> None:
        """Keep the window's layout in the settings for the next run."""
        window_geometry.save_geometry(self)

    # -- loading ---------------------------------------------------------------------------

    @property
    def table_filled(self) -> bool:
        """The offers table shows the portfolio's offers: from the engine, or from the cache
        of the engine's rows for the same file before the engine has loaded."""
        if self.is_loaded:
            return self.proxy.rowCount() > 0 or not self.doc.portfolio.offers
        return self.model.showing_cache and not self.model.preview

    def show_cached_table(self) -> bool:
        """Fill the table from the start-up cache, if it matches the default portfolio file.

        Returns whether it did; :meth:`load_initial` then replaces the rows with the engine's.
        """
        from offerlens.ui import table_cache

        if self.is_loaded:
            return False
        cached = table_cache.read()
        if cached is None:
            return False
        self.model.show_cached(cached.rows)
        self.example_banner.show_example(cached.example)
        self.empty_hint.setVisible(not cached.rows)
        self._on_file_changed(str(cached.portfolio))
        if cached.rows:
            self.select_row(0)
        return True

    def show_preview_table(self) -> bool:
        """Without a usable cache: name the default portfolio's offers from the file (figures
        show "…") until :meth:`load_initial` fills the table with the engine's rows."""
        from offerlens.ui import table_cache

        if self.is_loaded or self.model.showing_cache:
            return False
        found = table_cache.preview()
        if found is None or not found.rows:
            return False
        self.model.show_cached(found.rows, preview=True)
        self.example_banner.show_example(found.example)
        self.empty_hint.setVisible(False)
        return True

    def load_initial(self, path: str | Path | None = None) -> None:
        """Load the portfolio (default: the data directory's; seeded with the example)."""
        self._build_offer_views()
        from offerlens.store import Source, default_portfolio_path, load_portfolio
        from offerlens.ui.engine import city_overrides_path, load_city_table

        if city_overrides_path().exists():
            self.doc.city_table = load_city_table()
        target = Path(path) if path else default_portfolio_path()
        result = load_portfolio(target)
        if result.source is Source.NEW and path is None:
            result = file_actions.seed_example(result)
        self.doc.open(result)
        if path is not None:
            file_actions.remember(self, str(target))
        self.is_loaded = True
        for action in self._needs_load:
            action.setEnabled(True)
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.select_row(0)
        tab = window_geometry.saved_tab(self.settings)
        if tab in (TAB_COMPARE, TAB_BANDS, TAB_PROFILE):
            self.tabs.setCurrentIndex(tab)
        self.statusBar().showMessage(self.tr("Ready"), 4000)
        self._apply_queued_example()
        if self._pending_language is not None:
            self.set_language(self._pending_language)
        self.loaded.emit()

    def open_path(self, path: str | Path) -> bool:
        """Open the portfolio at ``path``; False if the form's edits kept it from opening."""
        return file_actions.open_path(self, path)

    # -- document events -------------------------------------------------------------------

    def _candidate_city(self) -> str:
        return self.doc.portfolio.candidate.city if self.doc.portfolio else ""

    def _on_doc_changed(self) -> None:
        portfolio = self.doc.portfolio
        if portfolio is None:
            return
        self.example_banner.show_example(portfolio.example)
        self.empty_hint.setVisible(not portfolio.offers)
        # the profile form follows the candidate at once (an edit to an offer leaves it be):
        # a form that lagged behind could send an old profile back with the next edit
        if self.candidate_panel is not None and \
                self.candidate_panel.candidate != portfolio.candidate:
            self.candidate_panel.set_candidate(portfolio.candidate)
        self.lazy_tabs.invalidate(*LIVE_TABS)
        self._update_actions()

    def _sync_editor(self) -> None:
        """Keep the form in step with the document (undo/redo, deletion) unless it holds edits
        of its own, and show the verdict of what it holds."""
        portfolio = self.doc.portfolio
        if self.editor is None or portfolio is None:
            return
        original = self.editor.original
        if original is not None:
            current = next((o for o in portfolio.offers if o.id == original.id), None)
            if current is None:
                self.editor.set_offer(None, self._candidate_city())
            elif current != original and not (
                    self.editor.has_pending_changes and self.editor.draft is not None
                    and self.editor.draft != current):
                self.editor.set_offer(current, self._candidate_city())
            else:
                self._on_draft(self.editor.draft)
        else:
            self._on_draft(self.editor.draft)

    def _catch_up_editor(self) -> None:
        """Before the form's edits are applied: bring a form left behind while its tab was
        hidden up to date (an undo or a deletion it has not seen yet)."""
        if TAB_OFFER in self.lazy_tabs.stale:
            self.lazy_tabs.stale.discard(TAB_OFFER)
            self._sync_editor()

    def _on_file_changed(self, path: str) -> None:
        self.setWindowFilePath(path)
        name = Path(path).name
        ro = f" — {self.tr('read-only')}" if self.doc.read_only else ""
        self.setWindowTitle(f"{name}{ro}[*] — OfferLens")

    def _on_saved(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", path), 3000)

    def _on_save_failed(self, message: str) -> None:
        self._show_notice(lambda: (self.tr("Could not save: %1").replace("%1", message),
                                   "error"))
        self.statusBar().showMessage(self.tr("Not saved"))

    def show_notices(self, messages: list[str]) -> None:
        """The store's recovery notices, shown in a banner the user can dismiss."""
        self._show_notice(lambda: (self.tr("About your portfolio file:") + "\n"
                                   + "\n".join(messages), "warning"))

    def _show_notice(self, render) -> None:
        """Show ``render()``'s (text, kind) in the notice banner; kept so that a change of
        language can write the same notice again in the new language."""
        self._notice = render
        text, kind = render()
        self.notice_banner.show_message(text, kind)

    # -- selection and editing -------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted({self.proxy.mapToSource(i).row()
                       for i in self.table.selectionModel().selectedRows()})
        return [oid for oid in (self.model.offer_id(r) for r in rows) if oid]

    def select_row(self, row: int) -> None:
        # Apply pending form edits first: that rebuilds the table, and an index taken before
        # it would point into the old rows.
        offer_id = self.model.offer_id(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
        if self._settle_pending() and offer_id:
            row = self.proxy.mapFromSource(self.model.index(self.model.row_of(offer_id), 0)).row()
        index = self.proxy.index(row, 0)
        model = self.table.selectionModel()
        model.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
        # (not QTableView.setCurrentIndex: it reads the keyboard, and with Ctrl held, as in
        # Ctrl+Return, it would toggle the row just selected off again)
        model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def select_offer(self, offer_id: str) -> None:
        row = self.model.row_of(offer_id)
        if row >= 0:
            proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
            self.select_row(proxy_row)

    def _settle_pending(self) -> bool:
        """Settle the form if it holds edits; True when it did (the table may have changed)."""
        if self.editor is None or not self.editor.has_pending_changes:
            return False
        self._settle_editor()
        return True

    def _settle_editor(self) -> bool:
        """Before leaving the form: apply valid pending edits; report dropped invalid ones."""
        if self.editor is None:
            return True
        self._catch_up_editor()
        if not self.editor.has_pending_changes:
            return True
        draft = self.editor.validate()
        if draft is not None:
            self._on_apply(draft, reselect=False)
            return True
        name = self.editor.original.company if self.editor.original else self.tr("the new offer")
        self.statusBar().showMessage(
            self.tr("Changes to %1 were not saved: they had errors.").replace("%1", name), 6000)
        return True

    def _on_selection(self, *args) -> None:
        ids = self.selected_ids()
        self._update_actions()
        if self.editor is None:
            return
        if len(ids) == 1:
            if self.editor.original is None or self.editor.original.id != ids[0]:
                self._settle_editor()
                if self.doc.portfolio is None:
                    return
                try:
                    offer = self.doc.portfolio.offer(ids[0])
                except KeyError:
                    return
                self.editor.set_offer(offer, self._candidate_city())
        self.lazy_tabs.invalidate(TAB_COMPARE)

    def _update_actions(self) -> None:
        ids = self.selected_ids() if self.doc.portfolio else []
        self.act_duplicate.setEnabled(len(ids) == 1)
        self.act_delete.setEnabled(bool(ids))

    def _on_draft(self, draft) -> None:
        """Live verdict for the form's current (valid) draft; deferred while the tab is hidden."""
        if self.doc.portfolio is None or self.verdict is None:
            return
        if self.tabs.currentIndex() != TAB_OFFER:
            self.lazy_tabs.stale.add(TAB_OFFER)
            return
        if draft is None:
            self.verdict.show_evaluation(None, self.tr("Fix the highlighted fields to see the "
                                                       "verdict."))
            return
        try:
            ev = self.doc.evaluate_draft(draft)
        except Exception as exc:  # noqa: BLE001 - keep the window alive; show the problem
            self.verdict.show_evaluation(None, str(exc))
            return
        self.verdict.show_evaluation(ev)

    def _on_apply(self, offer, reselect: bool = True) -> None:
        if self.doc.portfolio is None:
            return
        exists = any(o.id == offer.id for o in self.doc.portfolio.offers)
        if exists:
            self.doc.replace_offer(offer, lambda: self.tr("Edit %1").replace("%1", offer.company))
        else:
            self.doc.add_offer(offer, lambda: self.tr("Add %1").replace("%1", offer.company))
        self.editor.set_offer(offer, self._candidate_city())
        if reselect:
            self.select_offer(offer.id)
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", offer.company), 3000)

    def add_offer(self) -> None:
        self._settle_editor()
        self.tabs.setCurrentIndex(TAB_OFFER)
        self.table.clearSelection()
        self.editor.set_offer(None, self._candidate_city())
        self.editor.focus_quick_entry()

    def duplicate_offer(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        self._settle_editor()
        new_id = self.doc.duplicate_offer(ids[0], self.tr(" (copy)"),
                                          lambda: self.tr("Duplicate offer"))
        if new_id:
            self.select_offer(new_id)

    def delete_offers(self) -> None:
        ids = self.selected_ids()
        if not ids or self.doc.portfolio is None:
            return
        names = ", ".join(self.doc.portfolio.offer(i).company for i in ids)
        self.doc.delete_offers(ids, lambda: self.tr("Delete %1").replace("%1", names))
        self.statusBar().showMessage(
            self.tr("Deleted %1. Undo brings it back.").replace("%1", names), 6000)
        if self.proxy.rowCount():
            self.select_row(0)
        else:
            self.editor.set_offer(None, self._candidate_city())

    def clear_example(self) -> None:
        if not self.is_loaded:
            self.example_banner.queue("clear")
            return
        self.doc.clear_example(lambda: self.tr("Clear example"))
        self.editor.set_offer(None, self._candidate_city())

    def keep_example(self) -> None:
        if not self.is_loaded:
            self.example_banner.queue("keep")
            return
        self.doc.keep_example(lambda: self.tr("Keep example as my own"))

    def _apply_queued_example(self) -> None:
        """A banner click made before the portfolio had loaded, applied now that it has."""
        action = self.example_banner.take_queued()
        if action is None:
            return
        portfolio = self.doc.portfolio
        if portfolio is None or not portfolio.example:
            self.example_banner.show_example(bool(portfolio and portfolio.example))
            self.statusBar().showMessage(self.tr("The portfolio that loaded is not the example, "
                                                 "so it was left as it is."), 6000)
            return
        if action == "clear":
            self.clear_example()
            self.statusBar().showMessage(self.tr("Example cleared. Undo brings it back."), 6000)
        else:
            self.keep_example()
            self.statusBar().showMessage(self.tr("The example is now your own portfolio."), 6000)

    # -- lazy tabs -------------------------------------------------------------------------

    def _on_tab(self, index: int) -> None:
        self.lazy_tabs.ensure(index)
        self.lazy_tabs.refresh_current()

    def lazy_tab(self, index: int) -> QWidget | None:
        """The view of a lazily created tab, or None before it has first been shown."""
        return self.lazy_tabs.views.get(index)

    # -- File menu (file_actions.py, dialogs.py) -------------------------------------------

    def new_portfolio(self, path: str | None = None) -> bool:
        """Start an empty portfolio at ``path`` or one the user picks."""
        return file_actions.new_portfolio(self, path)

    def open_dialog(self) -> None:
        """Ask for a portfolio file and open it."""
        file_actions.open_dialog(self)

    def save_as_dialog(self, path: str | None = None) -> bool:
        """Save the portfolio to ``path`` or one the user picks."""
        return file_actions.save_as_dialog(self, path)

    def import_dialog(self, path: str | None = None) -> int:
        """Merge the offers of a portfolio or CSV file; returns how many were imported."""
        return file_actions.import_dialog(self, path)

    def export_dialog(self) -> None:
        """Export the portfolio (Markdown, HTML, PDF, CSV)."""
        dialogs.export_dialog(self)

    def city_table_dialog(self) -> None:
        """Edit the city table; a save re-evaluates every offer."""
        dialogs.city_table_dialog(self)

    def preferences_dialog(self) -> None:
        """Preferences; a new language applies at once."""
        dialogs.preferences_dialog(self)

    # -- language --------------------------------------------------------------------------

    def set_language(self, lang: str) -> str:
        """Show the interface in ``lang`` (``en``/``zh_CN``) now; returns the language used.

        The menus and every widget are built again on the same document, table model and undo
        stack, and the view is put back: the window (its geometry is untouched), selected
        offers, tab, splitters, table columns and sort, the offer form with whatever it holds
        (applied or not, valid or not), the profile form, the other tabs' own choices (the
        chart shown, a half-typed criterion) and the notice banner. Before the portfolio has
        loaded, the switch waits for it.
        """
        lang = i18n.normalise(lang) or "en"
        if not self.is_loaded:
            self._pending_language = lang
            return lang
        self._pending_language = None
        if lang == i18n.current():
            return lang
        state = view_state.capture(self)
        view_state.retire_widgets(self)
        used = i18n.install(lang)
        self.model.refresh()  # headers, money and tier texts in the new language
        self.doc.retranslate_history()  # the Undo/Redo items name their step in it too
        had_forms = self.editor is not None
        self.editor = self.verdict = self.candidate_panel = None
        self.lazy_tabs.reset()
        self._build_ui()
        if had_forms:
            self._build_offer_views()
        view_state.restore(self, state)
        self.statusBar().showMessage(
            self.tr("Interface language: %1").replace("%1", i18n.LANGUAGES[used]), 5000)
        return used

    # -- help ------------------------------------------------------------------------------

    def about(self) -> None:
        """The About box."""
        dialogs.about(self)

    def data_sources(self) -> None:
        """The source articles every figure cites."""
        dialogs.data_sources(self)

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.editor is not None:
            self._catch_up_editor()
        if self.editor is not None and self.editor.has_pending_changes:
            draft = self.editor.validate()
            if draft is not None:
                self._on_apply(draft, reselect=False)
            elif not self.property("skip_close_questions"):
                answer = QMessageBox.question(
                    self, self.tr("Unsaved changes"),
                    self.tr("The offer being edited has errors and cannot be saved. "
                            "Quit and discard those changes?"),
                    QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
                if answer != QMessageBox.StandardButton.Discard:
                    event.ignore()
                    return
        if not self.doc.flush() and not self.property("skip_close_questions"):
            answer = QMessageBox.warning(
                self, self.tr("Not saved"),
                self.tr("Your changes could not be saved. Quit anyway and lose them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.save_geometry()
        event.accept()
