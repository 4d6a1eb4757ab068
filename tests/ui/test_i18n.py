"""Translations: the Chinese UI shows Chinese, and every UI string has a Chinese translation."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import Qt

from offerlens.ui.resources import translations_dir

ROOT = Path(__file__).resolve().parents[2]
# every module of the app: a string moved to a new module stays covered
MY_MODULES = sorted(
    p.stem for p in (ROOT / "offerlens" / "ui").glob("*.py") if p.stem != "__init__"
)


def _update_ts():
    spec = importlib.util.spec_from_file_location("update_ts", translations_dir() / "update_ts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_a_chinese_translation():
    update_ts = _update_ts()
    paths = [ROOT / "offerlens" / "ui" / f"{name}.py" for name in MY_MODULES]
    strings = update_ts.extract([p for p in paths if p.exists()])
    assert len(strings) > 250
    shipped = update_ts.read_translations(translations_dir() / "offerlens_zh_CN.ts")
    missing = sorted({s for _, s, _ in strings if s not in shipped})
    assert missing == []


def test_chinese_ui_shows_chinese_text_and_money_in_wan(make_window):
    window = make_window(lang="zh_CN")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["文件(&F)", "编辑(&E)"]
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "公司"
    tiers = {window.proxy.index(r, 5).data() for r in range(window.proxy.rowCount())}
    assert "白菜" in tiers
    totals = [window.proxy.index(r, 4).data() for r in range(window.proxy.rowCount())]
    assert all(t.endswith("万") for t in totals)
    window.select_row(0)
    assert window.verdict.heading.text().startswith("评估结果")
    assert window.editor.apply_button.text() == "应用"
    # validation messages in Chinese too
    window.editor.widget("months").setText("30")
    window.editor.validate()
    assert window.editor.boxes["months"].error.text() == "须在 12 到 24 之间"


def test_english_ui_stays_english(make_window):
    window = make_window(lang="en")
    assert window.menuBar().actions()[0].text() == "&File"
    window.select_row(0)
    assert window.verdict.heading.text().startswith("Verdict")
