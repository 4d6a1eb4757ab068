"""Take-home pay (税后到手): what reaches the candidate's account in year 1 and in a normal year.

``compute_take_home(offer, candidate, cities)`` runs the offer through the city's social
insurance and housing fund (``social``) and the individual income tax (``tax``) and returns
integer-yuan totals with a line-by-line computation. Every simplification is listed in
``TakeHome.assumptions`` (see ``ASSUMPTIONS``) and written up in docs/take-home.md.

Signs in the computation lines: money paid to the candidate is positive, contributions and
tax are negative, information lines (bases, taxable income) are positive.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from offerlens.domain.computation import LATER, ComputationLine, Explained, maker, trusted
from offerlens.domain.models import BonusRule, Candidate, EquityKind, Offer
from offerlens.domain.social import (
    CityRow,
    CityTable,
    Contributions,
    contribution_values,
    div_half_up,
    ratio,
    shipped_table_shared,
    times_rate,
)
from offerlens.domain.tax import (
    ANNUAL_TABLE,
    BASIC_DEDUCTION_ANNUAL,
    BONUS_CLIFFS,
    BonusTax,
    CliffWarning,
    bracket_for,
    cliff_edge,
    comprehensive_tax,
    separate_bonus_bracket,
    separate_bonus_tax,
    special_deductions_monthly,
    tax_year,
)

#: Length of the working day behind the dataset's hours by schedule (assumption: a 10-hour
#: day, common in Chinese tech companies, not the legal 8); named in the assumption note.
HOURS_PER_DAY = 10


class Note(BaseModel):
    """A warning or an assumption, in English and Chinese."""

    model_config = ConfigDict(extra="forbid")

    id: str
    message: str
    message_zh: str = ""


ASSUMPTIONS: dict[str, Note] = {
    n.id: n
    for n in [
        Note(
            id="year_end_lump_sum",
            message="The 13th-month salary, the performance months above it and any recurring "
            "annual bonus are paid together as one year-end lump sum, which may use the separate "
            "bonus tax.",
            message_zh="第13个月工资、绩效月数和其他年度奖金合并为一次性年终奖发放，可选择单独计税。",
        ),
        Note(
            id="contribution_base",
            message="The social-insurance and housing-fund base is the contract monthly wage "
            "(base + allowances, not the probation wage and not the bonus), clamped to the "
            "city's limits, for the whole year.",
            message_zh="社保和公积金基数按合同月薪（基本工资+补贴，不含试用期折扣和奖金）计算，并按城市上下限截取，全年不变。",
        ),
        Note(
            id="employer_housing_same_rate",
            message="The employer pays the same housing-fund rate as the employee.",
            message_zh="单位公积金缴存比例与个人相同。",
        ),
        Note(
            id="one_tax_year",
            message="Each 12-month period is taxed as one tax year. The first 12 months from a "
            "mid-year start span two calendar years, each of which gets the full 60,000 basic "
            "deduction, so the real first-year tax is usually lower than shown.",
            message_zh="每12个月按一个纳税年度计算。年中入职的第一年跨两个自然年，每年都有6万元基本减除费用，实际税负通常低于此估算。",
        ),
        Note(
            id="first_bonus_in_year_one",
            message="The first year-end bonus is paid within the first 12 months (Chinese tech "
            "companies usually pay it January–April). Pro-rating counts the start month as a "
            "full month: a July start earns 6/12.",
            message_zh="第一笔年终奖在入职后12个月内发放；按比例折算时入职当月按整月计（7月入职折算6/12）。",
        ),
        Note(
            id="probation_base_only",
            message="The probation rate applies to the monthly base; allowances are paid in full.",
            message_zh="试用期工资折扣只作用于基本工资，补贴全额发放。",
        ),
        Note(
            id="sign_on_as_wages",
            message="The sign-on bonus is taxed as wages in the month paid (merged into "
            "comprehensive income), never as the year-end bonus.",
            message_zh="签字费在发放当月并入工资薪金计税，不适用年终奖单独计税。",
        ),
        Note(
            id="equity_apart",
            message="Equity is left out of take-home cash. Vested RSUs of a listed company are "
            "taxed separately on the annual table (MoF & STA 2023 No. 25, to 2027), so they do "
            "not change the tax on cash; their after-tax value is shown apart, at grant value. "
            "Private-company options are shown at grant value without a tax estimate.",
            message_zh="股票不计入到手现金。上市公司股权激励按年度税率表单独计税"
            "（财政部 税务总局公告2023年第25号），不影响现金部分税额；其税后价值按授予价值"
            "单独列示。非上市公司期权只列授予价值。",
        ),
        Note(
            id="package_split",
            message="An annual package without a monthly split is read as monthly base × the "
            "offer's months (15 unless given, 13 guaranteed): monthly base = package ÷ months, "
            "the rest is the year-end lump sum. Sign-on, allowances, other bonus and equity are "
            "on top of the package.",
            message_zh="只有年包时按“月薪×月数”拆分（默认15薪、保底13薪）：月薪=年包÷月数，其余为年终奖；签字费、补贴、其他奖金和股票不在年包内。",
        ),
        Note(
            id="hours",
            message="Effective hourly pay = steady-state net cash ÷ (hours a week × working "
            "weeks, 48 unless the dataset says otherwise). Without hours "
            f"entered: 双休 50 h, 大小周 55 h, 单休 60 h a week ({HOURS_PER_DAY}-hour days).",
            message_zh="有效时薪=常规年份到手现金÷(每周工时×每年工作周数，默认"
            "48周)。未填写工时时：双休每周50小时，大小周55小时，"
            f"单休60小时（每天{HOURS_PER_DAY}小时）。",
        ),
        Note(
            id="low_end",
            message="Month and package ranges use their low end.",
            message_zh="月数和年包区间按下限计算。",
        ),
    ]
}


class TakeHomeYear(Explained):
    """One 12-month period of take-home pay, integer yuan; ``lines`` say how it was computed."""

    model_config = ConfigDict(extra="forbid")

    label: Literal["first_year", "steady_state"]
    start: date | None = None
    wages: int = Field(description="monthly wages and allowances of the 12 months")
    sign_on: int = 0
    year_end_bonus: int = Field(0, description="the lump sum that may be taxed separately")
    gross_cash: int
    social_insurance: int = Field(description="employee pension + medical + unemployment")
    housing_fund_employee: int
    housing_fund_employer: int
    housing_fund_total: int = Field(description="the housing-fund wallet: both shares")
    special_deductions: int
    income_tax: int
    tax_separate: int = Field(description="total tax with the bonus taxed separately")
    tax_merged: int = Field(description="total tax with the bonus merged")
    bonus_method: Literal["separate", "merged"]
    net_cash: int = Field(description="gross cash − social insurance − housing fund − tax")
    equity_vested: int = Field(0, description="equity vesting, grant value; not in net_cash")
    equity_tax_estimate: int | None = Field(None, description="separate tax on vested RSUs")
    bonus_cliff: CliffWarning | None = Field(
        None, description="set when a smaller bonus at a cliff edge would leave more money"
    )
    lines: list[ComputationLine] = Field(default_factory=list)
    warnings: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sums(self) -> TakeHomeYear:
        if self.gross_cash != self.wages + self.sign_on + self.year_end_bonus:
            raise ValueError("gross cash is not wages + sign-on + year-end bonus")
        expected = (
            self.gross_cash - self.social_insurance - self.housing_fund_employee - self.income_tax
        )
        if self.net_cash != expected:
            raise ValueError(f"net cash {self.net_cash} is not {expected}")
        if self.housing_fund_total != self.housing_fund_employee + self.housing_fund_employer:
            raise ValueError("housing-fund wallet is not the sum of both shares")
        return self


class TakeHome(BaseModel):
    """Take-home pay for one offer: first year, a normal year and effective hourly pay."""

    model_config = ConfigDict(extra="forbid")

    offer_id: str
    city_id: str
    city_label: str
    city_known: bool = Field(description="False when the nationwide assumption row was used")
    city_verified: bool
    city_source: str
    first_year: TakeHomeYear
    steady_state: TakeHomeYear
    hours_per_week: float
    hours_assumed: bool = Field(description="True when hours come from the schedule")
    effective_hourly_cny: int
    assumptions: list[Note] = Field(default_factory=list)
    warnings: list[Note] = Field(default_factory=list)


# --- helpers -----------------------------------------------------------------------------


def _fmt(n: int) -> str:
    return f"{n:,}"


def _pct(rate: float) -> str:
    return f"{rate * 100:g} %"


def _next_month_start(today: date) -> date:
    return date(today.year + (today.month == 12), today.month % 12 + 1, 1)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(slots=True)
class _Pay:
    monthly_base: int
    guaranteed_extra: int  # 13th month and other guaranteed months above 12
    performance: int  # months above guaranteed
    annual_bonus: int

    @property
    def lump(self) -> int:
        return self.guaranteed_extra + self.performance + self.annual_bonus


def _pay(offer: Offer) -> _Pay:
    """Monthly base and the year-end lump sum's parts, exact to the yuan (months as written:
    14.6 is 146/10), rounded half up."""
    months_num, months_den = ratio(offer.months)
    g_num, g_den = ratio(offer.guaranteed_months)
    if g_num * months_den > months_num * g_den:  # guaranteed = min(guaranteed, months)
        g_num, g_den = months_num, months_den
    if offer.monthly_base is not None:
        monthly = offer.monthly_base
        extra_total = div_half_up(monthly * (months_num - 12 * months_den), months_den)
    else:
        package = offer.annual_package or 0
        monthly = div_half_up(package * months_den, months_num)
        extra_total = max(0, package - 12 * monthly)
    guaranteed_extra = min(extra_total, div_half_up(monthly * (g_num - 12 * g_den), g_den))
    return _Pay(
        monthly_base=monthly,
        guaranteed_extra=guaranteed_extra,
        performance=extra_total - guaranteed_extra,
        annual_bonus=offer.annual_bonus,
    )


def _pay_detail(offer: Offer, pay: _Pay) -> str:
    if offer.monthly_base is not None:
        return f"{_fmt(pay.monthly_base)} × {offer.months:g} months"
    return (
        f"annual package {_fmt(offer.annual_package or 0)} ÷ {offer.months:g} months = "
        f"{_fmt(pay.monthly_base)} a month (assumption: package = monthly base × months)"
    )


def _months_in_start_year(start: date) -> int:
    """Months worked in the calendar year of the start, counting the start month fully."""
    return 13 - start.month


def _special_items(candidate: Candidate, row: CityRow, known: bool) -> dict[str, int]:
    return special_deductions_monthly(
        candidate.deductions, rent_tier=row.rent_deduction_monthly if known else None
    )


def _special_detail(candidate: Candidate, row: CityRow, known: bool) -> str:
    items = _special_items(candidate, row, known)
    if not items:
        return "none claimed"
    parts = " + ".join(f"{k} {_fmt(v)}" for k, v in items.items())
    detail = f"({parts}) = {_fmt(sum(items.values()))} a month × 12"
    if candidate.deductions.rent_monthly and known:
        if row.rent_deduction_monthly != candidate.deductions.rent_monthly:
            detail += (
                f"; rent at {row.name_en}'s tier {_fmt(row.rent_deduction_monthly)} "
                f"(entered {_fmt(candidate.deductions.rent_monthly)})"
            )
    return detail


def _tax_lines(t: BonusTax) -> list[ComputationLine]:
    lines: list[ComputationLine] = []
    taxable_sep = t.wages - t.deductions
    if taxable_sep > 0:
        b = bracket_for(taxable_sep, ANNUAL_TABLE)
        wage_detail = (
            f"wages taxable {_fmt(taxable_sep)} × {b.rate_pct} % − {_fmt(b.quick_deduction)} "
            f"= {_fmt(t.separate_wage_tax)}"
        )
    else:
        wage_detail = f"wages taxable {_fmt(taxable_sep)} ≤ 0 → 0"
    if t.bonus > 0:
        bb = separate_bonus_bracket(t.bonus)
        bonus_detail = (
            f"bonus {_fmt(t.bonus)} ÷ 12 = {_fmt(div_half_up(t.bonus, 12))} → "
            f"{_fmt(t.bonus)} × {bb.rate_pct} % − {_fmt(bb.quick_deduction)} = "
            f"{_fmt(t.separate_bonus_tax)}"
        )
        lines.append(
            ComputationLine(
                label="Tax with the bonus taxed separately",
                amount=t.separate_total,
                detail=f"{wage_detail}; {bonus_detail}",
            )
        )
    taxable_merged = t.wages + t.bonus - t.deductions
    if taxable_merged > 0:
        bm = bracket_for(taxable_merged, ANNUAL_TABLE)
        merged_detail = (
            f"taxable {_fmt(taxable_merged)} × {bm.rate_pct} % − {_fmt(bm.quick_deduction)} "
            f"= {_fmt(t.merged_tax)}"
        )
    else:
        merged_detail = f"taxable {_fmt(taxable_merged)} ≤ 0 → 0"
    lines.append(
        ComputationLine(
            label="Tax with the bonus merged" if t.bonus > 0 else "Income tax on wages",
            amount=t.merged_tax,
            detail=merged_detail,
        )
    )
    return lines


def _base_wages(offer: Offer, monthly: int, first: bool) -> tuple[int, int, int]:
    """``(probation months, probation pay, base salary of the 12 months)``."""
    probation = offer.probation_months if first else 0
    if probation and offer.probation_rate < 1:
        probation_pay = times_rate(monthly * probation, offer.probation_rate)
        return probation, probation_pay, probation_pay + monthly * (12 - probation)
    return 0, 0, monthly * 12


def _year_end_bonus(offer: Offer, full_lump: int, first: bool, start: date | None) -> int:
    """The year-end lump sum paid in the year: the first year follows the offer's rule."""
    if first and full_lump:
        rule = offer.first_year_bonus
        if rule is _NO_BONUS:
            return 0
        if rule is _PRORATED and start is not None:
            return div_half_up(full_lump * _months_in_start_year(start), 12)
    return full_lump


