"""Chart labels never run into each other, are never cut, and speak the chosen language.

Each figure is drawn with the Agg renderer and the drawn texts' window extents are compared:
no pixel snapshots. Portfolios of 2, 6 and 10 offers with long Chinese and English company
names (and two offers with identical pay, whose labels would sit on top of each other), in
both languages, at the export size and at a narrow charts-view size.
"""

from __future__ import annotations

import re
import warnings

import pytest

from offerlens.charts.figures import CHART_CLASSES, CHART_KINDS, export_figure, make_figure
from offerlens.domain.bands import load_dataset
from offerlens.domain.chartdata import chart_set
from offerlens.domain.evaluate import evaluate_portfolio
from offerlens.domain.models import Candidate, Equity, Offer, Portfolio

NAMES = [
    "字节跳动 ByteDance",
    "北京月之暗面科技有限公司大模型研究院",
    "Alibaba Cloud Intelligence Group (Hangzhou)",
    "腾讯 Tencent",
    "华为技术有限公司2012实验室天才少年计划",
    "Shanghai Artificial Intelligence Laboratory Foundation Models",
    "美团 Meituan",
    "百度 Baidu",
    "小红书",
    "Kuaishou Technology Large Model Team",
]
SIZES = {"export": (8.0, 4.6), "narrow": (5.0, 4.0)}


def portfolio(count: int, raise_: float = 0.0) -> Portfolio:
    offers = []
    for i in range(count):
        offers.append(Offer(
            id=f"o{i}", company=NAMES[i], monthly_base=30000 + (i * 3700) % 25000,
            months=15 + i % 2, sign_on=(i % 3) * 50000,
            equity=Equity(grant_value=400000, years=4) if i % 4 == 3 else None,
        ))
    # the second offer pays exactly what the first does: every label of theirs coincides
    offers[1] = offers[1].model_copy(update={
        "monthly_base": offers[0].monthly_base, "months": offers[0].months,
        "sign_on": offers[0].sign_on})
    p = Portfolio(candidate=Candidate(name="x", city="Beijing"), offers=offers)
    return p.model_copy(update={"decision": p.decision.model_copy(
        update={"annual_raise": raise_})})


_CHARTS: dict[tuple[int, str], object] = {}


def charts_for(count: int, lang: str):
    key = (count, lang)
    if key not in _CHARTS:
        p = portfolio(count)
        _CHARTS[key] = chart_set(p, evaluate_portfolio(p), lang=lang)
    return _CHARTS[key]


def drawn(kind: str, count: int, lang: str, size: str):
    """The figure drawn once by Agg, as the export (fixed margins) or the charts view
    (constrained layout) would draw it; missing glyphs fail the test."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    charts = charts_for(count, lang)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" becomes an error
        if size == "export":
            fig = export_figure(kind, charts, size=SIZES[size], dpi=100, lang=lang)
        else:
            fig = make_figure(kind, charts, size=SIZES[size], lang=lang)
            FigureCanvasAgg(fig)
        fig.canvas.draw()
    return fig


def _box(text, renderer):
    """A text's drawn extent, its background box included."""
    from matplotlib.transforms import Bbox

    boxes = [text.get_window_extent(renderer)]
    if text.get_bbox_patch() is not None:
        boxes.append(text.get_bbox_patch().get_window_extent(renderer))
    return Bbox.union(boxes)


def _collisions(texts, renderer, gap: float = 0.0) -> list[tuple[str, str]]:
    shown = [t for t in texts if t.get_visible() and t.get_text().strip()]
    boxes = [_box(t, renderer) for t in shown]
    out = []
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            if (a.x0 < b.x1 - gap and b.x0 < a.x1 - gap
                    and a.y0 < b.y1 - gap and b.y0 < a.y1 - gap):
                out.append((shown[i].get_text(), shown[j].get_text()))
    return out


def _flat(text: str) -> str:
    """A text with its line breaks taken out (a break between two CJK characters or at a
    space), to compare a wrapped label with what it says."""
    return re.sub(r"\s+", "", text)


