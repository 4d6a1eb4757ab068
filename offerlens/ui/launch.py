"""``offerlens`` without a command: start the desktop app (or explain why it cannot start)."""

from __future__ import annotations

import os
import sys

EXIT_NO_DISPLAY = 2
SMOKE_TIMEOUT_MS = 60_000
SMOKE_ANY_ROWS_ENV = "OFFERLENS_SMOKE_ANY_ROWS"
# Qt platforms that need no display server
HEADLESS_PLATFORMS = {"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb",
                      "vkkhrdisplay"}
NO_DISPLAY_MESSAGE = (
    "offerlens: no display available (neither DISPLAY nor WAYLAND_DISPLAY is set), so the "
    "desktop app cannot open; use the command line instead: offerlens evaluate|parse|bands|export "
    "(see offerlens --help)"
)


def display_available(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can open a window here, decided without loading Qt's platform plugin."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return True
    qpa = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    if qpa in HEADLESS_PLATFORMS:
        return True
    if qpa == "xcb":
        return bool(env.get("DISPLAY"))
    if qpa.startswith("wayland"):
        return bool(env.get("WAYLAND_DISPLAY"))
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def launch(args) -> int:
    """Run the GUI; returns the process exit code.

    ``args`` has ``data_dir``, ``smoke_exit`` and ``lang`` (an argparse namespace or the light
    one :mod:`offerlens.__main__` builds). The window is shown with its offers table filled
    from the cache of the engine's rows for the same portfolio file when that cache is valid;
    the portfolio is loaded and evaluated right after the first paint (or, without a valid
    cache, before the table is painted with rows).
    """
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return EXIT_NO_DISPLAY
    data_dir = getattr(args, "data_dir", None)
    if data_dir:
        os.environ["OFFERLENS_HOME"] = str(data_dir)
    smoke = bool(getattr(args, "smoke_exit", False))
    # benchmarks only: exit on the first paint that shows any offers (named from the file
    # included), to time what a start without the table cache shows first
    smoke_rows = smoke and os.environ.get(SMOKE_ANY_ROWS_ENV) == "1"

    from PySide6.QtCore import QEvent, QObject, QTimer

    from offerlens.ui.app import start

    app, settings, _lang = start(getattr(args, "lang", None))
    from offerlens.ui.main_window import MainWindow

    window = MainWindow(settings)
    if not window.show_cached_table():
        window.show_preview_table()  # the offers named from the file; figures after loading
    state = {"load_scheduled": False, "exiting": False}

    def schedule_load(delay_ms: int = 0) -> None:
        if not state["load_scheduled"] and not state["exiting"]:
            state["load_scheduled"] = True
            QTimer.singleShot(delay_ms, window.load_initial)

    class FirstPaint(QObject):
        """On a paint of the offers table: exit (``--smoke-exit``) once it shows the
        portfolio's offers; otherwise start loading the portfolio after this first paint."""

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                shown = window.table_filled or (smoke_rows and window.model.rowCount() > 0)
                if smoke and shown and not state["exiting"]:
                    state["exiting"] = True
                    QTimer.singleShot(0, lambda: app.exit(0))
                else:
                    schedule_load()
            return False

    watcher = FirstPaint(window)
    window.table.viewport().installEventFilter(watcher)
    window.loaded.connect(window.table.viewport().update)
    window.show()
    if not window.model.showing_cache:
        schedule_load()  # nothing to show yet: load now, paint when filled
    else:
        # should no paint come (a minimised or hidden window), load anyway
        QTimer.singleShot(1000, lambda: schedule_load())

    if smoke:

        def timeout() -> None:
            print("offerlens: --smoke-exit: the window was not painted in time", file=sys.stderr)
            app.exit(1)

        QTimer.singleShot(SMOKE_TIMEOUT_MS, timeout)

    code = app.exec()
    if smoke:
        window.doc.flush()
    return code
