"""CSV of the evaluations: one row per offer, spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import io

from offerlens.domain.summary import DecisionSummary
from offerlens.domain.textsafe import csv_safe
from offerlens.export.html import severity_label

COLUMNS = [
    "offer_id", "company", "role", "city", "pay", "tier", "tier_indicative", "percentile",
    "tier_basis_cny", "first_year_total_cny", "steady_state_total_cny", "guaranteed_cash_cny",
    "performance_cny", "one_off_cny", "equity_year1_cny", "equity_per_year_cny",
    "take_home_first_year_cny", "take_home_steady_state_cny", "housing_fund_cny",
    "effective_hourly_cny", "four_year_cumulative_cny", "decision_score", "rank", "flags",
]
#: The same columns with Chinese headers (``COLUMNS`` stay the English ones).
COLUMNS_ZH = [
    "offer编号", "公司", "岗位", "城市", "薪资写法", "档位", "档位仅供参考", "百分位",
    "定档年包（元）", "第一年总包（元）", "常规年份总包（元）", "固定现金（元）",
    "绩效浮动（元）", "一次性收入（元）", "第一年股票（元）", "每年股票（元）",
    "第一年到手（元）", "常规年份到手（元）", "公积金（元）",
    "有效时薪（元）", "四年累计（元）", "决策得分", "排名", "提醒",
]


def render_csv(s: DecisionSummary) -> str:
    """UTF-8 text (the writer adds a BOM so spreadsheet programs read Chinese correctly)."""
    score = dict(zip(s.matrix.offer_ids, s.matrix.totals, strict=True))
    rank = {r.offer_id: r.rank for r in s.matrix.ranking}
    four = dict(zip(s.charts.cumulative.offer_ids,
                    [c[-1] for c in s.charts.cumulative.cumulative], strict=True))
    flags: dict[str, list[str]] = {}
    for f in s.flags:
        if s.lang == "zh":
            flags.setdefault(f.company, []).append(f"{severity_label(s, f.severity)}：{f.message}")
        else:
            flags.setdefault(f.company, []).append(f"{f.severity}: {f.message}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS_ZH if s.lang == "zh" else COLUMNS)
    for o in s.offers:
        values = [
            o.offer_id, o.company, o.role, o.city, o.pay_text, o.tier, o.tier_indicative,
            o.percentile, o.tier_basis, o.first_year_total, o.steady_total, o.guaranteed_cash,
            o.performance, o.one_off, o.equity_year1, o.equity_steady, o.take_home_year1,
            o.take_home_steady, o.housing_fund_steady, o.effective_hourly,
            four.get(o.offer_id), score.get(o.offer_id), rank.get(o.offer_id),
            " | ".join(flags.get(o.company, [])),
        ]
        writer.writerow([_cell(v, s.lang) for v in values])
    return buffer.getvalue()


def _cell(value: object, lang: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if lang == "zh":
            return "是" if value else "否"
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return csv_safe(str(value))
