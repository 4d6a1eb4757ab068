"""The evaluation engine: tiers that match the articles, exact breakdowns, cited flags."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerlens.domain.evaluate import evaluate, evaluate_portfolio
from offerlens.domain.models import TIER_ORDER, Candidate, Offer, Portfolio, Tier

TODAY = date(2024, 9, 1)
MASTER = Candidate(degree="master", track="campus", role_family="algorithm")
PHD = Candidate(degree="phd", track="campus", role_family="algorithm")


def ev(candidate: Candidate = MASTER, **fields):
    return evaluate(Offer(company="Co", **fields), candidate, today=TODAY)


def flag_ids(e) -> set[str]:
    return {f.id for f in e.flags}


@pytest.mark.parametrize(
    ("fields", "tier"),
    [
        ({"monthly_base": 26000, "months": 16}, Tier.STANDARD),
        ({"monthly_base": 45000, "months": 16}, Tier.SSP),
        ({"annual_package": 1_500_000}, Tier.TALENT_PROGRAM),
        ({"monthly_base": 12000, "months": 13, "guaranteed_months": 13}, Tier.BELOW_STANDARD),
        ({"monthly_base": 33000, "months": 16}, Tier.SP),
    ],
)
def test_master_algorithm_tiers_match_the_articles(fields, tier) -> None:
    assert ev(**fields).tier.tier is tier


def test_phd_at_21k_is_below_standard_and_carries_the_phd_flag() -> None:
    e = ev(PHD, monthly_base=21000, months=15)
    assert e.tier.tier is Tier.BELOW_STANDARD
    flag = next(f for f in e.flags if f.id == "phd_declined_level")
    assert flag.source is not None and "21k" in flag.source.quote


def test_phd_bands_are_higher_than_masters() -> None:
    offer = {"monthly_base": 35000, "months": 16}  # 560k
    assert ev(MASTER, **offer).tier.tier is Tier.SP
    assert ev(PHD, **offer).tier.tier is Tier.STANDARD


def test_breakdown_is_exact_for_fractional_months_and_extras() -> None:
    e = ev(
        monthly_base=20000,
        months=14.6,
        sign_on=100000,
        allowances_monthly=3000,
        annual_bonus=30000,
        equity={"grant_value": 400000, "years": 4, "schedule": [5, 15, 40, 40]},
    )
    s, y1 = e.steady_state, e.first_year
    assert s.guaranteed_cash == 20000 * 13 + 3000 * 12
    assert s.performance == 292000 - 260000 + 30000
    assert s.equity == 100000 and s.one_off == 0
    assert y1.one_off == 100000 and y1.equity == 20000
    assert y1.total == y1.guaranteed_cash + y1.performance + y1.one_off + y1.equity
    # tier basis: recurring cash only, sign-on and equity beside it
    assert e.tier.basis_cny == 292000 + 36000 + 30000


def test_cliff_beyond_a_year_leaves_no_equity_in_year_one() -> None:
    e = ev(monthly_base=30000, months=16, equity={"grant_value": 400000, "cliff_months": 18})
    assert e.first_year.equity == 0
    assert e.steady_state.equity == 100000


def test_distance_to_next_tier() -> None:
    e = ev(monthly_base=26000, months=16)
    assert e.tier.next_tier is Tier.SP
    assert e.tier.basis_cny + e.tier.to_next_tier_cny == 460000


def test_named_talent_programme_sets_tier_and_notes_a_low_package() -> None:
    e = ev(monthly_base=30000, months=16, talent_program="Top Seed")
    assert e.tier.tier is Tier.TALENT_PROGRAM and e.tier.by_program
    assert "program_below_band" in flag_ids(e)


def test_hr_label_never_overrides_and_disagreement_is_flagged() -> None:
    e = ev(monthly_base=26000, months=16, hr_tier="ssp")
    assert e.tier.tier is Tier.STANDARD and e.tier.hr_tier is Tier.SSP
    assert "hr_tier_disagrees" in flag_ids(e)
    assert "hr_tier_disagrees" not in flag_ids(
        ev(monthly_base=26000, months=16, hr_tier="standard")
    )


def test_other_roles_get_an_indicative_tier_with_a_caveat() -> None:
    product = Candidate(degree="master", role_family="product")
    e = ev(product, monthly_base=26000, months=16)
    assert e.tier.indicative and e.tier.tier is Tier.STANDARD
    assert "indicative_tier" in flag_ids(e)
    assert "indicative_other_roles" in e.percentile.assumptions


def test_experienced_track_has_no_tier_and_judges_the_raise() -> None:
    exp = Candidate(track="experienced", role_family="algorithm", current_annual_pay=500000)
    low = ev(exp, monthly_base=35000, months=15)  # 525k: +5 %
    assert low.tier.tier is None and low.percentile.value is None
    assert "raise_below_typical" in flag_ids(low)
    assert low.raise_vs_current == pytest.approx(0.05)
    good = ev(exp, monthly_base=45000, months=16)  # 720k: +44 %
    assert "raise_in_typical_range" in flag_ids(good)
    assert "experienced_vs_market_monthly" in flag_ids(good)


@pytest.mark.parametrize(
    ("fields", "flag"),
    [
        ({"employer_type": "ai_startup"}, "ai_startup_funding_risk"),
        ({"employer_type": "startup"}, "startup_stability_risk"),
        ({"non_compete": True}, "non_compete"),
        ({"months": 20, "guaranteed_months": 13}, "large_performance_share"),
        ({"equity": {"grant_value": 2_000_000, "years": 4}}, "equity_heavy"),
        ({"equity": {"grant_value": 100_000, "kind": "options"}}, "illiquid_equity"),
        ({"months": 20}, "unusual_months"),
        ({"schedule": "大小周"}, "long_hours"),
        ({"schedule": "custom", "hours_per_week": 66}, "long_hours"),
        ({"hukou": False, "city": "Beijing"}, "no_hukou"),
        ({"breach_penalty": 5000}, "breach_penalty"),
        ({"kind": "letter_of_intent"}, "letter_of_intent"),
        ({"deadline": date(2024, 9, 5)}, "deadline_soon"),
        ({"deadline": date(2024, 8, 5)}, "deadline_passed"),
        ({"monthly_base": None, "annual_package": 480_000}, "package_only"),
    ],
)
def test_flags_fire_on_their_conditions(fields, flag) -> None:
    base = {"monthly_base": 30000, "months": 16}
    assert flag not in flag_ids(ev(**base))
    assert flag in flag_ids(ev(**{**base, **fields}))


def test_every_flag_has_a_source_or_is_marked_as_assumption() -> None:
    e = ev(
        monthly_base=30000,
        months=20,
        employer_type="ai_startup",
        non_compete=True,
        schedule="one_day_weekend",
        hukou=False,
        city="上海",
        kind="letter_of_intent",
    )
    assert len(e.flags) >= 6
    for f in e.flags:
        assert (f.source is not None) != f.assumption, f.id
        assert f.message and f.message_zh
        assert "{" not in f.message and "{" not in f.message_zh, f.message


def test_long_hours_message_gives_hourly_pay() -> None:
    e = ev(monthly_base=30000, months=16, schedule="alternating")
    msg = next(f.message for f in e.flags if f.id == "long_hours")
    assert "55 hours" in msg and f"¥{round(480000 / (55 * 48))}" in msg


def test_month_range_is_evaluated_at_the_low_end_and_the_high_end_shown() -> None:
    e = ev(monthly_base=18000, months=14, months_high=16)
    assert e.tier.basis_cny == 18000 * 14
    assert "288,000" in e.months_high_note


def test_portfolio_evaluates_in_order() -> None:
    p = Portfolio(
        candidate=MASTER,
        offers=[Offer(company="A", monthly_base=26000), Offer(company="B", annual_package=500000)],
    )
    assert [e.company for e in evaluate_portfolio(p, today=TODAY)] == ["A", "B"]


offers = st.builds(
    dict,
    monthly_base=st.integers(0, 500_000),
    months=st.floats(12, 24, allow_nan=False),
    sign_on=st.integers(0, 2_000_000),
    allowances_monthly=st.integers(0, 20_000),
    annual_bonus=st.integers(0, 1_000_000),
    annual_bonus_guaranteed=st.booleans(),
    grant=st.integers(0, 5_000_000),
    years=st.integers(1, 6),
    cliff=st.integers(0, 24),
)


def _offer(d: dict) -> Offer:
    guaranteed = min(13.0, d["months"])
    equity = {"grant_value": d["grant"], "years": d["years"], "cliff_months": d["cliff"]}
    return Offer(
        company="P",
        monthly_base=d["monthly_base"],
        months=d["months"],
        guaranteed_months=guaranteed,
        sign_on=d["sign_on"],
        allowances_monthly=d["allowances_monthly"],
        annual_bonus=d["annual_bonus"],
        annual_bonus_guaranteed=d["annual_bonus_guaranteed"],
        equity=equity if d["grant"] else None,
    )


@given(offers, st.sampled_from([MASTER, PHD]))
def test_any_valid_offer_evaluates_and_breakdowns_sum(d, candidate) -> None:
    e = evaluate(_offer(d), candidate, today=TODAY)
    for b in (e.first_year, e.steady_state):
        assert b.total == b.guaranteed_cash + b.performance + b.one_off + b.equity
        assert min(b.guaranteed_cash, b.performance, b.one_off, b.equity) >= 0
    assert 0 <= e.percentile.value <= 100


@given(offers, st.integers(1, 200_000), st.sampled_from([MASTER, PHD]))
def test_more_pay_never_lowers_tier_or_percentile(d, extra, candidate) -> None:
    low = evaluate(_offer(d), candidate, today=TODAY)
    high = evaluate(
        _offer({**d, "monthly_base": d["monthly_base"] + extra}), candidate, today=TODAY
    )
    assert TIER_ORDER.index(high.tier.tier) >= TIER_ORDER.index(low.tier.tier)
    assert high.percentile.value >= low.percentile.value