def _all_texts(fig):
    ax = fig.axes[0]
    texts = [*fig.texts, *ax.texts, ax.title, ax._left_title, ax.xaxis.label, ax.yaxis.label]
    for axis in (ax.xaxis, ax.yaxis):
        lo, hi = sorted(axis.get_view_interval())
        texts += [t.label1 for t in axis.get_major_ticks()
                  if lo - 1e-9 * abs(hi - lo) <= t.get_loc() <= hi + 1e-9 * abs(hi - lo)]
    legend = ax.get_legend()
    if legend is not None:
        texts += legend.get_texts()
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


CASES = [(kind, count, lang, size) for kind in CHART_KINDS for count in (2, 6, 10)
         for lang in ("en", "zh") for size in SIZES]


@pytest.mark.parametrize(("kind", "count", "lang", "size"), CASES)
def test_no_label_collides_or_leaves_the_figure(kind, count, lang, size):
    fig = drawn(kind, count, lang, size)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    figure_box = fig.bbox
    for text in _all_texts(fig):
        box = text.get_window_extent(renderer)
        assert box.x0 >= -1 and box.x1 <= figure_box.x1 + 1, f"cut at the side: {text}"
        assert box.y0 >= -1 and box.y1 <= figure_box.y1 + 1, f"cut at the edge: {text}"

    names = [t.label1 for t in ax.xaxis.get_major_ticks() if t.label1.get_text()]
    if kind in ("composition", "take_home"):
        labels = [t.get_text() for t in names]
        assert [_flat(t) for t in labels] == [_flat(n) for n in NAMES[:count]]  # none cut
        assert not _collisions(names, renderer)
    if kind == "composition":
        totals = ax.texts
        assert len(totals) == 2 * count
        assert not _collisions(totals, renderer), "bar totals touch"
    if kind == "cumulative":
        assert not _collisions(ax.texts, renderer), "line-end labels overlap"
    if kind in ("distribution", "ladder"):
        assert not _collisions(ax.texts, renderer), "offer or tier labels overlap"
        for text in ax.texts:
            if text.get_visible():
                box = _box(text, renderer)
                assert ax.bbox.x0 - 1 <= box.x0 and box.x1 <= ax.bbox.x1 + 1, text
    legend = ax.get_legend()
    if legend is not None:  # between the title and the plot, touching neither
        legend_box = legend.get_window_extent(renderer)
        title = ax._left_title.get_window_extent(renderer)
        assert legend_box.y0 >= ax.bbox.y1 - 1
        assert legend_box.y1 <= title.y0 + 1
        assert legend_box.x1 <= figure_box.x1 + 1
    if fig.texts and fig.texts[0].get_text():  # the footnote: wrapped, whole
        note = fig.texts[0]
        assert note.get_window_extent(renderer).x1 <= figure_box.x1
        assert note.get_window_extent(renderer).y1 <= ax.get_tightbbox(renderer).y0 + 1


def test_footnote_keeps_every_assumption():
    charts = charts_for(6, "en")
    fig = drawn("distribution", 6, "en", "narrow")
    note = _flat(fig.texts[0].get_text())
    assert note.startswith("Assumptions:")
    for assumption in charts.distribution.assumptions:
        assert _flat(assumption) in note
    assert fig.texts[0].get_text().count("\n") >= 3  # wrapped to the narrow width


