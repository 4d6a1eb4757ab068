"""Window and preference settings, kept in an INI file inside the data directory.

Not in the user's global Qt config: a ``--data-dir`` or ``OFFERLENS_HOME`` run (and every test)
keeps its own settings. A corrupt settings file is ignored by QSettings (defaults are used).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_FILENAME = "settings.ini"
MAX_RECENT = 8


def settings_path() -> Path:
    from offerlens.store.paths import data_dir

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