FIRST_CLIFF = BONUS_CLIFFS[0]
# enum members read once for the per-offer code (``Enum.MEMBER`` is a slow lookup in 3.11)
_NO_BONUS, _PRORATED, _RSU = BonusRule.NONE, BonusRule.PRORATED, EquityKind.RSU


def _equity_year(offer: Offer, first: bool) -> tuple[int, int | None]:
    """Equity vesting in the year (grant value) and the separate tax on vested RSUs."""
    eq = offer.equity
    if eq is None or not eq.grant_value:
        return 0, None
    if first:
        vested = eq.vested_by_year()[0] if eq.cliff_months <= 12 else 0
    else:
        vested = div_half_up(eq.grant_value, eq.years)
    if eq.kind is _RSU and vested:
        return vested, comprehensive_tax(vested)
    return vested, None


_new_year = maker(TakeHomeYear, later=True)
_new_take_home = maker(TakeHome)


def _years(
    offer: Offer,
    pay: _Pay,
    contrib: dict[str, Any],
    special: int,
    start: date,
    explain: tuple[Offer, Candidate, CityRow, bool, _Pay, dict[str, Any]],
) -> tuple[TakeHomeYear, TakeHomeYear]:
    """The first 12 months and a normal year in numbers; their lines are written when read.

    ``contrib`` holds the fields of :class:`Contributions` (``contribution_values``).
    """
    monthly = pay.monthly_base
    allowances = offer.allowances_monthly * 12
    lump = pay.lump
    social = contrib["pension"] + contrib["medical"] + contrib["unemployment"]
    housing = contrib["housing_employee"]
    employer = contrib["housing_employer"]
    deductions = BASIC_DEDUCTION_ANNUAL + social + housing + special
    equity = offer.equity

    # first year: probation, sign-on and the offer's first-bonus rule
    first_warnings: list[Note] = []
    if offer.probation_months and offer.probation_rate < 1:
        _, _, base_wages = _base_wages(offer, monthly, True)
    else:
        base_wages = monthly * 12
    sign_on = offer.sign_on
    if sign_on and offer.sign_on_clawback_months:
        first_warnings.append(
            Note(
                id="sign_on_clawback",
                message=f"The sign-on bonus of {_fmt(sign_on)} CNY must be repaid if you "
                f"leave within {offer.sign_on_clawback_months} months.",
                message_zh=f"签字费 {_fmt(sign_on)} 元：{offer.sign_on_clawback_months} "
                "个月内离职需退还。",
            )
        )
    first_wages = base_wages + allowances
    first_bonus = _year_end_bonus(offer, lump, True, start)
    steady_wages = monthly * 12 + allowances
    steady_taxes = _taxes(steady_wages, lump, deductions)
    if first_wages + sign_on == steady_wages and first_bonus == lump:
        first_taxes = steady_taxes  # the same taxed amounts: the same tax
    else:
        first_taxes = _taxes(first_wages + sign_on, first_bonus, deductions)
    first = _year(
        "first_year",
        start,
        first_wages,
        sign_on,
        first_bonus,
        social,
        housing,
        employer,
        special,
        first_taxes,
        _equity_year(offer, True) if equity is not None else (0, None),
        first_warnings,
        explain,
    )
    steady = _year(
        "steady_state",
        None,
        steady_wages,
        0,
        lump,
        social,
        housing,
        employer,
        special,
        steady_taxes,
        _equity_year(offer, False) if equity is not None else (0, None),
        [],
        explain,
    )
    return first, steady


