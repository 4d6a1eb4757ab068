"""The charts' own words: kinds and every label a chart writes, in English and Chinese.

Dataset texts (tier names, assumptions, offer names) come in the series, already in the
chart's language.
"""

from __future__ import annotations

CHART_KINDS = ("distribution", "ladder", "composition", "cumulative", "take_home")
#: Every text a chart writes itself, English and Chinese (dataset texts come in the series).
TEXT = {
    "assumptions": ("Assumptions: ", "假设："),
    "separator": ("; ", "；"),
    "dist_title": ("Estimated market position — {segment}", "估计市场位置 — {segment}"),
    "package_axis": ("steady-state annual cash package (CNY, log scale)",
                     "常规年份现金年包（元，对数刻度）"),
    "dist_y": ("% of hires per +10 % pay (estimated)", "每高 10% 薪资的录用占比（%，估计）"),
    "dist_curve": ("estimated distribution (assumption)", "估计分布（假设）"),
    "dist_share": ("~{share} %*", "约 {share}%*"),
    "dist_note": ("estimated distribution, *tier shares assumed", "分布为估计，*各档占比为假设"),
    "ladder_title": ("Master's vs PhD tier bands, your offers placed on both",
                     "硕士与博士档位，你的 offer 在两者中的位置"),
    "you": (" (you)", "（你）"),
    "anchors_assumed": ("{anchors} assumed", "{anchors}锚点为假设"),
    "comp_title": ("What each offer is made of: year 1 (left) and a normal year (right)",
                   "每个 offer 的构成：首年（左）与常规年份（右）"),
    "comp_y": ("CNY a year (gross)", "元/年（税前）"),
    "year1_tag": ("Y1", "首年"),
    "steady_tag": ("steady", "常规"),
    "cum_title": ("Cumulative pay over four years (raise {raise_} a year, assumed)",
                  "四年累计收入（假设每年涨薪 {raise_}）"),
    "cum_y": ("cumulative gross pay (CNY)", "累计税前收入（元）"),
    "year": ("year {n}", "第 {n} 年"),
    "th_title": ("What reaches your account (after tax, social insurance, housing fund)",
                 "实际到手（扣除个税、社保和公积金后）"),
    "th_y": ("CNY a year", "元/年"),
    "th_gross": ("gross cash, normal year", "税前现金（常规年份）"),
    "th_net_y1": ("take-home, year 1", "到手（首年）"),
    "th_net_ss": ("take-home, normal year", "到手（常规年份）"),
    "th_fund": ("housing fund (both shares, own wallet)", "公积金（个人与单位部分，归你所有）"),
    "th_note": ("2024 individual income tax and the city's social-insurance table; bonus taxed "
                "the cheaper way; equity excluded (see the summary for every assumption)",
                "按 2024 年个人所得税和所在城市的社保表计算；年终奖按更省税的方式计税；不含股票"
                "（全部假设见汇总报告）"),
    "th_unavailable": ("Take-home pay is not available for these offers.",
                       "这些 offer 无法计算税后到手收入。"),
}
