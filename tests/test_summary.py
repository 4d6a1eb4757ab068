"""The decision summary model: what every export renders."""

from __future__ import annotations

from datetime import date

from offerlens.domain.evaluate import evaluate_portfolio
from offerlens.domain.summary import build_summary
from tests.decision_fixtures import portfolio


def test_summary_holds_recommendation_rows_flags_and_vintage():
    p = portfolio(annual_raise=0.05)
    evs = evaluate_portfolio(p, today=date(2024, 10, 1))
    s = build_summary(p, evs, today=date(2024, 10, 1))
    top = s.matrix.ranking[0]
    assert s.leader == top.company and top.company in s.recommendation
    assert [o.offer_id for o in s.offers] == ["bytedance", "alibaba", "huawei"]
    for row, e in zip(s.offers, evs, strict=True):
        assert row.first_year_total == e.first_year.total
        assert row.percentile == e.percentile.value
        assert row.take_home_year1 == e.take_home.first_year.net_cash
    assert s.take_home_available
    cited = [f for f in s.flags if f.source_quote]
    assert cited, "the Genius Youth offer raises a cited flag"
    assert all(f.source_file.endswith(".txt") for f in cited)
    labels = " ".join(a.label for a in s.assumptions)
    assert "Share of big-company campus hires" in labels  # tier shares, an assumption
    assert "Annual raise of 5%" in labels
    assert s.dataset_version and "2024" in s.vintage
    assert s.generated == date(2024, 10, 1)


def test_summary_without_offers_says_so():
    p = portfolio().model_copy(update={"offers": []})
    s = build_summary(p)
    assert "No offers yet" in s.recommendation and s.offers == []