_Taxes = tuple[int, int, str, int, "tuple[int, int] | None"]


def _taxes(taxed_wages: int, bonus: int, deductions: int) -> _Taxes:
    """``(tax separate, tax merged, cheaper method, its tax, cliff)`` of a year's income.

    ``tax.tax_parts`` and ``tax.cheaper`` in numbers; ``cliff`` is ``tax.cliff_edge``'s
    ``(edge, more money)`` when a lower bonus would leave more, else None.
    """
    sep_wage = comprehensive_tax(taxed_wages - deductions)
    separate = sep_wage + separate_bonus_tax(bonus)
    merged = comprehensive_tax(taxed_wages + bonus - deductions)
    if bonus > 0 and separate < merged:
        method, tax = "separate", separate
    else:
        method, tax = "merged", merged
    cliff = None
    if bonus > FIRST_CLIFF:
        cliff = cliff_edge(taxed_wages, bonus, deductions, tax, sep_wage)
    return separate, merged, method, tax, cliff


def _year(
    label: str,
    start: date | None,
    wages: int,
    sign_on: int,
    bonus: int,
    social: int,
    housing: int,
    employer: int,
    special: int,
    taxes: _Taxes,
    equity: tuple[int, int | None],
    warnings: list[Note],
    explain: tuple[Offer, Candidate, CityRow, bool, _Pay, dict[str, Any]],
) -> TakeHomeYear:
    """One 12-month period from its wages, sign-on, year-end bonus and their tax (``_taxes``)."""
    gross = wages + sign_on + bonus
    separate, merged, method, tax, found = taxes
    cliff = None
    if found is not None:
        edge, more = found
        cliff = CliffWarning(bonus=bonus, cliff=edge, reduce_by=bonus - edge, more_money=more)
        warnings.append(Note(id="bonus_cliff", message=cliff.message, message_zh=cliff.message_zh))
    return _new_year(
        {
            "label": label,
            "start": start,
            "wages": wages,
            "sign_on": sign_on,
            "year_end_bonus": bonus,
            "gross_cash": gross,
            "social_insurance": social,
            "housing_fund_employee": housing,
            "housing_fund_employer": employer,
            "housing_fund_total": housing + employer,
            "special_deductions": special,
            "income_tax": tax,
            "tax_separate": separate,
            "tax_merged": merged,
            "bonus_method": method,
            "net_cash": gross - social - housing - tax,
            "equity_vested": equity[0],
            "equity_tax_estimate": equity[1],
            "bonus_cliff": cliff,
            "warnings": warnings,
            LATER: (_year_lines, explain),
        },
    )


