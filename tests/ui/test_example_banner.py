"""The example banner on a start painted from the table cache: a click before the portfolio has
loaded is not lost; it waits, visibly, and is applied once the document is ready."""

from __future__ import annotations

from PySide6.QtCore import Qt

from offerlens.store import default_portfolio_path, read_portfolio
from offerlens.ui import table_cache


def cached_start(make_window, qtbot):
    """A second start on the seeded example: the table painted from the cache, not loaded."""
    from offerlens.ui.app import start
    from offerlens.ui.main_window import MainWindow

    first = make_window()  # seeds the example and writes the cache
    first.doc._timer.stop()
    assert table_cache.read() is not None
    _app, settings, _ = start("en")
    window = MainWindow(settings)
    window.setProperty("skip_close_questions", True)
    qtbot.addWidget(window)
    assert window.show_cached_table()
    window.show()
    assert not window.is_loaded and window.doc.portfolio is None
    assert window.example_banner.isVisible()
    assert window.clear_example_button.isEnabled() and window.keep_example_button.isEnabled()
    return window


def test_clear_clicked_before_loading_is_applied_when_loaded(make_window, qtbot):
    window = cached_start(make_window, qtbot)
    qtbot.mouseClick(window.clear_example_button, Qt.MouseButton.LeftButton)
    # waiting, and saying so: nothing cleared yet, the buttons rest, the banner tells why
    assert window.doc.portfolio is None and window.proxy.rowCount() == 4
    assert not window.clear_example_button.isEnabled()
    assert not window.keep_example_button.isEnabled()
    assert window.clear_example_button.text() == "Clearing…"
    assert "as soon as the portfolio has loaded" in window.example_banner.label.text()
    assert window.example_banner.cursor().shape() == Qt.CursorShape.BusyCursor
    # a second click on the resting buttons changes nothing
    qtbot.mouseClick(window.keep_example_button, Qt.MouseButton.LeftButton)

    window.load_initial()
    assert window.proxy.rowCount() == 0
    assert window.doc.portfolio.example is False
    assert not window.example_banner.isVisible()
    assert window.clear_example_button.isEnabled()
    assert window.clear_example_button.text() == "Clear example"
    assert "cleared" in window.statusBar().currentMessage()
    window.doc.flush()
    saved = read_portfolio(default_portfolio_path())
    assert saved.offers == [] and saved.example is False
    window.act_undo.trigger()  # one undoable step, as a click after loading would be
    assert window.proxy.rowCount() == 4 and window.doc.portfolio.example is True


def test_keep_clicked_before_loading_is_applied_when_loaded(make_window, qtbot):
    window = cached_start(make_window, qtbot)
    qtbot.mouseClick(window.keep_example_button, Qt.MouseButton.LeftButton)
    assert window.keep_example_button.text() == "Keeping…"
    assert not window.clear_example_button.isEnabled()
    window.load_initial()
    assert window.proxy.rowCount() == 4
    assert window.doc.portfolio.example is False
    assert not window.example_banner.isVisible()
    window.doc.flush()
    saved = read_portfolio(default_portfolio_path())
    assert len(saved.offers) == 4 and saved.example is False


def test_without_a_click_loading_leaves_the_example_as_it_is(make_window, qtbot):
    window = cached_start(make_window, qtbot)
    window.load_initial()
    assert window.doc.portfolio.example is True and window.proxy.rowCount() == 4
    assert window.example_banner.isVisible()
    assert window.clear_example_button.isEnabled() and window.keep_example_button.isEnabled()
