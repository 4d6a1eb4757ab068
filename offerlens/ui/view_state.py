"""The view a language switch keeps: :func:`capture` what the user sees and has typed before
the window's widgets are rebuilt, :func:`retire_widgets` the old ones, :func:`restore` it all on
the new ones (selection, tab, splitters, table columns and sort, scroll positions, the offer and
profile forms as typed, the chart shown, a half-typed criterion, the notice banner)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from offerlens.ui.lazy_tabs import TAB_CHARTS, TAB_DECISION

if TYPE_CHECKING:
    from offerlens.ui.main_window import MainWindow


def capture(window: MainWindow) -> dict:
    """What the user sees and has typed, independent of the interface language."""
    decision = window.lazy_tabs.views.get(TAB_DECISION)
    if decision is not None and hasattr(decision, "flush"):
        decision.flush()  # a weight being dragged becomes its undo step now
    current = window.table.currentIndex()
    focus = window.focusWidget()
    state = {
        "tab": window.tabs.currentIndex(),
        "selected": window.selected_ids(),
        "current": window.model.offer_id(window.proxy.mapToSource(current).row())
        if current.isValid() else None,
        "header": window.table.horizontalHeader().saveState(),
        "table_scroll": window.table.verticalScrollBar().value(),
        "splitter": window.splitter.saveState(),
        "lazy": sorted(window.lazy_tabs.views),
        "notice": window._notice is not None and not window.notice_banner.isHidden(),
        "focus": focus.objectName() if focus is not None and window.centralWidget()
        .isAncestorOf(focus) else "",
        "editor": None,
    }
    if window.editor is not None:
        state["editor"] = window.editor.form_state()
        state["offer_splitter"] = window.offer_splitter.saveState()
        state["how"] = window.verdict.how.button.isChecked()
        state["profile"] = window.candidate_panel.form_state()
        state["scroll"] = [area.verticalScrollBar().value() for area in scroll_areas(window)]
    front = window.lazy_tabs.views.get(state["tab"])
    state["tab_scroll"] = [area.verticalScrollBar().value()
                           for area in front.findChildren(QAbstractScrollArea)] \
        if front is not None else []
    charts = window.lazy_tabs.views.get(TAB_CHARTS)
    if charts is not None and hasattr(charts, "current_kind"):
        state["chart"] = charts.current_kind()
    if decision is not None and hasattr(decision, "new_criterion"):
        state["criterion"] = decision.new_criterion.text()
    return state



def scroll_areas(window: MainWindow) -> list[QAbstractScrollArea]:
    """The offer form's and the verdict's scroll areas."""
    return [area for panel in (window.editor, window.verdict)
            for area in panel.findChildren(QAbstractScrollArea)]



def retire_widgets(window: MainWindow) -> None:
    """Silence the widgets about to be replaced: nothing they still emit reaches the new
    ones (Qt deletes them once control returns to the event loop)."""
    for widget in (window.editor, window.candidate_panel, window.tabs,
                   window.table.selectionModel(), *window.lazy_tabs.views.values()):
        if widget is not None:
            widget.blockSignals(True)
    if window.editor is not None:
        window.editor._validate_timer.stop()



def restore(window: MainWindow, state: dict) -> None:
    """Put back, on the rebuilt widgets, the view :func:`capture` took."""
    window.splitter.restoreState(state["splitter"])
    window.table.horizontalHeader().restoreState(state["header"])
    if state["editor"] is not None and window.editor is not None:
        window.offer_splitter.restoreState(state["offer_splitter"])
        window.editor.restore_form_state(state["editor"])
        window.candidate_panel.restore_form_state(state["profile"])
        if state["how"]:
            window.verdict.how.set_expanded(True)
    # the selection as it was, without the side effects of selecting (settling the form)
    selection = QItemSelection()
    for offer_id in state["selected"]:
        row = window.model.row_of(offer_id)
        if row >= 0:
            first = window.proxy.mapFromSource(window.model.index(row, 0))
            selection.select(first, first.siblingAtColumn(window.proxy.columnCount() - 1))
    model = window.table.selectionModel()
    model.blockSignals(True)
    model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    if state["current"]:
        row = window.model.row_of(state["current"])
        if row >= 0:
            model.setCurrentIndex(window.proxy.mapFromSource(window.model.index(row, 0)),
                                  QItemSelectionModel.SelectionFlag.NoUpdate)
    model.blockSignals(False)
    window._update_actions()
    for index in state["lazy"]:
        window.lazy_tabs.ensure(index)
    charts = window.lazy_tabs.views.get(TAB_CHARTS)
    if state.get("chart") and hasattr(charts, "selector"):
        charts.selector.setCurrentIndex(max(charts.selector.findData(state["chart"]), 0))
    decision = window.lazy_tabs.views.get(TAB_DECISION)
    if state.get("criterion") and hasattr(decision, "new_criterion"):
        decision.new_criterion.setText(state["criterion"])
    portfolio = window.doc.portfolio
    if portfolio is not None:
        window.example_banner.show_example(portfolio.example)
        window.empty_hint.setVisible(not portfolio.offers)
    if state["notice"]:
        window._show_notice(window._notice)
    if window.doc.path is not None:
        window._on_file_changed(str(window.doc.path))
    window.tabs.setCurrentIndex(state["tab"])
    window.lazy_tabs.refresh_current()
    if state["focus"]:
        target = window.centralWidget().findChild(QWidget, state["focus"])
        if target is not None:
            target.setFocus()
    # once the new widgets are shown and laid out: splitters again (the first restore met
    # minimum sizes from before polishing), scroll positions
    QTimer.singleShot(0, window, lambda: _restore_layout(window, state))



def _restore_layout(window: MainWindow, state: dict) -> None:
    """Splitters and scroll positions, once the new widgets are laid out."""
    window.splitter.restoreState(state["splitter"])
    window.table.verticalScrollBar().setValue(state["table_scroll"])
    front = window.lazy_tabs.views.get(state["tab"])
    if front is not None:
        for area, value in zip(front.findChildren(QAbstractScrollArea), state["tab_scroll"],
                               strict=False):
            area.verticalScrollBar().setValue(value)
    if state["editor"] is None or window.editor is None:
        return
    window.offer_splitter.restoreState(state["offer_splitter"])
    for area, value in zip(scroll_areas(window), state["scroll"], strict=False):
        area.verticalScrollBar().setValue(value)