def _year_lines(
    offer: Offer,
    candidate: Candidate,
    row: CityRow,
    known: bool,
    pay: _Pay,
    contrib_values: dict[str, Any],
    year: TakeHomeYear,
) -> list[ComputationLine]:
    """How ``year`` was computed, line by line (written from its numbers when first read)."""
    contrib = Contributions.model_validate(contrib_values)
    lines: list[ComputationLine] = []
    first = year.label == "first_year"
    monthly = pay.monthly_base
    allowances = offer.allowances_monthly

    lines.append(
        ComputationLine(label="Monthly base", amount=monthly, detail=_pay_detail(offer, pay))
    )

    # wages of the 12 months
    probation, probation_pay, base_wages = _base_wages(offer, monthly, first)
    if probation:
        wage_detail = (
            f"{probation} probation months × {_fmt(monthly)} × {offer.probation_rate:.0%} = "
            f"{_fmt(probation_pay)}, + {12 - probation} × {_fmt(monthly)}"
        )
    else:
        wage_detail = f"12 × {_fmt(monthly)}"
    lines.append(
        ComputationLine(label="Base salary, 12 months", amount=base_wages, detail=wage_detail)
    )
    if allowances:
        lines.append(
            ComputationLine(
                label="Allowances", amount=allowances * 12, detail=f"12 × {_fmt(allowances)}"
            )
        )

    sign_on = year.sign_on
    if sign_on:
        claw = (
            f"; repaid if you leave within {offer.sign_on_clawback_months} months"
            if offer.sign_on_clawback_months
            else ""
        )
        lines.append(
            ComputationLine(
                label="Sign-on bonus",
                amount=sign_on,
                detail=f"taxed as wages in the month paid{claw}",
            )
        )

    # year-end lump sum
    parts = []
    if pay.guaranteed_extra:
        parts.append(f"guaranteed months {_fmt(pay.guaranteed_extra)}")
    if pay.performance:
        parts.append(f"performance months {_fmt(pay.performance)}")
    if pay.annual_bonus:
        parts.append(f"annual bonus {_fmt(pay.annual_bonus)}")
    full_lump = pay.lump
    bonus = year.year_end_bonus
    bonus_detail = " + ".join(parts) if parts else "none"
    start = year.start
    if first and full_lump:
        if offer.first_year_bonus is BonusRule.NONE:
            bonus_detail += "; none in the first year (offer's rule)"
        elif offer.first_year_bonus is BonusRule.PRORATED and start is not None:
            worked = _months_in_start_year(start)
            bonus_detail += f"; pro-rated {worked}/12 for a start in {start:%B %Y}"
        else:
            bonus_detail += "; paid in full in the first year (offer's rule)"
    if full_lump or first:
        lines.append(ComputationLine(label="Year-end bonus", amount=bonus, detail=bonus_detail))

    lines.append(
        ComputationLine(
            label="Gross cash", amount=year.gross_cash, detail="wages + sign-on + bonus"
        )
    )

    # social insurance and housing fund
    lines.append(
        ComputationLine(
            label="Social-insurance base",
            amount=contrib.social_base,
            detail=f"monthly wage {_fmt(contrib.monthly_wage)} within {row.name_en} "
            f"{_fmt(row.social_base_lower)}–{_fmt(row.social_base_upper)}",
        )
    )
    lines.append(
        ComputationLine(
            label=f"Pension {_pct(row.pension_rate)}",
            amount=-contrib.pension,
            detail=f"{_fmt(contrib.social_base)} × {_pct(row.pension_rate)} × 12",
        )
    )
    fixed = f" + {row.medical_fixed_monthly} × 12" if row.medical_fixed_monthly else ""
    lines.append(
        ComputationLine(
            label=f"Medical {_pct(row.medical_rate)}"
            + (f" + {row.medical_fixed_monthly} CNY/month" if row.medical_fixed_monthly else ""),
            amount=-contrib.medical,
            detail=f"{_fmt(contrib.social_base)} × {_pct(row.medical_rate)} × 12{fixed}",
        )
    )
    lines.append(
        ComputationLine(
            label=f"Unemployment {_pct(row.unemployment_rate)}",
            amount=-contrib.unemployment,
            detail=f"{_fmt(contrib.social_base)} × {_pct(row.unemployment_rate)} × 12",
        )
    )
    hf_detail = (
        f"base {_fmt(contrib.housing_base)} (within {_fmt(row.housing_base_lower)}–"
        f"{_fmt(row.housing_base_upper)}) × {_pct(contrib.housing_rate)} × 12"
    )
    lines.append(
        ComputationLine(
            label=f"Housing fund, your share {_pct(contrib.housing_rate)}",
            amount=-contrib.housing_employee,
            detail=hf_detail + "; goes to your housing-fund account",
        )
    )
    lines.append(
        ComputationLine(
            label="Housing-fund wallet (yours + employer's)",
            amount=contrib.housing_total,
            detail=f"{_fmt(contrib.housing_employee)} + {_fmt(contrib.housing_employer)}; "
            "not cash: withdrawable for rent, a home purchase or retirement",
        )
    )

    # income tax
    special = year.special_deductions
    deductions = (
        BASIC_DEDUCTION_ANNUAL + contrib.social_insurance + contrib.housing_employee + special
    )
    lines.append(
        ComputationLine(
            label="Deductions from taxable income",
            amount=deductions,
            detail=f"basic {_fmt(BASIC_DEDUCTION_ANNUAL)} + social insurance "
            f"{_fmt(contrib.social_insurance)} + housing fund {_fmt(contrib.housing_employee)}"
            f" + special {_fmt(special)}",
        )
    )
    if special:
        lines.append(
            ComputationLine(
                label="Special additional deductions",
                amount=special,
                detail=_special_detail(candidate, row, known),
            )
        )
    taxed = tax_year(year.wages + sign_on, bonus, deductions)
    lines.extend(_tax_lines(taxed))
    if bonus:
        chosen = "separately" if taxed.method == "separate" else "merged"
        lines.append(
            ComputationLine(
                label=f"Income tax (cheaper: bonus {chosen})",
                amount=-taxed.tax,
                detail=f"saves {_fmt(taxed.saving)} over the other method",
            )
        )
    else:
        lines.append(
            ComputationLine(label="Income tax", amount=-taxed.tax, detail="no year-end bonus")
        )

    lines.append(
        ComputationLine(
            label="Net cash",
            amount=year.net_cash,
            detail=f"{_fmt(year.gross_cash)} − {_fmt(contrib.social_insurance)} − "
            f"{_fmt(contrib.housing_employee)} − {_fmt(taxed.tax)}",
        )
    )

    # equity, shown apart
    eq = offer.equity
    if eq is not None and eq.grant_value:
        equity_vested, equity_tax = year.equity_vested, year.equity_tax_estimate
        if first:
            eq_detail = (
                f"first year of {eq.years}"
                if eq.cliff_months <= 12
                else f"vesting cliff {eq.cliff_months} months: nothing in year 1"
            )
        else:
            eq_detail = f"average year: {_fmt(eq.grant_value)} ÷ {eq.years}"
        if equity_tax is not None:
            eq_detail += (
                f"; taxed separately ≈ {_fmt(equity_tax)} (2023 No. 25), after tax ≈ "
                f"{_fmt(equity_vested - equity_tax)}"
            )
        elif eq.kind is EquityKind.OPTIONS:
            eq_detail += "; private-company options, paper value only"
        lines.append(
            ComputationLine(
                label="Equity vesting (not in net cash)", amount=equity_vested, detail=eq_detail
            )
        )
    return lines


