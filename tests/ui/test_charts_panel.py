"""Charts panel: created on first show, updates in place, saves PNG/SVG."""

from __future__ import annotations

import pytest

from offerlens.domain.evaluate import evaluate_portfolio
from tests.decision_fixtures import portfolio


@pytest.fixture
def panel(qtbot):
    from offerlens.ui.charts_panel import ChartsPanel

    widget = ChartsPanel()
    qtbot.addWidget(widget)
    widget.resize(820, 600)
    return widget


def test_nothing_is_drawn_until_shown(panel, qtbot):
    p = portfolio()
    panel.set_data(p, evaluate_portfolio(p))
    assert panel.view("distribution") is None
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.view("distribution")
    assert view is not None and view.drawn
    assert view.figure.get_layout_engine() is None or type(
        view.figure.get_layout_engine()).__name__ == "PlaceHolderLayoutEngine"


def test_editing_an_offer_updates_the_chart_in_place(panel, qtbot):
    p = portfolio()
    panel.show()
    panel.set_data(p, evaluate_portfolio(p))
    for index in range(panel.selector.count()):
        panel.selector.setCurrentIndex(index)
    panel.selector.setCurrentIndex(0)
    view = panel.view("distribution")
    line = view.chart.handles["lines"][1]
    changed = p.model_copy(deep=True)
    changed.offers[1].monthly_base = 40000
    panel.set_data(changed, evaluate_portfolio(changed))
    assert panel._last_action == "update"
    assert view.chart.handles["lines"][1] is line
    assert line.get_xdata()[0] == 40000 * 16
    # every chart kind exists and follows the data
    panel.selector.setCurrentIndex(panel.selector.findData("cumulative"))
    cum = panel.view("cumulative")
    assert cum.chart.handles["lines"][1].get_ydata()[0] == 40000 * 16


def test_an_offer_edit_updates_the_chart_in_place(panel, qtbot):
    """An edit moves the existing artists; it neither rebuilds the figure nor reruns layout.

    How long that takes is measured in benchmarks/, not here.
    """
    p = portfolio()
    panel.show()
    panel.set_data(p, evaluate_portfolio(p))
    view = panel.view("distribution")
    view.canvas.resize(800, 500)
    view.relayout()
    from offerlens.domain.chartdata import distribution_series

    figure = view.chart.figure
    artists_before = len(figure.get_children())
    changed = p.model_copy(deep=True)
    changed.offers[0].monthly_base = 30000
    assert view.chart.update(distribution_series(changed, evaluate_portfolio(changed)))
    view.blit()
    assert view.chart.figure is figure
    assert len(figure.get_children()) == artists_before
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    assert not isinstance(figure.get_layout_engine(), ConstrainedLayoutEngine)


def test_save_png_and_svg(panel, qtbot, tmp_path):
    p = portfolio()
    panel.show()
    panel.set_data(p, evaluate_portfolio(p))
    png, svg = tmp_path / "c.png", tmp_path / "c.svg"
    panel.save_chart(str(png))
    panel.save_chart(str(svg), "composition")
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_empty_portfolio_shows_a_placeholder(panel, qtbot):
    p = portfolio().model_copy(update={"offers": []})
    panel.show()
    panel.set_data(p, [])
    assert panel.stack.currentWidget() is panel.placeholder
    assert not panel.save_png.isEnabled()


def test_chinese_interface_draws_chinese_charts(qtbot, tmp_path):
    """In a Chinese UI every chart speaks Chinese: the view and the saved file."""
    from offerlens.ui import i18n
    from offerlens.ui.charts_panel import KINDS, TITLES, ChartsPanel

    i18n.install("zh_CN")
    try:
        panel = ChartsPanel()
        qtbot.addWidget(panel)
        panel.resize(820, 600)
        p = portfolio()
        panel.show()
        panel.set_data(p, evaluate_portfolio(p))
        assert panel.language() == "zh"
        assert [panel.selector.itemText(i) for i in range(len(KINDS))] != [
            TITLES[k] for k in KINDS]
        panel.selector.setCurrentIndex(panel.selector.findData("cumulative"))
        view = panel.view("cumulative")
        ax = view.figure.axes[0]
        assert view.chart.lang == "zh"
        assert ax.get_title(loc="left").startswith("四年累计")
        assert all(t.get_text().endswith("万") for t in view.chart.handles["ends"])
        assert view.figure.texts[0].get_text().startswith("假设：")
        svg = tmp_path / "c.svg"
        panel.save_chart(str(svg), "composition")
        assert "<svg" in svg.read_text(encoding="utf-8")
    finally:
        i18n.install("en")
    panel.refresh()  # back in English: the view is drawn again in English
    assert panel.view("cumulative").chart.lang == "en"
    assert panel.view("cumulative").figure.axes[0].get_title(loc="left").startswith("Cumul")


def test_every_charts_panel_string_has_a_chinese_translation():
    import importlib.util
    from pathlib import Path

    from offerlens.ui.charts_panel import TITLES
    from offerlens.ui.resources import translations_dir

    spec = importlib.util.spec_from_file_location("update_ts", translations_dir() / "update_ts.py")
    update_ts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_ts)
    source = Path(__file__).resolve().parents[2] / "offerlens" / "ui" / "charts_panel.py"
    strings = {s for _, s, _ in update_ts.extract([source])} | set(TITLES.values())
    shipped = update_ts.read_translations(translations_dir() / "offerlens_zh_CN.ts")
    assert len(strings) >= 10
    assert sorted(s for s in strings if s not in shipped) == []


def test_narrow_view_wraps_the_footnote_inside_the_canvas(panel, qtbot):
    p = portfolio()
    panel.resize(480, 560)
    panel.show()
    panel.set_data(p, evaluate_portfolio(p))
    qtbot.waitExposed(panel)
    view = panel.view("distribution")
    view.canvas.resize(440, 420)
    view.relayout()
    renderer = view.canvas.get_renderer()
    note = view.figure.texts[0]
    assert note.get_text().count("\n") >= 2
    assert note.get_window_extent(renderer).x1 <= view.figure.bbox.x1
    ax = view.figure.axes[0]
    assert note.get_window_extent(renderer).y1 <= ax.get_tightbbox(renderer).y0 + 1
