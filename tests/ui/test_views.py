"""Comparison, bands browser, city table and lazily created tabs."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from offerlens.domain.bands import load_dataset
from offerlens.domain.evaluate import evaluate
from offerlens.ui import i18n
from offerlens.ui.main_window import TAB_BANDS, TAB_CHARTS, TAB_COMPARE


def _select(window, rows):
    from PySide6.QtCore import QItemSelectionModel

    model = window.table.selectionModel()
    model.clearSelection()
    for r in rows:
        model.select(window.proxy.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)


def test_comparison_shows_engine_values_and_highlights_the_best(make_window):
    window = make_window()
    _select(window, [0, 1])
    window.tabs.setCurrentIndex(TAB_COMPARE)
    view = window.lazy_tab(TAB_COMPARE)
    ids = window.selected_ids()
    assert len(ids) == 2
    assert view.table.columnCount() == 2
    portfolio = window.doc.portfolio
    expected = [evaluate(portfolio.offer(i), portfolio.candidate) for i in ids]
    for col, ev in enumerate(expected):
        assert view.cell_text("steady_total", col).startswith(
            i18n.money_full(ev.steady_state.total))
        assert view.cell_text("first_year_total", col).startswith(
            i18n.money_full(ev.first_year.total))
        assert view.cell_text("guaranteed_cash", col).startswith(
            i18n.money_full(ev.steady_state.guaranteed_cash))
        assert view.cell_text("net_steady", col).startswith(
            i18n.money_full(ev.take_home.steady_state.net_cash))
    # 700k (SSP example) beats 416k: highlighted, and the other shows the gap
    best = max(range(2), key=lambda c: expected[c].steady_state.total)
    other = 1 - best
    row = next(r for r in view.rows if r.key == "steady_total")
    assert view.best_columns(row) == {best}
    gap = expected[best].steady_state.total - expected[other].steady_state.total
    assert i18n.money_full(gap) in view.cell_text("steady_total", other)
    assert view.table.horizontalHeaderItem(best).text() == expected[best].company
    assert view.cell_text("tier", best) == i18n.tier_label(expected[best].tier.tier)

    # selecting a third offer adds a column
    _select(window, [0, 1, 2])
    assert view.table.columnCount() == 3


def test_bands_browser_shows_bands_citations_and_assumptions(make_window):
    window = make_window()
    window.tabs.setCurrentIndex(TAB_BANDS)
    text = window.lazy_tab(TAB_BANDS).view.toPlainText()
    ds = load_dataset()
    for seg in ds.segments:
        assert seg.label in text
        for band in seg.tiers:
            assert i18n.money_full(band.low) in text
    quotes = [c.quote for f in ds.figures for c in f.citations]
    assert sum(q in text for q in quotes) == len(quotes)
    assert "your segment" in text
    assert "assumption" in text
    for a in ds.assumptions:
        assert a.label in text


def test_charts_tab_is_created_only_when_shown(make_window):
    window = make_window()
    assert window.lazy_tab(TAB_CHARTS) is None
    window.tabs.setCurrentIndex(TAB_CHARTS)
    assert window.lazy_tab(TAB_CHARTS) is not None  # the panel, or a placeholder


def test_city_table_edits_are_saved_to_the_data_dir_and_used(make_window, qtbot, monkeypatch):
    from offerlens.domain.social import shipped_table
    from offerlens.ui.city_table import EDITABLE, CityTableDialog
    from offerlens.ui.engine import city_overrides_path

    window = make_window()
    window.select_row(0)  # Beijing offer
    offer_id = window.editor.original.id
    before = window.doc.evaluations[offer_id].take_home.steady_state.social_insurance

    dialog = CityTableDialog(window)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "beijing")
    col = EDITABLE.index("pension_rate") + 1
    dialog.table.item(row, col).setText("0.5")  # invalid: above the 20 % limit
    assert not dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert not city_overrides_path().exists()

    dialog.table.item(row, col).setText("0.06")
    assert dialog.save()
    saved = json.loads(city_overrides_path().read_text(encoding="utf-8"))
    assert [c["id"] for c in saved["cities"]] == ["beijing"]
    assert saved["cities"][0]["pension_rate"] == 0.06
    assert shipped_table().rows["beijing"].pension_rate == 0.08  # shipped file untouched

    # the window re-evaluates with the edited table
    from offerlens.ui.engine import load_city_table

    window.doc.city_table = load_city_table()
    window.doc.reevaluate()
    after = window.doc.evaluations[offer_id].take_home.steady_state.social_insurance
    assert after < before


def test_take_home_is_shown_in_the_verdict(make_window):
    window = make_window()
    window.select_row(0)
    ev = window.verdict.evaluation
    th = ev.take_home
    from PySide6.QtWidgets import QLabel

    def label(name):
        return window.verdict.findChild(QLabel, name).text()

    assert label("th_year1_net_cash") == i18n.money_full(th.first_year.net_cash)
    assert label("th_steady_net_cash") == i18n.money_full(th.steady_state.net_cash)
    assert label("th_steady_housing_fund_total") == i18n.money_full(
        th.steady_state.housing_fund_total)
    assert label("th_hourly") == i18n.money_full(th.effective_hourly_cny)
    assert label("steady_total") == i18n.money_full(ev.steady_state.total)
    # "how this was computed" lists the engine's lines
    window.verdict.how.set_expanded(True)
    assert "Base × guaranteed months" in window.verdict.computation.text()


def test_bands_browser_in_chinese_uses_the_datasets_chinese_texts(make_window):
    window = make_window(lang="zh_CN")
    window.tabs.setCurrentIndex(TAB_BANDS)
    text = window.lazy_tab(TAB_BANDS).view.toPlainText()
    ds = load_dataset()
    assert ds.vintage_zh in text and ds.disclaimer_zh in text
    assert ds.disclaimer not in text
    for a in ds.assumptions:
        assert a.label_zh in text and (a.note_zh or a.note) in text
    for item in [*ds.segments, *ds.figures]:
        assert not item.note or item.note_zh in text
    quotes = [c.quote for f in ds.figures for c in f.citations]
    assert sum(q in text for q in quotes) == len(quotes)  # quotes stay as the sources wrote them
