"""Chart series: the numbers each chart draws, checked against the engine."""

from __future__ import annotations

import math

import pytest

from offerlens.domain.bands import load_dataset
from offerlens.domain.chartdata import (
    chart_set,
    cumulative_series,
    density_at,
    distribution_series,
    ladder_series,
)
from offerlens.domain.evaluate import evaluate_portfolio, tier_of
from offerlens.domain.models import Candidate, Equity, Offer, Portfolio, Tier, Track
from tests.decision_fixtures import portfolio


@pytest.fixture(scope="module")
def evaluated():
    p = portfolio()
    return p, evaluate_portfolio(p)


def _cdf(series, value: float) -> float:
    """Integrate the step density (per +10 % of pay, log x) from the floor to value."""
    total = 0.0
    for i, d in enumerate(series.density):
        lo, hi = series.edges[i], series.edges[i + 1]
        if value <= lo:
            break
        top = min(value, hi)
        total += d * (math.log(top) - math.log(lo)) / math.log(1.1)
    return total


def test_distribution_holds_every_hire_and_matches_the_tier_shares(evaluated):
    p, evs = evaluated
    s = distribution_series(p, evs)
    shares = load_dataset().assumption("tier_shares").shares
    assert s.available and s.segment_id == "campus_master_algorithm"
    assert _cdf(s, s.edges[-1]) == pytest.approx(100, abs=0.5)
    for span in s.tiers:
        within = _cdf(s, span.high) - _cdf(s, span.low)
        assert within == pytest.approx(shares[span.tier], abs=0.3)
    assert [t.tier for t in s.tiers] == [Tier.STANDARD, Tier.SP, Tier.SSP, Tier.TALENT_PROGRAM]
    assert any("assum" in a.lower() or "share" in a.lower() for a in s.assumptions)


def test_offer_marks_sit_at_the_engines_percentile(evaluated):
    p, evs = evaluated
    s = distribution_series(p, evs)
    assert [m.offer_id for m in s.offers] == ["bytedance", "alibaba", "huawei"]
    for mark, e in zip(s.offers, evs, strict=True):
        assert mark.value == e.tier.basis_cny
        assert mark.percentile == e.percentile.value
        # the density the chart draws integrates to the percentile the engine reports
        assert _cdf(s, mark.value) == pytest.approx(e.percentile.value, abs=0.3)
        assert density_at(s, mark.value) > 0


def test_experienced_hires_get_no_distribution():
    p = Portfolio(candidate=Candidate(track=Track.EXPERIENCED),
                  offers=[Offer(company="A", monthly_base=50000)])
    s = distribution_series(p, evaluate_portfolio(p))
    assert not s.available and "experienced" in s.reason


def test_ladder_places_each_offer_on_both_degrees(evaluated):
    p, evs = evaluated
    s = ladder_series(p, evs)
    ds = load_dataset()
    assert [r.degree.value for r in s.rungs] == ["master", "phd"]
    assert s.rungs[0].candidate and not s.rungs[1].candidate
    assert "standard" in s.rungs[1].assumed_anchors  # the PhD standard anchor is assumed
    for e in evs:
        for rung in s.rungs:
            segment = next(seg for seg in ds.segments if seg.id == rung.segment_id)
            assert s.placements[e.offer_id][rung.degree.value] == tier_of(e.tier.basis_cny,
                                                                          segment)
    # the same package reads a tier lower (or equal) against PhD bands
    order = list(Tier)
    for placement in s.placements.values():
        assert order.index(placement["phd"]) <= order.index(placement["master"])


def test_composition_parts_sum_to_the_engines_totals(evaluated):
    p, evs = evaluated
    c = chart_set(p, evs).composition
    for i, e in enumerate(evs):
        assert sum(c.year1[k][i] for k in c.year1) == e.first_year.total
        assert sum(c.steady[k][i] for k in c.steady) == e.steady_state.total
    assert c.year1["one_off"][0] == 100000 and c.steady["one_off"][0] == 0


def test_cumulative_pay_uses_sign_on_vesting_and_raise():
    p = portfolio(annual_raise=0.10)
    evs = evaluate_portfolio(p)
    s = cumulative_series(p, evs)
    bd = s.yearly[0]
    recurring = 35000 * 16
    assert bd[0] == evs[0].first_year.total == recurring + 100000 + 100000
    assert bd[1] == round(recurring * 1.1) + 100000
    assert bd[3] == round(recurring * 1.1**3) + 100000
    assert s.cumulative[0] == [sum(bd[: i + 1]) for i in range(4)]
    assert s.raise_assumed and "10%" in s.assumptions[0]


def test_cliff_moves_equity_into_the_year_it_ends():
    offer = Offer(id="c", company="Cliff", monthly_base=30000, months=15,
                  equity=Equity(grant_value=400000, years=4, cliff_months=18))
    p = Portfolio(offers=[offer])
    s = cumulative_series(p, evaluate_portfolio(p))
    recurring = 30000 * 15
    assert [y - recurring for y in s.yearly[0]] == [0, 200000, 100000, 100000]


def test_take_home_series_comes_from_the_take_home_engine(evaluated):
    p, evs = evaluated
    th = chart_set(p, evs).take_home
    assert th.available
    for i, e in enumerate(evs):
        assert th.net_steady[i] == e.take_home.steady_state.net_cash
        assert 0 < th.net_steady[i] < th.gross_steady[i]
        assert th.housing_fund_steady[i] == e.take_home.steady_state.housing_fund_total


def test_series_speak_the_chosen_language(evaluated):
    """Labels come from the dataset's label/label_zh; numbers do not depend on the language."""
    p, evs = evaluated
    ds = load_dataset()
    en, zh = chart_set(p, evs), chart_set(p, evs, lang="zh")
    assert (en.lang, zh.lang) == ("en", "zh")
    segment = next(seg for seg in ds.segments if seg.id == zh.distribution.segment_id)
    assert (en.distribution.segment_label, zh.distribution.segment_label) == (
        segment.label, segment.label_zh)
    by_label = {a.label: a.label_zh for a in ds.assumptions}
    for series_en, series_zh in ((en.distribution, zh.distribution), (en.ladder, zh.ladder)):
        pairs = [(a, b) for a, b in zip(series_en.assumptions, series_zh.assumptions,
                                        strict=True) if a in by_label]
        assert pairs and all(by_label[a] == b for a, b in pairs)
    assert [r.label for r in zh.ladder.rungs] == ["硕士", "博士"]
    assert [t.label for t in zh.distribution.tiers][0] == "白菜"
    assert "涨薪" in zh.cumulative.assumptions[0]
    # the same numbers either way
    assert en.distribution.density == zh.distribution.density
    assert en.composition.year1 == zh.composition.year1
    assert en.cumulative.cumulative == zh.cumulative.cumulative
    assert en.take_home.net_steady == zh.take_home.net_steady


def test_no_distribution_reason_in_chinese():
    p = Portfolio(candidate=Candidate(track=Track.EXPERIENCED),
                  offers=[Offer(company="A", monthly_base=50000)])
    s = distribution_series(p, evaluate_portfolio(p), lang="zh_CN")
    assert not s.available and s.lang == "zh" and "社招" in s.reason
