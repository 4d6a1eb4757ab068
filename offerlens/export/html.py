"""Self-contained HTML decision summary: inline CSS, charts embedded as base64 PNG.

Every piece of text that comes from the user or the data goes through ``html.escape``. The
same body, with ``for_print=True``, feeds the PDF writer (Qt's rich-text subset of HTML).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from offerlens.domain.summary import DecisionSummary

CHART_ORDER = ("distribution", "ladder", "composition", "cumulative", "take_home")
CHART_CAPTIONS = {
    "distribution": "Estimated position of each offer in your market segment. The shape of "
    "the distribution is an assumption (tier shares); the tier edges are derived from cited "
    "anchors.",
    "ladder": "Master's and PhD tier bands (derived from cited anchors; PhD standard anchor "
    "assumed) with each offer placed on both.",
    "composition": "Year 1 and a normal year split into guaranteed cash, performance-dependent "
    "pay, one-off payments and equity.",
    "cumulative": "Gross pay accumulated over four years: sign-on in year 1, equity as it vests, "
    "recurring cash grown by your assumed annual raise.",
    "take_home": "Net cash after income tax, social insurance and the housing fund; the "
    "housing fund is shown as its own wallet.",
}

SEVERITY_LABEL = {"good": "strength", "info": "note", "warning": "warning", "risk": "risk"}

CSS = """
body { font-family: "DejaVu Sans", "Noto Sans CJK SC", "OfferLens Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; color: #1f2328; max-width: 980px; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; font-size: 14px; }
h1 { font-size: 26px; margin-bottom: 0.2em; }
h2 { font-size: 19px; border-bottom: 1px solid #d8dee4; padding-bottom: 0.2em;
     margin-top: 1.6em; }
h3 { font-size: 15px; margin-bottom: 0.3em; }
.meta { color: #656d76; }
.recommendation { background: #eef5fc; border-left: 4px solid #1f5f99; padding: 0.7em 1em;
                  font-size: 16px; }
.sensitivity { color: #3d444d; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #d8dee4; padding: 4px 8px; vertical-align: top; }
th { background: #f3f5f7; text-align: left; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.flag-risk { color: #b42318; } .flag-warning { color: #9a6700; }
.flag-good { color: #1a7f37; } .flag-info { color: #3d444d; }
blockquote { margin: 0.2em 0 0.6em 1.2em; color: #656d76; font-style: italic; }
.assumption { color: #8a5a00; }
.chart { margin: 1em 0; } .chart img { max-width: 100%; height: auto; }
.caption { color: #656d76; font-size: 12px; margin-top: 0.2em; }
.small { font-size: 12px; color: #656d76; }
"""


def yuan(amount: int | None) -> str:
    return "—" if amount is None else f"¥{amount:,}"


def pct(value: float | None) -> str:
    return "—" if value is None else f"P{value:.0f}"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def offers_table(s: DecisionSummary) -> str:
    head = ["Offer", "Tier", "Pctl", "Year 1 (gross)", "Normal year (gross)"]
    if s.take_home_available:
        head += ["Take-home Y1", "Take-home normal", "Housing fund"]
    rows = []
    for o in s.offers:
        tier = _e(o.tier) + (" *" if o.tier_indicative else "")
        if o.hr_tier and o.hr_tier not in o.tier:
            tier += f"<br><span class='small'>HR says {_e(o.hr_tier)}</span>"
        name = f"<b>{_e(o.company)}</b>"
        details = " · ".join(_e(x) for x in (o.role, o.city, o.level) if x)
        if details:
            name += f"<br><span class='small'>{details}</span>"
        if o.pay_text:
            name += f"<br><span class='small'>{_e(o.pay_text)}</span>"
        cells = [
            f"<td width='24%'>{name}</td>",
            tier,
            f"<td class='num'>{pct(o.percentile)}</td>",
            f"<td class='num'>{yuan(o.first_year_total)}</td>",
            f"<td class='num'>{yuan(o.steady_total)}</td>",
        ]
        if s.take_home_available:
            cells += [
                f"<td class='num'>{yuan(o.take_home_year1)}</td>",
                f"<td class='num'>{yuan(o.take_home_steady)}</td>",
                f"<td class='num'>{yuan(o.housing_fund_steady)}</td>",
            ]
        rows.append(
            "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells)
            + "</tr>"
        )
    note = ""
    if any(o.tier_indicative for o in s.offers):
        note = "<p class='small'>* indicative tier: outside the segments the articles cover.</p>"
    return (
        "<table width='100%'><tr>"
        + "".join(f"<th style='white-space:nowrap'>{h}</th>" if len(h) < 6 else f"<th>{h}</th>"
                  for h in head)
        + "</tr>"
        + "".join(rows) + "</table>" + note
    )


def composition_table(s: DecisionSummary) -> str:
    head = ["Offer", "Tier basis", "Guaranteed", "Performance", "One-off (Y1)", "Equity Y1",
            "Equity / year", "To next tier"]
    rows = []
    for o in s.offers:
        rows.append(
            "<tr>" + f"<td>{_e(o.company)}</td>" + "".join(
                f"<td class='num'>{yuan(v)}</td>"
                for v in (o.tier_basis, o.guaranteed_cash, o.performance, o.one_off,
                          o.equity_year1, o.equity_steady)
            ) + f"<td>{_e(o.to_next_tier) or '—'}</td></tr>"
        )
    return (
        "<table width='100%'><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
        + "".join(rows) + "</table>"
    )


def matrix_table(s: DecisionSummary) -> str:
    m = s.matrix
    head = ["Criterion", "Weight"] + [_e(c) for c in m.companies]
    rows = []
    for r in m.criteria:
        cells = [f"<td>{_e(r.label)}</td>", f"<td class='num'>{r.weight * 100:.1f} %</td>"]
        for i, score in enumerate(r.scores):
            text = f"{score:.1f}"
            if r.kind == "pay" and r.raw[i] is not None:
                raw = r.raw[i]
                shown = f"{raw:.0%}" if r.id == "guaranteed_share" else f"¥{raw:,.0f}"
                text += f" <span class='small'>({shown})</span>"
            elif r.unscored[i]:
                text += " <span class='small'>(not scored)</span>"
            cells.append(f"<td class='num'>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.append(
        "<tr><td><b>Weighted score</b></td><td class='num'>100 %</td>"
        + "".join(f"<td class='num'><b>{t:.2f}</b></td>" for t in m.totals) + "</tr>"
    )
    table = (
        "<table width='100%'><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
        + "".join(rows) + "</table>"
    )
    ranking = "<ol>" + "".join(
        f"<li><b>{_e(r.company)}</b> — {r.score:.2f} of 5</li>" for r in m.ranking
    ) + "</ol>"
    return table + "<h3>Ranking</h3>" + ranking + (
        f"<p class='sensitivity'>{_e(m.sensitivity.text)}</p>"
    )


def flags_section(s: DecisionSummary) -> str:
    if not s.flags:
        return "<p>No flags were raised.</p>"
    out = []
    current = None
    for f in s.flags:
        if f.company != current:
            if current is not None:
                out.append("</ul>")
            out.append(f"<h3>{_e(f.company)}</h3><ul>")
            current = f.company
        label = SEVERITY_LABEL.get(f.severity, f.severity)
        tag = " <span class='assumption'>(assumption)</span>" if f.assumption else ""
        item = f"<li><span class='flag-{_e(f.severity)}'><b>{_e(label)}</b></span>: "
        item += f"{_e(f.message)}{tag}"
        if f.source_quote:
            item += (
                f"<blockquote>“{_e(f.source_quote)}”<br>"
                f"<span class='small'>source: {_e(f.source_file)}</span></blockquote>"
            )
        out.append(item + "</li>")
    out.append("</ul>")
    return "".join(out)


def assumptions_section(s: DecisionSummary) -> str:
    items = "".join(
        (f"<li><b>{_e(a.label)}</b> — <span class='small'>{_e(a.note)}</span></li>"
         if a.note else f"<li>{_e(a.label)}</li>")
        for a in s.assumptions
    )
    sources = "".join(
        f"<li><span class='small'>{_e(k)}: {_e(v)}</span></li>" for k, v in s.sources.items()
    )
    return (
        f"<ul>{items}</ul><h3>Data vintage</h3><p>Benchmark dataset {_e(s.dataset_version)} "
        f"({_e(s.dataset_date)}): {_e(s.vintage)}.</p><p class='small'>{_e(s.disclaimer)}</p>"
        f"<h3>Sources</h3><ul>{sources}</ul>"
    )


def header(s: DecisionSummary) -> str:
    who = f"{_e(s.candidate_name)} · " if s.candidate_name else ""
    segment = f"<br>Segment: {_e(s.segment_label)}" if s.segment_label else ""
    return (
        f"<h1>{_e(s.title)}</h1><p class='meta'>{who}{_e(s.candidate_profile)}{segment}<br>"
        f"Generated {s.generated.isoformat()} with benchmark data {_e(s.dataset_version)} "
        f"({_e(s.vintage)})</p>"
        f"<p class='recommendation'><b>Recommendation.</b> {_e(s.recommendation)}</p>"
        f"<p class='sensitivity'>{_e(s.matrix.sensitivity.text)}</p>"
        + ranking_list(s)
    )


def ranking_list(s: DecisionSummary) -> str:
    if not s.matrix.ranking:
        return ""
    items = []
    for r in s.matrix.ranking:
        row = next((o for o in s.offers if o.offer_id == r.offer_id), None)
        extra = ""
        if row is not None:
            extra = f" · {_e(row.tier)} · {pct(row.percentile)}"
            extra += f" · year 1 {yuan(row.first_year_total)}"
            if row.take_home_year1 is not None:
                extra += f" · take-home year 1 {yuan(row.take_home_year1)}"
        items.append(f"<li><b>{_e(r.company)}</b> — {r.score:.2f} of 5{extra}</li>")
    return "<h3>Ranking at a glance</h3><ol>" + "".join(items) + "</ol>"


def body(
    s: DecisionSummary,
    image_src: Callable[[str], str | None],
    page_break: str = "",
    chart_width: int = 720,
) -> str:
    """The summary's sections; ``image_src(kind)`` gives an <img> source or None."""
    figures = []
    for kind in CHART_ORDER:
        if kind == "take_home" and not s.take_home_available:
            continue
        src = image_src(kind)
        if src is None:
            continue
        figures.append(
            f"<div class='chart'><img src='{_e(src)}' width='{chart_width}' "
            f"alt='{_e(kind)} chart'><p class='caption'>{_e(CHART_CAPTIONS[kind])}</p></div>"
        )
    br = f"<p style='{page_break}'>&nbsp;</p>" if page_break else ""
    return (
        header(s)
        + br
        + "<h2>Offers</h2>" + offers_table(s)
        + "<h3>&nbsp;<br>How each package is made up</h3>" + composition_table(s)
        + "<h2>Decision matrix</h2>" + matrix_table(s)
        + br
        + "<h2>Flags and their sources</h2>" + flags_section(s)
        + br
        + "<h2>Charts</h2>" + "".join(figures)
        + "<h2>Assumptions</h2>" + assumptions_section(s)
    )


def render_html(s: DecisionSummary, images: Mapping[str, bytes] | None = None) -> str:
    """The complete HTML document; ``images`` maps chart kind → PNG bytes."""
    images = images or {}

    def src(kind: str) -> str | None:
        data = images.get(kind)
        if not data:
            return None
        return "data:image/png;base64," + base64.b64encode(data).decode("ascii")

    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(s.title)}</title><style>{CSS}</style></head><body>"
        + body(s, src)
        + "</body></html>\n"
    )


def chart_pixels(s: DecisionSummary, theme: str = "light", dpi: int = 110) -> dict[str, Any]:
    """Draw every chart of the summary once: kind → ``Pixels`` (RGBA).

    The cyclic garbage collector is paused meanwhile: a figure is thousands of small objects
    linked in cycles, and collections triggered while they are made scan the whole heap
    again and again (about a third of the drawing time). The figures are freed afterwards.
    """
    import gc

    from offerlens.charts.figures import export_figure, figure_pixels

    out: dict[str, Any] = {}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for kind in CHART_ORDER:
            if kind == "take_home" and not s.take_home_available:
                continue
            fig = export_figure(kind, s.charts, theme, size=(8, 4.6), dpi=dpi)
            out[kind] = figure_pixels(fig)
    finally:
        if enabled:
            gc.enable()
    return out


def chart_images(s: DecisionSummary, theme: str = "light", dpi: int = 110) -> dict[str, bytes]:
    """Render every chart of the summary to PNG bytes."""
    from offerlens.charts.figures import pixels_png

    return {kind: pixels_png(p) for kind, p in chart_pixels(s, theme, dpi).items()}
