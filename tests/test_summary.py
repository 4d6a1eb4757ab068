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


def test_chinese_summary_uses_the_engines_and_datasets_own_chinese():
    from offerlens.domain.bands import load_dataset

    p = portfolio(annual_raise=0.05)
    evs = evaluate_portfolio(p, today=date(2024, 10, 1))
    s = build_summary(p, evs, today=date(2024, 10, 1), lang="zh")
    en = build_summary(p, evs, today=date(2024, 10, 1))
    ds = load_dataset()
    assert s.lang == "zh" and s.title == "OfferLens 决策摘要"
    assert s.leader == en.leader and s.leader in s.recommendation and "排第一" in s.recommendation
    # flags: the engine's Chinese message, quotes and their files untouched
    engine = [f for e in evs for f in e.flags]
    assert [f.message for f in s.flags] == [f.message_zh for f in engine]
    assert [f.source_quote for f in s.flags] == [f.source_quote for f in en.flags]
    # numbers are the same summary
    assert [o.model_dump(exclude={"tier", "hr_tier", "to_next_tier", "city"}) for o in s.offers] \
        == [o.model_dump(exclude={"tier", "hr_tier", "to_next_tier", "city"}) for o in en.offers]
    from offerlens.domain.labels import TIER_LABELS

    assert [o.tier for o in s.offers] == [TIER_LABELS[e.tier.tier][1] for e in evs]
    assert "人才计划" in [o.tier for o in s.offers]
    assert s.offers[0].city == "北京" and "校招 · 硕士" in s.candidate_profile
    segment = ds.segment_for(p.candidate.degree, p.candidate.role_family)[0]
    assert s.segment_label == segment.label_zh
    labels = [a.label for a in s.assumptions]
    assert ds.assumption("tier_shares").label_zh in labels
    assert s.assumptions[0].note == ds.tier_rule.text_zh
    assert all(line in labels for line in s.matrix.assumptions_zh)
    take_home_zh = {n.message_zh for n in evs[0].take_home.assumptions}
    assert take_home_zh <= set(labels)
    assert s.criterion_labels == [r.label_zh for r in s.matrix.criteria]
    assert s.sensitivity == s.matrix.sensitivity.text_zh
    assert s.vintage == ds.vintage_zh and s.disclaimer == ds.disclaimer_zh
    assert s.charts.lang == "zh"
    # no English sentence of the engine is left in the Chinese summary
    english = {f.message for f in en.flags} | {a.label for a in en.assumptions[1:]}
    assert english and not english & ({f.message for f in s.flags} | set(labels))


def test_summary_language_is_checked():
    import pytest

    assert build_summary(portfolio(), lang="zh_CN").lang == "zh"
    with pytest.raises(ValueError, match="'fr'"):
        build_summary(portfolio(), lang="fr")


def test_one_offer_in_chinese_has_a_chinese_sensitivity_line():
    p = portfolio().model_copy(update={"offers": portfolio().offers[:1]})
    s = build_summary(p, lang="zh")
    assert s.sensitivity and "只有一个" in s.sensitivity and "唯一" in s.recommendation
