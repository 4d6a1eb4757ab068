"""The start-up cache of the offers table: used only for the same inputs, replaced by the engine."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from offerlens.store import default_portfolio_path, read_portfolio, save_portfolio
from offerlens.ui import table_cache
from offerlens.ui.offers_model import ID_ROLE, SORT_ROLE, TIER_ROLE, row_from_evaluation

ROLES = (Qt.ItemDataRole.DisplayRole, SORT_ROLE, TIER_ROLE, ID_ROLE,
         Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole)


def table_data(window) -> list:
    model = window.model
    out = []
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            out.append([index.data(role) for role in ROLES])
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            out[-1].append(brush.color().name() if brush is not None else None)
    return out


def engine_rows(portfolio) -> list:
    from offerlens.domain.evaluate import evaluate

    return [row_from_evaluation(o, evaluate(o, portfolio.candidate)) for o in portfolio.offers]


def new_window(qtbot, lang="en"):
    from offerlens.ui.app import start
    from offerlens.ui.main_window import MainWindow

    _app, settings, _ = start(lang)
    window = MainWindow(settings)
    window.setProperty("skip_close_questions", True)
    qtbot.addWidget(window)
    return window


def test_settings_paths_agree_with_the_store(tmp_path, monkeypatch):
    from offerlens.store import paths
    from offerlens.ui import settings

    assert settings.data_dir() == paths.data_dir()
    assert settings.default_portfolio_path() == paths.default_portfolio_path()
    assert settings.data_dir() / settings.CITY_OVERRIDES_FILENAME == paths.city_overrides_path()
    monkeypatch.delenv("OFFERLENS_HOME")
    assert settings.data_dir() == paths.data_dir()


def test_loading_writes_the_engines_rows_and_the_next_start_paints_them(make_window, qtbot):
    loaded = make_window()
    expected = table_data(loaded)
    portfolio = loaded.doc.portfolio
    cached = table_cache.read()
    assert cached is not None
    assert cached.rows == engine_rows(portfolio)
    assert cached.example is True

    window = new_window(qtbot)
    assert window.show_cached_table()
    assert window.doc.portfolio is None and window.model.showing_cache and window.table_filled
    assert table_data(window) == expected  # the same table, before any engine import
    assert window.example_banner.isVisibleTo(window)
    assert window.selected_ids() == [portfolio.offers[0].id]
    window.show()
    window.load_initial()
    assert not window.model.showing_cache
    assert window.model.rows() == engine_rows(window.doc.portfolio)
    assert table_data(window) == expected


def test_rows_after_loading_are_the_engines_even_if_the_cache_says_otherwise(make_window, qtbot):
    make_window()
    path = table_cache.cache_path()
    payload = json.loads(path.read_text(encoding="utf-8"))
    payload["rows"][0]["first_year"] = 1  # a wrong figure under a matching key
    path.write_text(json.dumps(payload), encoding="utf-8")

    window = new_window(qtbot)
    assert window.show_cached_table()
    assert window.model.index(0, 3).data(SORT_ROLE) == 1
    window.show()
    window.load_initial()
    rows = engine_rows(window.doc.portfolio)
    assert window.model.rows() == rows
    assert window.model.index(0, 3).data(SORT_ROLE) == rows[0].first_year != 1


def test_a_stale_cache_is_not_used(make_window, qtbot):
    window = make_window()
    window.doc._timer.stop()
    assert table_cache.read() is not None
    # the file changed behind the app's back (another instance, a sync tool, an editor)
    portfolio = read_portfolio(default_portfolio_path())
    portfolio.offers[0].monthly_base += 1000
    save_portfolio(default_portfolio_path(), portfolio)
    assert table_cache.read() is None
    assert not new_window(qtbot).show_cached_table()


def test_city_table_edits_make_the_cache_stale(make_window):
    make_window()
    assert table_cache.read() is not None
    (default_portfolio_path().parent / "cities.user.json").write_text("{}", encoding="utf-8")
    assert table_cache.read() is None


def test_an_edit_rewrites_the_cache_for_the_saved_file(make_window):
    window = make_window()
    offer = window.doc.portfolio.offers[1].model_copy(update={"monthly_base": 60000})
    window.doc.replace_offer(offer, "edit")
    assert window.doc.save_now()
    cached = table_cache.read()
    assert cached is not None
    assert cached.rows == engine_rows(read_portfolio(default_portfolio_path()))
    assert cached.rows[1].first_year == window.doc.evaluations[offer.id].first_year.total


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],  # truncated
    lambda text: "\x00garbage",
    lambda text: "[]",
    lambda text: text.replace('"first_year": ', '"first_year": "x", "_": ', 1),
    lambda text: text.replace('"percentile": ', '"percentile": 400, "_": ', 1),
    lambda text: text.replace('"flags": [', '"flags": [7, ', 1),
    lambda text: text.replace('"example": true', '"example": "yes"', 1),
    lambda text: "[" * 100_000 + "]" * 100_000,  # nesting deeper than the JSON reader recurses
])
def test_a_corrupt_cache_is_ignored(make_window, qtbot, damage):
    loaded = make_window()
    expected = table_data(loaded)
    path = table_cache.cache_path()
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert table_cache.read() is None
    window = new_window(qtbot)
    assert not window.show_cached_table()
    assert not window.table_filled
    window.show()
    window.load_initial()
    assert table_data(window) == expected


def test_no_cache_for_another_portfolio_file(make_window, tmp_path):
    window = make_window()
    table_cache.discard()
    other = tmp_path / "other.offerlens.json"
    assert window.save_as_dialog(str(other))
    assert not table_cache.cache_path().exists()


def test_cached_rows_follow_the_language(make_window, qtbot):
    make_window()
    window = new_window(qtbot, lang="zh_CN")
    assert window.show_cached_table()
    cached_zh = table_data(window)
    window.show()
    window.load_initial()
    assert table_data(window) == cached_zh
    assert any("万" in str(cell[0]) for cell in cached_zh)


def _column(window, column: int) -> list:
    return [window.model.index(r, column).data() for r in range(window.model.rowCount())]


def test_without_a_cache_the_offers_are_named_from_the_file_until_the_engine_fills_in(
    make_window, qtbot
):
    loaded = make_window()
    expected = table_data(loaded)
    companies = _column(loaded, 0)
    table_cache.discard()
    window = new_window(qtbot)
    assert not window.show_cached_table()
    assert window.show_preview_table()
    assert _column(window, 0) == companies
    assert _column(window, 3) == ["…"] * len(companies)  # figures follow, nothing invented
    assert window.model.showing_cache and not window.table_filled
    window.show()
    window.load_initial()
    assert table_data(window) == expected


def test_the_first_start_names_the_example_it_will_be_seeded_with(qtbot):
    from offerlens.ui.resources import example_portfolio_path

    assert not default_portfolio_path().exists()
    example = json.loads(example_portfolio_path().read_text(encoding="utf-8"))
    window = new_window(qtbot)
    assert window.show_preview_table()
    assert _column(window, 0) == [o["company"] for o in example["offers"]]
    window.show()
    window.load_initial()
    assert _column(window, 0) == [o["company"] for o in example["offers"]]
    assert all(cell.startswith("¥") for cell in _column(window, 3))


@pytest.mark.parametrize("text", [
    "\x00garbage", "[]", '{"offers": [{"company": 3}]}', '{"offers": "none"}',
    "[" * 100_000 + "]" * 100_000,  # nesting deeper than the JSON reader recurses
    '{"offers": [], "pad": "' + "x" * (table_cache.MAX_READ_BYTES + 1) + '"}',  # too large
])
def test_a_file_the_preview_cannot_read_is_left_to_the_engine(make_window, qtbot, text):
    make_window()
    table_cache.discard()
    default_portfolio_path().write_text(text, encoding="utf-8")
    assert table_cache.preview() is None
    assert not new_window(qtbot).show_preview_table()
