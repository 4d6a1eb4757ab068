"""Chart series: pure functions that turn a portfolio and its evaluations into numbers to plot.

No matplotlib here. The figure builders in ``offerlens.charts`` draw exactly these series, and
the tests check these series, not pixels. Every series that rests on an assumption of the
dataset carries that assumption's label so the chart can say so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from offerlens.domain.bands import Dataset, Segment, load_dataset
from offerlens.domain.labels import lang_of as _lang
from offerlens.domain.labels import pick as _pick
from offerlens.domain.models import Degree, Offer, Portfolio, Tier, Track
from offerlens.domain.results import Evaluation

#: Tiers shaded on the distribution and ladder charts (below-standard is left unshaded).
SHADED_TIERS = (Tier.STANDARD, Tier.SP, Tier.SSP, Tier.TALENT_PROGRAM)
TIER_SHORT = {
    Tier.BELOW_STANDARD: ("below standard", "低于白菜"),
    Tier.STANDARD: ("standard 白菜", "白菜"),
    Tier.SP: ("SP", "SP"),
    Tier.SSP: ("SSP", "SSP"),
    Tier.TALENT_PROGRAM: ("talent programme", "人才计划"),
}
YEARS = 4
LANGS = ("en", "zh")


def _label(item, lang: str) -> str:
    """A dataset item's label in the language (English when it has no Chinese label)."""
    if _lang(lang) == "zh" and getattr(item, "label_zh", ""):
        return item.label_zh
    return item.label


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TierSpan(_Model):
    tier: Tier
    label: str
    low: int
    high: int = Field(description="upper edge; the segment's top for the open-ended tier")
    share: float = Field(0.0, description="assumed share of hires in this tier, percent")


class OfferMark(_Model):
    offer_id: str
    company: str
    value: int = Field(description="steady-state cash package (the tier basis)")
    percentile: float | None = None
    tier: Tier | None = None


class DistributionSeries(_Model):
    """The candidate's segment as an estimated distribution of packages.

    The engine's percentile is a piecewise log-linear CDF through the tier edges; its density
    per unit of log(pay) is constant inside each tier. ``edges``/``density`` describe that
    step function (``density[i]`` holds between ``edges[i]`` and ``edges[i + 1]``), in percent
    of hires per +10 % of pay.
    """

    available: bool
    lang: str = "en"
    reason: str = ""
    segment_id: str = ""
    segment_label: str = ""
    edges: list[int] = Field(default_factory=list)
    density: list[float] = Field(default_factory=list)
    tiers: list[TierSpan] = Field(default_factory=list)
    offers: list[OfferMark] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)


class LadderRung(_Model):
    degree: Degree
    label: str
    segment_id: str
    tiers: list[TierSpan]
    assumed_anchors: list[str] = Field(default_factory=list, description="anchors not cited")
    candidate: bool = Field(False, description="the candidate's own segment")


class LadderSeries(_Model):
    """Master's and PhD tier bands side by side, each offer placed on both."""

    rungs: list[LadderRung]
    lang: str = "en"
    offers: list[OfferMark]
    placements: dict[str, dict[str, Tier]] = Field(
        default_factory=dict, description="offer id → degree → tier the package reaches there"
    )
    assumptions: list[str] = Field(default_factory=list)


COMPONENTS = ("guaranteed_cash", "performance", "one_off", "equity")
COMPONENT_LABELS = {
    "guaranteed_cash": ("guaranteed cash", "固定现金"),
    "performance": ("performance-dependent", "绩效浮动"),
    "one_off": ("one-off (sign-on)", "一次性（签字费）"),
    "equity": ("equity", "股票"),
}


class CompositionSeries(_Model):
    """Per offer, year 1 and steady state split into the four parts."""

    offers: list[str] = Field(description="company names, in portfolio order")
    offer_ids: list[str]
    lang: str = "en"
    year1: dict[str, list[int]] = Field(description="component → amount per offer")
    steady: dict[str, list[int]]


