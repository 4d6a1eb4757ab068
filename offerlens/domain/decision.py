"""The weighted decision matrix: criteria, scores 1–5, ranking and how robust the winner is.

Pay criteria are computed from the evaluations and scaled 1–5 across the offers (min–max);
subjective criteria are the candidate's own 1–5 scores (3 when not yet scored). Weights are
renormalised to sum to 1. The sensitivity note gives the smallest change of one weight, in
percentage points with the other weights rescaled in proportion, that changes the top choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from offerlens.domain.models import DecisionSettings, Offer, Portfolio
from offerlens.domain.results import Evaluation

PAY_CRITERIA = ("first_year_pay", "four_year_pay", "guaranteed_share")
SUBJECTIVE_CRITERIA = ("growth", "stability", "city", "work_life")
BUILTIN_CRITERIA = PAY_CRITERIA + SUBJECTIVE_CRITERIA
CRITERION_LABELS: dict[str, tuple[str, str]] = {
    "first_year_pay": ("First-year pay", "第一年收入"),
    "four_year_pay": ("Four-year pay", "四年总收入"),
    "guaranteed_share": ("Guaranteed share", "固定收入占比"),
    "growth": ("Growth & technical direction", "成长与技术方向"),
    "stability": ("Employer stability", "公司稳定性"),
    "city": ("City", "城市"),
    "work_life": ("Work-life balance", "工作生活平衡"),
}
DEFAULT_WEIGHTS: dict[str, float] = {
    "first_year_pay": 20,
    "four_year_pay": 20,
    "guaranteed_share": 10,
    "growth": 20,
    "stability": 10,
    "city": 10,
    "work_life": 10,
}
CUSTOM_DEFAULT_WEIGHT = 10.0
NEUTRAL_SCORE = 3
YEARS = 4


class CriterionRow(BaseModel):
    """One row of the matrix."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    label_zh: str = ""
    kind: Literal["pay", "subjective"]
    weight: float = Field(description="renormalised weight, 0..1")
    raw: list[float | None] = Field(description="per offer: the computed value (pay criteria)")
    scores: list[float] = Field(description="per offer: score 1..5")
    unscored: list[bool] = Field(description="per offer: subjective score not set (neutral 3)")


class RankEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rank: int
    offer_id: str
    company: str
    score: float


class Sensitivity(BaseModel):
    """The smallest single-weight change that would change the top choice."""

    model_config = ConfigDict(extra="forbid")

    criterion: str | None = None
    criterion_label: str = ""
    change_pp: float | None = Field(None, description="signed change in percentage points")
    new_weight: float | None = None
    challenger_id: str | None = None
    challenger: str = ""
    text: str
    text_zh: str = ""


class DecisionMatrix(BaseModel):
    model_config = ConfigDict(extra="forbid")

    offer_ids: list[str]
    companies: list[str]
    criteria: list[CriterionRow]
    totals: list[float]
    ranking: list[RankEntry]
    sensitivity: Sensitivity
    use_take_home: bool = False
    annual_raise: float = 0.0
    assumptions: list[str] = Field(default_factory=list)
    assumptions_zh: list[str] = Field(default_factory=list)

    @property
    def winner(self) -> RankEntry | None:
        return self.ranking[0] if self.ranking else None


def criteria_ids(settings: DecisionSettings) -> list[str]:
    """Built-in criteria followed by the candidate's own, without duplicates."""
    out = list(BUILTIN_CRITERIA)
    for name in settings.custom_criteria:
        if name.strip() and name not in out:
            out.append(name)
    return out


def raw_weights(settings: DecisionSettings) -> dict[str, float]:
    """Weights as the candidate set them (defaults where unset), before renormalising."""
    out = {}
    for cid in criteria_ids(settings):
        default = DEFAULT_WEIGHTS.get(cid, CUSTOM_DEFAULT_WEIGHT)
        out[cid] = float(settings.weights.get(cid, default))
    return out


def normalised_weights(settings: DecisionSettings) -> dict[str, float]:
    """Weights that sum to 1; equal weights when every weight is zero."""
    raw = raw_weights(settings)
    total = sum(raw.values())
    if total <= 0:
        return {k: 1 / len(raw) for k in raw}
    return {k: v / total for k, v in raw.items()}


def label_of(cid: str, lang: str = "en") -> str:
    if cid in CRITERION_LABELS:
        return CRITERION_LABELS[cid][1 if lang.startswith("zh") else 0]
    return cid


def min_max(values: Sequence[float]) -> list[float]:
    """Scale to 1..5 across the offers; all 3 when they are equal."""
    if not values:
        return []
    low, high = min(values), max(values)
    if high - low <= 1e-9:
        return [float(NEUTRAL_SCORE)] * len(values)
    return [1 + 4 * (v - low) / (high - low) for v in values]


