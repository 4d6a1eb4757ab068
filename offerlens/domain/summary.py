"""The decision summary: one model that Markdown, HTML, PDF and CSV exports all render.

Built from the portfolio, its evaluations (the engine's), the decision matrix and the cited
dataset; it holds plain strings and numbers, never anything typed into a renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from offerlens.domain.bands import Dataset, load_dataset
from offerlens.domain.chartdata import ChartSet, chart_set, take_home_of
from offerlens.domain.decision import DecisionMatrix, build_matrix
from offerlens.domain.evaluate import DEGREE_LABELS, TIER_LABELS, evaluate_portfolio
from offerlens.domain.models import Portfolio, Track
from offerlens.domain.results import Evaluation


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OfferRow(_Model):
    offer_id: str
    company: str
    role: str = ""
    city: str = ""
    level: str = ""
    pay_text: str = ""
    tier: str = Field("—", description="tier label, '—' on the experienced track")
    tier_indicative: bool = False
    hr_tier: str = ""
    percentile: float | None = None
    tier_basis: int
    first_year_total: int
    steady_total: int
    guaranteed_cash: int
    performance: int
    one_off: int
    equity_year1: int
    equity_steady: int
    take_home_year1: int | None = None
    take_home_steady: int | None = None
    housing_fund_steady: int | None = None
    effective_hourly: int | None = None
    bonus_method: str = ""
    to_next_tier: str = ""


class FlagRow(_Model):
    company: str
    severity: str
    message: str
    source_file: str = ""
    source_quote: str = ""
    assumption: bool = False


class AssumptionRow(_Model):
    id: str
    label: str
    note: str = ""


class DecisionSummary(_Model):
    title: str = "OfferLens decision summary"
    generated: date
    candidate_name: str = ""
    candidate_profile: str
    segment_label: str = ""
    recommendation: str
    leader: str = ""
    offers: list[OfferRow]
    flags: list[FlagRow]
    matrix: DecisionMatrix
    assumptions: list[AssumptionRow]
    take_home_available: bool = False
    dataset_version: str
    dataset_date: str
    vintage: str
    disclaimer: str
    sources: dict[str, str] = Field(default_factory=dict, description="file → outlet, date")
    charts: ChartSet


def _tier_text(e: Evaluation) -> str:
    if e.tier.tier is None:
        return "—"
    en, zh = TIER_LABELS[e.tier.tier]
    return en if zh in en else f"{en} ({zh})"


def _offer_row(e: Evaluation, portfolio: Portfolio) -> OfferRow:
    offer = portfolio.offer(e.offer_id)
    th = take_home_of(e, portfolio)
    to_next = ""
    if e.tier.next_tier is not None and e.tier.to_next_tier_cny:
        to_next = f"¥{e.tier.to_next_tier_cny:,} to {TIER_LABELS[e.tier.next_tier][0]}"
    return OfferRow(
        offer_id=e.offer_id,
        company=e.company,
        role=offer.role,
        city=offer.city or portfolio.candidate.city,
        level=offer.level,
        pay_text=offer.pay,
        tier=_tier_text(e),
        tier_indicative=e.tier.indicative,
        hr_tier=TIER_LABELS[e.tier.hr_tier][0] if e.tier.hr_tier else "",
        percentile=e.percentile.value,
        tier_basis=e.tier.basis_cny,
        first_year_total=e.first_year.total,
        steady_total=e.steady_state.total,
        guaranteed_cash=e.steady_state.guaranteed_cash,
        performance=e.steady_state.performance,
        one_off=e.first_year.one_off,
        equity_year1=e.first_year.equity,
        equity_steady=e.steady_state.equity,
        take_home_year1=th.first_year.net_cash if th else None,
        take_home_steady=th.steady_state.net_cash if th else None,
        housing_fund_steady=th.steady_state.housing_fund_total if th else None,
        effective_hourly=th.effective_hourly_cny if th else None,
        bonus_method=th.steady_state.bonus_method if th else "",
        to_next_tier=to_next,
    )


def _recommendation(matrix: DecisionMatrix) -> tuple[str, str]:
    if not matrix.ranking:
        return "No offers yet: add an offer to get a recommendation.", ""
    top = matrix.ranking[0]
    if len(matrix.ranking) == 1:
        return (
            f"{top.company} is the only offer (weighted score {top.score:.2f} of 5).",
            top.company,
        )
    second = matrix.ranking[1]
    margin = top.score - second.score
    if margin < 0.005:
        return (
            f"{top.company} and {second.company} are tied on your weights "
            f"({top.score:.2f} of 5); your subjective scores should decide.",
            top.company,
        )
    return (
        f"On your weights, {top.company} comes first with {top.score:.2f} of 5, "
        f"{margin:.2f} ahead of {second.company}.",
        top.company,
    )


def build_summary(
    portfolio: Portfolio,
    evaluations: Sequence[Evaluation] | None = None,
    dataset: Dataset | None = None,
    today: date | None = None,
) -> DecisionSummary:
    """Everything a decision summary shows, computed by the engine from the portfolio."""
    dataset = dataset or load_dataset()
    today = today or date.today()
    if evaluations is None:
        evaluations = evaluate_portfolio(portfolio, dataset, today)
    candidate = portfolio.candidate
    matrix = build_matrix(portfolio, evaluations)
    rows = [_offer_row(e, portfolio) for e in evaluations]
    flags = [
        FlagRow(
            company=e.company,
            severity=f.severity.value,
            message=f.message,
            source_file=f.source.source if f.source else "",
            source_quote=f.source.quote if f.source else "",
            assumption=f.assumption,
        )
        for e in evaluations
        for f in e.flags
    ]
    used: list[str] = [dataset.tier_rule.id]
    for e in evaluations:
        used += [a for a in e.percentile.assumptions if a not in used]
    assumptions = [
        AssumptionRow(id=dataset.tier_rule.id, label="Tier boundaries (derived)",
                      note=dataset.tier_rule.text)
    ]
    for aid in used[1:]:
        try:
            a = dataset.assumption(aid)
        except KeyError:
            continue
        assumptions.append(AssumptionRow(id=a.id, label=a.label, note=a.note))
    for n, text in enumerate(matrix.assumptions):
        assumptions.append(AssumptionRow(id=f"decision_{n + 1}", label=text))
    take_homes = [take_home_of(e, portfolio) for e in evaluations]
    th_available = bool(take_homes) and all(t is not None for t in take_homes)
    if th_available:
        seen: set[str] = set()
        for th in take_homes:
            for note in th.assumptions:
                if note.id not in seen:
                    seen.add(note.id)
                    assumptions.append(
                        AssumptionRow(id=f"take_home_{note.id}", label=note.message)
                    )
    profile = (
        f"{candidate.track.value} · {DEGREE_LABELS[candidate.degree][0]} · "
        f"{candidate.role_family.value} · {candidate.city}"
    )
    segment_label = ""
    if candidate.track is Track.CAMPUS:
        segment_label = dataset.segment_for(candidate.degree, candidate.role_family)[0].label
    recommendation, leader = _recommendation(matrix)
    return DecisionSummary(
        generated=today,
        candidate_name=candidate.name,
        candidate_profile=profile,
        segment_label=segment_label,
        recommendation=recommendation,
        leader=leader,
        offers=rows,
        flags=flags,
        matrix=matrix,
        assumptions=assumptions,
        take_home_available=th_available,
        dataset_version=dataset.version,
        dataset_date=dataset.date,
        vintage=dataset.vintage,
        disclaimer=dataset.disclaimer,
        sources={k: f"{v.outlet}, {v.published}" for k, v in dataset.sources.items()},
        charts=chart_set(portfolio, evaluations, dataset),
    )
