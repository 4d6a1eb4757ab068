"""Chinese individual income tax (个人所得税) on wages for a resident, in integer yuan.

- Comprehensive income (综合所得), yearly: taxable = wages − 60,000 basic deduction − employee
  social insurance and housing fund − special additional deductions; tax = taxable × rate −
  quick deduction from the annual table.
- A year-end lump-sum bonus (全年一次性奖金) may be taxed on its own until 31 Dec 2027
  (MoF & STA announcement 2023 No. 30): bonus ÷ 12 picks the rate in the monthly table, tax =
  bonus × rate − quick deduction, once. Or it is merged into comprehensive income. Both are
  computed; the cheaper is used and named.
- The separate method has cliffs: one yuan of bonus above 36,000, 144,000, 300,000, 420,000,
  660,000 or 960,000 moves the whole bonus into a higher rate.

Each tax is rounded to the yuan, half up.
Sources (checked): rate tables — PwC Worldwide Tax Summaries as reproduced by JCK
(jckinfo.com/resources/tax-information/?location=prc); announcement 2023 No. 30 — English
translation at my-associate.com and the Hong Kong Bay Area portal's summary of 18 Aug 2023;
special additional deduction amounts since 1 Jan 2023 — State Council notice of 28 Aug 2023 as
summarised by Greatway (greatwaylimited.com).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from offerlens.domain.models import SpecialDeductions

BASIC_DEDUCTION_ANNUAL = 60_000


class Bracket(BaseModel):
    """One row of a rate table: amounts up to ``upper`` (None = no limit)."""

    model_config = ConfigDict(frozen=True)

    upper: int | None
    rate_pct: int
    quick_deduction: int


def _table(rows: list[tuple[int | None, int, int]]) -> tuple[Bracket, ...]:
    return tuple(Bracket(upper=u, rate_pct=r, quick_deduction=q) for u, r, q in rows)


ANNUAL_TABLE = _table(
    [
        (36_000, 3, 0),
        (144_000, 10, 2_520),
        (300_000, 20, 16_920),
        (420_000, 25, 31_920),
        (660_000, 30, 52_920),
        (960_000, 35, 85_920),
        (None, 45, 181_920),
    ]
)

MONTHLY_TABLE = _table(
    [
        (3_000, 3, 0),
        (12_000, 10, 210),
        (25_000, 20, 1_410),
        (35_000, 25, 2_660),
        (55_000, 30, 4_410),
        (80_000, 35, 7_160),
        (None, 45, 15_160),
    ]
)

#: Bonus amounts at which the separate method jumps to the next rate (12 × monthly limits).
BONUS_CLIFFS = tuple(12 * b.upper for b in MONTHLY_TABLE if b.upper is not None)

TAX_SOURCES = {
    "rate_tables": "PwC Worldwide Tax Summaries, China (People's Republic of) — Individual — "
    "Taxes on personal income, as reproduced at jckinfo.com/resources/tax-information/"
    "?location=prc (verified)",
    "bonus_2023_30": "MoF & STA announcement [2023] No. 30, 18 Aug 2023, in force to 31 Dec 2027 "
    "(verified: English translation at my-associate.com; summary at bayarea.gov.hk)",
    "special_deductions": "State Council notice of 28 Aug 2023 raising child education, infant "
    "care and elderly support from 1 Jan 2023; rent 1,500/1,100/800, mortgage 1,000, continuing "
    "education 400 (verified: greatwaylimited.com summary)",
    "equity_2023_25": "MoF & STA announcement 2023 No. 25: listed-company equity incentive "
    "income is taxed separately on the annual table, to 31 Dec 2027 (verified: text reproduced "
    "at 0798ci.com and ganzhoutaxlawyer.com)",
}

# monthly special additional deduction amounts (since 1 Jan 2023)
CHILD_EDUCATION = 2_000
INFANT_CARE = 2_000
MORTGAGE_INTEREST = 1_000
CONTINUING_EDUCATION = 400


def bracket_for(amount: int, table: tuple[Bracket, ...]) -> Bracket:
    """The row of ``table`` that ``amount`` falls in (limits are inclusive)."""
    for bracket in table:
        if bracket.upper is None or amount <= bracket.upper:
            return bracket
    return table[-1]


_NO_LIMIT = 1 << 62
# the tables as plain columns for the hot path: inclusive upper limits (searched with
# bisect), rate % and quick deduction; the separate-bonus limits are 12 × the monthly ones
# (bonus ÷ 12 ≤ limit ⇔ bonus ≤ 12 × limit)
_ANNUAL_UPPER = tuple(_NO_LIMIT if b.upper is None else b.upper for b in ANNUAL_TABLE)
_ANNUAL_RATE_QUICK = tuple((b.rate_pct, b.quick_deduction) for b in ANNUAL_TABLE)
_BONUS_UPPER = tuple(_NO_LIMIT if b.upper is None else 12 * b.upper for b in MONTHLY_TABLE)
_BONUS_RATE_QUICK = tuple((b.rate_pct, b.quick_deduction) for b in MONTHLY_TABLE)


def comprehensive_tax(taxable: int) -> int:
    """Tax on a year's taxable comprehensive income (after all deductions); 0 when ≤ 0.

    taxable × rate % − quick deduction, rounded half up to the yuan, in integers.
    """
    if taxable <= 0:
        return 0
    # the first row whose upper limit is ≥ taxable (the last row has no limit)
    rate, quick = _ANNUAL_RATE_QUICK[bisect_left(_ANNUAL_UPPER, taxable)]
    return (taxable * rate * 2 + 100) // 200 - quick


def separate_bonus_tax(bonus: int) -> int:
    """Tax on a year-end lump-sum bonus under the separate method (2023 No. 30)."""
    if bonus <= 0:
        return 0
    rate, quick = _BONUS_RATE_QUICK[bisect_left(_BONUS_UPPER, bonus)]
    return (bonus * rate * 2 + 100) // 200 - quick


def separate_bonus_bracket(bonus: int) -> Bracket:
    """The monthly-table row for ``bonus`` ÷ 12 (bonus ÷ 12 ≤ limit ⇔ bonus ≤ 12 × limit)."""
    return next(
        (b for b in MONTHLY_TABLE if b.upper is None or bonus <= 12 * b.upper), MONTHLY_TABLE[-1]
    )


def special_deductions_monthly(
    d: SpecialDeductions, rent_tier: int | None = None
) -> dict[str, int]:
    """Monthly special additional deductions by item (only items that apply).

    ``rent_tier`` is the work city's rent tier; when given it replaces the amount the candidate
    entered (the law ties the rent deduction to the city of work).
    """
    items: dict[str, int] = {}
    if d.children:
        items["child education"] = CHILD_EDUCATION * d.children
    if d.infants:
        items["infant care"] = INFANT_CARE * d.infants
    if d.elderly_monthly:
        items["elderly support"] = d.elderly_monthly
    if d.rent_monthly:
        items["housing rent"] = rent_tier if rent_tier is not None else d.rent_monthly
    if d.mortgage:
        items["mortgage interest"] = MORTGAGE_INTEREST
    if d.continuing_education:
        items["continuing education"] = CONTINUING_EDUCATION
    return items


Method = Literal["separate", "merged"]


class BonusTax(BaseModel):
    """A year's income tax with the year-end bonus taxed both ways."""

    model_config = ConfigDict(extra="forbid")

    wages: int = Field(description="comprehensive income other than the year-end bonus")
    bonus: int
    deductions: int = Field(description="basic + social insurance/housing fund + special")
    separate_wage_tax: int
    separate_bonus_tax: int
    merged_tax: int
    method: Method
    tax: int

    @property
    def separate_total(self) -> int:
        return self.separate_wage_tax + self.separate_bonus_tax

    @property
    def saving(self) -> int:
        """How much the chosen method saves over the other."""
        return abs(self.separate_total - self.merged_tax)


