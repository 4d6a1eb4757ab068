"""Figure builders: every chart renders, updates in place, saves, and renders Chinese."""

from __future__ import annotations

import warnings

import pytest

from offerlens.charts.figures import (
    CHART_CLASSES,
    CHART_KINDS,
    make_figure,
    new_figure,
    save_figure,
)
from offerlens.charts.style import BUNDLED_FAMILY, bundled_font_path, font_families
from offerlens.domain.chartdata import chart_set
from offerlens.domain.evaluate import evaluate_portfolio
from tests.decision_fixtures import portfolio

NAMES = "阿里巴巴 字节跳动 华为 腾讯 美团 拼多多 百度 京东 网易 小米 蚂蚁集团 月之暗面 智谱"


@pytest.fixture(scope="module")
def charts():
    p = portfolio()
    return chart_set(p, evaluate_portfolio(p))


def test_bundled_font_covers_common_company_names():
    from fontTools.ttLib import TTFont

    path = bundled_font_path()
    assert path.exists() and path.stat().st_size < 2 * 1024 * 1024
    cmap = TTFont(str(path)).getBestCmap()
    assert all(ord(c) in cmap for c in NAMES.replace(" ", ""))
    assert (path.parent / "OFL.txt").exists()


def test_chinese_renders_without_missing_glyphs():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    families = font_families()
    assert BUNDLED_FAMILY in families  # registered even when the system has no CJK font
    fig = new_figure(4, 1)
    fig.text(0.01, 0.5, NAMES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" becomes an error
        FigureCanvasAgg(fig).draw()


@pytest.mark.parametrize("kind", CHART_KINDS)
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_each_chart_renders_in_both_themes(kind, theme, charts, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = make_figure(kind, charts, theme)
        png = save_figure(fig, tmp_path / f"{kind}.png", dpi=40)
    assert png.read_bytes()[:4] == b"\x89PNG"
    expected = "#ffffff" if theme == "light" else "#1e1f22"
    from matplotlib.colors import to_hex

    assert to_hex(fig.get_facecolor()) == expected


def test_assumption_charts_say_so_on_the_chart(charts):
    for kind in ("distribution", "ladder", "cumulative"):
        fig = make_figure(kind, charts)
        texts = " ".join(t.get_text() for t in fig.texts)
        assert "Assumptions:" in texts, kind


def test_svg_and_bad_extension(charts, tmp_path):
    fig = make_figure("composition", charts)
    svg = save_figure(fig, tmp_path / "c.svg")
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with pytest.raises(ValueError, match="png or .svg"):
        save_figure(fig, tmp_path / "c.gif")


def test_update_moves_artists_in_place_and_refuses_a_new_shape():
    p = portfolio()
    evs = evaluate_portfolio(p)
    before = chart_set(p, evs)
    changed = p.model_copy(deep=True)
    changed.offers[1].monthly_base = 40000  # Alibaba gets a raise
    after = chart_set(changed, evaluate_portfolio(changed))
    fig = new_figure()
    chart = CHART_CLASSES["distribution"](fig)
    chart.render(before.distribution)
    line = chart.handles["lines"][1]
    assert chart.update(after.distribution)
    assert chart.handles["lines"][1] is line
    assert line.get_xdata()[0] == after.distribution.offers[1].value == 40000 * 16
    assert "P" in chart.handles["texts"][1].get_text()
    fewer = p.model_copy(update={"offers": p.offers[:2]})
    assert not chart.update(chart_set(fewer, evaluate_portfolio(fewer)).distribution)
