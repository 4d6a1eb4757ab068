"""Fixtures for the desktop-app tests: a main window on a temporary data directory."""

from __future__ import annotations

import pytest


@pytest.fixture
def make_window(qtbot):
    """Build, show and load a MainWindow (English unless ``lang`` is given)."""
    from offerlens.ui import i18n

    made = []

    def make(path=None, lang: str = "en"):
        from offerlens.ui.app import start
        from offerlens.ui.main_window import MainWindow

        _app, settings, _ = start(lang)
        window = MainWindow(settings)
        window.setProperty("skip_close_questions", True)
        qtbot.addWidget(window)
        window.show()
        window.load_initial(path)
        made.append(window)
        return window

    yield make
    for window in made:
        window.doc._timer.stop()
    i18n.install("en")


def company_rows(window) -> list[str]:
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