class CumulativeSeries(_Model):
    """Cumulative pay over the first four years per offer."""

    offers: list[str]
    offer_ids: list[str]
    lang: str = "en"
    years: list[int] = Field(default_factory=lambda: list(range(1, YEARS + 1)))
    yearly: list[list[int]] = Field(description="per offer, pay in each year")
    cumulative: list[list[int]]
    annual_raise: float
    raise_assumed: bool = Field(description="the raise is the candidate's assumption")
    assumptions: list[str] = Field(default_factory=list)


class TakeHomeSeries(_Model):
    """What reaches the account: net cash in year 1 and a normal year, and the housing fund."""

    available: bool
    lang: str = "en"
    offers: list[str] = Field(default_factory=list)
    offer_ids: list[str] = Field(default_factory=list)
    gross_year1: list[int] = Field(default_factory=list)
    net_year1: list[int] = Field(default_factory=list)
    gross_steady: list[int] = Field(default_factory=list)
    net_steady: list[int] = Field(default_factory=list)
    housing_fund_steady: list[int] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)


class ChartSet(_Model):
    distribution: DistributionSeries
    ladder: LadderSeries
    composition: CompositionSeries
    cumulative: CumulativeSeries
    take_home: TakeHomeSeries
    lang: str = "en"


# --- distribution ------------------------------------------------------------------------


def _spans(segment: Segment, dataset: Dataset, lang: str = "en") -> list[TierSpan]:
    shares = dataset.assumption("tier_shares").shares or {}
    return [
        TierSpan(
            tier=band.tier,
            label=_pick(TIER_SHORT[band.tier], lang),
            low=band.low,
            high=band.high if band.high is not None else segment.top.value,
            share=float(shares.get(band.tier, 0.0)),
        )
        for band in segment.tiers
    ]


def _marks(evaluations: Sequence[Evaluation]) -> list[OfferMark]:
    return [
        OfferMark(
            offer_id=e.offer_id,
            company=e.company,
            value=e.tier.basis_cny,
            percentile=e.percentile.value,
            tier=e.tier.tier,
        )
        for e in evaluations
    ]


def _assumption_labels(dataset: Dataset, ids: Sequence[str], lang: str = "en") -> list[str]:
    out: list[str] = []
    for assumption_id in ids:
        try:
            label = _label(dataset.assumption(assumption_id), lang)
        except KeyError:
            continue
        if label not in out:
            out.append(label)
    return out


NO_DISTRIBUTION = (
    "No distribution for experienced hires: the articles give averages and switch raises, "
    "not campus-style tiers.",
    "社招没有分布图：文章只给出平均薪资和跳槽涨幅，没有校招那样的档位。",
)
TIER_RULE_NOTE = {
    "distribution": ("Tier boundaries: {rule} of cited anchors", "档位边界：引用锚点的{rule}"),
    "ladder": (
        "Tier boundaries are derived from cited anchors (geometric midpoints)",
        "档位边界由引用锚点推算（几何中点）",
    ),
}
TIER_RULE_NAMES = {"geometric_midpoints": ("geometric midpoints", "几何中点")}
DEGREE_LABELS = {Degree.MASTER: ("Master's", "硕士"), Degree.PHD: ("PhD", "博士")}
CUMULATIVE_NOTES = (
    ("Annual raise {raise_} a year on recurring cash (your assumption)",
     "固定与绩效现金每年涨薪 {raise_}（你的假设）"),
    ("Equity at grant value, no refresher grants; sign-on paid in year 1",
     "股票按授予价值计、无追加授予；签字费计入第 1 年"),
)


