"""Export dialog: preview, export with progress, clear errors."""

from __future__ import annotations

from offerlens.ui.export_dialog import ExportDialog
from tests.decision_fixtures import SCRIPT_NAME, hostile_portfolio


def test_preview_and_export_markdown(qtbot, tmp_path):
    dialog = ExportDialog(hostile_portfolio(), directory=tmp_path)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    assert dialog.path.text().endswith(".md")
    assert "Decision matrix" in dialog.preview.toPlainText()
    assert dialog.export()
    text = (tmp_path / "offerlens-summary.md").read_text(encoding="utf-8")
    assert "阿里巴巴" in text


def test_html_preview_shows_names_as_text(qtbot, tmp_path):
    dialog = ExportDialog(hostile_portfolio(), directory=tmp_path)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert SCRIPT_NAME in dialog.preview.toPlainText()


def test_bad_path_gives_one_clear_line(qtbot, tmp_path):
    dialog = ExportDialog(hostile_portfolio(), directory=tmp_path)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(tmp_path / "missing" / "s.csv"))
    assert not dialog.export()
    assert "does not exist" in dialog.status.text()
    assert dialog.result() == 0
