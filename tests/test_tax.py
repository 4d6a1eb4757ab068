"""Individual income tax: rate tables, separate vs merged bonus, cliffs, special deductions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offerlens.domain.models import SpecialDeductions
from offerlens.domain.tax import (
    ANNUAL_TABLE,
    BONUS_CLIFFS,
    MONTHLY_TABLE,
    bonus_cliff,
    comprehensive_tax,
    separate_bonus_tax,
    special_deductions_monthly,
    tax_year,
)


@pytest.mark.parametrize(
    ("taxable", "tax"),
    [
        (-5_000, 0),
        (0, 0),
        (36_000, 1_080),
        (36_001, 1_080),  # 3,600.1 − 2,520 = 1,080.1
        (100_000, 7_480),
        (144_000, 11_880),
        (300_000, 43_080),
        (420_000, 73_080),
        (660_000, 145_080),
        (960_000, 250_080),
        (1_000_000, 268_080),
        (82_468, 5_727),  # 8,246.8 − 2,520 = 5,726.8 → 5,727
    ],
)
def test_comprehensive_tax_known_values(taxable: int, tax: int) -> None:
    assert comprehensive_tax(taxable) == tax


@pytest.mark.parametrize("table", [ANNUAL_TABLE, MONTHLY_TABLE], ids=["annual", "monthly"])
def test_quick_deductions_make_the_tables_continuous(table) -> None:
    # at each limit, the row below and the row above give the same tax: a typo in a quick
    # deduction or a rate breaks this
    for below, above in zip(table, table[1:], strict=False):
        limit = below.upper
        assert limit * below.rate_pct - below.quick_deduction * 100 == (
            limit * above.rate_pct - above.quick_deduction * 100
        )


@pytest.mark.parametrize(
    ("bonus", "tax"),
    [
        (0, 0),
        (36_000, 1_080),  # 3,000 a month: 3 %
        (36_001, 3_390),  # 3,600.1 − 210
        (144_000, 14_190),  # 12,000 a month: 10 % − 210
        (144_001, 27_390),  # 28,800.2 − 1,410
        (300_000, 58_590),
        (420_000, 102_340),
        (660_000, 193_590),  # 55,000 a month: 30 % − 4,410
        (960_000, 328_840),
        (1_000_000, 434_840),
    ],
)
def test_separate_bonus_tax_known_values(bonus: int, tax: int) -> None:
    assert separate_bonus_tax(bonus) == tax


def test_cliffs_are_twelve_times_the_monthly_limits() -> None:
    assert BONUS_CLIFFS == (36_000, 144_000, 300_000, 420_000, 660_000, 960_000)


@given(st.integers(0, 3_000_000), st.integers(1, 100_000))
def test_more_taxable_income_never_leaves_less(taxable: int, more: int) -> None:
    assert taxable + more - comprehensive_tax(taxable + more) >= taxable - comprehensive_tax(
        taxable
    )


@given(st.integers(0, 2_000_000), st.integers(0, 1_500_000), st.integers(60_000, 400_000))
def test_tax_year_uses_and_names_the_cheaper_method(wages: int, bonus: int, deductions: int):
    result = tax_year(wages, bonus, deductions)
    separate = comprehensive_tax(wages - deductions) + separate_bonus_tax(bonus)
    merged = comprehensive_tax(wages + bonus - deductions)
    assert result.separate_total == separate
    assert result.merged_tax == merged
    assert result.tax == min(separate, merged)
    if separate < merged:
        assert result.method == "separate"
    else:
        assert result.method == "merged"


def test_separate_wins_for_a_typical_bonus_and_merged_when_wages_are_low() -> None:
    # high wages: the bonus would be taxed at 25 % merged, 10 % separately
    assert tax_year(420_000, 105_000, 154_536).method == "separate"
    # wages below the deductions: merging uses the unused deductions
    low = tax_year(40_000, 30_000, 90_000)
    assert low.method == "merged"
    assert low.tax == 0


def test_cliff_warning_names_how_much_less_bonus_leaves_more() -> None:
    warning = bonus_cliff(100_000, 36_500, 60_000)
    assert warning is not None
    assert warning.cliff == 36_000
    assert warning.reduce_by == 500
    # at 36,500: 3,650 − 210 = 3,440; at 36,000: 1,080 → (36,000 − 1,080) − (36,500 − 3,440)
    assert warning.more_money == 1_860
    assert "500" in warning.message and "1,860" in warning.message
    assert "1,860" in warning.message_zh


def test_cliff_dead_zone_ends_where_net_catches_up() -> None:
    # separate net at 36,000 is 34,920; 0.9 × B + 210 reaches it at B = 38,566.67
    assert bonus_cliff(100_000, 38_566, 60_000) is not None
    assert bonus_cliff(100_000, 38_567, 60_000) is None
    assert bonus_cliff(100_000, 36_000, 60_000) is None  # at the edge, not above it
    assert bonus_cliff(100_000, 35_000, 60_000) is None


def test_cliff_at_144k_is_large() -> None:
    warning = bonus_cliff(300_000, 144_100, 120_000)
    assert warning is not None and warning.cliff == 144_000
    assert warning.more_money > 10_000


def test_no_cliff_warning_when_merging_is_cheaper_anyway() -> None:
    # wages far below deductions: the bonus is merged and taxed smoothly, no cliff applies
    assert tax_year(10_000, 36_500, 120_000).method == "merged"
    assert bonus_cliff(10_000, 36_500, 120_000) is None


@given(
    st.integers(0, 1_500_000),
    st.integers(36_001, 1_200_000),
    st.integers(60_000, 300_000),
)
def test_cliff_warning_is_true_when_raised(wages: int, bonus: int, deductions: int) -> None:
    warning = bonus_cliff(wages, bonus, deductions)
    if warning is None:
        return
    net_here = bonus - tax_year(wages, bonus, deductions).tax
    net_edge = warning.cliff - tax_year(wages, warning.cliff, deductions).tax
    assert warning.cliff in BONUS_CLIFFS and warning.cliff < bonus
    assert warning.more_money == net_edge - net_here > 0
    assert warning.reduce_by == bonus - warning.cliff


def test_special_deductions_amounts_since_2023() -> None:
    d = SpecialDeductions(
        children=2, infants=1, elderly_monthly=3000, rent_monthly=1500, continuing_education=True
    )
    items = special_deductions_monthly(d)
    assert items == {
        "child education": 4_000,
        "infant care": 2_000,
        "elderly support": 3_000,
        "housing rent": 1_500,
        "continuing education": 400,
    }
    # the work city's rent tier replaces the amount entered
    assert special_deductions_monthly(d, rent_tier=1_100)["housing rent"] == 1_100
    assert special_deductions_monthly(SpecialDeductions(mortgage=True)) == {
        "mortgage interest": 1_000
    }
    assert special_deductions_monthly(SpecialDeductions()) == {}
