"""Start-up stays light by construction: showing the main window loads no later-view modules.

Runs the real entry point (``offerlens --smoke-exit``) in a fresh offscreen process, which
exits after the offers table has been painted with the seeded example portfolio, and checks
``sys.modules`` at that moment (at interpreter exit, before anything else could load).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Modules that only the charts, decision, comparison, export and dialog views need.
LATER_ONLY = (
    "matplotlib",
    "numpy",
    "PIL",
    "kiwisolver",
    "contourpy",
    "fontTools",
    "pyparsing",
    "cycler",
    "dateutil",
    "pypdf",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "offerlens.charts",
    "offerlens.export",
    "offerlens.domain.chartdata",
    "offerlens.domain.decision",
    "offerlens.domain.summary",
    "offerlens.ui.charts_panel",
    "offerlens.ui.decision_panel",
    "offerlens.ui.export_dialog",
    "offerlens.ui.comparison",
    "offerlens.ui.bands_browser",
    "offerlens.ui.city_table",
    "offerlens.ui.preferences",
)

CHILD = """
import atexit, json, sys
atexit.register(lambda: print("MODULES " + json.dumps(sorted(sys.modules)), flush=True))
from offerlens.__main__ import main
sys.exit(main(["--smoke-exit", "--data-dir", sys.argv[1]]))
"""


def loaded_at_first_paint(tmp_path: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c")}
    data_dir = tmp_path / "data"
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (data_dir / "portfolio.offerlens.json").exists(), "the example was not seeded"
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("MODULES "))
    return json.loads(line.removeprefix("MODULES "))


def test_main_window_first_paint_loads_no_later_view_modules(tmp_path: Path) -> None:
    modules = loaded_at_first_paint(tmp_path)
    assert "offerlens.ui.main_window" in modules  # the window really was built and shown
    assert "PySide6.QtWidgets" in modules
    heavy = sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in LATER_ONLY))
    assert heavy == [], (
        f"loaded before the first paint although only later views need them: {heavy}"
    )
