"""The main window's file actions: new, open, save as, import, the recent-files menu, and the
example portfolio seeded on the first run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from offerlens.ui.settings import add_recent, recent_files

if TYPE_CHECKING:
    from offerlens.store import LoadResult
    from offerlens.ui.main_window import MainWindow

FILE_FILTER = "OfferLens portfolio (*.offerlens.json);;JSON (*.json)"


def seed_example(result: LoadResult) -> LoadResult:
    """First run: copy the bundled example portfolio into the data directory."""
    from offerlens.store import LoadResult, Source, StoreError, read_portfolio, save_portfolio
    from offerlens.ui.resources import example_portfolio_path

    try:
        example = read_portfolio(example_portfolio_path())
        save_portfolio(result.path, example)
    except (StoreError, OSError):
        return result
    return LoadResult(example, result.path, Source.FILE)


def open_path(window: MainWindow, path: str | Path) -> bool:
    """Open the portfolio at ``path`` (after settling the form); False if the form objects."""
    from offerlens.store import load_portfolio

    if not window._settle_editor():
        return False
    window.doc.flush()
    result = load_portfolio(Path(path))
    window.doc.open(result)
    remember(window, str(result.path))
    if window.proxy.rowCount():
        window.select_row(0)
    else:
        window.editor.set_offer(None, window._candidate_city())
    return True


def remember(window: MainWindow, path: str) -> None:
    """Put ``path`` first in the recent files and the Open Recent menu."""
    add_recent(window.settings, path)
    fill_recent(window)


def fill_recent(window: MainWindow) -> None:
    """The Open Recent menu from the settings' recent files."""
    window.recent_menu.clear()
    items = recent_files(window.settings)
    for path in items:
        window.recent_menu.addAction(path, lambda p=path: window.open_path(p))
    window.recent_menu.setEnabled(bool(items))


def new_portfolio(window: MainWindow, path: str | None = None) -> bool:
    """Start an empty portfolio (keeping the candidate) at ``path`` or one the user picks."""
    from offerlens.domain.models import Portfolio
    from offerlens.store import LoadResult, Source

    if not path:
        path, _ = QFileDialog.getSaveFileName(window, window.tr("New portfolio"),
                                              str(Path.home() / "offers.offerlens.json"),
                                              FILE_FILTER)
    if not path:
        return False
    path = _with_suffix(path)
    window._settle_editor()
    window.doc.flush()
    candidate = window.doc.portfolio.candidate if window.doc.portfolio else None
    portfolio = Portfolio(candidate=candidate) if candidate else Portfolio()
    window.doc.open(LoadResult(portfolio, Path(path), Source.NEW))
    window.doc.save_now()
    remember(window, path)
    window.editor.set_offer(None, window._candidate_city())
    return True


def open_dialog(window: MainWindow) -> None:
    """Ask for a portfolio file and open it."""
    path, _ = QFileDialog.getOpenFileName(window, window.tr("Open portfolio"),
                                          str(dialog_dir(window)), FILE_FILTER)
    if path:
        window.open_path(path)


def save_as_dialog(window: MainWindow, path: str | None = None) -> bool:
    """Save the portfolio to ``path`` or one the user picks, and keep working on that file."""
    if not path:
        path, _ = QFileDialog.getSaveFileName(window, window.tr("Save portfolio as"),
                                              str(dialog_dir(window)), FILE_FILTER)
    if not path:
        return False
    path = _with_suffix(path)
    window._settle_editor()
    ok = window.doc.save_as(Path(path))
    if ok:
        remember(window, path)
    return ok


def import_dialog(window: MainWindow, path: str | None = None) -> int:
    """Merge the offers of a portfolio or CSV file; returns how many were imported."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(
            window, window.tr("Import offers"), str(dialog_dir(window)),
            window.tr("Portfolio or CSV (*.offerlens.json *.json *.csv)"))
    if not path:
        return 0
    from offerlens.ui.importing import read_offers

    result = read_offers(Path(path))
    count = 0
    if result.offers:
        count = window.doc.merge_offers(result.offers, lambda: window.tr("Import offers"))
    message = window.tr("Imported %n offer(s).", "", count)
    if result.problems:
        problems = result.problems[:12]
        window._show_notice(lambda: (window.tr("Imported %n offer(s).", "", count) + "\n"
                                     + window.tr("Skipped:") + "\n" + "\n".join(problems),
                                     "warning"))
    window.statusBar().showMessage(message, 6000)
    return count


def dialog_dir(window: MainWindow) -> Path:
    """Where file dialogs start: the open portfolio's folder, else the home folder."""
    return window.doc.path.parent if window.doc.path else Path.home()


def _with_suffix(path: str) -> str:
    from offerlens.store import PORTFOLIO_SUFFIX

    return path if path.endswith(".json") else path + PORTFOLIO_SUFFIX
