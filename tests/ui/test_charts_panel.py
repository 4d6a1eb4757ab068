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
