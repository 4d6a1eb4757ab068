"""The first paint comes before pydantic and the engine, from the engine's cached rows.

Runs the real entry point (``offerlens --smoke-exit``) in fresh offscreen processes. The first
run seeds the example portfolio (and computes its rows with the engine); the second paints the
table from the cache of those rows and exits on that paint, before pydantic is imported.
Without a usable cache the first paint names the offers from the file (figures "…") and the
smoke exit waits for the engine's rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from offerlens.__main__ import gui_args
from offerlens.cli import build_parser

CHILD = """
import atexit, json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
seen = {}

class Paints(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "first_paint" not in seen:
            seen["first_paint"] = sorted(sys.modules)
            win = obj.window()
            seen["rows"] = win.proxy.rowCount()
            seen["companies"] = [win.proxy.index(r, 0).data() for r in range(seen["rows"])]
            seen["first_year"] = [win.proxy.index(r, 3).data() for r in range(seen["rows"])]
        return False

paints = Paints()

def hook():
    from offerlens.ui import main_window
    init = main_window.MainWindow.__init__
    def patched(self, *a, **k):
        init(self, *a, **k)
        self.table.viewport().installEventFilter(paints)
    main_window.MainWindow.__init__ = patched

import offerlens.ui.main_window  # noqa: E402  (the window module itself is light)
hook()
atexit.register(lambda: print("SEEN " + json.dumps(
    {**seen, "at_exit": sorted(sys.modules)}), flush=True))
from offerlens.__main__ import main
sys.exit(main(["--smoke-exit", "--data-dir", sys.argv[1]]))
"""

HEAVY = ("pydantic", "pydantic_core", "offerlens.domain.models", "offerlens.domain.evaluate",
         "offerlens.store", "offerlens.cli", "offerlens.ui.offer_editor")


def run(data_dir: Path, tmp_path: Path, **extra_env: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           **extra_env}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("SEEN "))
    return json.loads(line.removeprefix("SEEN "))


def test_second_start_paints_the_cached_rows_before_pydantic_is_imported(tmp_path):
    data_dir = tmp_path / "data"
    first = run(data_dir, tmp_path)
    assert (data_dir / "portfolio.offerlens.json").is_file()
    assert (data_dir / "table-cache.json").is_file()
    assert "pydantic" in first["at_exit"]  # no cache yet: the engine filled the table
    # ... but the first paint already named the example's offers, read from the file, with
    # the figures still to come, and came before pydantic and the engine
    assert first["rows"] == 4 and all(first["companies"])
    assert first["first_year"] == ["…"] * 4
    assert [m for m in HEAVY if m in first["first_paint"]] == []

    second = run(data_dir, tmp_path)
    assert second["rows"] == 4
    assert second["companies"] == first["companies"]
    assert all(cell.startswith("¥") for cell in second["first_year"])
    loaded = [m for m in HEAVY if m in second["at_exit"]]
    assert loaded == [], f"imported before the smoke exit's first paint: {loaded}"


def test_a_stale_cache_makes_the_smoke_exit_wait_for_the_engine(tmp_path):
    data_dir = tmp_path / "data"
    run(data_dir, tmp_path)
    portfolio_file = data_dir / "portfolio.offerlens.json"
    data = json.loads(portfolio_file.read_text(encoding="utf-8"))
    data["offers"][0]["company"] = "Changed outside the app"
    portfolio_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    seen = run(data_dir, tmp_path)
    # no rows from the stale cache: the first paint names the offers as the file has them now,
    # figures still to come, and the smoke exit waits until the engine has filled the table
    assert seen["rows"] == 4
    assert seen["companies"][0] == "Changed outside the app"
    assert seen["first_year"] == ["…"] * 4
    assert "offerlens.domain.evaluate" not in seen["first_paint"]
    assert "offerlens.domain.evaluate" in seen["at_exit"]


def test_a_first_start_names_the_offers_before_pydantic_is_imported(tmp_path):
    # the benchmarks' smoke mode that exits on the first paint showing any offers
    seen = run(tmp_path / "data", tmp_path, OFFERLENS_SMOKE_ANY_ROWS="1")
    assert seen["rows"] == 4 and all(seen["companies"])
    assert seen["first_year"] == ["…"] * 4
    loaded = [m for m in HEAVY if m in seen["at_exit"]]
    assert loaded == [], f"imported before the offers were named: {loaded}"


def test_gui_flags_are_read_as_argparse_reads_them():
    parser = build_parser()
    for argv in ([], ["--smoke-exit"], ["--data-dir", "/tmp/x"], ["--data-dir=/tmp/y", "--lang",
                 "zh"], ["--lang=en", "--smoke-exit", "--data-dir", "d", "--lang", "zh"]):
        fast = gui_args(argv)
        assert fast is not None, argv
        full = parser.parse_args(argv)
        for name in ("command", "data_dir", "smoke_exit", "lang"):
            assert getattr(fast, name) == getattr(full, name), (argv, name)


def test_anything_else_goes_to_argparse():
    for argv in (["--help"], ["-h"], ["evaluate"], ["--lang", "xx"], ["--lang"], ["--smoke"],
                 ["--data-dir"], ["--data-dir", "--smoke-exit"], ["parse", "35k*16"],
                 ["--smoke-exit", "bands"]):
        assert gui_args(argv) is None, argv
