"""Window and preference settings, kept in an INI file inside the data directory.

Not in the user's global Qt config: a ``--data-dir`` or ``OFFERLENS_HOME`` run (and every test)
keeps its own settings. A corrupt settings file is ignored by QSettings (defaults are used).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILENAME = "settings.ini"
# the same names as offerlens.store.paths (tests/ui/test_table_cache.py checks they agree)
APP_NAME = "OfferLens"
ENV_HOME = "OFFERLENS_HOME"
PORTFOLIO_FILENAME = "portfolio.offerlens.json"
CITY_OVERRIDES_FILENAME = "cities.user.json"
MAX_RECENT = 8


def data_dir() -> Path:
    """The data directory, decided as ``offerlens.store.paths.data_dir`` decides it.

    Repeated here (and tested to agree) because importing ``offerlens.store`` loads pydantic and
    every domain model, which the first paint of the window does not need.
    """
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_portfolio_path() -> Path:
    """The portfolio the app opens at start-up (``offerlens.store.default_portfolio_path``)."""
    return data_dir() / PORTFOLIO_FILENAME


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILENAME


def open_settings() -> QSettings:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def language_setting(settings: QSettings) -> str:
    """``system`` (default), ``en`` or ``zh_CN``."""
    value = settings.value("ui/language", "system")
    return value if value in ("system", "en", "zh_CN") else "system"


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value("files/recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in (value or [])][:MAX_RECENT]


def add_recent(settings: QSettings, path: str) -> list[str]:
    items = [p for p in recent_files(settings) if p != path]
    items.insert(0, path)
    settings.setValue("files/recent", items[:MAX_RECENT])
    return items[:MAX_RECENT]