# --- pay figures ------------------------------------------------------------------------


def gross_years(offer: Offer, evaluation: Evaluation, annual_raise: float) -> list[int]:
    """Gross pay in each of the first four years (same as the cumulative chart)."""
    from offerlens.domain.chartdata import yearly_pay

    return yearly_pay(offer, evaluation, annual_raise)


def take_home_years(offer: Offer, take_home, annual_raise: float) -> list[int]:  # noqa: ANN001
    """Net cash in each of the first four years plus vested equity less its estimated tax.

    Years 2–4 grow the steady-state net cash by the annual raise (an approximation: the tax
    rate is held at the steady-state rate).
    """
    vesting = offer.equity.vesting_by_year() if offer.equity is not None else []
    steady = take_home.steady_state
    rate = 0.0
    if steady.equity_vested and steady.equity_tax_estimate:
        rate = steady.equity_tax_estimate / steady.equity_vested
    out = []
    for year in range(YEARS):
        if year == 0:
            cash = take_home.first_year.net_cash
        else:
            cash = round(steady.net_cash * (1 + annual_raise) ** year)
        equity = vesting[year] if year < len(vesting) else 0
        out.append(cash + round(equity * (1 - rate)))
    return out


def _pay_values(
    portfolio: Portfolio, evaluations: Sequence[Evaluation], use_take_home: bool
) -> tuple[dict[str, list[float]], bool]:
    """Raw values of the pay criteria per offer, and whether take-home was actually used."""
    from offerlens.domain.chartdata import take_home_of

    raise_ = portfolio.decision.annual_raise
    offers = [portfolio.offer(e.offer_id) for e in evaluations]
    take_homes = [take_home_of(e, portfolio) for e in evaluations] if use_take_home else []
    net = use_take_home and all(t is not None for t in take_homes)
    if net:
        years = [take_home_years(o, t, raise_) for o, t in zip(offers, take_homes, strict=True)]
    else:
        years = [gross_years(o, e, raise_) for o, e in zip(offers, evaluations, strict=True)]
    guaranteed = [
        e.steady_state.guaranteed_cash / e.steady_state.total if e.steady_state.total else 0.0
        for e in evaluations
    ]
    return (
        {
            "first_year_pay": [float(y[0]) for y in years],
            "four_year_pay": [float(sum(y)) for y in years],
            "guaranteed_share": guaranteed,
        },
        net,
    )


# --- the matrix -------------------------------------------------------------------------


def build_matrix(portfolio: Portfolio, evaluations: Sequence[Evaluation]) -> DecisionMatrix:
    """Score, weigh and rank the offers; say how robust the top choice is."""
    settings = portfolio.decision
    weights = normalised_weights(settings)
    pay, net = _pay_values(portfolio, evaluations, settings.use_take_home)
    rows: list[CriterionRow] = []
    for cid, weight in weights.items():
        if cid in pay:
            raw: list[float | None] = list(pay[cid])
            scores = min_max(pay[cid])
            unscored = [False] * len(scores)
            kind: Literal["pay", "subjective"] = "pay"
        else:
            given = [settings.scores.get(e.offer_id, {}).get(cid) for e in evaluations]
            raw = [None] * len(given)
            scores = [float(g if g is not None else NEUTRAL_SCORE) for g in given]
            unscored = [g is None for g in given]
            kind = "subjective"
        label = label_of(cid)
        net_pay = net and cid in PAY_CRITERIA[:2]
        rows.append(
            CriterionRow(
                id=cid,
                label=label + (" (take-home)" if net_pay else ""),
                label_zh=label_of(cid, "zh") + ("（到手）" if net_pay else ""),
                kind=kind,
                weight=weight,
                raw=raw,
                scores=scores,
                unscored=unscored,
            )
        )
    totals = [
        sum(r.weight * r.scores[i] for r in rows) for i in range(len(evaluations))
    ]
    order = sorted(range(len(evaluations)), key=lambda i: (-round(totals[i], 9), i))
    ranking = [
        RankEntry(
            rank=n + 1,
            offer_id=evaluations[i].offer_id,
            company=evaluations[i].company,
            score=round(totals[i], 3),
        )
        for n, i in enumerate(order)
    ]
    notes = [  # (English, Chinese): each condition tested once
        (
            f"Annual raise of {settings.annual_raise:.0%} on recurring cash in years 2–4 "
            "(your assumption; default 0 %)",
            f"第 2–4 年经常性现金年涨幅 {settings.annual_raise:.0%}（你的假设，默认 0%）",
        ),
        (
            "Pay criteria are scaled 1–5 across these offers (min–max): the lowest offer scores "
            "1, the highest 5",
            "薪酬类标准在这些 offer 之间按最小–最大缩放到 1–5：最低 1 分，最高 5 分",
        ),
    ]
    if any(any(r.unscored) for r in rows):
        notes.append(
            (
                "Subjective criteria not yet scored count as a neutral 3",
                "尚未打分的主观标准按中性 3 分计",
            )
        )
    if settings.use_take_home and not net:
        notes.append(
            (
                "Take-home weighting requested but unavailable: gross pay used",
                "选择了按到手计算但无法计算：改用税前薪酬",
            )
        )
    if net:
        notes.append(
            (
                "Take-home pay: net cash after tax, social insurance and housing fund, plus vested "
                "equity less its estimated tax; years 2–4 grow the steady-state net cash by the "
                "raise",
                "到手：扣除个税、社保和公积金后的现金，加上已归属股票减去估算税；"
                "第 2–4 年按涨幅增长常规年份到手现金",
            )
        )
    assumptions = [en for en, _ in notes]
    assumptions_zh = [zh for _, zh in notes]
    return DecisionMatrix(
        offer_ids=[e.offer_id for e in evaluations],
        companies=[e.company for e in evaluations],
        criteria=rows,
        totals=[round(t, 3) for t in totals],
        ranking=ranking,
        sensitivity=sensitivity(rows, [e.offer_id for e in evaluations],
                                [e.company for e in evaluations], totals),
        use_take_home=net,
        annual_raise=settings.annual_raise,
        assumptions=assumptions,
        assumptions_zh=assumptions_zh,
    )