def hours_per_week(offer: Offer) -> tuple[float, bool]:
    """Hours a week for the offer and whether they were assumed from the schedule (the
    dataset's working-time assumption)."""
    if offer.hours_per_week is not None:
        return float(offer.hours_per_week), False
    from offerlens.domain.bands import DEFAULT_HOURS_PER_WEEK, load_dataset, work_time

    hours, _ = work_time(load_dataset())
    return float(hours.get(offer.schedule.value, DEFAULT_HOURS_PER_WEEK)), True


def _note(id: str, message: str, message_zh: str) -> Note:
    return trusted(Note, {"id": id, "message": message, "message_zh": message_zh})


@lru_cache(maxsize=256)
def _unverified_note(name_en: str, name_zh: str) -> Note:
    """One note per city, shared like the ``ASSUMPTIONS`` notes."""
    return _note(
        "city_unverified",
        f"{name_en}'s contribution bases are not verified against the city's "
        "own notice; check them in the city table.",
        f"{name_zh or name_en}的社保公积金基数未经官方通知核实，请在城市表中核对。",
    )


def compute_take_home(
    offer: Offer,
    candidate: Candidate,
    cities: CityTable | None = None,
    *,
    today: date | None = None,
    hours: float | None = None,
    weeks_per_year: int | None = None,
) -> TakeHome:
    """Take-home pay of ``offer`` for ``candidate`` in the first 12 months and a normal year.

    ``cities`` defaults to the shipped table. The offer's city picks the row (the candidate's
    city when the offer names none); an unknown city uses the nationwide assumption row and
    says so. The first year starts on ``offer.start_date`` or, when absent, on the first day
    of the month after ``today``. ``hours`` (a week) and ``weeks_per_year`` let the caller
    use the evaluation dataset's working-time assumption; by default the offer's hours or the
    shipped dataset's (``bands.work_time``) are used.

    The result's computation lines are written when first read; the offer and candidate are
    read again then, so change neither in place afterwards (the app replaces, not edits).
    """
    table = cities if cities is not None else shipped_table_shared()
    city_name = offer.city.strip() or candidate.city
    row, known = table.resolve(city_name)
    warnings: list[Note] = []
    if not known:
        warnings.append(
            _note(
                "city_unknown",
                f"No social-insurance figures for '{city_name or '(no city)'}': a "
                "nationwide assumption is used. Add the city in the city table for real figures.",
                f"没有“{city_name or '未填写城市'}”的社保数据，按全国假设计算。"
                "可在城市表中添加该城市。",
            )
        )
    elif not row.verified:
        warnings.append(_unverified_note(row.name_en, row.name_zh))
    if table.problems:
        warnings.append(
            _note(
                "city_edits_skipped",
                "; ".join(table.problems),
                "部分城市表修改未能读取：" + "；".join(table.problems),
            )
        )

    pay = _pay(offer)
    contrib = contribution_values(
        row, pay.monthly_base + offer.allowances_monthly, offer.housing_fund_rate
    )
    if contrib["housing_rate_capped"]:
        warnings.append(
            _note(
                "housing_rate_capped",
                f"Housing-fund rate {_pct(offer.housing_fund_rate)} is outside "
                f"{row.name_en}'s {_pct(row.housing_rate_min)}–{_pct(row.housing_rate_max)}; "
                f"{_pct(contrib['housing_rate'])} is used.",
                f"公积金比例 {_pct(offer.housing_fund_rate)} 超出"
                f"{row.name_zh or row.name_en}允许范围，按 {_pct(contrib['housing_rate'])} 计算。",
            )
        )

    items = _special_items(candidate, row, known)
    special = sum(items.values()) * 12 if items else 0
    start = offer.start_date or _next_month_start(today or date.today())
    first, steady = _years(
        offer, pay, contrib, special, start, (offer, candidate, row, known, pay, contrib)
    )

    if hours is None:
        hours, assumed = hours_per_week(offer)
    else:
        assumed = offer.hours_per_week is None
    if weeks_per_year is None:  # the evaluation passes its dataset's
        from offerlens.domain.bands import load_dataset, work_time

        _, weeks_per_year = work_time(load_dataset())
    hours = float(hours)
    hours_num, hours_den = ratio(hours)
    hourly = div_half_up(steady.net_cash * hours_den, hours_num * weeks_per_year)

    used = [*_ALWAYS_USED]
    if offer.probation_months and offer.probation_rate < 1:
        used.append(ASSUMPTIONS["probation_base_only"])
    if offer.equity is not None:
        used.append(ASSUMPTIONS["equity_apart"])
    if offer.monthly_base is None:
        used.append(ASSUMPTIONS["package_split"])
    if offer.months_high is not None or offer.annual_package_high is not None:
        used.append(ASSUMPTIONS["low_end"])

    return _new_take_home(
        {
            "offer_id": offer.id,
            "city_id": row.id,
            "city_label": row.label,
            "city_known": known,
            "city_verified": row.verified,
            "city_source": row.source,
            "first_year": first,
            "steady_state": steady,
            "hours_per_week": hours,
            "hours_assumed": assumed,
            "effective_hourly_cny": hourly,
            "assumptions": used,
            "warnings": warnings,
        },
    )


_ALWAYS_USED = tuple(
    ASSUMPTIONS[a]
    for a in (
        "year_end_lump_sum",
        "contribution_base",
        "employer_housing_same_rate",
        "one_tax_year",
        "first_bonus_in_year_one",
        "sign_on_as_wages",
        "hours",
    )
)
