"""Markdown decision summary: the same sections as HTML and PDF, user text escaped."""

from __future__ import annotations

from offerlens.domain.summary import DecisionSummary
from offerlens.domain.textsafe import markdown_escape as md
from offerlens.export.html import pct, severity_label, yuan


def _table(head: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    align = ["---:" if i in right else "---" for i in range(len(head))]
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def render_markdown(s: DecisionSummary) -> str:
    t = s.t

    def tm(key: str, *args: object) -> str:
        """A fixed text with the values put into it escaped (the text itself is ours)."""
        return s.t(key, *[md(a) if isinstance(a, str) else a for a in args])

    lines = [f"# {md(s.title)}", ""]
    who = f"{md(s.candidate_name)} · " if s.candidate_name else ""
    lines.append(f"{who}{md(s.candidate_profile)}  ")
    if s.segment_label:
        lines.append(f"{tm('segment', s.segment_label)}  ")
    lines += [
        tm("generated", s.generated, s.dataset_version, s.vintage),
        "",
        f"> **{t('recommendation')}** {md(s.recommendation)}",
        ">",
        f"> {md(s.sensitivity)}",
        "",
        f"## {t('offers')}",
        "",
    ]
    head = [t("col_offer"), t("col_tier"), t("col_percentile"), t("col_year1"), t("col_normal")]
    if s.take_home_available:
        head += [t("col_th_year1"), t("col_th_normal"), t("col_housing")]
    rows = []
    for o in s.offers:
        row = [md(o.company), md(o.tier) + (" \\*" if o.tier_indicative else ""),
               pct(o.percentile), yuan(o.first_year_total), yuan(o.steady_total)]
        if s.take_home_available:
            row += [yuan(o.take_home_year1), yuan(o.take_home_steady),
                    yuan(o.housing_fund_steady)]
        rows.append(row)
    lines += _table(head, rows, set(range(2, len(head))))
    if any(o.tier_indicative for o in s.offers):
        lines += ["", "\\" + t("indicative_note")]
    lines += ["", f"### {t('composition')}", ""]
    lines += _table(
        [t(k) for k in ("col_offer", "col_basis", "col_guaranteed", "col_performance",
                            "col_one_off", "col_equity_y1", "col_equity_year", "col_to_next")],
        [[md(o.company), yuan(o.tier_basis), yuan(o.guaranteed_cash), yuan(o.performance),
          yuan(o.one_off), yuan(o.equity_year1), yuan(o.equity_steady),
          md(o.to_next_tier) or "—"] for o in s.offers],
        {1, 2, 3, 4, 5, 6},
    )
    cum = s.charts.cumulative
    lines += ["", f"### {t('cumulative')}", ""]
    lines += _table(
        [t("col_offer"), *[t("col_year_n", y) for y in cum.years]],
        [[md(name), *[yuan(v) for v in values]]
         for name, values in zip(cum.offers, cum.cumulative, strict=True)],
        set(range(1, len(cum.years) + 1)),
    )
    m = s.matrix
    lines += ["", f"## {t('matrix')}", ""]
    labels = s.criterion_labels or [r.label for r in m.criteria]
    rows = []
    for r, label in zip(m.criteria, labels, strict=True):
        cells = [md(label), f"{r.weight * 100:.1f} %"]
        for i, score in enumerate(r.scores):
            text = f"{score:.1f}"
            if r.unscored[i]:
                text += f" ({t('not_scored')})"
            cells.append(text)
        rows.append(cells)
    rows.append([f"**{t('weighted_score')}**", "100 %", *[f"**{v:.2f}**" for v in m.totals]])
    lines += _table([t("col_criterion"), t("col_weight"), *[md(c) for c in m.companies]],
                    rows, set(range(1, len(m.companies) + 2)))
    lines += ["", f"### {t('ranking')}", ""]
    lines += [f"{r.rank}. **{md(r.company)}** — {t('of_5', r.score)}" for r in m.ranking]
    lines += ["", md(s.sensitivity), "", f"## {t('flags')}", ""]
    if not s.flags:
        lines.append(t("no_flags"))
    current = None
    for f in s.flags:
        if f.company != current:
            lines += ["", f"### {md(f.company)}", ""]
            current = f.company
        tag = f" *{md(t('assumption_tag'))}*" if f.assumption else ""
        label = md(severity_label(s, f.severity))
        lines.append(f"- **{label}**{t('label_sep')}{md(f.message)}{tag}")
        if f.source_quote:
            lines.append(f"  > “{md(f.source_quote)}”  ")
            lines.append(f"  > {t('quote_label')} · {tm('source', f.source_file)}")
    lines += ["", f"## {t('assumptions')}", ""]
    for a in s.assumptions:
        note = f" — {md(a.note)}" if a.note else ""
        lines.append(f"- **{md(a.label)}**{note}")
    lines += [
        "",
        f"## {t('vintage')}",
        "",
        tm("vintage_line", s.dataset_version, s.dataset_date, s.vintage),
        "",
        md(s.disclaimer),
        "",
        f"### {t('sources')}",
        "",
    ]
    lines += [f"- {md(k)}: {md(v)}" for k, v in s.sources.items()]
    lines.append("")
    return "\n".join(lines)
