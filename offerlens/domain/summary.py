"""The decision summary: one model that Markdown, HTML, PDF and CSV exports all render.

Built from the portfolio, its evaluations (the engine's), the decision matrix and the cited
dataset; it holds plain strings and numbers, never anything typed into a renderer. Every text
is in the summary's language (``en`` or ``zh``): the engine's and the dataset's own Chinese
texts for ``zh``, the fixed headings from :data:`TEXT`. Citations keep their verbatim quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from offerlens.domain.bands import Dataset, load_dataset
from offerlens.domain.chartdata import ChartSet, chart_set, take_home_of
from offerlens.domain.decision import DecisionMatrix, build_matrix
from offerlens.domain.evaluate import evaluate_portfolio
from offerlens.domain.labels import DEGREE_LABELS, ROLE_LABELS, TIER_LABELS, TRACK_LABELS
from offerlens.domain.labels import pick as _pick
from offerlens.domain.models import Portfolio, Track
from offerlens.domain.money import compact
from offerlens.domain.results import Evaluation

Lang = Literal["en", "zh"]
LANGS: tuple[str, ...] = ("en", "zh")

#: Every fixed text of the exports: key → (English, 简体中文).
TEXT: dict[str, tuple[str, str]] = {
    "title": ("OfferLens decision summary", "OfferLens 决策摘要"),
    "recommendation": ("Recommendation.", "建议。"),
    "segment": ("Segment: {0}", "细分市场：{0}"),
    "generated": ("Generated {0} with benchmark data {1} ({2})",
                  "生成于 {0}，基准数据 {1}（{2}）"),
    "ranking_glance": ("Ranking at a glance", "排名一览"),
    "of_5": ("{0:.2f} of 5", "{0:.2f} 分（满分 5）"),
    "glance_year1": ("year 1 {0}", "第一年 {0}"),
    "glance_take_home": ("take-home year 1 {0}", "第一年到手 {0}"),
    "offers": ("Offers", "Offer 对比"),
    "col_offer": ("Offer", "Offer"),
    "col_tier": ("Tier", "档位"),
    "col_pctl": ("Pctl", "百分位"),
    "col_percentile": ("Percentile", "百分位"),
    "col_year1": ("Year 1 (gross)", "第一年（税前）"),
    "col_normal": ("Normal year (gross)", "常规年份（税前）"),
    "col_th_year1": ("Take-home Y1", "第一年到手"),
    "col_th_normal": ("Take-home normal", "常规年份到手"),
    "col_housing": ("Housing fund", "公积金"),
    "hr_says": ("HR says {0}", "HR 称 {0}"),
    "indicative_note": ("* indicative tier: outside the segments the articles cover.",
                        "* 档位仅供参考：不在文章覆盖的细分市场内。"),
    "composition": ("How each package is made up", "各 offer 的薪酬构成"),
    "col_basis": ("Tier basis", "定档年包"),
    "col_guaranteed": ("Guaranteed", "固定"),
    "col_performance": ("Performance", "绩效浮动"),
    "col_one_off": ("One-off (Y1)", "一次性（第一年）"),
    "col_equity_y1": ("Equity Y1", "第一年股票"),
    "col_equity_year": ("Equity / year", "每年股票"),
    "col_to_next": ("To next tier", "距下一档"),
    "to_next": ("¥{0:,} to {1}", "距{1}还差 {2}"),
    "cumulative": ("Four-year cumulative pay (gross)", "四年累计收入（税前）"),
    "col_year_n": ("Year {0}", "第 {0} 年"),
    "matrix": ("Decision matrix", "决策矩阵"),
    "col_criterion": ("Criterion", "标准"),
    "col_weight": ("Weight", "权重"),
    "not_scored": ("not scored", "未打分"),
    "weighted_score": ("Weighted score", "加权得分"),
    "ranking": ("Ranking", "排名"),
    "flags": ("Flags and their sources", "提醒及其来源"),
    "no_flags": ("No flags were raised.", "没有提醒。"),
    "assumption_tag": ("(assumption)", "（假设）"),
    "label_sep": (": ", "："),
    "quote_label": ("verbatim quote", "原文引用（保留来源语言）"),
    "source": ("source: {0}", "来源：{0}"),
    "charts": ("Charts", "图表"),
    "assumptions": ("Assumptions", "假设"),
    "vintage": ("Data vintage", "数据时效"),
    "vintage_line": ("Benchmark dataset {0} ({1}): {2}.", "基准数据集 {0}（{1}）：{2}。"),
    "sources": ("Sources", "来源文章"),
    "tier_rule_label": ("Tier boundaries (derived)", "档位边界（推导）"),
    "page_of": ("page {0} of {1}", "第 {0} 页，共 {1} 页"),
    "footer_data": ("data {0}", "数据 {0}"),
    "chart_alt": ("{0} chart", "{0} 图"),
    "caption_distribution": (
        "Estimated position of each offer in your market segment. The shape of the "
        "distribution is an assumption (tier shares); the tier edges are derived from cited "
        "anchors.",
        "各 offer 在你所在细分市场中的估算位置。分布形状是假设（各档占比）；"
        "档位边界由引用的锚点推导。",
    ),
    "caption_ladder": (
        "Master's and PhD tier bands (derived from cited anchors; PhD standard anchor assumed) "
        "with each offer placed on both.",
        "硕士与博士的档位区间（由引用锚点推导；博士白菜锚点为假设），每个 offer 在两者上的位置。",
    ),
    "caption_composition": (
        "Year 1 and a normal year split into guaranteed cash, performance-dependent pay, "
        "one-off payments and equity.",
        "第一年与常规年份拆分为固定现金、绩效浮动、一次性收入和股票。",
    ),
    "caption_cumulative": (
        "Gross pay accumulated over four years: sign-on in year 1, equity as it vests, "
        "recurring cash grown by your assumed annual raise.",
        "四年累计税前收入：签字费计入第一年，股票按归属计入，经常性现金按你假设的年涨幅增长。",
    ),
    "caption_take_home": (
        "Net cash after income tax, social insurance and the housing fund; the housing fund is "
        "shown as its own wallet.",
        "扣除个税、社保和公积金后的到手现金；公积金单独列为一个账户。",
    ),
    "sev_good": ("strength", "优势"),
    "sev_info": ("note", "说明"),
    "sev_warning": ("warning", "警告"),
    "sev_risk": ("risk", "风险"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "only_one": ("Only one offer: nothing to compare yet.", "只有一个 offer：暂无可比较。"),
}



def normalise_lang(lang: str | None) -> Lang:
    """``zh``/``zh_CN``/``zh-CN`` → ``zh``; ``en``/``en_US`` → ``en``; else ValueError."""
    low = (lang or "").strip().replace("-", "_").lower()
    if low == "zh" or low.startswith("zh_"):
        return "zh"
    if low == "en" or low.startswith("en_"):
        return "en"
    raise ValueError(f"unknown language {lang!r}; use en or zh")


def text(key: str, lang: str, *args: object) -> str:
    """The fixed text ``key`` in ``lang``, formatted with ``args``."""
    en, zh = TEXT[key]
    return (zh if lang == "zh" else en).format(*args)


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
    lang: Lang = "en"
    title: str = TEXT["title"][0]
    generated: date
    candidate_name: str = ""
    candidate_profile: str
    segment_label: str = ""
    recommendation: str
    leader: str = ""
    offers: list[OfferRow]
    flags: list[FlagRow]
    matrix: DecisionMatrix
    criterion_labels: list[str] = Field(
        default_factory=list, description="the matrix's criteria, in the summary's language"
    )
    sensitivity: str = ""
    assumptions: list[AssumptionRow]
    take_home_available: bool = False
    dataset_version: str
    dataset_date: str
    vintage: str
    disclaimer: str
    sources: dict[str, str] = Field(default_factory=dict, description="file → outlet, date")
    charts: ChartSet

    def t(self, key: str, *args: object) -> str:
        """A fixed text of the exports in this summary's language."""
        return text(key, self.lang, *args)

    def compact(self, amount: int) -> str:
        """A short amount for running text: ¥416k, or 41.6万 in Chinese."""
        return compact(amount, self.lang)