def sensitivity(
    rows: Sequence[CriterionRow],
    offer_ids: Sequence[str],
    companies: Sequence[str],
    totals: Sequence[float],
) -> Sensitivity:
    """Smallest |Δ| of one weight (others rescaled in proportion) at which another offer ties
    the leader and overtakes it beyond that point.

    With weight t on criterion k and the other weights scaled by (1 − t)/(1 − w_k), an offer's
    score is t·s_k + (1 − t)·R, where R is its weighted average over the other criteria, so
    each crossing has a closed form.
    """
    n = len(offer_ids)
    if n < 2:
        return Sensitivity(text="Only one offer: nothing to compare yet.")
    leader = max(range(n), key=lambda i: (round(totals[i], 9), -i))
    best: tuple[float, int, int, float] | None = None  # (|Δ|, row index, challenger, t*)
    for k, row in enumerate(rows):
        w = row.weight
        if w >= 1 - 1e-12:
            continue
        rest = [
            sum(r.weight * r.scores[i] for j, r in enumerate(rows) if j != k) / (1 - w)
            for i in range(n)
        ]
        for b in range(n):
            if b == leader:
                continue
            # leader − challenger as a function of t: (1−t)·dr + t·ds
            dr = rest[leader] - rest[b]
            ds = row.scores[leader] - row.scores[b]
            if abs(dr - ds) < 1e-12:
                continue
            t_star = dr / (dr - ds)
            if not 0 <= t_star <= 1:
                continue
            delta = abs(t_star - w)
            if delta < 1e-9:
                continue
            if best is None or delta < best[0] - 1e-12:
                best = (delta, k, b, t_star)
    winner = companies[leader]
    if best is None:
        return Sensitivity(
            text=f"{winner} stays on top whatever single weight changes: no change of one "
            "weight alone overturns it.",
            text_zh=f"{winner} 保持第一：单独调整任何一个权重都不会改变结果。",
        )
    delta, k, b, t_star = best
    row = rows[k]
    change = (t_star - row.weight) * 100
    verb = "raising" if change > 0 else "lowering"
    return Sensitivity(
        criterion=row.id,
        criterion_label=row.label,
        change_pp=round(change, 1),
        new_weight=round(t_star, 4),
        challenger_id=offer_ids[b],
        challenger=companies[b],
        text=f"{winner} leads. {verb.capitalize()} the weight of “{row.label}” by "
        f"{abs(change):.1f} percentage points (from {row.weight * 100:.1f} % to "
        f"{t_star * 100:.1f} %, the "
        f"others rescaled) would bring {companies[b]} level; any further puts it on top.",
        text_zh=f"{winner} 领先。将“{label_of(row.id, 'zh') or row.label}”的权重"
        f"{'提高' if change > 0 else '降低'} {abs(change):.1f} 个百分点（从 "
        f"{row.weight * 100:.1f}% 到 {t_star * 100:.1f}%，其余按比例调整），{companies[b]} "
        "将与之持平；再多一点它就会排第一。",
    )
