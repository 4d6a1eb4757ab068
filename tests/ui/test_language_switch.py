"""Choosing the language in Preferences applies at once, to every string, on the same document:
nothing the user has (edits, undo history, selection, tab, layout, half-typed values) is lost."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from offerlens.ui import i18n
from offerlens.ui.main_window import (
    TAB_BANDS,
    TAB_CHARTS,
    TAB_COMPARE,
    TAB_DECISION,
    TAB_OFFER,
)
from offerlens.ui.resources import translations_dir
from tests.ui.conftest import company_rows


def translations() -> dict[str, str]:
    """English source → Chinese, for every string whose translation differs from it."""
    root = ET.parse(translations_dir() / "offerlens_zh_CN.ts").getroot()
    out = {}
    for message in root.iter("message"):
        source, node = message.findtext("source"), message.find("translation")
        if source is None or node is None or node.get("type") == "unfinished":
            continue
        forms = node.findall("numerusform")
        text = (forms[0].text if forms else node.text) or ""
        if text and text != source:
            out[source] = text
    return out


def choose_in_preferences(window, monkeypatch, choice: str) -> None:
    """Pick ``choice`` in the Preferences dialog and press OK (the dialog's own combo box)."""
    from offerlens.ui.preferences import PreferencesDialog

    def exec_(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData(choice))
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.act_prefs.trigger()
    # the replaced widgets are gone once control is back in the event loop
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def shown_texts(window) -> list[str]:
    """Every text the window shows or can show: menus, tabs, headers, labels, buttons, group
    titles, placeholders and the status bar."""
    texts = []

    def walk_menu(menu: QMenu):
        for action in menu.actions():
            texts.append(action.text())
            if action.menu() is not None:
                walk_menu(action.menu())

    for action in window.menuBar().actions():
        texts.append(action.text())
        walk_menu(action.menu())
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [window.model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(window.model.columnCount())]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    texts.append(window.statusBar().currentMessage())
    return [t for t in texts if t]


def untranslated(window) -> list[str]:
    zh = translations()
    return sorted({t for t in shown_texts(window) if t in zh})


def test_preferences_switches_the_open_window_at_once_keeping_the_work(make_window, qtbot,
                                                                       monkeypatch):
    window = make_window()
    doc = window.doc
    # history: one applied edit to the second offer
    window.select_row(1)
    window.editor.widget("months").setText("18")
    window.editor.validate()
    window.editor.apply()
    undo_count = doc.undo_stack.count()
    # a half-typed invalid value in the first offer, not applied
    window.select_row(0)
    offer_id = window.editor.original.id
    stored_months = doc.portfolio.offer(offer_id).months
    window.editor.widget("months").setText("30")
    window.editor.widget("role").setText("Infra")
    window.editor.validate()
    assert "between 12 and 24" in window.editor.boxes["months"].error.text()
    # layout
    window.resize(760, 560)
    window.splitter.setSizes([170, 310])
    window.table.setColumnWidth(1, 230)
    window.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    window.select_offer(offer_id)
    sizes, size = window.splitter.sizes(), window.size()
    splitter_states = window.splitter.saveState(), window.offer_splitter.saveState()
    rows = company_rows(window)
    portfolio = doc.portfolio.model_dump()
    old_editor = window.editor
    assert untranslated(window)  # (the check below can see English)

    choose_in_preferences(window, monkeypatch, "zh_CN")
    qtbot.wait(20)  # the new widgets are shown and laid out by the event loop

    assert i18n.current() == "zh_CN"
    assert window.settings.value("ui/language") == "zh_CN"
    # every string the window shows is Chinese
    assert untranslated(window) == []
    assert [a.text() for a in window.menuBar().actions()][:2] == ["文件(&F)", "编辑(&E)"]
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "公司"
    assert window.tabs.tabText(TAB_COMPARE) == "对比"
    assert "简体中文" in window.statusBar().currentMessage()
    totals = [window.proxy.index(r, 4).data() for r in range(window.proxy.rowCount())]
    assert all(t.endswith("万") for t in totals)
    # the same document, history and file state
    assert window.doc is doc and doc.undo_stack.count() == undo_count
    assert doc.portfolio.model_dump() == portfolio
    # the form: rebuilt, holding the same unapplied text, judged in Chinese
    editor = window.editor
    assert editor is not old_editor
    assert editor.original.id == offer_id
    assert editor.widget("months").text() == "30"
    assert editor.widget("role").text() == "Infra"
    assert editor.boxes["months"].error.text() == "须在 12 到 24 之间"
    assert not editor.apply_button.isEnabled()
    assert doc.portfolio.offer(offer_id).months == stored_months
    # the view
    assert window.selected_ids() == [offer_id]
    assert window.tabs.currentIndex() == TAB_OFFER
    assert company_rows(window) == rows  # same sort
    assert window.table.horizontalHeader().sortIndicatorSection() == 4
    assert window.table.columnWidth(1) == 230
    assert window.size() == size
    # the dividers stay where the user put them (the pane below the table gets what the
    # banner above leaves: Chinese text sets a line a few pixels taller)
    assert window.splitter.sizes()[0] == sizes[0]
    assert (window.splitter.saveState(), window.offer_splitter.saveState()) == splitter_states
    # old widgets are gone: one editor, one menu bar, each shortcut once
    from offerlens.ui.offer_editor import OfferEditor

    assert len(window.findChildren(OfferEditor)) == 1
    adds = [a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Shift+N"]
    assert len(adds) == 1
    # and it all still works: undo the earlier edit, in Chinese
    assert window.act_undo.text().startswith("撤销")
    # the steps in the history are named in Chinese too
    edited = doc.portfolio.offers[1].company
    assert doc.undo_stack.undoText() == translations()["Edit %1"].replace("%1", edited)
    assert edited in window.act_undo.text() and "Edit" not in window.act_undo.text()
    window.act_undo.trigger()
    assert doc.undo_stack.index() == undo_count - 1
    assert editor.widget("months").text() == "30"  # the pending edit survives the undo

    # back to English
    choose_in_preferences(window, monkeypatch, "en")
    assert i18n.current() == "en" and untranslated(window) != []
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.editor.widget("months").text() == "30"
    assert "between 12 and 24" in window.editor.boxes["months"].error.text()


@pytest.mark.parametrize("tab", [TAB_COMPARE, TAB_CHARTS, TAB_DECISION])
def test_the_tab_in_front_and_its_choices_are_kept(make_window, tab):
    window = make_window()
    window.select_row(0)
    first = window.selected_ids()[0]
    window.tabs.setCurrentIndex(TAB_DECISION)
    decision = window.lazy_tab(TAB_DECISION)
    decision.new_criterion.setText("Team")  # half-typed, not added
    window.tabs.setCurrentIndex(TAB_CHARTS)
    charts = window.lazy_tab(TAB_CHARTS)
    charts.selector.setCurrentIndex(charts.selector.findData("ladder"))
    window.tabs.setCurrentIndex(tab)
    # two offers selected for the comparison
    index = window.proxy.index(2, 0)
    window.table.selectionModel().select(index, window.table.selectionModel().SelectionFlag.Select
                                         | window.table.selectionModel().SelectionFlag.Rows)
    selected = window.selected_ids()
    assert len(selected) == 2 and first in selected

    window.set_language("zh_CN")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert window.tabs.currentIndex() == tab
    assert window.selected_ids() == selected
    new_charts, new_decision = window.lazy_tab(TAB_CHARTS), window.lazy_tab(TAB_DECISION)
    assert new_charts is not charts and new_decision is not decision  # built in Chinese
    assert new_charts.current_kind() == "ladder"
    assert new_decision.new_criterion.text() == "Team"
    if tab == TAB_COMPARE:
        compare = window.lazy_tab(TAB_COMPARE)
        assert compare.table.columnCount() == 2
        assert compare.table.verticalHeaderItem(0).text() != "Total, year 1"
    if tab == TAB_DECISION:
        assert new_decision.matrix is not None  # rendered for the document


def test_the_bands_text_stays_scrolled_where_it_was(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentIndex(TAB_BANDS)
    bar = window.lazy_tab(TAB_BANDS).view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 600, timeout=2000)
    bar.setValue(600)
    window.set_language("zh_CN")
    bar = window.lazy_tab(TAB_BANDS).view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    assert bar.value() == min(600, bar.maximum())


def test_profile_form_keeps_an_invalid_value_and_says_why_in_the_new_language(make_window):
    window = make_window()
    panel = window.candidate_panel
    panel.current.setText("-5")
    panel.commit()
    assert panel.boxes["current_annual_pay"].error.text()
    window.set_language("zh_CN")
    panel = window.candidate_panel
    assert panel.current.text() == "-5"
    error = panel.boxes["current_annual_pay"].error.text()
    assert error and not any("a" <= ch <= "z" for ch in error.lower())
    assert window.doc.portfolio.candidate.current_annual_pay is None


def test_quick_entry_reading_and_notices_are_told_again(make_window):
    from offerlens.store import default_portfolio_path

    path = default_portfolio_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    window = make_window()
    assert window.notice_banner.label.text().startswith("About your portfolio file:")
    window.act_add.trigger()
    window.editor.quick.setText("35k*16")
    window.editor.fill_from_quick()
    assert window.editor.understood.text().startswith("Understood:")

    window.set_language("zh_CN")
    zh = translations()
    assert window.notice_banner.label.text().startswith(zh["About your portfolio file:"])
    assert window.editor.original is None and window.editor.quick.text() == "35k*16"
    assert window.editor.widget("monthly_base").text() == "35000"
    assert window.editor.understood.text().startswith(zh["Understood: %1"].split("%1")[0])


def test_a_switch_before_loading_waits_for_the_portfolio(qtbot):
    from offerlens.ui.app import start
    from offerlens.ui.main_window import MainWindow

    _app, settings, _ = start("en")
    window = MainWindow(settings)
    window.setProperty("skip_close_questions", True)
    qtbot.addWidget(window)
    try:
        window.show()
        window.set_language("zh_CN")
        assert i18n.current() == "en"
        assert window.menuBar().actions()[0].text() == "&File"
        window.load_initial()
        assert i18n.current() == "zh_CN"
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert window.proxy.rowCount() == 4 and window.editor is not None
    finally:
        window.doc._timer.stop()
        i18n.install("en")
