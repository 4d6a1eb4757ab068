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


def test_language_choice_reaches_the_written_file(qtbot, tmp_path):
    dialog = ExportDialog(hostile_portfolio(), directory=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.selected_language() == "en"  # the interface speaks English here
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    assert dialog.language.currentText() == "简体中文"
    assert "决策矩阵" in dialog.preview.toPlainText()  # the preview follows the choice
    assert dialog.export()
    text = (tmp_path / "offerlens-summary.md").read_text(encoding="utf-8")
    assert "## 决策矩阵" in text and "Decision matrix" not in text


def test_language_choice_is_remembered(qtbot, tmp_path):
    first = ExportDialog(hostile_portfolio(), directory=tmp_path)
    qtbot.addWidget(first)
    first.format.setCurrentIndex(first.format.findData("csv"))
    first.language.setCurrentIndex(first.language.findData("zh"))
    again = ExportDialog(hostile_portfolio(), directory=tmp_path)
    qtbot.addWidget(again)
    assert again.selected_language() == "zh" and again.selected_format() == "csv"
    assert again.path.text().endswith(".csv")


def test_language_defaults_to_the_interfaces(qtbot, tmp_path):
    from offerlens.ui import i18n

    i18n.install("zh_CN")
    try:
        dialog = ExportDialog(hostile_portfolio(), directory=tmp_path)
        qtbot.addWidget(dialog)
        assert dialog.selected_language() == "zh"
        dialog.format.setCurrentIndex(dialog.format.findData("html"))
        assert dialog.export()
        page = (tmp_path / "offerlens-summary.html").read_text(encoding="utf-8")
        assert "<html lang='zh-CN'>" in page and "决策矩阵" in page
    finally:
        i18n.install("en")