def distribution_series(
    portfolio: Portfolio,
    evaluations: Sequence[Evaluation],
    dataset: Dataset | None = None,
    lang: str = "en",
) -> DistributionSeries:
    """The candidate's segment as the density implied by the engine's percentile model."""
    dataset = dataset or load_dataset()
    lang = _lang(lang)
    candidate = portfolio.candidate
    if candidate.track is not Track.CAMPUS:
        return DistributionSeries(available=False, lang=lang, reason=_pick(NO_DISTRIBUTION, lang))
    segment, used = dataset.segment_for(candidate.degree, candidate.role_family)
    spans = _spans(segment, dataset, lang)
    edges = [segment.floor] + [s.high for s in spans]
    density = []
    for span, low in zip(spans, edges, strict=False):
        width = math.log(span.high) - math.log(low)
        density.append(round(span.share * math.log(1.1) / width, 3) if width > 0 else 0.0)
    ids = [
        "tier_shares",
        "percentile_floor",
        "percentile_log_interpolation",
        "sp_anchor_geometric_mean",
        *used,
    ]
    if any(a.assumption for a in segment.anchors.values()):
        ids += [a.assumption for a in segment.anchors.values() if a.assumption]
    rule = TIER_RULE_NAMES.get(dataset.tier_rule.id, (dataset.tier_rule.id.replace("_", " "),) * 2)
    labels = [_pick(TIER_RULE_NOTE["distribution"], lang).format(rule=_pick(rule, lang))]
    return DistributionSeries(
        available=True,
        lang=lang,
        segment_id=segment.id,
        segment_label=_label(segment, lang),
        edges=edges,
        density=density,
        tiers=[s for s in spans if s.tier in SHADED_TIERS],
        offers=_marks(evaluations),
        assumptions=labels + _assumption_labels(dataset, ids, lang),
    )


def density_at(series: DistributionSeries, value: float) -> float:
    """The step density at a package value (0 outside the segment)."""
    for i, d in enumerate(series.density):
        if series.edges[i] <= value <= series.edges[i + 1]:
            return d
    return 0.0


# --- ladder ------------------------------------------------------------------------------


def ladder_series(
    portfolio: Portfolio,
    evaluations: Sequence[Evaluation],
    dataset: Dataset | None = None,
    lang: str = "en",
) -> LadderSeries:
    """Master's and PhD bands for the candidate's role family, with every offer on both."""
    from offerlens.domain.evaluate import tier_of

    dataset = dataset or load_dataset()
    lang = _lang(lang)
    candidate = portfolio.candidate
    rungs: list[LadderRung] = []
    used_all: list[str] = ["sp_anchor_geometric_mean"]
    own_degree = Degree.MASTER if candidate.degree is Degree.BACHELOR else candidate.degree
    segments: dict[Degree, Segment] = {}
    for degree in (Degree.MASTER, Degree.PHD):
        label = _pick(DEGREE_LABELS[degree], lang)
        segment, used = dataset.segment_for(degree, candidate.role_family)
        segments[degree] = segment
        used_all += [u for u in used if u not in used_all]
        assumed = [name for name, a in segment.anchors.items() if a.assumption]
        used_all += [a.assumption for a in segment.anchors.values() if a.assumption]
        rungs.append(
            LadderRung(
                degree=degree,
                label=label,
                segment_id=segment.id,
                tiers=[s for s in _spans(segment, dataset, lang) if s.tier in SHADED_TIERS],
                assumed_anchors=assumed,
                candidate=candidate.track is Track.CAMPUS and degree is own_degree,
            )
        )
    marks = _marks(evaluations)
    placements = {
        m.offer_id: {d.value: tier_of(m.value, s) for d, s in segments.items()} for m in marks
    }
    labels = [_pick(TIER_RULE_NOTE["ladder"], lang)]
    return LadderSeries(
        rungs=rungs,
        lang=lang,
        offers=marks,
        placements=placements,
        assumptions=labels + _assumption_labels(dataset, used_all, lang),
    )


# --- composition and cumulative pay -------------------------------------------------------


def composition_series(evaluations: Sequence[Evaluation], lang: str = "en") -> CompositionSeries:
    """The four parts of year 1 and of a normal year, per offer."""
    return CompositionSeries(
        offers=[e.company for e in evaluations],
        offer_ids=[e.offer_id for e in evaluations],
        lang=_lang(lang),
        year1={c: [getattr(e.first_year, c) for e in evaluations] for c in COMPONENTS},
        steady={c: [getattr(e.steady_state, c) for e in evaluations] for c in COMPONENTS},
    )


