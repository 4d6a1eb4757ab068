"""Decision matrix: weights, scaling, ranking and the sensitivity note."""

from __future__ import annotations

import pytest

from offerlens.domain.decision import (
    BUILTIN_CRITERIA,
    CriterionRow,
    build_matrix,
    min_max,
    normalised_weights,
    sensitivity,
)
from offerlens.domain.evaluate import evaluate_portfolio
from offerlens.domain.models import DecisionSettings
from tests.decision_fixtures import portfolio


def test_weights_renormalise_to_one_and_include_custom_criteria():
    settings = DecisionSettings(weights={"first_year_pay": 50, "growth": 30, "Team": 20},
                                custom_criteria=["Team"])
    w = normalised_weights(settings)
    assert sum(w.values()) == pytest.approx(1)
    assert set(w) == {*BUILTIN_CRITERIA, "Team"}
    assert w["first_year_pay"] / w["growth"] == pytest.approx(50 / 30)
    zero = normalised_weights(DecisionSettings(weights=dict.fromkeys(BUILTIN_CRITERIA, 0)))
    assert list(zero.values()) == pytest.approx([1 / len(BUILTIN_CRITERIA)] * len(zero))


def test_min_max_scaling():
    assert min_max([100, 300, 200]) == [1, 5, 3]
    assert min_max([7, 7]) == [3, 3]


def only(**weights):
    return dict.fromkeys(BUILTIN_CRITERIA, 0) | weights


def test_pay_only_weights_rank_by_pay():
    p = portfolio(weights=only(first_year_pay=1))
    m = build_matrix(p, evaluate_portfolio(p))
    # year 1: Huawei 800k, ByteDance 760k (incl. sign-on and equity), Alibaba 416k
    assert [r.offer_id for r in m.ranking] == ["huawei", "bytedance", "alibaba"]
    row = next(r for r in m.criteria if r.id == "first_year_pay")
    assert row.raw == [760000, 416000, 800000]
    assert row.scores[2] == 5 and row.scores[1] == 1


def test_subjective_scores_and_unscored_default():
    p = portfolio(weights=only(growth=1), scores={"alibaba": {"growth": 5}})
    m = build_matrix(p, evaluate_portfolio(p))
    assert m.ranking[0].offer_id == "alibaba"
    row = next(r for r in m.criteria if r.id == "growth")
    assert row.scores == [3, 5, 3] and row.unscored == [True, False, True]
    assert any("neutral 3" in a for a in m.assumptions)


def test_four_year_pay_follows_the_annual_raise():
    base = portfolio(weights=only(four_year_pay=1))
    raised = portfolio(weights=only(four_year_pay=1), annual_raise=0.2)
    a = build_matrix(base, evaluate_portfolio(base)).criteria[1].raw
    b = build_matrix(raised, evaluate_portfolio(raised)).criteria[1].raw
    assert all(y > x for x, y in zip(a, b, strict=True))


def test_take_home_weighting_uses_net_pay():
    p = portfolio(weights=only(first_year_pay=1), use_take_home=True)
    evs = evaluate_portfolio(p)
    m = build_matrix(p, evs)
    assert m.use_take_home
    row = next(r for r in m.criteria if r.id == "first_year_pay")
    assert "take-home" in row.label
    # net cash of year 1 plus year-1 equity after its estimated tax: below the gross figure
    for raw, e in zip(row.raw, evs, strict=True):
        assert raw >= e.take_home.first_year.net_cash
        assert raw < e.first_year.total


def _leader(rows, totals_from):
    totals = [sum(r.weight * r.scores[i] for r in rows) for i in range(len(rows[0].scores))]
    return max(range(len(totals)), key=lambda i: (round(totals[i], 9), -i)), totals


def _reweigh(rows, k, t):
    w = rows[k].weight
    return [
        r.model_copy(update={"weight": t if j == k else r.weight * (1 - t) / (1 - w)})
        for j, r in enumerate(rows)
    ]


def test_sensitivity_is_the_smallest_change_that_flips_the_winner():
    p = portfolio(scores={"bytedance": {"growth": 5, "work_life": 2},
                          "huawei": {"growth": 3, "stability": 5}})
    m = build_matrix(p, evaluate_portfolio(p))
    s = m.sensitivity
    assert s.criterion is not None and s.challenger_id != m.ranking[0].offer_id
    rows = m.criteria
    k = next(i for i, r in enumerate(rows) if r.id == s.criterion)
    leader, _ = _leader(rows, None)
    step = 0.002 if s.change_pp > 0 else -0.002
    after, _ = _leader(_reweigh(rows, k, rows[k].weight + s.change_pp / 100 + step), None)
    assert after != leader
    # no single weight moved by less than the reported amount changes the winner
    bound = abs(s.change_pp) / 100 - 0.002
    for j, r in enumerate(rows):
        for sign in (-1, 1):
            for frac in (0.25, 0.5, 0.75, 1.0):
                t = r.weight + sign * bound * frac
                if 0 <= t < 1:
                    assert _leader(_reweigh(rows, j, t), None)[0] == leader
    assert f"{abs(s.change_pp):.1f} percentage points" in s.text


def test_sensitivity_says_when_no_single_weight_overturns_the_winner():
    def row(cid, w, scores):
        return CriterionRow(id=cid, label=cid, kind="subjective", weight=w, raw=[None, None],
                            scores=scores, unscored=[False, False])

    rows = [row("a", 0.5, [5, 1]), row("b", 0.5, [5, 1])]
    s = sensitivity(rows, ["x", "y"], ["X", "Y"], [5, 1])
    assert s.criterion is None and "whatever single weight" in s.text
    assert "Only one offer" in sensitivity(rows[:1], ["x"], ["X"], [5]).text
