"""File → Export: choose a format, a language and a file, preview the summary, write it.

The dialog calls the same ``offerlens.export.writer`` functions as ``offerlens export``. The
format and the language chosen are kept in the settings (``export/format``,
``export/language``); the language defaults to the interface's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from offerlens.domain.models import Portfolio

EXTENSIONS = {"pdf": ".pdf", "html": ".html", "markdown": ".md", "csv": ".csv"}
#: The summary's languages, each named in itself.
SUMMARY_LANGUAGES = {"en": "English", "zh": "简体中文"}
FORMAT_KEY = "export/format"
LANGUAGE_KEY = "export/language"


def interface_language() -> str:
    """``zh`` when the app speaks Chinese, else ``en``."""
    from offerlens.ui import i18n

    return "zh" if i18n.is_zh() else "en"


def _evaluations(portfolio: Portfolio) -> list:
    """The evaluations the app shows (with the user's city table when available)."""
    try:
        from offerlens.ui.engine import evaluate_offer, load_city_table

        cities = load_city_table()
        return [evaluate_offer(o, portfolio.candidate, cities) for o in portfolio.offers]
    except Exception:  # noqa: BLE001 - fall back to the shipped table
        from offerlens.domain.evaluate import evaluate_portfolio

        return evaluate_portfolio(portfolio)


class ExportDialog(QDialog):
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None,
                 directory: Path | None = None, settings=None) -> None:
        super().__init__(parent)
        from offerlens.export.writer import FORMAT_LABELS

        self.setWindowTitle(self.tr("Export decision summary"))
        self.resize(860, 720)
        self.portfolio = portfolio
        self.evaluations = _evaluations(portfolio)
        self._summary = None
        self._images: dict[str, bytes] | None = None
        self.written: Path | None = None
        self.settings = settings if settings is not None else _settings_of(parent)

        self.format = QComboBox()
        for fmt, label in FORMAT_LABELS.items():
            self.format.addItem(self.tr(label), fmt)
        saved = str(self.settings.value(FORMAT_KEY, "pdf"))
        self.format.setCurrentIndex(max(0, self.format.findData(saved)))
        self.language = QComboBox()
        for lang, name in SUMMARY_LANGUAGES.items():
            self.language.addItem(name, lang)
        saved = str(self.settings.value(LANGUAGE_KEY, "") or interface_language())
        index = self.language.findData(saved)
        self.language.setCurrentIndex(
            index if index >= 0 else self.language.findData(interface_language())
        )
        base = directory or Path.home()
        ext = EXTENSIONS[self.selected_format()]
        self.path = QLineEdit(str(base / f"offerlens-summary{ext}"))
        browse = QPushButton(self.tr("Browse…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("File:"), path_row)

        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)

    # -- preview ---------------------------------------------------------------------------

    def summary(self):
        if self._summary is None:
            from offerlens.domain.summary import build_summary

            self._summary = build_summary(self.portfolio, self.evaluations,
                                          lang=self.selected_language())
        return self._summary

    def selected_format(self) -> str:
        return self.format.currentData()

    def selected_language(self) -> str:
        """``en`` or ``zh``: the language the summary is written in."""
        return self.language.currentData()

    def show_preview(self) -> None:
        """Markdown and CSV as text; HTML and PDF as the rich document with its charts."""
        fmt = self.selected_format()
        s = self.summary()
        if fmt == "markdown":
            from offerlens.export.markdown import render_markdown

            self.preview.setPlainText(render_markdown(s))
            return
        if fmt == "csv":
            from offerlens.export.csv import render_csv

            self.preview.setPlainText(render_csv(s))
            return
        if self._images is None:
            self._step(5, self.tr("Drawing charts…"))
            from offerlens.export.html import chart_images

            self._images = chart_images(s, dpi=80)
            self._step(100, "")
            self.progress.hide()
            self.status.clear()
        from offerlens.export.html import body

        doc = self.preview.document()
        for kind, data in self._images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{kind}"),
                            QImage.fromData(data))
        width = max(480, self.preview.viewport().width() - 40)
        self.preview.setHtml(body(s, lambda k: f"chart:{k}" if k in self._images else None,
                                  chart_width=min(width, 720)))

    def _format_changed(self) -> None:
        fmt = self.selected_format()
        path = Path(self.path.text().strip() or "offerlens-summary")
        self.path.setText(str(path.with_suffix(EXTENSIONS[fmt])))
        self.status.clear()
        self.settings.setValue(FORMAT_KEY, fmt)
        self.show_preview()

    def _language_changed(self) -> None:
        """Another language: a new summary and new charts (their texts are in it too)."""
        self._summary = None
        self._images = None
        self.status.clear()
        self.settings.setValue(LANGUAGE_KEY, self.selected_language())
        self.show_preview()

    def _browse(self) -> None:
        fmt = self.selected_format()
        ext = EXTENSIONS[fmt]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(),
                                              f"{fmt.upper()} (*{ext})")
        if path:
            if not path.lower().endswith(ext):
                path += ext
            self.path.setText(path)

    # -- export ----------------------------------------------------------------------------

    def _step(self, percent: int, message: str) -> None:
        self.progress.show()
        self.progress.setValue(percent)
        if message:
            self.status.setText(self.tr(message))  # the writer's steps, translated when known
        QApplication.processEvents()

    def export(self) -> bool:
        from offerlens.export.writer import ExportError, export_summary

        target = Path(self.path.text().strip())
        self.status.setStyleSheet("")
        self.export_button.setEnabled(False)
        try:
            self.written = export_summary(self.portfolio, target, self._step, self.evaluations,
                                          lang=self.selected_language())
        except ExportError as err:
            self._error(str(err))
            return False
        except Exception as err:  # noqa: BLE001 - the user sees one line, never a traceback
            self._error(self.tr("Export failed: %1").replace("%1", str(err)))
            return False
        finally:
            self.export_button.setEnabled(True)
            self.progress.hide()
        self.status.setText(self.tr("Wrote %1").replace("%1", str(self.written)))
        self.accept()
        return True

    def _error(self, message: str) -> None:
        self.status.setStyleSheet("color: #b42318;")
        self.status.setText(message)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def _settings_of(parent: QWidget | None):
    """The app's settings: the main window's, or the settings file of the data directory."""
    settings = getattr(parent, "settings", None)
    if settings is not None and hasattr(settings, "setValue"):
        return settings
    from offerlens.ui.settings import open_settings

    return open_settings()


def run_export_dialog(parent: QWidget | None, portfolio: Portfolio) -> None:
    """Show the export dialog for ``portfolio`` (File → Export)."""
    if not portfolio.offers:
        QMessageBox.information(
            parent, _tr("Export"),
            _tr("Add at least one offer before exporting a decision summary."))
        return
    dialog = ExportDialog(portfolio, parent)
    dialog.show_preview()
    if dialog.exec() and dialog.written and parent is not None:
        bar = getattr(parent, "statusBar", None)
        if callable(bar):
            bar().showMessage(_tr("Exported %1").replace("%1", str(dialog.written)), 6000)
