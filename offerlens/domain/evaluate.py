"""The evaluation engine: an offer and a candidate in, an explained verdict out.

One path serves the GUI, the CLI, export and tests.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from typing import Any

from offerlens.domain.bands import (
    DEFAULT_HOURS_PER_WEEK,
    Dataset,
    Segment,
    load_dataset,
    work_time,
)
from offerlens.domain.computation import LATER, maker, trusted
from offerlens.domain.labels import DEGREE_LABELS, SCHEDULE_LABELS, TIER_LABELS
from offerlens.domain.models import (
    TIER_ORDER,
    Candidate,
    Degree,
    Offer,
    Portfolio,
    Tier,
    Track,
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
from offerlens.domain.social import CityTable, shipped_table_shared
from offerlens.domain.takehome import compute_take_home

_new_breakdown = maker(Breakdown)
_new_percentile = maker(Percentile)
_new_tierverdict = maker(TierVerdict)
_new_evaluation = maker(Evaluation, later=True)

def _steady(offer: Offer) -> Breakdown:
    """A normal full year in numbers (see :func:`steady_state`)."""
    if offer.monthly_base is not None:
        base = offer.monthly_base
        guaranteed = round(base * offer.guaranteed_months)
        performance = round(base * offer.months) - guaranteed
    else:
        package = offer.annual_package or 0
        guaranteed = round(package * offer.guaranteed_months / offer.months)
        performance = package - guaranteed
    guaranteed += offer.allowances_monthly * 12
    if offer.annual_bonus:
        if offer.annual_bonus_guaranteed:
            guaranteed += offer.annual_bonus
        else:
            performance += offer.annual_bonus
    equity = 0
    if offer.equity is not None:
        equity = round(offer.equity.grant_value / offer.equity.years)
    return _new_breakdown(
        {
            "guaranteed_cash": guaranteed,
            "performance": performance,
            "one_off": 0,
            "equity": equity,
            "total": guaranteed + performance + equity,
        },
    )


def _steady_lines(offer: Offer) -> list[ComputationLine]:
    lines: list[ComputationLine] = []
    if offer.monthly_base is not None:
        base = offer.monthly_base
        guaranteed = round(base * offer.guaranteed_months)
        performance = round(base * offer.months) - guaranteed
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
        lines.append(
            ComputationLine(
                label="Allowances",
                amount=offer.allowances_monthly * 12,
                detail=f"{group(offer.allowances_monthly)} × 12",
            )
        )
    if offer.annual_bonus:
        lines.append(
            ComputationLine(
                label="Annual bonus",
                amount=offer.annual_bonus,
                detail="guaranteed"
                if offer.annual_bonus_guaranteed
                else "target, depends on performance",
            )
        )
    if offer.equity is not None:
        lines.append(
            ComputationLine(
                label="Equity, average year",
                amount=round(offer.equity.grant_value / offer.equity.years),
                detail=f"{group(offer.equity.grant_value)} / {offer.equity.years} years",
            )
        )
    return lines


def steady_state(offer: Offer) -> tuple[Breakdown, list[ComputationLine]]:
    """A normal full year: recurring cash plus the average annual equity vest."""
    return _steady(offer), _steady_lines(offer)


def _first(offer: Offer, steady: Breakdown) -> Breakdown:
    """Year one in numbers (see :func:`first_year`)."""
    equity = offer.equity.vesting_by_year()[0] if offer.equity is not None else 0
    guaranteed, performance, one_off = steady.guaranteed_cash, steady.performance, offer.sign_on
    return _new_breakdown(
        {
            "guaranteed_cash": guaranteed,
            "performance": performance,
            "one_off": one_off,
            "equity": equity,
            "total": guaranteed + performance + one_off + equity,
        },
    )


def _first_lines(offer: Offer, year1: Breakdown) -> list[ComputationLine]:
    lines: list[ComputationLine] = []
    if offer.sign_on:
        lines.append(
            ComputationLine(label="Sign-on bonus", amount=offer.sign_on, detail="year 1 only")
        )
    if offer.equity is not None:
        equity = year1.equity
        detail = "after the cliff" if offer.equity.cliff_months > 12 and not equity else ""
        lines.append(
            ComputationLine(label="Equity vesting in year 1", amount=equity, detail=detail)
        )
    return lines


def first_year(offer: Offer, steady: Breakdown) -> tuple[Breakdown, list[ComputationLine]]:
    """Year one: recurring cash, the sign-on bonus and what vests in year one (cliff applied)."""
    year1 = _first(offer, steady)
    return year1, _first_lines(offer, year1)


def _evaluation_lines(offer: Offer, ev: Evaluation) -> list[ComputationLine]:
    """How the totals of ``ev`` were computed (written when first read)."""
    return [
        *_steady_lines(offer),
        ComputationLine(
            label="Steady-state cash package (tier basis)", amount=ev.tier.basis_cny
        ),
        *_first_lines(offer, ev.first_year),
        ComputationLine(label="First-year total", amount=ev.first_year.total),
        ComputationLine(label="Steady-state total", amount=ev.steady_state.total),
    ]


CAMPUS_PERCENTILE_METHOD = (
    "piecewise log-linear interpolation through the tier edges, "
    "weighted by the assumed share of hires in each tier"
)
CAMPUS_PERCENTILE_ASSUMPTIONS = (
    "tier_shares",
    "percentile_floor",
    "percentile_log_interpolation",
    "sp_anchor_geometric_mean",
)
EXPERIENCED_PERCENTILE_METHOD = (
    "no distribution for experienced hires: judged against cited monthly averages and "
    "switch raises"
)


_CAMPUS = Track.CAMPUS  # read once: ``Enum.MEMBER`` is a slow lookup in Python 3.11


def tier_of(basis: int, segment: Segment) -> Tier:
    """The highest tier whose lower edge the package reaches."""
    for band in reversed(segment.tiers):
        if basis >= band.low:
            return band.tier
    return Tier.BELOW_STANDARD


@dataclass(frozen=True, slots=True)
class _Lookups:
    """Dataset values read on every evaluation, looked up once per dataset."""

    shares: dict[Tier, float]
    hours: dict[str, float]
    weeks: int
    hukou_cities: frozenset[str]
    # (degree, role family) → segment_for(...); segment id → percentile knots
    segments: dict[tuple[Degree, Any], tuple[Segment, list[str]]] = field(default_factory=dict)
    knots: dict[int, _Knots] = field(default_factory=dict)


_lookups_cache: dict[int, tuple[Dataset, _Lookups]] = {}


def _lookups(dataset: Dataset) -> _Lookups:
    hit = _lookups_cache.get(id(dataset))
    if hit is not None and hit[0] is dataset:
        return hit[1]
    hours, weeks = work_time(dataset)
    found = _Lookups(
        shares=dataset.assumption("tier_shares").shares or {},
        hours=hours,
        weeks=weeks,
        hukou_cities=frozenset(c.lower() for c in dataset.assumption("hukou_value").cities or []),
    )
    if len(_lookups_cache) >= 8:
        _lookups_cache.clear()
    _lookups_cache[id(dataset)] = (dataset, found)  # holding the dataset keeps its id unique
    return found


def _segment_for(
    known: _Lookups, dataset: Dataset, candidate: Candidate
) -> tuple[Segment, list[str]]:
    key = (candidate.degree, candidate.role_family)
    found = known.segments.get(key)
    if found is None:
        found = known.segments[key] = dataset.segment_for(*key)
    return found


_Knots = tuple[tuple[int, ...], tuple[tuple[float, float, float, float], ...]]


def _knots(segment: Segment, known: _Lookups) -> _Knots:
    """The tier edges from the floor up, and ``(share, log edge)`` at both ends of each span
    between them (cumulative shares), made once per segment."""
    found = known.knots.get(id(segment))  # the segments live as long as the cached dataset
    if found is None:
        points = [(segment.floor, 0.0)]
        cumulative = 0.0
        for band in segment.tiers:
            cumulative += known.shares.get(band.tier, 0.0)
            top = band.high if band.high is not None else segment.top.value
            points.append((top, cumulative))
        spans = tuple(
            (p0, math.log(x0), p1, math.log(x1))
            for (x0, p0), (x1, p1) in zip(points, points[1:], strict=False)
        )
        found = known.knots[id(segment)] = (tuple(x for x, _ in points), spans)
    return found


def percentile_in(basis: int, segment: Segment, dataset: Dataset) -> float:
    """Piecewise log-linear interpolation through the tier edges and the assumed shares."""
    return _percentile(basis, _knots(segment, _lookups(dataset)))


def _percentile(basis: int, knots: _Knots) -> float:
    edges, spans = knots
    if basis <= edges[0]:
        return 0.0
    at = bisect_left(edges, basis)  # the first edge ≥ basis, above the floor
    if at == len(edges):
        return 100.0
    p0, log0, p1, log1 = spans[at - 1]
    t = (math.log(basis) - log0) / (log1 - log0)
    return round(p0 + t * (p1 - p0), 1)


def _equivalent_monthly(offer: Offer) -> int:
    if offer.monthly_base is not None:
        return offer.monthly_base
    return round((offer.annual_package or 0) / offer.months)


def hours_per_week(offer: Offer, dataset: Dataset) -> float:
    return _hours(offer, _lookups(dataset))


def _hours(offer: Offer, known: _Lookups) -> float:
    if offer.hours_per_week is not None:
        return offer.hours_per_week
    return known.hours.get(offer.schedule._value_, DEFAULT_HOURS_PER_WEEK)


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
    steady = _steady(offer)
    year1 = _first(offer, steady)
    basis = steady.guaranteed_cash + steady.performance

    known = _lookups(dataset)
    segment, used = _segment_for(known, dataset, candidate)
    indicative = bool(used)
    campus = candidate.track is _CAMPUS
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
        percentile = _new_percentile(
            {
                "value": _percentile(basis, _knots(segment, known)),
                "segment": segment.id,
                "method": CAMPUS_PERCENTILE_METHOD,
                "assumptions": [*CAMPUS_PERCENTILE_ASSUMPTIONS, *used],
            },
        )
    else:
        percentile = trusted(
            Percentile,
            {"value": None, "segment": "experienced", "method": EXPERIENCED_PERCENTILE_METHOD},
        )
    verdict = _new_tierverdict(
        {
            "tier": tier,
            "basis_cny": basis,
            "segment": segment.id if campus else "experienced",
            "indicative": indicative and campus,
            "next_tier": next_tier,
            "to_next_tier_cny": to_next,
            "hr_tier": offer.hr_tier,
            "by_program": by_program,
        },
    )

    raise_pct = None
    if candidate.current_annual_pay:
        raise_pct = round((basis / candidate.current_annual_pay - 1) * 100, 1)

    hours = _hours(offer, known)
    facts, texts = _facts(
        offer, candidate, known, segment, verdict, steady, raise_pct, today, hours
    )
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

    take_home = compute_take_home(
        offer,
        candidate,
        cities if cities is not None else shipped_table_shared(),
        today=today,
        hours=hours,
        weeks_per_year=known.weeks,
    )
    return _new_evaluation(
        {
            "offer_id": offer.id,
            "company": offer.company,
            "first_year": year1,
            "steady_state": steady,
            "tier": verdict,
            "percentile": percentile,
            "flags": flags,
            "months_high_note": months_note,
            "raise_vs_current": None if raise_pct is None else raise_pct / 100,
            "take_home": take_home,
            LATER: (_evaluation_lines, (offer,)),
        },
    )


def _facts(
    offer: Offer,
    candidate: Candidate,
    known: _Lookups,
    segment: Segment,
    verdict: TierVerdict,
    steady: Breakdown,
    raise_pct: float | None,
    today: date,
    hours: float,
) -> tuple[dict[str, Any], Mapping[str, str]]:
    """What the rules may test (facts) and what their messages may show (texts).

    The texts are made only when a firing rule's message asks for them. Enum facts are
    their values (``_value_``: the same as ``.value``, read without the descriptor).
    """
    monthly = _equivalent_monthly(offer)
    days_left = (offer.deadline - today).days if offer.deadline else None
    perf_pct = round(100 * steady.performance / steady.total, 1) if steady.total else 0.0
    equity_pct = round(100 * steady.equity / steady.total, 1) if steady.total else 0.0
    tier = verdict.tier
    city = offer.city or candidate.city
    facts: dict[str, Any] = {
        "degree": candidate.degree._value_,
        "track": candidate.track._value_,
        "role_family": candidate.role_family._value_,
        "employer_type": offer.employer_type._value_,
        "tier": tier._value_ if tier else None,
        "by_program": verdict.by_program,
        "indicative": verdict.indicative,
        "hr_disagrees": offer.hr_tier is not None and tier is not None and offer.hr_tier != tier,
        "monthly_equiv": monthly,
        "raise_pct": raise_pct,
        "performance_pct": perf_pct,
        "equity_pct": equity_pct,
        "equity_kind": offer.equity.kind._value_ if offer.equity else None,
        "months_unusual": offer.monthly_base is not None
        and (offer.months < 13 or offer.months > 18),
        "non_compete": offer.non_compete,
        "hukou": offer.hukou,
        "hukou_city": city.strip().lower() in known.hukou_cities,
        "long_hours": hours > 50,
        "breach_penalty": offer.breach_penalty,
        "kind": offer.kind._value_,
        "days_to_deadline": days_left,
        "package_only": offer.monthly_base is None,
    }
    texts = _Texts()
    texts.context = (  # _TextContext's fields in order, made into one when a text is read
        offer,
        candidate,
        segment,
        verdict,
        steady,
        monthly,
        hours,
        known.weeks,
        raise_pct,
        perf_pct,
        equity_pct,
        days_left,
        city,
    )
    return facts, texts


@dataclass(slots=True)
class _TextContext:
    """What the message texts are made from."""

    offer: Offer
    candidate: Candidate
    segment: Segment
    verdict: TierVerdict
    steady: Breakdown
    monthly: int
    hours: float
    weeks: int
    raise_pct: float | None
    perf_pct: float
    equity_pct: float
    days_left: int | None
    city: str

    @property
    def hourly(self) -> int:
        return round(self.verdict.basis_cny / (self.hours * self.weeks))

    @property
    def band_low(self) -> int | None:
        tier = self.verdict.tier
        return self.segment.band(tier).low if tier else None

    @property
    def band_high(self) -> int | None:
        tier = self.verdict.tier
        return self.segment.band(tier).high if tier else None

    @property
    def next_low(self) -> int | None:
        tier = self.verdict.next_tier
        return self.segment.band(tier).low if tier else None


# band edges are a few dozen amounts: their texts are made once
_edge_en = lru_cache(maxsize=512)(group)
_edge_zh = lru_cache(maxsize=512)(partial(compact, lang="zh"))


def _en(amount: int | None) -> str:
    return "" if amount is None else _edge_en(amount)


def _zh(amount: int | None) -> str:
    return "" if amount is None else _edge_zh(amount)


def _vs_rd_avg(c: _TextContext) -> str:
    return f"{(c.monthly / 54000 - 1) * 100:+.0f}%"


# placeholder → how to make its text; band texts are empty when there is no band
TEXT_MAKERS: dict[str, Callable[[_TextContext], str]] = {
    "basis": lambda c: group(c.verdict.basis_cny),
    "basis_zh": lambda c: compact(c.verdict.basis_cny, "zh"),
    "degree": lambda c: DEGREE_LABELS[c.candidate.degree][0],
    "degree_zh": lambda c: DEGREE_LABELS[c.candidate.degree][1],
    "band_low": lambda c: _en(c.band_low),
    "band_low_zh": lambda c: _zh(c.band_low),
    "band_high": lambda c: _en(c.band_high) if c.band_high else "",
    "band_high_zh": lambda c: _zh(c.band_high) if c.band_high else "",
    "next_low": lambda c: _en(c.next_low),
    "next_low_zh": lambda c: _zh(c.next_low),
    "to_next": lambda c: group(c.verdict.to_next_tier_cny or 0),
    "to_next_zh": lambda c: compact(c.verdict.to_next_tier_cny or 0, "zh"),
    "monthly": lambda c: group(c.monthly),
    "monthly_zh": lambda c: compact(c.monthly, "zh"),
    "raise_pct": lambda c: f"{c.raise_pct:g}" if c.raise_pct is not None else "",
    "vs_rd_avg": _vs_rd_avg,
    "vs_rd_avg_zh": _vs_rd_avg,
    "performance_pct": lambda c: f"{c.perf_pct:g}",
    "performance": lambda c: group(c.steady.performance),
    "performance_zh": lambda c: compact(c.steady.performance, "zh"),
    "guaranteed": lambda c: group(c.steady.guaranteed_cash),
    "guaranteed_zh": lambda c: compact(c.steady.guaranteed_cash, "zh"),
    "equity_pct": lambda c: f"{c.equity_pct:g}",
    "equity_year": lambda c: group(c.steady.equity),
    "equity_year_zh": lambda c: compact(c.steady.equity, "zh"),
    "months": lambda c: f"{c.offer.months:g}",
    "hr_tier": lambda c: TIER_LABELS[c.offer.hr_tier][0] if c.offer.hr_tier else "",
    "hr_tier_zh": lambda c: TIER_LABELS[c.offer.hr_tier][1] if c.offer.hr_tier else "",
    "tier": lambda c: TIER_LABELS[c.verdict.tier][0] if c.verdict.tier else "",
    "tier_zh": lambda c: TIER_LABELS[c.verdict.tier][1] if c.verdict.tier else "",
    "schedule_label": lambda c: SCHEDULE_LABELS[c.offer.schedule][0],
    "schedule_label_zh": lambda c: SCHEDULE_LABELS[c.offer.schedule][1],
    "hours_per_week": lambda c: f"{c.hours:g}",
    "hourly": lambda c: f"¥{c.hourly}",
    "hourly_zh": lambda c: f"{c.hourly}元",
    "city": lambda c: c.city,
    "breach_penalty": lambda c: group(c.offer.breach_penalty),
    "breach_penalty_zh": lambda c: compact(c.offer.breach_penalty, "zh"),
    "days_to_deadline": lambda c: str(c.days_left) if c.days_left is not None else "",
    "deadline": lambda c: c.offer.deadline.isoformat() if c.offer.deadline else "",
    "role_family": lambda c: c.candidate.role_family.value,
    "talent_program": lambda c: c.offer.talent_program,
}


class _Texts(dict[str, str]):
    """Message texts by placeholder name, each made on first lookup (``texts[name]``).

    ``context`` holds the fields of a :class:`_TextContext`, which is made when the first
    text is. Only the texts a firing rule's message names are ever made; an unknown name
    raises KeyError like any dict.
    """

    __slots__ = ("context",)

    context: tuple[Any, ...] | _TextContext

    def __missing__(self, name: str) -> str:
        context = self.context
        if type(context) is tuple:
            context = self.context = _TextContext(*context)
        made = self[name] = TEXT_MAKERS[name](context)  # type: ignore[arg-type]
        return made


def evaluate_portfolio(
    portfolio: Portfolio,
    dataset: Dataset | None = None,
    today: date | None = None,
    cities: CityTable | None = None,
) -> list[Evaluation]:
    """Every offer in the portfolio, in order."""
    dataset = dataset or load_dataset()
    return [evaluate(o, portfolio.candidate, dataset, today, cities) for o in portfolio.offers]
