"""In-process GUI and export probes, run in a child process by :mod:`benchmarks.gui`.

``python -m benchmarks.probes PROBE[:REPEATS] ... --portfolio FILE`` prints one JSON object:
probe name → list of seconds, or ``{"na": reason}``. The child is started with the offscreen Qt
platform and a data directory already seeded with the example portfolio. Probes run in the
order given; ``chart_open`` is only meaningful as the first opening of the charts view in the
process, so the parent starts a fresh process for each of its samples.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

NOT_BUILT = "n/a (not built yet)"
TIMEOUT = 20.0


def _built(*modules: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in modules)


class Session:
    """The app's own main window, shown offscreen with the seeded portfolio loaded."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication

        from offerlens.ui.app import start
        from offerlens.ui.main_window import MainWindow

        self.app, settings, _lang = start(None)
        self.window = MainWindow(settings)
        self.window.show()
        self.window.load_initial()
        QApplication.processEvents()
        paint = QEvent.Type.Paint
        painted: set[int] = set()
        self.painted = painted

        class PaintWatch(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == paint:
                    painted.add(id(obj))
                return False

        self.watch = PaintWatch()

    def process(self) -> None:
        self.app.processEvents()

    def wait(self, done, what: str) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while not done():
            self.process()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{what}: not done within {TIMEOUT:.0f} s")

    def watch_paint(self, widgets: list[Any]) -> None:
        self.painted.clear()
        for w in widgets:
            w.removeEventFilter(self.watch)
            w.installEventFilter(self.watch)

    def all_painted(self, widgets: list[Any]) -> bool:
        return all(id(w) in self.painted for w in widgets)

    # -- probes ------------------------------------------------------------------------------

    def field_verdict(self, repeats: int) -> list[float]:
        """Type a new monthly base (or package) into the form; until the verdict is repainted."""
        win = self.window
        editor, verdict = win.editor, win.verdict
        name = "monthly_base" if editor.widget("monthly_base").text().strip() else "annual_package"
        field = editor.widget(name)
        start_value = int(float(field.text().replace(",", "").strip() or 30000))
        step = 1000 if name == "monthly_base" else 10000
        shown: list[Any] = []
        original = verdict.show_evaluation

        def spy(ev, *args, **kwargs):
            original(ev, *args, **kwargs)
            shown.append(ev)

        verdict.show_evaluation = spy
        times = []
        try:
            for i in range(repeats):
                shown.clear()
                value = start_value + step * (1 + i % 2)
                t0 = time.perf_counter()
                field.setText(str(value))
                self.wait(lambda: bool(shown), "verdict after a field change")
                self.process()  # the layout requests the new verdict posted
                verdict.repaint()
                times.append(time.perf_counter() - t0)
                if shown[-1] is None:
                    raise RuntimeError("the form rejected the changed value")
        finally:
            verdict.show_evaluation = original
        return times

    def _charts_tab(self) -> int:
        import offerlens.ui.main_window as mw

        return getattr(mw, "TAB_CHARTS", 3)

    def _canvases(self, panel: Any) -> list[Any]:
        try:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        except ImportError:
            return [panel]
        found = [c for c in panel.findChildren(FigureCanvasQTAgg) if c.isVisible()]
        if isinstance(panel, FigureCanvasQTAgg):
            found.append(panel)
        return found or [panel]

    def chart_open(self) -> list[float]:
        """Switch to the charts view for the first time; until its charts are painted."""
        if not _built("offerlens.ui.charts_panel"):
            raise LookupError(NOT_BUILT)
        if "matplotlib" in sys.modules:
            raise RuntimeError("matplotlib was already imported before the charts view opened")
        win = self.window
        index = self._charts_tab()
        t0 = time.perf_counter()
        win.tabs.setCurrentIndex(index)
        panel = win.lazy_tab(index) or win.tabs.widget(index)
        targets = self._canvases(panel)
        self.watch_paint(targets)
        self.wait(lambda: self.all_painted(targets), "first paint of the charts view")
        return [time.perf_counter() - t0]

    def chart_update(self, repeats: int) -> list[float]:
        """Change the selected offer's pay in the document; until the charts are repainted."""
        if not _built("offerlens.ui.charts_panel"):
            raise LookupError(NOT_BUILT)
        win = self.window
        index = self._charts_tab()
        if win.tabs.currentIndex() != index:
            win.tabs.setCurrentIndex(index)
            self.process()
        panel = win.lazy_tab(index) or win.tabs.widget(index)
        offers = win.doc.portfolio.offers
        offer = offers[0]
        times = []
        for i in range(repeats):
            if offer.monthly_base is not None:
                update = {"monthly_base": offer.monthly_base + 1000 * (1 - 2 * (i % 2))}
            else:
                update = {"annual_package": (offer.annual_package or 0) + 10000 * (1 - 2 * (i % 2))}
            changed = offer.model_copy(update=update)
            targets = self._canvases(panel)
            self.watch_paint(targets)
            t0 = time.perf_counter()
            win.doc.replace_offer(changed, "benchmark")
            self.wait(lambda t=targets: self.all_painted(t), "chart repaint after an offer change")
            times.append(time.perf_counter() - t0)
            offer = changed
            panel = win.lazy_tab(index) or win.tabs.widget(index)
        return times


def export(fmt: str, portfolio_file: Path) -> list[float]:
    """First export in a process with the app's Qt application and domain already loaded."""
    if not _built("offerlens.export.writer"):
        raise LookupError(NOT_BUILT)
    from PySide6.QtWidgets import QApplication

    from offerlens.domain.models import Portfolio

    QApplication.instance() or QApplication(["offerlens"])
    portfolio = Portfolio.model_validate_json(portfolio_file.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"summary.{fmt}"
        t0 = time.perf_counter()
        from offerlens.export.writer import export_summary

        export_summary(portfolio, out)
        elapsed = time.perf_counter() - t0
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError(f"no {fmt} file was written")
    return [elapsed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.probes")
    parser.add_argument(
        "probes",
        nargs="+",
        help="field_verdict:N chart_open chart_update:N export_pdf export_html export_pdf_again",
    )
    parser.add_argument("--portfolio", type=Path, help="ten-offer portfolio for export probes")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    session: Session | None = None
    for spec in args.probes:
        name, _, count = spec.partition(":")
        repeats = int(count or 1)
        try:
            if name.startswith("export_"):
                fmt, _, again = name.removeprefix("export_").partition("_")
                if again and "offerlens.export.writer" not in sys.modules:
                    export(fmt, args.portfolio)  # untimed: "again" means a second export
                results[name] = export(fmt, args.portfolio)
                continue
            if not _built("offerlens.ui.main_window", "offerlens.ui.app"):
                raise LookupError(NOT_BUILT)
            if session is None:
                session = Session()
            if name == "chart_open":
                results[name] = session.chart_open()
            else:
                results[name] = getattr(session, name)(repeats)
        except LookupError as exc:
            results[name] = {"na": str(exc.args[0]) if exc.args else NOT_BUILT}
        except Exception as exc:  # noqa: BLE001 - reported in the table, not a crash
            traceback.print_exc(file=sys.stderr)
            results[name] = {"na": f"error: {type(exc).__name__}: {exc}"[:200]}
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
