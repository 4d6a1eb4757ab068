"""Command-line interface: evaluate, parse, bands (and the GUI's start-up flags).

Every failure a person can cause ends with exit code 2 and one line on stderr that names the
file, the offer and the field or token; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offerlens.domain.models import Portfolio
    from offerlens.domain.results import Evaluation

EXIT_USAGE = 2


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offerlens",
        description="Compare job offers against cited 2024 Chinese tech-market benchmarks. "
        "Without a command, opens the desktop app.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where the app keeps its data (default: the user data directory, or $OFFERLENS_HOME)",
    )
    parser.add_argument(
        "--smoke-exit",
        action="store_true",
        help="start the app, wait for the first paint with offers shown, exit 0",
    )
    parser.add_argument("--lang", choices=["en", "zh"], help="interface language for this run")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ev = sub.add_parser("evaluate", help="evaluate every offer in a portfolio file")
    ev.add_argument("portfolio", type=Path, nargs="?",
                    help="a .offerlens.json portfolio file (default: the app's own portfolio)")
    ev.add_argument("--format", choices=["table", "json", "markdown"], default="table")
    ev.add_argument(
        "--today", type=date.fromisoformat, help="date for deadline checks (YYYY-MM-DD)"
    )

    pa = sub.add_parser("parse", help="show how a quick-entry pay string is read")
    pa.add_argument("text", help='e.g. "35k*16 + 签字费10w"')
    pa.add_argument("--format", choices=["text", "json"], default="text")

    ba = sub.add_parser("bands", help="list benchmark bands with citations and assumptions")
    ba.add_argument("--degree", choices=["bachelor", "master", "phd"])
    ba.add_argument("--track", choices=["campus", "experienced"])
    ba.add_argument("--format", choices=["text", "json"], default="text")

    ex = sub.add_parser("export", help="export a decision summary (.pdf, .html, .md, .csv)")
    ex.add_argument("portfolio", type=Path, nargs="?",
                    help="a .offerlens.json portfolio file (default: the app's own portfolio)")
    ex.add_argument("-o", "--output", type=Path, required=True)
    ex.add_argument("--lang", dest="export_lang", type=export_language, metavar="{en,zh}",
                    help="language of the summary: en (default) or zh (简体中文)")
    return parser


def export_language(value: str) -> str:
    """``export --lang``: ``en`` or ``zh`` (``zh_CN``/``zh-CN`` accepted)."""
    low = value.strip().replace("-", "_").lower()
    if low in ("zh", "zh_cn"):
        return "zh"
    if low in ("en", "en_us", "en_gb"):
        return "en"
    raise argparse.ArgumentTypeError(f"unknown language {value!r}; use en or zh")


def run_command(args: argparse.Namespace) -> int:
    try:
        handler = {
            "evaluate": _evaluate,
            "parse": _parse,
            "bands": _bands,
            "export": _export,
        }[args.command]
        return handler(args)
    except CliError as err:
        print(f"offerlens: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


# -- loading -------------------------------------------------------------------------------


def load_portfolio_file(path: Path) -> Portfolio:
    """Read and validate a portfolio file strictly; raise CliError with one clear line."""
    from offerlens.store import StoreError, read_portfolio

    try:
        return read_portfolio(path)
    except StoreError as err:
        raise CliError(" ".join(str(err).split())) from None


def portfolio_for(args: argparse.Namespace) -> Portfolio:
    """The file named on the command line, or the app's own portfolio.

    The app's portfolio is loaded like the app loads it: a damaged file is set aside and the
    newest good backup restored, and what happened is said on stderr.
    """
    if args.portfolio is not None:
        return load_portfolio_file(args.portfolio)
    from offerlens.store import default_portfolio_path, load_portfolio

    result = load_portfolio(default_portfolio_path(args.data_dir), data_dir=args.data_dir)
    for notice in result.notices:
        print(f"offerlens: {' '.join(notice.message.split())}", file=sys.stderr)
    return result.portfolio


def city_table(args: argparse.Namespace):
    """The shipped city table with the user's edits from the data directory."""
    from offerlens.domain.social import load_cities
    from offerlens.store.paths import city_overrides_path

    return load_cities(city_overrides_path(args.data_dir))


