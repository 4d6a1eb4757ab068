"""``offerlens`` without a command: start the desktop app (or explain why it cannot start)."""

from __future__ import annotations

import argparse
import os
import sys

EXIT_NO_DISPLAY = 2
SMOKE_TIMEOUT_MS = 60_000
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


def launch(args: argparse.Namespace) -> int:
    """Run the GUI; returns the process exit code."""
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return EXIT_NO_DISPLAY
    data_dir = getattr(args, "data_dir", None)
    if data_dir:
        os.environ["OFFERLENS_HOME"] = str(data_dir)

    from PySide6.QtCore import QEvent, QObject, QTimer

    from offerlens.ui.app import start

    app, settings, _lang = start(getattr(args, "lang", None))
    from offerlens.ui.main_window import MainWindow

    window = MainWindow(settings)
    window.show()

    if getattr(args, "smoke_exit", False):

        class FirstPaint(QObject):
            """Exits 0 at the first paint of the offers table after it has been filled."""

            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and window.is_loaded and (
                    window.proxy.rowCount() > 0 or not window.doc.portfolio.offers
                ):
                    QTimer.singleShot(0, lambda: app.exit(0))
                return False

        watcher = FirstPaint(window)
        window.table.viewport().installEventFilter(watcher)
        window.loaded.connect(window.table.viewport().update)

        def timeout() -> None:
            print("offerlens: --smoke-exit: the window was not painted in time", file=sys.stderr)
            app.exit(1)

        QTimer.singleShot(SMOKE_TIMEOUT_MS, timeout)

    QTimer.singleShot(0, window.load_initial)
    code = app.exec()
    if getattr(args, "smoke_exit", False):
        window.doc.flush()
    return code