def _tier_text(e: Evaluation, lang: str) -> str:
    if e.tier.tier is None:
        return "—"
    en, zh = TIER_LABELS[e.tier.tier]
    if lang == "zh":
        return zh
    return en if zh in en else f"{en} ({zh})"


def _city(name: str, lang: str) -> str:
    """The city as the user wrote it; its Chinese name from the city table in Chinese."""
    if lang != "zh" or not name:
        return name
    from offerlens.domain.social import shipped_table_shared

    row = shipped_table_shared().find(name)
    return row.name_zh if row is not None and row.name_zh else name


def _offer_row(e: Evaluation, portfolio: Portfolio, lang: str) -> OfferRow:
    offer = portfolio.offer(e.offer_id)
    th = take_home_of(e, portfolio)
    to_next = ""
    if e.tier.next_tier is not None and e.tier.to_next_tier_cny:
        amount = e.tier.to_next_tier_cny
        name = _pick(TIER_LABELS[e.tier.next_tier], lang)
        if lang == "zh" and name.isascii():
            name = f" {name} "  # a space either side of Latin letters in Chinese text
        to_next = text("to_next", lang, amount, name, compact(amount, "zh"))
    return OfferRow(
        offer_id=e.offer_id,
        company=e.company,
        role=offer.role,
        city=_city(offer.city or portfolio.candidate.city, lang),
        level=offer.level,
        pay_text=offer.pay,
        tier=_tier_text(e, lang),
        tier_indicative=e.tier.indicative,
        hr_tier=_pick(TIER_LABELS[e.tier.hr_tier], lang) if e.tier.hr_tier else "",
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


def _recommendation(matrix: DecisionMatrix, lang: str = "en") -> tuple[str, str]:
    zh = lang == "zh"
    if not matrix.ranking:
        return (
            "还没有 offer：添加一个 offer 后才能给出建议。" if zh
            else "No offers yet: add an offer to get a recommendation.",
            "",
        )
    top = matrix.ranking[0]
    if len(matrix.ranking) == 1:
        return (
            f"{top.company} 是唯一的 offer（加权得分 {top.score:.2f}，满分 5）。" if zh
            else f"{top.company} is the only offer (weighted score {top.score:.2f} of 5).",
            top.company,
        )
    second = matrix.ranking[1]
    margin = top.score - second.score
    if margin < 0.005:
        return (
            f"按你的权重，{top.company} 与 {second.company} 并列（{top.score:.2f} 分，满分 5）；"
            "应由你的主观打分决定。" if zh
            else f"{top.company} and {second.company} are tied on your weights "
            f"({top.score:.2f} of 5); your subjective scores should decide.",
            top.company,
        )
    return (
        f"按你的权重，{top.company} 排第一，得分 {top.score:.2f}（满分 5），"
        f"领先 {second.company} {margin:.2f} 分。" if zh
        else f"On your weights, {top.company} comes first with {top.score:.2f} of 5, "
        f"{margin:.2f} ahead of {second.company}.",
        top.company,
    )


def _sensitivity(matrix: DecisionMatrix, lang: str) -> str:
    s = matrix.sensitivity
    if lang != "zh":
        return s.text
    if s.text_zh:
        return s.text_zh
    return text("only_one", lang) if len(matrix.ranking) < 2 else s.text


def _assumptions(
    dataset: Dataset,
    evaluations: Sequence[Evaluation],
    matrix: DecisionMatrix,
    take_homes: list,
    lang: str,
) -> list[AssumptionRow]:
    zh = lang == "zh"
    rule = dataset.tier_rule
    out = [AssumptionRow(id=rule.id, label=text("tier_rule_label", lang),
                         note=(rule.text_zh or rule.text) if zh else rule.text)]
    used: list[str] = [rule.id]
    for e in evaluations:
        used += [a for a in e.percentile.assumptions if a not in used]
    for aid in used[1:]:
        try:
            a = dataset.assumption(aid)
        except KeyError:
            continue
        if zh:
            out.append(AssumptionRow(id=a.id, label=a.label_zh or a.label,
                                     note=a.note_zh))
        else:
            out.append(AssumptionRow(id=a.id, label=a.label, note=a.note))
    decision = matrix.assumptions_zh if zh and matrix.assumptions_zh else matrix.assumptions
    for n, line in enumerate(decision):
        out.append(AssumptionRow(id=f"decision_{n + 1}", label=line))
    if take_homes and all(t is not None for t in take_homes):
        seen: set[str] = set()
        for th in take_homes:
            for note in th.assumptions:
                if note.id not in seen:
                    seen.add(note.id)
                    message = (note.message_zh or note.message) if zh else note.message
                    out.append(AssumptionRow(id=f"take_home_{note.id}", label=message))
    return out


def build_summary(
    portfolio: Portfolio,
    evaluations: Sequence[Evaluation] | None = None,
    dataset: Dataset | None = None,
    today: date | None = None,
    lang: str = "en",
) -> DecisionSummary:
    """Everything a decision summary shows, computed by the engine from the portfolio.

    ``lang`` is ``en`` or ``zh`` (``zh_CN`` is accepted); anything else is a ValueError.
    """
    lang = normalise_lang(lang)
    zh = lang == "zh"
    dataset = dataset or load_dataset()
    today = today or date.today()
    if evaluations is None:
        evaluations = evaluate_portfolio(portfolio, dataset, today)
    candidate = portfolio.candidate
    matrix = build_matrix(portfolio, evaluations)
    rows = [_offer_row(e, portfolio, lang) for e in evaluations]
    flags = [
        FlagRow(
            company=e.company,
            severity=f.severity.value,
            message=(f.message_zh or f.message) if zh else f.message,
            source_file=f.source.source if f.source else "",
            source_quote=f.source.quote if f.source else "",
            assumption=f.assumption,
        )
        for e in evaluations
        for f in e.flags
    ]
    take_homes = [take_home_of(e, portfolio) for e in evaluations]
    th_available = bool(take_homes) and all(t is not None for t in take_homes)
    assumptions = _assumptions(dataset, evaluations, matrix, take_homes, lang)
    sep = " · "
    profile = sep.join([
        _pick(TRACK_LABELS[candidate.track], lang),
        _pick(DEGREE_LABELS[candidate.degree], lang),
        _pick(ROLE_LABELS[candidate.role_family], lang),
        _city(candidate.city, lang),
    ])
    segment_label = ""
    if candidate.track is Track.CAMPUS:
        segment = dataset.segment_for(candidate.degree, candidate.role_family)[0]
        segment_label = (segment.label_zh or segment.label) if zh else segment.label
    recommendation, leader = _recommendation(matrix, lang)
    return DecisionSummary(
        lang=lang,
        title=text("title", lang),
        generated=today,
        candidate_name=candidate.name,
        candidate_profile=profile,
        segment_label=segment_label,
        recommendation=recommendation,
        leader=leader,
        offers=rows,
        flags=flags,
        matrix=matrix,
        criterion_labels=[(r.label_zh or r.label) if zh else r.label for r in matrix.criteria],
        sensitivity=_sensitivity(matrix, lang),
        assumptions=assumptions,
        take_home_available=th_available,
        dataset_version=dataset.version,
        dataset_date=dataset.date,
        vintage=(dataset.vintage_zh or dataset.vintage) if zh else dataset.vintage,
        disclaimer=(dataset.disclaimer_zh or dataset.disclaimer) if zh else dataset.disclaimer,
        sources={k: f"{v.outlet}, {v.published}" for k, v in dataset.sources.items()},
        charts=chart_set(portfolio, evaluations, dataset, lang=lang),
    )
