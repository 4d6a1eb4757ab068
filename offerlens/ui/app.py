"""Creating the QApplication: identity, settings, interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from offerlens.ui import i18n
from offerlens.ui.settings import language_setting, open_settings


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or ["offerlens"])
    QCoreApplication.setApplicationName("OfferLens")
    QCoreApplication.setOrganizationName("OfferLens")
    QApplication.setApplicationDisplayName("OfferLens")
    app.setDesktopFileName("io.github.offerlens.OfferLens")
    return app


def choose_language(requested: str | None, settings) -> str:
    """``--lang`` wins, then the preference, then the system locale."""
    lang = i18n.normalise(requested)
    if lang:
        return lang
    saved = language_setting(settings)
    if saved != "system":
        return saved
    return i18n.system_language()


def start(lang: str | None = None):
    """Application, settings and translators; returns (app, settings, language)."""
    app = create_application()
    settings = open_settings()
    used = i18n.install(choose_language(lang, settings))
    return app, settings, used
