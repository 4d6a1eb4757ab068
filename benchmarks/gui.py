"""UI, charts and export figures, measured by :mod:`benchmarks.probes` in child processes."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.data import ten_offer_portfolio, write_portfolio
from benchmarks.harness import ROOT, Figure, na
from benchmarks.startup import child_env

FONT_NOTE = "matplotlib font cache already built (untimed warm-up run)"
LABELS: dict[str, tuple[str, str, float | None, str]] = {
    "field_verdict": (
        "UI: field change → verdict repainted",
        "ms",
        16.0,
        "in-process, offscreen: text typed into the monthly-base field",
    ),
    "chart_update": (
        "UI: offer change → chart repainted",
        "ms",
        30.0,
        "document edit of the selected offer, charts view open",
    ),
    "chart_open": (
        "charts: first opening of the charts view",
        "s",
        1.2,
        "includes importing matplotlib; " + FONT_NOTE,
    ),
    "export_pdf": (
        "export: PDF, ten-offer portfolio",
        "s",
        1.5,
        "first export in a process with Qt and the domain loaded; " + FONT_NOTE,
    ),
    "export_pdf_again": (
        "export: PDF again in the same process",
        "s",
        None,
        "matplotlib and the export modules already loaded: the cost without imports",
    ),
    "export_html": (
        "export: HTML, ten-offer portfolio",
        "s",
        None,
        "first export in a process with Qt and the domain loaded; " + FONT_NOTE,
    ),
}
SCALE = {"ms": 1000.0, "s": 1.0}


def _probe(args: list[str], env: dict[str, str], portfolio: Path) -> dict[str, Any]:
    argv = [sys.executable, "-m", "benchmarks.probes", *args, "--portfolio", str(portfolio)]
    proc = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        reason = f"error: probe exited {proc.returncode}: {proc.stderr.strip()[-200:]}"
        return {a.partition(":")[0]: {"na": reason} for a in args}
    return json.loads(lines[-1])


def run(quick: bool) -> list[Figure]:
    samples: dict[str, list[float]] = {k: [] for k in LABELS}
    missing: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="offerlens-bench-ui-") as tmp:
        home = Path(tmp)
        env = child_env(home)
        portfolio = write_portfolio(ten_offer_portfolio(), home / "ten.offerlens.json")
        if quick:
            plan = [
                [
                    "field_verdict:2",
                    "chart_open",
                    "chart_update:2",
                    "export_pdf",
                    "export_pdf_again",
                    "export_html",
                ]
            ]
        else:
            _probe(["chart_open", "export_pdf"], env, portfolio)  # warm-up: font cache, seeding
            plan = [["field_verdict:10", "chart_open", "chart_update:10"]] * 5
            plan += [["export_pdf", "export_pdf_again"]] * 5 + [["export_html"]] * 5
        for args in plan:
            for name, result in _probe(args, env, portfolio).items():
                if isinstance(result, dict):
                    missing.setdefault(name, result.get("na", "n/a"))
                else:
                    samples[name].extend(result)
    figures = []
    for key, (label, unit, target, notes) in LABELS.items():
        if samples[key]:
            figures.append(
                Figure(
                    f"ui.{key}",
                    label,
                    unit,
                    [s * SCALE[unit] for s in samples[key]],
                    target=target,
                    notes="--quick: one sample, no warm-up run" if quick else notes,
                )
            )
        else:
            figures.append(
                na(f"ui.{key}", label, unit, target, why=missing.get(key, "n/a"), notes=notes)
            )
    return figures