def yearly_pay(offer: Offer, evaluation: Evaluation, annual_raise: float) -> list[int]:
    """Gross pay in each of the first four years: recurring cash grown by the annual raise,
    the sign-on in year 1 and the equity that vests each year (cliff applied, no refreshers).
    """
    recurring = evaluation.steady_state.guaranteed_cash + evaluation.steady_state.performance
    vesting = offer.equity.vesting_by_year() if offer.equity is not None else []
    out = []
    for year in range(YEARS):
        cash = round(recurring * (1 + annual_raise) ** year)
        if year == 0:
            cash += evaluation.first_year.one_off
        equity = vesting[year] if year < len(vesting) else 0
        out.append(cash + equity)
    return out


def cumulative(values: Sequence[int]) -> list[int]:
    out, total = [], 0
    for value in values:
        total += value
        out.append(total)
    return out


def cumulative_series(
    portfolio: Portfolio, evaluations: Sequence[Evaluation], lang: str = "en"
) -> CumulativeSeries:
    raise_ = portfolio.decision.annual_raise
    yearly = [yearly_pay(portfolio.offer(e.offer_id), e, raise_) for e in evaluations]
    return CumulativeSeries(
        offers=[e.company for e in evaluations],
        offer_ids=[e.offer_id for e in evaluations],
        lang=_lang(lang),
        yearly=yearly,
        cumulative=[cumulative(y) for y in yearly],
        annual_raise=raise_,
        raise_assumed=True,
        assumptions=[_pick(note, lang).format(raise_=f"{raise_:.0%}") for note in CUMULATIVE_NOTES],
    )


# --- take-home ----------------------------------------------------------------------------


def take_home_of(evaluation: Evaluation, portfolio: Portfolio):  # -> TakeHome | None
    """The evaluation's take-home result; computed by the take-home engine when absent."""
    existing = getattr(evaluation, "take_home", None)
    if existing is not None:
        return existing
    try:
        from offerlens.domain.takehome import compute_take_home
    except ImportError:  # pragma: no cover - engine not present in this build
        return None
    try:
        return compute_take_home(portfolio.offer(evaluation.offer_id), portfolio.candidate)
    except (KeyError, ValueError):
        return None


def take_home_series(
    portfolio: Portfolio, evaluations: Sequence[Evaluation], lang: str = "en"
) -> TakeHomeSeries:
    lang = _lang(lang)
    results = [take_home_of(e, portfolio) for e in evaluations]
    if not evaluations or any(r is None for r in results):
        return TakeHomeSeries(available=False, lang=lang)
    assumptions: list[str] = []
    for r in results:
        for note in r.assumptions:
            message = (note.message_zh or note.message) if lang == "zh" else note.message
            if message not in assumptions:
                assumptions.append(message)
    return TakeHomeSeries(
        available=True,
        lang=lang,
        offers=[e.company for e in evaluations],
        offer_ids=[e.offer_id for e in evaluations],
        gross_year1=[r.first_year.gross_cash for r in results],
        net_year1=[r.first_year.net_cash for r in results],
        gross_steady=[r.steady_state.gross_cash for r in results],
        net_steady=[r.steady_state.net_cash for r in results],
        housing_fund_steady=[r.steady_state.housing_fund_total for r in results],
        assumptions=assumptions,
    )


def chart_set(
    portfolio: Portfolio,
    evaluations: Sequence[Evaluation],
    dataset: Dataset | None = None,
    lang: str = "en",
) -> ChartSet:
    """Every chart's series for one portfolio; texts in ``lang`` ("en" or "zh")."""
    dataset = dataset or load_dataset()
    lang = _lang(lang)
    return ChartSet(
        distribution=distribution_series(portfolio, evaluations, dataset, lang),
        ladder=ladder_series(portfolio, evaluations, dataset, lang),
        composition=composition_series(evaluations, lang),
        cumulative=cumulative_series(portfolio, evaluations, lang),
        take_home=take_home_series(portfolio, evaluations, lang),
        lang=lang,
    )