def tax_parts(wages: int, bonus: int, deductions: int) -> tuple[int, int, int]:
    """``(separate wage tax, separate bonus tax, merged tax)`` for a year; see :func:`tax_year`."""
    return (
        comprehensive_tax(wages - deductions),
        separate_bonus_tax(bonus),
        comprehensive_tax(wages + bonus - deductions),
    )


def cheaper(bonus: int, separate: int, merged: int) -> tuple[Method, int]:
    """The method used and its tax: separate only when there is a bonus and it is cheaper."""
    if bonus > 0 and separate < merged:
        return "separate", separate
    return "merged", merged


def tax_year(wages: int, bonus: int, deductions: int) -> BonusTax:
    """Tax for a year with ``wages`` of comprehensive income and a year-end ``bonus``.

    ``deductions`` is everything deducted from comprehensive income (basic 60,000, employee
    social insurance and housing fund, special additional deductions). The separate method is
    chosen only when strictly cheaper; with no bonus the result is "merged".
    """
    sep_wage, sep_bonus, merged = tax_parts(wages, bonus, deductions)
    method, tax = cheaper(bonus, sep_wage + sep_bonus, merged)
    return BonusTax(
        wages=wages,
        bonus=bonus,
        deductions=deductions,
        separate_wage_tax=sep_wage,
        separate_bonus_tax=sep_bonus,
        merged_tax=merged,
        method=method,
        tax=tax,
    )


