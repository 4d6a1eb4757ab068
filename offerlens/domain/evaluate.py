"""The evaluation engine: an offer and a candidate in, an explained verdict out.

One path serves the GUI, the CLI, export and tests.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from offerlens.domain.bands import Dataset, Segment, load_dataset
from offerlens.domain.models import (
    TIER_ORDER,
    Candidate,
    Degree,
    Offer,
    Portfolio,
    Tier,
    Track,
    WorkSchedule,
)
from offerlens.domain.money import compact, group
from offerlens.domain.results import (
    Breakdown,
    ComputationLine,
    Evaluation,
    Percentile,
    TierVerdict,
)
from offerlens.domain.rules import run_rules
from offerlens.domain.social import CityTable
from offerlens.domain.takehome import compute_take_home

TIER_LABELS = {
    Tier.BELOW_STANDARD: ("below standard", "低于白菜"),
    Tier.STANDARD: ("standard (白菜)", "白菜"),
    Tier.SP: ("SP", "SP"),
    Tier.SSP: ("SSP", "SSP"),
    Tier.TALENT_PROGRAM: ("talent programme", "人才计划"),
}
SCHEDULE_LABELS = {
    WorkSchedule.TWO_DAY_WEEKEND: ("Two-day weekend (双休)", "双休"),
    WorkSchedule.ALTERNATING: ("Alternating weekends (大小周)", "大小周"),
    WorkSchedule.ONE_DAY_WEEKEND: ("One-day weekend (单休)", "单休"),
    WorkSchedule.CUSTOM: ("Custom schedule", "自定义工时"),
}
DEGREE_LABELS = {
    Degree.BACHELOR: ("bachelor's", "本科"),
    Degree.MASTER: ("master's", "硕士"),
    Degree.PHD: ("PhD", "博士"),
}


def steady_state(offer: Offer) -> tuple[Breakdown, list[ComputationLine]]:
    """A normal full year: recurring cash plus the average annual equity vest."""
    lines: list[ComputationLine] = []
    if offer.monthly_base is not None:
        base = offer.monthly_base
        months_pay = round(base * offer.months)
        guaranteed = round(base * offer.guaranteed_months)
        performance = months_pay - guaranteed
        lines.append(
            ComputationLine(
                label="Base × guaranteed months",
                amount=guaranteed,
                detail=f"{group(base)} × {offer.guaranteed_months:g}",
            )
        )
        if performance:
            lines.append(
                ComputationLine(
                    label="Base × performance months",
                    amount=performance,
                    detail=f"{group(base)} × {offer.months - offer.guaranteed_months:g}",
                )
            )
    else:
        package = offer.annual_package or 0
        guaranteed = round(package * offer.guaranteed_months / offer.months)
        performance = package - guaranteed
        lines.append(
            ComputationLine(
                label="Package, guaranteed share",
                amount=guaranteed,
                detail=f"{group(package)} × {offer.guaranteed_months:g}/{offer.months:g} months",
            )
        )
        if performance:
            lines.append(
                ComputationLine(
                    label="Package, performance share",
                    amount=performance,
                    detail=f"{group(package)} × "
                    f"{offer.months - offer.guaranteed_months:g}/{offer.months:g} months",
                )
            )
    if offer.allowances_monthly:
        allowances = offer.allowances_monthly * 12
        guaranteed += allowances
        lines.append(
            ComputationLine(
                label="Allowances",
                amount=allowances,
                detail=f"{group(offer.allowances_monthly)} × 12",
            )
        )
    if offer.annual_bonus:
        if offer.annual_bonus_guaranteed:
            guaranteed += offer.annual_bonus
        else:
            performance += offer.annual_bonus
        lines.append(
            ComputationLine(
                label="Annual bonus",
                amount=offer.annual_bonus,
                detail="guaranteed"
                if offer.annual_bonus_guaranteed
                else "target, depends on performance",
            )
        )
    equity = 0
    if offer.equity is not None:
        equity = round(offer.equity.grant_value / offer.equity.years)
        lines.append(
            ComputationLine(
                label="Equity, average year",
                amount=equity,
                detail=f"{group(offer.equity.grant_value)} / {offer.equity.years} years",
            )
        )
    return Breakdown(guaranteed_cash=guaranteed, performance=performance, equity=equity), lines


def first_year(offer: Offer, steady: Breakdown) -> tuple[Breakdown, list[ComputationLine]]:
    """Year one: recurring cash, the sign-on bonus and what vests in year one (cliff applied)."""
    lines: list[ComputationLine] = []
    equity = offer.equity.vesting_by_year()[0] if offer.equity is not None else 0
    if offer.sign_on:
        lines.append(
            ComputationLine(label="Sign-on bonus", amount=offer.sign_on, detail="year 1 only")
        )
    if offer.equity is not None:
        detail = "after the cliff" if offer.equity.cliff_months > 12 and not equity else ""
        lines.append(
            ComputationLine(label="Equity vesting in year 1", amount=equity, detail=detail)
        )
    return (
        Breakdown(
            guaranteed_cash=steady.guaranteed_cash,
            performance=steady.performance,
            one_off=offer.sign_on,
            equity=equity,
        ),
        lines,
    )


def tier_of(basis: int, segment: Segment) -> Tier:
    """The highest tier whose lower edge the package reaches."""
    for band in reversed(segment.tiers):
        if basis >= band.low:
            return band.tier
    return Tier.BELOW_STANDARD


def percentile_in(basis: int, segment: Segment, dataset: Dataset) -> float:
    """Piecewise log-linear interpolation through the tier edges and the assumed shares."""
    shares = dataset.assumption("tier_shares").shares or {}
    knots = [(segment.floor, 0.0)]
    cumulative = 0.0
    for band in segment.tiers:
        cumulative += shares.get(band.tier, 0.0)
        top = band.high if band.high is not None else segment.top.value
        knots.append((top, cumulative))
    if basis <= knots[0][0]:
        return 0.0
    for (x0, p0), (x1, p1) in zip(knots, knots[1:], strict=False):
        if basis <= x1:
            t = (math.log(basis) - math.log(x0)) / (math.log(x1) - math.log(x0))
            return round(p0 + t * (p1 - p0), 1)
    return 100.0


def _equivalent_monthly(offer: Offer) -> int:
    if offer.monthly_base is not None:
        return offer.monthly_base
    return round((offer.annual_package or 0) / offer.months)


def hours_per_week(offer: Offer, dataset: Dataset) -> float:
    if offer.hours_per_week is not None:
        return offer.hours_per_week
    hours = dataset.assumption("hours_per_week_by_schedule").hours or {}
    return hours.get(offer.schedule.value, 50.0)


def evaluate(
    offer: Offer,
    candidate: Candidate,
    dataset: Dataset | None = None,
    today: date | None = None,
    cities: CityTable | None = None,
) -> Evaluation:
    """Judge one offer for one candidate against the cited dataset.

    ``cities`` is the social-insurance city table (shipped figures merged with the user's
    edits); the shipped table when None.
    """
    dataset = dataset or load_dataset()
    today = today or date.today()
    steady, lines = steady_state(offer)
    year1, year1_lines = first_year(offer, steady)
    basis = steady.guaranteed_cash + steady.performance
    lines.append(ComputationLine(label="Steady-state cash package (tier basis)", amount=basis))
    lines.extend(year1_lines)
    lines.append(ComputationLine(label="First-year total", amount=year1.total))
    lines.append(ComputationLine(label="Steady-state total", amount=steady.total))

    segment, used = dataset.segment_for(candidate.degree, candidate.role_family)
    indicative = bool(used)
    campus = candidate.track is Track.CAMPUS
    tier: Tier | None = None
    package_tier: Tier | None = None
    by_program = False
    next_tier = None
    to_next = None
    if campus:
        package_tier = tier_of(basis, segment)
        tier = package_tier
        if offer.talent_program.strip():
            tier, by_program = Tier.TALENT_PROGRAM, True
        rank = TIER_ORDER.index(tier)
        if rank + 1 < len(TIER_ORDER):
            next_tier = TIER_ORDER[rank + 1]
            to_next = max(0, segment.band(next_tier).low - basis)
        percentile = Percentile(
            value=percentile_in(basis, segment, dataset),
            segment=segment.id,
            method="piecewise log-linear interpolation through the tier edges, "
            "weighted by the assumed share of hires in each tier",
            assumptions=[
                "tier_shares",
                "percentile_floor",
                "percentile_log_interpolation",
                "sp_anchor_geometric_mean",
                *used,
            ],
        )
    else:
        percentile = Percentile(
            value=None,
            segment="experienced",
            method="no distribution for experienced hires: judged against cited monthly "
            "averages and switch raises",
        )
    verdict = TierVerdict(
        tier=tier,
        basis_cny=basis,
        segment=segment.id if campus else "experienced",
        indicative=indicative and campus,
        next_tier=next_tier,
        to_next_tier_cny=to_next,
        hr_tier=offer.hr_tier,
        by_program=by_program,
    )

    raise_pct = None
    if candidate.current_annual_pay:
        raise_pct = round((basis / candidate.current_annual_pay - 1) * 100, 1)

    facts, texts = _facts(offer, candidate, dataset, segment, verdict, steady, raise_pct, today)
    facts["package_tier_rank"] = TIER_ORDER.index(package_tier) if package_tier else None
    flags = run_rules(facts, texts, dataset, segment if campus else None)

    months_note = ""
    if offer.months_high is not None and offer.monthly_base is not None:
        high = round(offer.monthly_base * offer.months_high)
        months_note = (
            f"At {offer.months_high:g} months the cash package would be "
            f"{group(high + basis - round(offer.monthly_base * offer.months))}."
        )
    elif offer.annual_package_high is not None:
        months_note = f"At the high end the package would be {group(offer.annual_package_high)}."

    return Evaluation(
        offer_id=offer.id,
        company=offer.company,
        first_year=year1,
        steady_state=steady,
        tier=verdict,
        percentile=percentile,
        flags=flags,
        computation=lines,
        months_high_note=months_note,
        raise_vs_current=None if raise_pct is None else raise_pct / 100,
        take_home=compute_take_home(
            offer,
            candidate,
            cities,
            today=today,
            hours=hours_per_week(offer, dataset),
            weeks_per_year=dataset.assumption("hours_per_week_by_schedule").weeks_per_year or 48,
        ),
    )


def _facts(
    offer: Offer,
    candidate: Candidate,
    dataset: Dataset,
    segment: Segment,
    verdict: TierVerdict,
    steady: Breakdown,
    raise_pct: float | None,
    today: date,
) -> tuple[dict[str, Any], dict[str, str]]:
    """What the rules may test (facts) and what their messages may show (texts)."""
    basis = verdict.basis_cny
    monthly = _equivalent_monthly(offer)
    hours = hours_per_week(offer, dataset)
    weeks = dataset.assumption("hours_per_week_by_schedule").weeks_per_year or 48
    hourly = round(basis / (hours * weeks))
    hukou_cities = {c.lower() for c in dataset.assumption("hukou_value").cities or []}
    days_left = (offer.deadline - today).days if offer.deadline else None
    perf_pct = round(100 * steady.performance / steady.total, 1) if steady.total else 0.0
    equity_pct = round(100 * steady.equity / steady.total, 1) if steady.total else 0.0
    tier = verdict.tier
    band = segment.band(tier) if tier else None
    city = offer.city or candidate.city
    facts: dict[str, Any] = {
        "degree": candidate.degree.value,
        "track": candidate.track.value,
        "role_family": candidate.role_family.value,
        "employer_type": offer.employer_type.value,
        "tier": tier.value if tier else None,
        "by_program": verdict.by_program,
        "indicative": verdict.indicative,
        "hr_disagrees": offer.hr_tier is not None and tier is not None and offer.hr_tier != tier,
        "monthly_equiv": monthly,
        "raise_pct": raise_pct,
        "performance_pct": perf_pct,
        "equity_pct": equity_pct,
        "equity_kind": offer.equity.kind.value if offer.equity else None,
        "months_unusual": offer.monthly_base is not None
        and (offer.months < 13 or offer.months > 18),
        "non_compete": offer.non_compete,
        "hukou": offer.hukou,
        "hukou_city": city.strip().lower() in hukou_cities,
        "long_hours": hours > 50,
        "breach_penalty": offer.breach_penalty,
        "kind": offer.kind.value,
        "days_to_deadline": days_left,
    }
    degree_en, degree_zh = DEGREE_LABELS[candidate.degree]
    sched_en, sched_zh = SCHEDULE_LABELS[offer.schedule]
    to_next = verdict.to_next_tier_cny or 0
    texts = {
        "basis": group(basis),
        "basis_zh": compact(basis, "zh"),
        "degree": degree_en,
        "degree_zh": degree_zh,
        "band_low": group(band.low) if band else "",
        "band_low_zh": compact(band.low, "zh") if band else "",
        "band_high": group(band.high) if band and band.high else "",
        "band_high_zh": compact(band.high, "zh") if band and band.high else "",
        "next_low": group(segment.band(verdict.next_tier).low) if verdict.next_tier else "",
        "next_low_zh": compact(segment.band(verdict.next_tier).low, "zh")
        if verdict.next_tier
        else "",
        "to_next": group(to_next),
        "to_next_zh": compact(to_next, "zh"),
        "monthly": group(monthly),
        "monthly_zh": compact(monthly, "zh"),
        "raise_pct": f"{raise_pct:g}" if raise_pct is not None else "",
        "vs_rd_avg": f"{(monthly / 54000 - 1) * 100:+.0f}%",
        "vs_rd_avg_zh": f"{(monthly / 54000 - 1) * 100:+.0f}%",
        "performance_pct": f"{perf_pct:g}",
        "performance": group(steady.performance),
        "performance_zh": compact(steady.performance, "zh"),
        "guaranteed": group(steady.guaranteed_cash),
        "guaranteed_zh": compact(steady.guaranteed_cash, "zh"),
        "equity_pct": f"{equity_pct:g}",
        "equity_year": group(steady.equity),
        "equity_year_zh": compact(steady.equity, "zh"),
        "months": f"{offer.months:g}",
        "hr_tier": TIER_LABELS[offer.hr_tier][0] if offer.hr_tier else "",
        "hr_tier_zh": TIER_LABELS[offer.hr_tier][1] if offer.hr_tier else "",
        "tier": TIER_LABELS[tier][0] if tier else "",
        "tier_zh": TIER_LABELS[tier][1] if tier else "",
        "schedule_label": sched_en,
        "schedule_label_zh": sched_zh,
        "hours_per_week": f"{hours:g}",
        "hourly": f"¥{hourly}",
        "hourly_zh": f"{hourly}元",
        "city": city,
        "breach_penalty": group(offer.breach_penalty),
        "breach_penalty_zh": compact(offer.breach_penalty, "zh"),
        "days_to_deadline": str(days_left) if days_left is not None else "",
        "deadline": offer.deadline.isoformat() if offer.deadline else "",
        "role_family": candidate.role_family.value,
        "talent_program": offer.talent_program,
    }
    return facts, texts


def evaluate_portfolio(
    portfolio: Portfolio,
    dataset: Dataset | None = None,
    today: date | None = None,
    cities: CityTable | None = None,
) -> list[Evaluation]:
    """Every offer in the portfolio, in order."""
    dataset = dataset or load_dataset()
    return [evaluate(o, portfolio.candidate, dataset, today, cities) for o in portfolio.offers]