# -- commands ------------------------------------------------------------------------------


def _evaluate(args: argparse.Namespace) -> int:
    from offerlens.domain.evaluate import evaluate_portfolio

    portfolio = portfolio_for(args)
    evaluations = evaluate_portfolio(portfolio, today=args.today, cities=city_table(args))
    lang = _lang(args)
    if not portfolio.offers:
        where = args.portfolio or ("应用的组合" if lang == "zh" else "the app's portfolio")
        print(
            f"offerlens: {where} 中还没有 offer：在桌面应用（offerlens）中添加，或指定组合文件，"
            "如 offerlens evaluate my.offerlens.json"
            if lang == "zh"
            else f"offerlens: no offers in {where}: add them in the app (offerlens) or name a "
            "portfolio file, e.g. offerlens evaluate my.offerlens.json",
            file=sys.stderr,
        )
    if args.format == "json":
        print(json.dumps([evaluation_json(e) for e in evaluations], ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        print(_markdown(evaluations, lang))
    else:
        print(_table(evaluations, lang))
    return 0


def _lang(args: argparse.Namespace) -> str:
    """The language of human-readable output: ``--lang`` (English by default)."""
    return "zh" if getattr(args, "lang", None) == "zh" else "en"


def evaluation_json(e: Evaluation) -> dict[str, Any]:
    """The documented JSON shape of one evaluation (stable keys for scripts)."""
    return {
        "offer_id": e.offer_id,
        "company": e.company,
        "tier": e.tier.tier.value if e.tier.tier else None,
        "tier_basis_cny": e.tier.basis_cny,
        "next_tier": e.tier.next_tier.value if e.tier.next_tier else None,
        "to_next_tier_cny": e.tier.to_next_tier_cny,
        "tier_indicative": e.tier.indicative,
        "hr_tier": e.tier.hr_tier.value if e.tier.hr_tier else None,
        "percentile": e.percentile.value,
        "percentile_segment": e.percentile.segment,
        "percentile_method": e.percentile.method,
        "percentile_assumptions": e.percentile.assumptions,
        "first_year_total_cny": e.first_year.total,
        "steady_state_total_cny": e.steady_state.total,
        "breakdown": {
            "first_year": e.first_year.model_dump(),
            "steady_state": e.steady_state.model_dump(),
        },
        "flags": [f.model_dump(mode="json") for f in e.flags],
        "computation": [c.model_dump() for c in e.computation],
        "months_high_note": e.months_high_note or None,
        **_take_home_json(e),
    }


def _take_home_json(e: Evaluation) -> dict[str, Any]:
    """Take-home keys: net cash of year 1 and a normal year, the housing-fund wallet a year."""
    th = e.take_home
    if th is None:
        return {
            "take_home_first_year_cny": None,
            "take_home_steady_state_cny": None,
            "housing_fund_cny": None,
            "effective_hourly_cny": None,
            "take_home": None,
        }
    return {
        "take_home_first_year_cny": th.first_year.net_cash,
        "take_home_steady_state_cny": th.steady_state.net_cash,
        "housing_fund_cny": th.steady_state.housing_fund_total,
        "effective_hourly_cny": th.effective_hourly_cny,
        "take_home": th.model_dump(mode="json"),
    }


def _tier_label(e: Evaluation, lang: str = "en") -> str:
    from offerlens.domain.labels import TIER_LABELS, pick

    if e.tier.tier is None:
        return "—"
    label = pick(TIER_LABELS[e.tier.tier], lang)
    return label + ("*" if e.tier.indicative else "")


def _flag_line(f, lang: str) -> tuple[str, str]:  # noqa: ANN001 (a results.Flag)
    """A flag's severity word and message in ``lang`` (English keeps the severity's value)."""
    from offerlens.domain.labels import SEVERITY_LABELS, pick

    if lang == "zh":
        return pick(SEVERITY_LABELS[f.severity], lang), f.message_zh or f.message
    return f.severity.value, f.message


def _rows(evaluations: list[Evaluation], lang: str = "en") -> list[list[str]]:
    rows = []
    for e in evaluations:
        pct = "—" if e.percentile.value is None else f"{e.percentile.value:.0f}"
        rows.append(
            [
                e.company,
                _tier_label(e, lang),
                pct,
                f"{e.first_year.total:,}",
                f"{e.steady_state.total:,}",
                str(len(e.flags)),
            ]
        )
    return rows


HEADERS = ["company", "tier", "pctl", "year 1 (CNY)", "steady (CNY)", "flags"]
HEADERS_ZH = ["公司", "档位", "百分位", "第一年（元）", "常规年份（元）", "提醒"]
KIND_WORDS = {  # what a dataset figure measures, for the bands listing
    "annual": ("annual", "年包"),
    "monthly": ("monthly", "月薪"),
    "count": ("count", "数量"),
    "percent": ("percent", "百分比"),
    "ratio": ("ratio", "比例"),
}
INDICATIVE_NOTE = (
    "* indicative tier: outside the segments the articles cover",
    "* 档位仅供参考：不在文章覆盖的细分市场内",
)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(evaluations: list[Evaluation], lang: str = "en") -> str:
    width = _width
    headers = HEADERS_ZH if lang == "zh" else HEADERS
    rows = [headers, *_rows(evaluations, lang)]
    widths = [max(width(r[i]) for r in rows) for i in range(len(headers))]
    out = []
    for n, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - width(cell))
            cells.append(cell + pad if i < 2 else pad + cell)
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    lines = ["\n".join(out)]
    colon = "：" if lang == "zh" else ": "
    for e in evaluations:
        for f in e.flags:
            severity, message = _flag_line(f, lang)
            lines.append(f"[{e.company}] {severity}{colon}{message}")
    if any(e.tier.indicative for e in evaluations):
        lines.append(INDICATIVE_NOTE[1] if lang == "zh" else INDICATIVE_NOTE[0])
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    from offerlens.domain.textsafe import markdown_escape

    return markdown_escape(text)


def _markdown(evaluations: list[Evaluation], lang: str = "en") -> str:
    headers = HEADERS_ZH if lang == "zh" else HEADERS
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in _rows(evaluations, lang):
        out.append("| " + " | ".join(_md_escape(c) for c in row) + " |")
    for e in evaluations:
        if e.flags:
            out.append(f"\n### {_md_escape(e.company)}\n")
            for f in e.flags:
                severity, message = _flag_line(f, lang)
                quote = f' — "{_md_escape(f.source.quote)}" ({f.source.source})' if f.source else ""
                out.append(f"- **{severity}**: {_md_escape(message)}{quote}")
    return "\n".join(out)


def _parse(args: argparse.Namespace) -> int:
    from offerlens.domain.parser import ParseError, parse_pay

    zh = _lang(args) == "zh"
    try:
        result = parse_pay(args.text)
    except ParseError as err:
        raise CliError(f"pay {args.text!r}: {err.message_zh if zh else err}") from None
    if args.format == "json":
        print(
            json.dumps(
                {
                    "fields": result.fields,
                    "understood": result.understood,
                    "ambiguities": result.ambiguities,
                },
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
        return 0
    for line in result.understood_zh if zh else result.understood:
        print(line)
    for line in result.ambiguities_zh if zh else result.ambiguities:
        print(f"有歧义：{line}" if zh else f"ambiguous: {line}")
    return 0


def _bands(args: argparse.Namespace) -> int:
    from offerlens.domain.bands import load_dataset

    ds = load_dataset()
    segments = [
        s
        for s in ds.segments
        if (not args.degree or args.degree in s.degrees)
        and (not args.track or s.track.value == args.track)
    ]
    figures = [
        f
        for f in ds.figures
        if (not args.degree or not f.degrees or args.degree in f.degrees)
        and (not args.track or f.track is None or f.track.value == args.track)
    ]
    if args.format == "json":
        print(
            json.dumps(
                {
                    "version": ds.version,
                    "date": ds.date,
                    "tier_rule": ds.tier_rule.model_dump(),
                    "segments": [s.model_dump(mode="json") for s in segments],
                    "figures": [f.model_dump(mode="json") for f in figures],
                    "assumptions": [a.model_dump(mode="json") for a in ds.assumptions],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    from offerlens.domain.labels import TIER_LABELS, pick

    lang = _lang(args)
    words = {  # (English, Chinese) of the listing's own words
        "title": ("OfferLens benchmark dataset", "OfferLens 基准数据集"),
        "rule": ("Tier rule (assumption)", "档位规则（假设）"),
        "derived": ("assumption: derived", "假设：推导"),
        "anchor": ("anchor", "锚点"),
        "figure": ("figure", "数据"),
        "assumption": ("ASSUMPTION", "假设"),
        "context": ("context", "背景"),
        "note": ("note", "说明"),
        "assumptions": ("Assumptions (not in the sources):", "假设（来源中没有）："),
    }

    def w(key: str) -> str:
        return pick(words[key], lang)

    colon = "：" if lang == "zh" else ": "
    vintage = pick((ds.vintage, ds.vintage_zh or ds.vintage), lang)
    print(f"{w('title')} {ds.version} ({ds.date}) — {vintage}")
    print(pick((ds.disclaimer, ds.disclaimer_zh or ds.disclaimer), lang))
    rule = pick((ds.tier_rule.text, ds.tier_rule.text_zh or ds.tier_rule.text), lang)
    print(f"\n{w('rule')}{colon}{rule}\n")
    for seg in segments:
        print(pick((seg.label, seg.label_zh or seg.label), lang))
        for band in seg.tiers:
            high = f"{band.high:,}" if band.high else "…"
            name = band.tier.value if lang == "en" else pick(TIER_LABELS[band.tier], lang)
            name += " " * max(0, 15 - _width(name))
            print(f"  {name} {band.low:>10,} – {high:>10}  ({w('derived')})")
        for name, anchor in seg.anchors.items():
            if anchor.figure:
                src = f"{w('figure')} {anchor.figure}"
            else:
                src = f"{w('assumption')} {anchor.assumption}"
            print(f"  {w('anchor')} {name}{colon}{anchor.value:,} ({src})")
        print()
    for fig in figures:
        kind_words = KIND_WORDS.get(fig.kind, (fig.kind, fig.kind))
        kind = w("context") if fig.context else pick(kind_words, lang)
        nums = ", ".join(f"{n:,.0f}" if n == int(n) else f"{n:g}" for n in fig.numbers())
        print(f"{pick((fig.label, fig.label_zh or fig.label), lang)} [{kind}]{colon}{nums}")
        for c in fig.citations:
            print(f'    "{c.quote}" — {c.source}')
        if fig.note:
            print(f"    {w('note')}{colon}{pick((fig.note, fig.note_zh or fig.note), lang)}")
    print(f"\n{w('assumptions')}")
    for a in ds.assumptions:
        print(f"  {w('assumption')} {a.id}{colon}{pick((a.label, a.label_zh or a.label), lang)}")
    return 0


def _export(args: argparse.Namespace) -> int:
    try:
        from offerlens.export.writer import export_file
    except ImportError:
        raise CliError("export is not available in this build") from None
    portfolio = portfolio_for(args)
    lang = getattr(args, "export_lang", None) or getattr(args, "lang", None) or "en"
    return export_file(portfolio, args.output, lang=lang)
