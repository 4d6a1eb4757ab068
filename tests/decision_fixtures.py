"""Portfolios shared by the chart, decision, summary and export tests."""

from __future__ import annotations

from offerlens.domain.models import Candidate, DecisionSettings, Equity, Offer, Portfolio

SCRIPT_NAME = "<script>alert('x')</script> Corp"
FORMULA_NAME = '=HYPERLINK("http://evil.example","click")'


def offers() -> list[Offer]:
    return [
        Offer(id="bytedance", company="字节跳动 ByteDance", city="Beijing", monthly_base=35000,
              months=16, guaranteed_months=13, sign_on=100000,
              equity=Equity(grant_value=400000, years=4)),
        Offer(id="alibaba", company="阿里巴巴", city="Hangzhou", monthly_base=26000, months=16),
        Offer(id="huawei", company="华为 Huawei", city="Shenzhen", annual_package=800000,
              months=14, guaranteed_months=14, talent_program="Genius Youth"),
    ]


def portfolio(**decision) -> Portfolio:
    return Portfolio(
        candidate=Candidate(name="林晓", city="Beijing"),
        offers=offers(),
        decision=DecisionSettings(**decision),
    )


def hostile_portfolio() -> Portfolio:
    p = portfolio()
    extra = [
        Offer(id="script", company=SCRIPT_NAME, monthly_base=30000, months=15),
        Offer(id="formula", company=FORMULA_NAME, monthly_base=28000, months=15),
    ]
    return p.model_copy(update={"offers": [*p.offers, *extra]})