def _moved_close(kind: str):
    """A chart drawn, then updated (in place) so that two offers' labels coincide."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    p = portfolio(6)
    changed = p.model_copy(deep=True)
    changed.offers[3].monthly_base = changed.offers[2].monthly_base
    changed.offers[3].months = changed.offers[2].months
    changed.offers[3].sign_on = changed.offers[2].sign_on
    before = chart_set(p, evaluate_portfolio(p))
    after = chart_set(changed, evaluate_portfolio(changed))
    fig = Figure(figsize=(6, 4), dpi=100)
    FigureCanvasAgg(fig)
    chart = CHART_CLASSES[kind](fig)
    chart.render(getattr(before, kind))
    fig.canvas.draw()
    assert chart.update(getattr(after, kind))
    return fig, chart


@pytest.mark.parametrize("kind", ["cumulative", "composition", "distribution", "ladder"])
def test_an_update_in_place_keeps_labels_apart(kind):
    fig, chart = _moved_close(kind)
    renderer = fig.canvas.get_renderer()
    # the charts view blits the moved labels without a full draw: placed already
    assert not _collisions(fig.axes[0].texts, renderer)
    fig.canvas.draw()
    assert not _collisions(fig.axes[0].texts, renderer)


def test_composition_totals_stand_upright_only_when_they_would_touch():
    wide = drawn("composition", 2, "en", "export")
    assert {t.get_rotation() for t in wide.axes[0].texts} == {0}
    assert all("\n" in t.get_text() for t in wide.axes[0].texts)  # tagged Y1 / steady
    crowded = drawn("composition", 10, "en", "narrow")
    assert {t.get_rotation() for t in crowded.axes[0].texts} == {90}


def test_composition_draws_one_collection_per_period():
    from matplotlib.collections import PolyCollection

    fig = drawn("composition", 10, "en", "export")
    ax = fig.axes[0]
    collections = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(collections) == 2
    assert not ax.patches  # no Rectangle per segment
    assert all(len(c.get_paths()) == 4 * 10 for c in collections)


# --- language ---------------------------------------------------------------------------------


ALLOWED_LATIN = {"offer", "SP", "SSP"}


def _latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED_LATIN


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chinese_charts_have_no_english_texts(kind):
    fig = drawn(kind, 6, "zh", "export")
    company_words = {w for name in NAMES for w in re.findall(r"[A-Za-z]{2,}", name)}
    for text in _all_texts(fig):
        stray = _latin_words(text.get_text()) - company_words
        assert not stray, f"{kind}: English in a Chinese chart: {text.get_text()!r}"


def test_chinese_charts_use_the_datasets_chinese_labels():
    dataset = load_dataset()
    charts = charts_for(2, "zh")
    candidate = portfolio(2).candidate
    segment, _used = dataset.segment_for(candidate.degree, candidate.role_family)
    assert charts.distribution.segment_label == segment.label_zh
    labels_zh = {a.label_zh for a in dataset.assumptions}
    labels_en = {a.label for a in dataset.assumptions}
    from_dataset = [a for a in charts.distribution.assumptions if a in labels_zh]
    assert len(from_dataset) >= 3
    assert not set(charts.distribution.assumptions) & labels_en
    assert set(charts_for(2, "en").distribution.assumptions) & labels_en
    fig = drawn("distribution", 2, "zh", "export")
    assert segment.label_zh in fig.axes[0].get_title(loc="left").replace("\n", "")
    note = _flat(fig.texts[0].get_text())
    assert note.startswith("假设：")
    assert all(_flat(label) in note for label in from_dataset)


def test_chinese_take_home_notes_come_from_the_engine():
    from offerlens.domain.chartdata import take_home_of

    p = portfolio(2)
    evs = evaluate_portfolio(p)
    zh = chart_set(p, evs, lang="zh").take_home
    result = take_home_of(evs[0], p)
    assert zh.available and zh.lang == "zh"
    assert set(zh.assumptions) >= {n.message_zh for n in result.assumptions if n.message_zh}


def test_chinese_money_on_axes_and_labels():
    fig = drawn("cumulative", 2, "zh", "export")
    ax = fig.axes[0]
    ends = [t.get_text() for t in ax.texts]
    assert all(t.endswith("万") for t in ends)
    ticks = [t.label1.get_text() for t in ax.yaxis.get_major_ticks() if t.label1.get_text()]
    assert any(t.endswith("万") for t in ticks) and not any("¥" in t for t in ticks)
    assert ax.xaxis.get_major_ticks()[0].label1.get_text() == "第 1 年"


def test_english_stays_the_default():
    p = portfolio(2)
    evs = evaluate_portfolio(p)
    charts = chart_set(p, evs)
    assert charts.lang == "en"
    fig = make_figure("cumulative", charts)
    assert fig.axes[0].xaxis.get_major_ticks()[0].label1.get_text() == "year 1"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_not_available_sentence_in_the_language_and_inside_the_figure(lang):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from offerlens.domain.models import Track

    p = Portfolio(candidate=Candidate(track=Track.EXPERIENCED),
                  offers=[Offer(company="A", monthly_base=50000)])
    charts = chart_set(p, evaluate_portfolio(p), lang=lang)
    fig = make_figure("distribution", charts, size=(4, 3), lang=lang)
    FigureCanvasAgg(fig).draw()
    sentence = fig.axes[0].texts[0]
    assert _flat(sentence.get_text()) == _flat(charts.distribution.reason)
    assert ("社招" in sentence.get_text()) == (lang == "zh")
    box = sentence.get_window_extent(fig.canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= fig.bbox.x1
