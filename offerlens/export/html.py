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
SEVERITIES = ("good", "info", "warning", "risk")
HTML_LANG = {"en": "en", "zh": "zh-CN"}


def caption(s: DecisionSummary, kind: str) -> str:
    """The caption under a chart, in the summary's language."""
    return s.t(f"caption_{kind}")


def severity_label(s: DecisionSummary, severity: str) -> str:
    return s.t(f"sev_{severity}") if severity in SEVERITIES else severity


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
    head = [s.t("col_offer"), s.t("col_tier"), s.t("col_pctl"), s.t("col_year1"),
            s.t("col_normal")]
    if s.take_home_available:
        head += [s.t("col_th_year1"), s.t("col_th_normal"), s.t("col_housing")]
    rows = []
    for o in s.offers:
        tier = _e(o.tier) + (" *" if o.tier_indicative else "")
        if o.hr_tier and o.hr_tier not in o.tier:
            tier += f"<br><span class='small'>{_e(s.t('hr_says', o.hr_tier))}</span>"
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
        note = f"<p class='small'>{_e(s.t('indicative_note'))}</p>"
    return (
        "<table width='100%'><tr>"
        + "".join(f"<th style='white-space:nowrap'>{_e(h)}</th>" if _short(h)
                  else f"<th>{_e(h)}</th>" for h in head)
        + "</tr>"
        + "".join(rows) + "</table>" + note
    )


def _short(header: str) -> bool:
    """A header kept on one line: short English words, or up to three Chinese characters."""
    if any(ord(ch) > 0x2E7F for ch in header):
        return len(header) <= 3
    return len(header) < 6


def composition_table(s: DecisionSummary) -> str:
    head = [s.t(k) for k in ("col_offer", "col_basis", "col_guaranteed", "col_performance",
                             "col_one_off", "col_equity_y1", "col_equity_year", "col_to_next")]
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
        "<table width='100%'><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr>"
        + "".join(rows) + "</table>"
    )


def matrix_table(s: DecisionSummary) -> str:
    m = s.matrix
    head = [_e(s.t("col_criterion")), _e(s.t("col_weight"))] + [_e(c) for c in m.companies]
    labels = s.criterion_labels or [r.label for r in m.criteria]
    # with many offers the columns are narrow: each figure's note goes on a line of its own,
    # and the criterion column keeps room for its words
    crowded = len(m.companies) > 5
    gap = "<br>" if crowded else " "

    def note(text: str) -> str:
        return text if crowded else f"({text})"

    rows = []
    for r, label in zip(m.criteria, labels, strict=True):
        cells = [f"<td>{_e(label)}</td>", f"<td class='num'>{r.weight * 100:.1f} %</td>"]
        for i, score in enumerate(r.scores):
            text = f"{score:.1f}"
            if r.kind == "pay" and r.raw[i] is not None:
                raw = r.raw[i]
                if r.id == "guaranteed_share":
                    shown = f"{raw:.0%}"
                elif s.lang == "zh" or crowded:  # 41.6万 / ¥416k; exact in the offers table
                    shown = s.compact(round(raw))
                else:
                    shown = f"¥{raw:,.0f}"
                text += f"{gap}<span class='small'>{_e(note(shown))}</span>"
            elif r.unscored[i]:
                text += f"{gap}<span class='small'>{_e(note(s.t('not_scored')))}</span>"
            cells.append(f"<td class='num'>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    rows.append(
        f"<tr><td><b>{_e(s.t('weighted_score'))}</b></td><td class='num'>100 %</td>"
        + "".join(f"<td class='num'><b>{t:.2f}</b></td>" for t in m.totals) + "</tr>"
    )
    widths = ["width='13%'" if crowded else "", ""] + [""] * len(m.companies)
    table = (
        "<table width='100%'><tr>"
        + "".join(f"<th {w}>{h}</th>" if w else f"<th>{h}</th>"
                  for w, h in zip(widths, head, strict=True))
        + "</tr>" + "".join(rows) + "</table>"
    )
    ranking = "<ol>" + "".join(
        f"<li><b>{_e(r.company)}</b> — {_e(s.t('of_5', r.score))}</li>" for r in m.ranking
    ) + "</ol>"
    return table + f"<h3>{_e(s.t('ranking'))}</h3>" + ranking + (
        f"<p class='sensitivity'>{_e(s.sensitivity)}</p>"
    )


