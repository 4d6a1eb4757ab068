"""Start-up: ``offerlens --smoke-exit`` against a bare QMainWindow, run alternately.

Each run is a fresh process started with ``subprocess.Popen`` and reaped with ``os.wait4``,
which gives that child's own peak RSS (``ru_maxrss``). Wall time runs from just before the
process is spawned to its exit; both programs exit right after their first paint (the app's
``--smoke-exit`` waits for the offers table to be painted with the portfolio's offers).
Offscreen Qt platform; a private data directory seeded with the example portfolio by an
untimed first run, which also warms the file cache and byte-code caches of both programs.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import ROOT, Figure, na

BARE = Path(__file__).resolve().parent / "bare_window.py"


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        OFFERLENS_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        MPLCONFIGDIR=str(home / "mpl"),
        PYTHONDONTWRITEBYTECODE="",
    )
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def run_child(argv: list[str], env: dict[str, str], timeout: float = 60.0) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child; raises RuntimeError if it fails."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            raise RuntimeError(f"{' '.join(argv[:3])}: no exit within {timeout:.0f} s")
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"exit code {proc.returncode}: {err.strip()[-300:]}")
    return elapsed, usage.ru_maxrss


def app_argv(data_dir: Path) -> list[str]:
    """The installed ``offerlens`` console script (``python -m offerlens`` if there is none)."""
    script = Path(sys.executable).with_name("offerlens")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "offerlens"]
    return [*command, "--smoke-exit", "--data-dir", str(data_dir)]


def run(quick: bool) -> list[Figure]:
    labels = {
        "startup.app": ("start-up: offerlens --smoke-exit, to first paint + exit", "s", None),
        "startup.bare": ("start-up: bare QMainWindow, to first paint + exit", "s", None),
        "startup.ratio": ("start-up ratio, app ÷ bare (pairs)", "×", 2.0),
        "rss.app": ("peak RSS: offerlens --smoke-exit", "MiB", None),
        "rss.bare": ("peak RSS: bare QMainWindow", "MiB", None),
        "rss.ratio": ("peak RSS ratio, app ÷ bare (pairs)", "×", 1.6),
        "startup.stale_ratio": ("start-up ratio without the table cache, app ÷ bare", "×", None),
        "startup.stale_named_ratio": (
            "start-up ratio without the table cache, to the offers named, app ÷ bare", "×", None
        ),
    }
    if (
        importlib.util.find_spec("offerlens.ui.launch") is None
        or importlib.util.find_spec("offerlens.ui.main_window") is None
    ):
        return [na(k, *v) for k, v in labels.items()]
    runs = 1 if quick else 11
    app_t, bare_t, app_m, bare_m, stale, named = [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="offerlens-bench-") as tmp:
        home = Path(tmp)
        env = child_env(home)
        data_dir = home / "data"
        bare = [sys.executable, str(BARE)]
        try:
            run_child(app_argv(data_dir), env)  # seeds the example portfolio; untimed
            run_child(bare, env)
            for i in range(runs):
                order = [("app", app_argv(data_dir)), ("bare", bare)]
                if i % 2:
                    order.reverse()  # alternate which goes first
                for name, argv in order:
                    seconds, rss = run_child(argv, env)
                    (app_t if name == "app" else bare_t).append(seconds)
                    (app_m if name == "app" else bare_m).append(rss / 1024)
            named_env = {**env, "OFFERLENS_SMOKE_ANY_ROWS": "1"}
            for _ in range(1 if quick else 5):
                # first start, an edited file or a new version: the engine fills the table
                (data_dir / "table-cache.json").unlink(missing_ok=True)
                stale.append(run_child(app_argv(data_dir), env)[0] / run_child(bare, env)[0])
                # the same start, timed to its first paint (the offers named from the file)
                (data_dir / "table-cache.json").unlink(missing_ok=True)
                named.append(
                    run_child(app_argv(data_dir), named_env)[0] / run_child(bare, env)[0]
                )
        except RuntimeError as exc:
            return [na(k, *v, why=f"error: {exc}") for k, v in labels.items()]
        seeded = (data_dir / "portfolio.offerlens.json").exists()
    note = "example portfolio seeded" if seeded else "no portfolio file was written"
    notes = {
        "startup.app": f"offscreen; {note}; warm file cache",
        "startup.bare": "offscreen; python benchmarks/bare_window.py",
        "startup.ratio": f"{runs} alternating pairs; median of per-pair ratios",
        "rss.app": "ru_maxrss of the child (os.wait4)",
        "rss.bare": "ru_maxrss of the child (os.wait4)",
        "rss.ratio": "peak RSS ≈ RSS at first paint: both exit on it",
        "startup.stale_ratio": "table-cache.json removed before each run (a start after an edit"
        " elsewhere or an upgrade); timed to the engine's rows (the first paint already names"
        " the offers, read from the file)",
        "startup.stale_named_ratio": "as above, timed to the first paint: company, role and city"
        " read from the file with plain json, figures shown as … (OFFERLENS_SMOKE_ANY_ROWS=1)",
    }
    samples = {
        "startup.app": app_t,
        "startup.bare": bare_t,
        "startup.ratio": [a / b for a, b in zip(app_t, bare_t, strict=True)],
        "rss.app": app_m,
        "rss.bare": bare_m,
        "rss.ratio": [a / b for a, b in zip(app_m, bare_m, strict=True)],
        "startup.stale_ratio": stale,
        "startup.stale_named_ratio": named,
    }
    figures = []
    for key, (label, unit, target) in labels.items():
        figures.append(Figure(key, label, unit, samples[key], target=target, notes=notes[key]))
    return figures
