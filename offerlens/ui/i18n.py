"""Interface language: choosing it, loading translations, and money/label formatting per language.

Translations ship as a Qt Linguist source file (``resources/translations/offerlens_<lang>.ts``)
and are read at run time by :class:`TsTranslator`, a small QTranslator that parses the XML. No
compiled ``.qm`` is needed, so a clean checkout runs translated with no build step; Qt's own
``qtbase_<lang>.qm`` (shipped with PySide6) is loaded as well for standard dialog buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from offerlens.ui.resources import translations_dir

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_current = "en"
_installed: list[QTranslator] = []  # keep references: Qt does not own them


def system_language() -> str:
    """``zh_CN`` when the system locale is Chinese, else ``en``."""
    name = QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def normalise(lang: str | None) -> str | None:
    """``zh``/``zh_CN``/``zh-CN`` → ``zh_CN``; ``en*`` → ``en``; anything else → None."""
    if not lang:
        return None
    low = lang.replace("-", "_").lower()
    if low.startswith("zh"):
        return "zh_CN"
    if low.startswith("en"):
        return "en"
    return None


def current() -> str:
    """The language in use: ``en`` or ``zh_CN``."""
    return _current


def is_zh() -> bool:
    return _current == "zh_CN"


class TsTranslator(QTranslator):
    """A QTranslator fed from a Linguist ``.ts`` file.

    Lookup is by (context, source) first and by source alone second, so that a string
    extracted under a base class's context still translates when ``self.tr`` runs in a
    subclass.
    """

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self.by_context: dict[tuple[str, str], str] = {}
        self.by_source: dict[str, str] = {}
        self._load(path)

    def _load(self, path: Path) -> None:
        import xml.etree.ElementTree as ET  # only for Chinese: not on the English start-up path

        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            ctx = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                node = message.find("translation")
                if source is None or node is None:
                    continue
                if node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = node.findall("numerusform")
                text = (forms[0].text or "") if forms else (node.text or "")
                if not text:
                    continue
                self.by_context[(ctx, source)] = text
                self.by_source.setdefault(source, text)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return not self.by_source

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401
        if source_text is None:
            return None
        text = self.by_context.get((context, source_text)) or self.by_source.get(source_text)
        return text  # None → Qt falls back to the source text


def install(lang: str) -> str:
    """Install translators for ``lang`` on the running application; returns the language used."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = normalise(lang) or "en"
    _current = lang
    if lang == "en":
        return lang
    ts = translations_dir() / f"offerlens_{lang}.ts"
    if ts.is_file():
        translator = TsTranslator(ts)
        app.installTranslator(translator)
        _installed.append(translator)
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang


# -- formatting that depends on the language ----------------------------------------------


def money(amount: int | None) -> str:
    """Compact money for tables and badges: ¥416k / 41.6万 (from the domain's formatter)."""
    from offerlens.domain.money import compact

    if amount is None:
        return "—"
    return compact(amount, "zh" if is_zh() else "en")


def money_full(amount: int | None) -> str:
    """Exact money with separators: ¥416,000 / 416,000元."""
    from offerlens.domain.money import group

    if amount is None:
        return "—"
    return f"{group(amount)}元" if is_zh() else f"¥{group(amount)}"


def pick(en: str, zh: str | None) -> str:
    """The Chinese text when the UI is Chinese and one exists, else the English."""
    return zh if is_zh() and zh else en


def tier_label(tier) -> str:
    from offerlens.domain.labels import TIER_LABELS

    if tier is None:
        return QCoreApplication.translate("i18n", "no tier (experienced)")
    en, zh = TIER_LABELS[tier]
    return zh if is_zh() else en