class CliffWarning(BaseModel):
    """A bonus just above a separate-method cliff: a smaller bonus would leave more money."""

    model_config = ConfigDict(extra="forbid")

    bonus: int
    cliff: int = Field(description="the bonus at the cliff edge")
    reduce_by: int = Field(description="how much less bonus reaches the cliff edge")
    more_money: int = Field(description="how much more would be left after tax at the edge")

    @property
    def message(self) -> str:
        return (
            f"The year-end bonus of {self.bonus:,} CNY sits just above the {self.cliff:,} CNY "
            f"cliff of the separate bonus tax: {self.reduce_by:,} CNY less bonus "
            f"({self.cliff:,}) would leave {self.more_money:,} CNY more after tax."
        )

    @property
    def message_zh(self) -> str:
        return (
            f"年终奖 {self.bonus:,} 元刚好超过单独计税的 {self.cliff:,} 元临界点："
            f"少发 {self.reduce_by:,} 元（即 {self.cliff:,} 元）税后反而多 {self.more_money:,} 元。"
        )


def bonus_cliff(wages: int, bonus: int, deductions: int) -> CliffWarning | None:
    """Warn when a bonus at a cliff edge below ``bonus`` would leave more after tax.

    Both bonuses are taxed the cheaper way, so the warning holds for the method actually used.
    The nearest such edge is reported.
    """
    if bonus <= BONUS_CLIFFS[0]:
        return None
    sep_wage, sep_bonus, merged = tax_parts(wages, bonus, deductions)
    found = cliff_edge(wages, bonus, deductions, min(sep_wage + sep_bonus, merged), sep_wage)
    if found is None:
        return None
    cliff, more = found
    return CliffWarning(bonus=bonus, cliff=cliff, reduce_by=bonus - cliff, more_money=more)


# the edges below a bonus, nearest first, by bisect_left(BONUS_CLIFFS, bonus)
_EDGES_BELOW = tuple(tuple(reversed(BONUS_CLIFFS[:i])) for i in range(len(BONUS_CLIFFS) + 1))


def cliff_edge(
    wages: int, bonus: int, deductions: int, tax: int, wage_tax: int
) -> tuple[int, int] | None:
    """``(cliff, more money)`` for the nearest cliff edge below ``bonus`` that leaves more.

    ``tax`` is the year's tax with ``bonus`` (the cheaper method) and ``wage_tax`` the tax on
    the wages alone, both as :func:`tax_year` computes them; :func:`bonus_cliff` in numbers.
    """
    if bonus <= BONUS_CLIFFS[0]:
        return None
    net_here = bonus - tax
    for cliff in _EDGES_BELOW[bisect_left(BONUS_CLIFFS, bonus)]:
        # either method taxes at least the wages, so an edge leaves at most cliff − wage_tax;
        # that bound falls with the edge, so no lower edge can leave more either
        if cliff - wage_tax <= net_here:
            return None
        sep_wage, sep_bonus, merged = tax_parts(wages, cliff, deductions)
        net_edge = cliff - min(sep_wage + sep_bonus, merged)
        if net_edge > net_here:
            return cliff, net_edge - net_here
    return None
