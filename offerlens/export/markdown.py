"""Markdown decision summary: the same sections as HTML and PDF, user text escaped."""

from __future__ import annotations

from offerlens.domain.summary import DecisionSummary
from offerlens.domain.textsafe import markdown_escape as md
from offerlens.export.html import SEVERITY_LABEL, pct, yuan


def _table(head: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    align = ["---:" if i in right else "---" for i in range(len(head))]
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


def render_markdown(s: DecisionSummary) -> str:
    lines = [f"# {md(s.title)}", ""]
    who = f"{md(s.candidate_name)} · " if s.candidate_name else ""
    lines.append(f"{who}{md(s.candidate_profile)}  ")
    if s.segment_label:
        lines.append(f"Segment: {md(s.segment_label)}  ")
    lines += [
        f"Generated {s.generated.isoformat()} with benchmark data {md(s.dataset_version)} "
        f"({md(s.vintage)})",
        "",
        f"> **Recommendation.** {md(s.recommendation)}",
        ">",
        f"> {md(s.matrix.sensitivity.text)}",
        "",
        "## Offers",
        "",
    ]
    head = ["Offer", "Tier", "Percentile", "Year 1 (gross)", "Normal year (gross)"]
    if s.take_home_available:
        head += ["Take-home Y1", "Take-home normal", "Housing fund"]
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
        lines += ["", "\\* indicative tier: outside the segments the articles cover."]
    lines += ["", "### How each package is made up", ""]
    lines += _table(
        ["Offer", "Tier basis", "Guaranteed", "Performance", "One-off (Y1)", "Equity Y1",
         "Equity / year", "To next tier"],
        [[md(o.company), yuan(o.tier_basis), yuan(o.guaranteed_cash), yuan(o.performance),
          yuan(o.one_off), yuan(o.equity_year1), yuan(o.equity_steady),
          md(o.to_next_tier) or "—"] for o in s.offers],
        {1, 2, 3, 4, 5, 6},
    )
    cum = s.charts.cumulative
    lines += ["", "### Four-year cumulative pay (gross)", ""]
    lines += _table(
        ["Offer", *[f"Year {y}" for y in cum.years]],
        [[md(name), *[yuan(v) for v in values]]
         for name, values in zip(cum.offers, cum.cumulative, strict=True)],
        set(range(1, len(cum.years) + 1)),
    )
    m = s.matrix
    lines += ["", "## Decision matrix", ""]
    rows = []
    for r in m.criteria:
        cells = [md(r.label), f"{r.weight * 100:.1f} %"]
        for i, score in enumerate(r.scores):
            text = f"{score:.1f}"
            if r.unscored[i]:
                text += " (not scored)"
            cells.append(text)
        rows.append(cells)
    rows.append(["**Weighted score**", "100 %", *[f"**{t:.2f}**" for t in m.totals]])
    lines += _table(["Criterion", "Weight", *[md(c) for c in m.companies]], rows,
                    set(range(1, len(m.companies) + 2)))
    lines += ["", "### Ranking", ""]
    lines += [f"{r.rank}. **{md(r.company)}** — {r.score:.2f} of 5" for r in m.ranking]
    lines += ["", md(m.sensitivity.text), "", "## Flags and their sources", ""]
    if not s.flags:
        lines.append("No flags were raised.")
    current = None
    for f in s.flags:
        if f.company != current:
            lines += ["", f"### {md(f.company)}", ""]
            current = f.company
        tag = " *(assumption)*" if f.assumption else ""
        lines.append(f"- **{SEVERITY_LABEL.get(f.severity, f.severity)}**: {md(f.message)}{tag}")
        if f.source_quote:
            lines.append(f"  > “{md(f.source_quote)}” — {md(f.source_file)}")
    lines += ["", "## Assumptions", ""]
    for a in s.assumptions:
        note = f" — {md(a.note)}" if a.note else ""
        lines.append(f"- **{md(a.label)}**{note}")
    lines += [
        "",
        "## Data vintage",
        "",
        f"Benchmark dataset {md(s.dataset_version)} ({md(s.dataset_date)}): {md(s.vintage)}.",
        "",
        md(s.disclaimer),
        "",
    ]
    lines += [f"- {md(k)}: {md(v)}" for k, v in s.sources.items()]
    lines.append("")
    return "\n".join(lines)
