"""The benchmark command keeps working: ``python -m benchmarks --quick`` runs every suite.

Tiny counts and one run each, so this checks the harness (not the speed): it must finish,
write its JSON and report every figure either measured or as not built yet, never an error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {
    "startup.app", "startup.bare", "startup.ratio", "rss.app", "rss.bare", "rss.ratio",
    "startup.stale_ratio", "startup.stale_named_ratio",
    "engine.flatness", "engine.evaluate_10000", "ui.field_verdict", "ui.chart_update",
    "ui.chart_open", "ui.export_pdf", "ui.export_pdf_again", "ui.export_html",
}  # fmt: skip


def test_quick_benchmark_run_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"wrote {out}" in proc.stdout
    assert "median" in proc.stdout and "target" in proc.stdout

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["quick"] is True
    figures = {f["id"]: f for f in data["figures"]}
    assert EXPECTED <= set(figures)
    assert any(fid.startswith("engine.parse_evaluate_") for fid in figures)
    for fid, fig in figures.items():
        if fig["samples"]:
            assert fig["min"] <= fig["median"] <= fig["max"], fid
            assert fig["status"] in {"pass", "FAIL", "info"}, fid
        else:
            assert fig["status"] == "n/a (not built yet)", f"{fid}: {fig['status']}"
    # the engine is built, so its figures are always measured
    assert figures["engine.evaluate_10000"]["samples"]
    assert figures["engine.flatness"]["median"] > 0
