"""The main window hosts the charts and decision panels: edits reach them, settings come back."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "portfolio_v1.offerlens.json"


def test_charts_follow_offer_edits_and_decisions_go_through_undo(make_window, tmp_path, qtbot):
    from offerlens.ui.main_window import TAB_CHARTS, TAB_DECISION

    path = tmp_path / "offers.offerlens.json"
    shutil.copy(FIXTURE, path)
    window = make_window(path)
    window.tabs.setCurrentIndex(TAB_CHARTS)
    panel = window.lazy_tab(TAB_CHARTS)
    assert type(panel).__name__ == "ChartsPanel"
    qtbot.waitUntil(lambda: panel.view("distribution") is not None, timeout=5000)
    line = panel.view("distribution").chart.handles["lines"][1]

    offer_id = window.doc.portfolio.offers[1].id

    def raise_pay(p):
        p.offer(offer_id).monthly_base = 40000

    window.doc.edit("raise", raise_pay)
    qtbot.waitUntil(lambda: line.get_xdata()[0] == window.doc.evaluations[offer_id]
                    .tier.basis_cny, timeout=5000)

    window.tabs.setCurrentIndex(TAB_DECISION)
    decision = window.lazy_tab(TAB_DECISION)
    decision.raise_spin.setValue(7)
    decision.flush()
    qtbot.waitUntil(lambda: window.doc.portfolio.decision.annual_raise == 0.07, timeout=3000)


def test_switching_the_interface_to_chinese_redraws_the_charts_in_chinese(make_window, tmp_path,
                                                                          qtbot):
    from offerlens.ui.main_window import TAB_CHARTS

    path = tmp_path / "offers.offerlens.json"
    shutil.copy(FIXTURE, path)
    window = make_window(path)
    window.tabs.setCurrentIndex(TAB_CHARTS)
    panel = window.lazy_tab(TAB_CHARTS)
    qtbot.waitUntil(lambda: panel.view("distribution") is not None, timeout=5000)
    assert panel.view("distribution").chart.lang == "en"

    window.set_language("zh_CN")
    window.tabs.setCurrentIndex(TAB_CHARTS)
    panel = window.lazy_tab(TAB_CHARTS)
    qtbot.waitUntil(lambda: panel.view("distribution") is not None, timeout=5000)
    view = panel.view("distribution")
    assert view.chart.lang == "zh"
    assert view.figure.axes[0].get_title(loc="left").startswith("估计市场位置")
    assert view.figure.texts[0].get_text().startswith("假设：")
