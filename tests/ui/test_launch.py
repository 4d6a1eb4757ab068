"""Start-up paths run as real processes: no display, smoke exit, nothing heavy imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["OFFERLENS_HOME"] = str(home)
    env.update(extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display detection is X11/Wayland")
def test_no_display_gives_one_line_and_exit_code_2(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "offerlens"], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "no display" in lines[0]
    assert "offerlens evaluate" in lines[0]
    assert "qt.qpa" not in proc.stderr and "plugin" not in proc.stderr
    assert proc.stdout == ""


def test_display_detection_rules():
    from offerlens.ui.launch import display_available

    assert not display_available({}, "linux")
    assert display_available({"DISPLAY": ":0"}, "linux")
    assert display_available({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert display_available({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not display_available({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert display_available({}, "darwin")


def test_smoke_exit_paints_the_seeded_portfolio_and_exits_0(tmp_path):
    home = tmp_path / "home"
    proc = subprocess.run([sys.executable, "-m", "offerlens", "--smoke-exit", "--data-dir",
                           str(home)], env=_env(tmp_path / "unused", QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert (home / "portfolio.offerlens.json").is_file()


SHOW_WINDOW = """
import sys
from offerlens.ui.app import start
app, settings, _ = start("en")
from offerlens.ui.main_window import MainWindow
w = MainWindow(settings)
w.show()
app.processEvents()
w.load_initial()
app.processEvents()
assert w.proxy.rowCount() > 0
heavy = [m for m in ("matplotlib", "numpy", "offerlens.charts.figures") if m in sys.modules]
print(",".join(heavy))
"""


def test_main_window_does_not_load_matplotlib(tmp_path):
    proc = subprocess.run([sys.executable, "-c", SHOW_WINDOW],
                          env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