def flags_section(s: DecisionSummary) -> str:
    if not s.flags:
        return f"<p>{_e(s.t('no_flags'))}</p>"
    out = []
    current = None
    for f in s.flags:
        if f.company != current:
            if current is not None:
                out.append("</ul>")
            out.append(f"<h3>{_e(f.company)}</h3><ul>")
            current = f.company
        label = severity_label(s, f.severity)
        tag = (f" <span class='assumption'>{_e(s.t('assumption_tag'))}</span>"
               if f.assumption else "")
        item = (f"<li><span class='flag-{_e(f.severity)}'><b>{_e(label)}</b></span>"
                f"{_e(s.t('label_sep'))}")
        item += f"{_e(f.message)}{tag}"
        if f.source_quote:
            item += (
                f"<blockquote>“{_e(f.source_quote)}”<br>"
                f"<span class='small'>{_e(s.t('quote_label'))} · "
                f"{_e(s.t('source', f.source_file))}</span></blockquote>"
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
    vintage = s.t("vintage_line", s.dataset_version, s.dataset_date, s.vintage)
    return (
        f"<ul>{items}</ul><h3>{_e(s.t('vintage'))}</h3><p>{_e(vintage)}</p>"
        f"<p class='small'>{_e(s.disclaimer)}</p>"
        f"<h3>{_e(s.t('sources'))}</h3><ul>{sources}</ul>"
    )


def header(s: DecisionSummary) -> str:
    who = f"{_e(s.candidate_name)} · " if s.candidate_name else ""
    segment = f"<br>{_e(s.t('segment', s.segment_label))}" if s.segment_label else ""
    generated = s.t("generated", s.generated.isoformat(), s.dataset_version, s.vintage)
    return (
        f"<h1>{_e(s.title)}</h1><p class='meta'>{who}{_e(s.candidate_profile)}{segment}<br>"
        f"{_e(generated)}</p>"
        f"<p class='recommendation'><b>{_e(s.t('recommendation'))}</b> "
        f"{_e(s.recommendation)}</p>"
        f"<p class='sensitivity'>{_e(s.sensitivity)}</p>"
        + ranking_list(s)
    )


def ranking_list(s: DecisionSummary) -> str:
    if not s.matrix.ranking:
        return ""
    money = s.compact if s.lang == "zh" else yuan
    items = []
    for r in s.matrix.ranking:
        row = next((o for o in s.offers if o.offer_id == r.offer_id), None)
        extra = ""
        if row is not None:
            extra = f" · {_e(row.tier)} · {pct(row.percentile)}"
            extra += " · " + _e(s.t("glance_year1", money(row.first_year_total)))
            if row.take_home_year1 is not None:
                extra += " · " + _e(s.t("glance_take_home", money(row.take_home_year1)))
        items.append(f"<li><b>{_e(r.company)}</b> — {_e(s.t('of_5', r.score))}{extra}</li>")
    return f"<h3>{_e(s.t('ranking_glance'))}</h3><ol>" + "".join(items) + "</ol>"


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
            f"alt='{_e(s.t('chart_alt', kind))}'><p class='caption'>{_e(caption(s, kind))}</p>"
            "</div>"
        )
    br = f"<p style='{page_break}'>&nbsp;</p>" if page_break else ""
    return (
        header(s)
        + br
        + f"<h2>{_e(s.t('offers'))}</h2>" + offers_table(s)
        + f"<h3>&nbsp;<br>{_e(s.t('composition'))}</h3>" + composition_table(s)
        + f"<h2>{_e(s.t('matrix'))}</h2>" + matrix_table(s)
        + br
        + f"<h2>{_e(s.t('flags'))}</h2>" + flags_section(s)
        + br
        + f"<h2>{_e(s.t('charts'))}</h2>" + "".join(figures)
        + f"<h2>{_e(s.t('assumptions'))}</h2>" + assumptions_section(s)
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
        f"<!DOCTYPE html>\n<html lang='{HTML_LANG[s.lang]}'><head><meta charset='utf-8'>"
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
            fig = export_figure(kind, s.charts, theme, size=(8, 4.6), dpi=dpi, lang=s.lang)
            out[kind] = figure_pixels(fig)
    finally:
        if enabled:
            gc.enable()
    return out


def chart_images(s: DecisionSummary, theme: str = "light", dpi: int = 110) -> dict[str, bytes]:
    """Render every chart of the summary to PNG bytes."""
    from offerlens.charts.figures import pixels_png

    return {kind: pixels_png(p) for kind, p in chart_pixels(s, theme, dpi).items()}
