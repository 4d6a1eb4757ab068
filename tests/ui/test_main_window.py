"""The main window through the UI: seeding, add/edit/duplicate/delete, validation, undo, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from offerlens.store import default_portfolio_path, read_portfolio
from tests.ui.conftest import company_rows


def test_first_run_seeds_the_labelled_example_which_can_be_cleared(make_window):
    window = make_window()
    assert window.proxy.rowCount() == 4
    assert window.doc.portfolio.example is True
    assert window.example_banner.isVisible()
    assert read_portfolio(default_portfolio_path()).example is True

    window.clear_example()
    assert window.proxy.rowCount() == 0
    assert not window.example_banner.isVisible()
    window.doc.flush()
    saved = read_portfolio(default_portfolio_path())
    assert saved.offers == [] and saved.example is False


def test_add_offer_by_quick_entry(make_window, qtbot):
    window = make_window()
    window.act_add.trigger()
    editor = window.editor
    assert editor.original is None
    editor.widget("company").setText("字节跳动 ByteDance")
    editor.widget("city").setText("Beijing")
    editor.quick.setText("35k*16 + 签字费10w")  # keyClicks cannot type CJK
    qtbot.keyClick(editor.quick, Qt.Key.Key_Return)
    # the form shows what quick entry understood
    assert editor.widget("monthly_base").text() == "35000"
    assert editor.widget("months").text() == "16"
    assert editor.widget("sign_on").text() == "100000"
    assert "35,000" in editor.understood.text()
    assert editor.apply_button.isEnabled()
    # the live verdict is the engine's
    assert window.verdict.evaluation is not None
    assert window.verdict.evaluation.first_year.total == 35000 * 16 + 100000

    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    assert "字节跳动 ByteDance" in company_rows(window)
    assert window.selected_ids() == [editor.original.id]
    window.doc.flush()
    saved = read_portfolio(default_portfolio_path())
    offer = next(o for o in saved.offers if o.company == "字节跳动 ByteDance")
    assert (offer.monthly_base, offer.months, offer.sign_on) == (35000, 16, 100000)
    assert offer.pay == "35k*16 + 签字费10w"


def test_quick_entry_shows_the_token_it_does_not_understand(make_window, qtbot):
    window = make_window()
    window.act_add.trigger()
    editor = window.editor
    editor.quick.setText("35k*16 + banana")
    editor.fill_from_quick()
    assert editor.quick_error.isVisible()
    assert "banana" in editor.quick_error.text()


def test_quick_entry_reads_a_year_end_bonus_in_months(make_window, qtbot):
    window = make_window()
    window.act_add.trigger()
    editor = window.editor
    editor.widget("company").setText("Meituan")
    editor.quick.setText("35k*13 + 10w签字费 + 年终奖3个月")
    editor.fill_from_quick()
    assert not editor.quick_error.isVisible()
    assert editor.widget("months").text() == "16"
    assert editor.widget("guaranteed_months").text() == "13"
    assert editor.widget("sign_on").text() == "100000"
    ev = window.verdict.evaluation
    assert ev is not None and ev.steady_state.performance == 35000 * 3


def test_quick_entry_explains_what_it_understands(make_window):
    from offerlens.domain.parser import parse_pay

    tip = make_window().editor.quick.toolTip()
    whole = ["35k*16", "18k*(14-16)", "50w"]  # pay on its own
    items = ["签字费10w", "10w签字费", "年终奖3个月", "年终奖5w", "股票40w/4年", "房补1500/月",
             "公积金12%", "保底13薪"]  # added to a monthly base
    for example in whole + items:
        assert example in tip
    for example in whole:
        assert parse_pay(example).fields
    for example in items:
        assert len(parse_pay("35k*13 + " + example).fields) > 2  # the tip shows what works


def test_edit_offer_updates_table_and_file(make_window, qtbot):
    window = make_window()
    window.select_row(1)
    editor = window.editor
    offer_id = editor.original.id
    editor.widget("months").setText("18")
    editor.validate()
    assert editor.apply_button.isEnabled()
    qtbot.mouseClick(editor.apply_button, Qt.MouseButton.LeftButton)
    ev = window.doc.evaluations[offer_id]
    assert ev.steady_state.total == 26000 * 18
    window.doc.flush()
    assert read_portfolio(default_portfolio_path()).offer(offer_id).months == 18


def test_invalid_value_is_shown_inline_and_never_saved(make_window, qtbot):
    window = make_window()
    window.select_row(0)
    editor = window.editor
    offer_id = editor.original.id
    before = window.doc.portfolio.offer(offer_id).months
    editor.widget("months").setText("30")
    editor.validate()
    box = editor.boxes["months"]
    assert box.error.isVisibleTo(editor)
    assert "between 12 and 24" in box.error.text()
    assert not editor.apply_button.isEnabled()
    editor.apply()  # Ctrl+Return path: refused while invalid
    assert window.doc.portfolio.offer(offer_id).months == before

    editor.widget("months").setText("abc")
    editor.validate()
    assert "whole number" in box.error.text() or "number" in box.error.text()

    # a cross-field error goes to the banner, not to a field
    editor.widget("months").setText("14")
    editor.widget("guaranteed_months").setText("15")
    editor.validate()
    assert editor.banner.isVisibleTo(editor)
    assert "guaranteed months" in editor.banner.label.text()
    assert not editor.apply_button.isEnabled()

    # leaving the offer drops the invalid edit; the file keeps the last good value
    window.select_row(1)
    window.doc.flush()
    assert read_portfolio(default_portfolio_path()).offer(offer_id).months == before


def test_duplicate_delete_undo_redo(make_window):
    window = make_window()
    window.select_row(0)
    first = company_rows(window)[0]
    window.act_duplicate.trigger()
    assert window.proxy.rowCount() == 5
    assert f"{first} (copy)" in company_rows(window)
    window.act_undo.trigger()
    assert window.proxy.rowCount() == 4
    window.act_redo.trigger()
    assert window.proxy.rowCount() == 5

    window.select_row(0)
    window.act_delete.trigger()
    assert first not in company_rows(window)
    window.act_undo.trigger()
    assert first in company_rows(window)
    assert window.isWindowModified() or not window.doc.pending


def test_edit_undo_restores_the_form(make_window, qtbot):
    window = make_window()
    window.select_row(0)
    offer_id = window.editor.original.id
    window.editor.widget("months").setText("16")
    qtbot.waitUntil(window.editor.apply_button.isEnabled, timeout=2000)
    qtbot.mouseClick(window.editor.apply_button, Qt.MouseButton.LeftButton)
    assert window.doc.portfolio.offer(offer_id).months == 16
    window.act_undo.trigger()
    assert window.doc.portfolio.offer(offer_id).months == 14
    assert window.editor.widget("months").text() == "14"


def test_candidate_profile_edit_is_undoable_and_changes_the_segment(make_window):
    window = make_window()
    offer_id = window.doc.portfolio.offers[0].id
    before = window.doc.evaluations[offer_id].tier.segment
    panel = window.candidate_panel
    panel.degree.setCurrentIndex(panel.degree.findData("phd"))
    assert window.doc.portfolio.candidate.degree.value == "phd"
    assert window.doc.evaluations[offer_id].tier.segment != before
    window.act_undo.trigger()
    assert window.doc.portfolio.candidate.degree.value == "master"


def test_close_and_restart_restores_the_same_state(make_window, qtbot):
    window = make_window()
    window.select_row(0)
    window.editor.widget("role").setText("Research scientist")
    window.editor.validate()  # pending valid change: applied on close
    window.resize(760, 560)  # the offscreen screen is 800×600
    window.splitter.setSizes([150, 330])
    sizes = window.splitter.sizes()
    window.close()
    saved = read_portfolio(default_portfolio_path())
    assert any(o.role == "Research scientist" for o in saved.offers)

    again = make_window()
    assert company_rows(again) == [o.company for o in saved.offers]
    assert again.doc.portfolio.model_dump() == saved.model_dump()
    assert again.size().width() == 760 and again.size().height() == 560
    assert again.splitter.sizes() == sizes


def test_flag_shows_its_source_quote(make_window):
    window = make_window()
    window.select_row(3)  # the start-up example: non-compete and funding risk
    labels = [w for w in window.verdict.flag_labels if getattr(w, "flag", None)]
    sourced = [w for w in labels if w.flag.source is not None]
    assert sourced
    label = sourced[0]
    assert label.flag.source.quote in label.toolTip()
    assert label.flag.source.quote in label.source_text()
    assert label.flag.source.source in label.source_text()


def test_import_csv_merges_valid_rows_and_reports_bad_ones(make_window, tmp_path):
    window = make_window()
    csv = tmp_path / "offers.csv"
    csv.write_text(
        "company,city,pay,deadline\n"
        "美团 Meituan,Beijing,30k*15,2030-01-15\n"
        "Bad Co,Beijing,30k*15,not-a-date\n",
        encoding="utf-8",
    )
    count = window.import_dialog(str(csv))
    assert count == 1
    assert "美团 Meituan" in company_rows(window)
    assert "Bad Co" not in company_rows(window)
    assert "line 3" in window.notice_banner.label.text()
    assert "deadline" in window.notice_banner.label.text()


def test_save_as_then_autosave_goes_to_the_new_file(make_window, tmp_path):
    window = make_window()
    target = tmp_path / "mine"
    assert window.save_as_dialog(str(target))
    path = tmp_path / "mine.offerlens.json"
    assert read_portfolio(path).offers
    window.select_row(0)
    window.act_delete.trigger()
    window.doc.flush()
    assert len(read_portfolio(path).offers) == 3
    assert str(path) in window.settings.value("files/recent")


def test_recovery_notices_are_shown(make_window):
    path = default_portfolio_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    window = make_window()
    assert window.notice_banner.isVisible()
    assert "damaged" in window.notice_banner.label.text().lower() or \
        "json" in window.notice_banner.label.text().lower()

def test_clicking_another_row_applies_the_pending_edit(make_window, qtbot):
    window = make_window()
    window.select_row(0)
    offer_id = window.editor.original.id
    window.editor.widget("months").setText("18")
    window.editor.validate()
    rect = window.table.visualRect(window.proxy.index(1, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(50)
    assert window.doc.portfolio.offer(offer_id).months == 18
    assert window.editor.original.id != offer_id


def test_selecting_another_row_from_code_applies_the_pending_edit(make_window, qtbot):
    window = make_window()
    window.select_row(0)
    offer_id = window.editor.original.id
    other = window.model.offer_id(window.proxy.mapToSource(window.proxy.index(1, 0)).row())
    window.editor.widget("months").setText("18")
    window.editor.validate()
    window.select_row(1)
    assert window.doc.portfolio.offer(offer_id).months == 18
    assert window.editor.original.id == other


def test_ctrl_return_applies_and_the_offer_stays_selected(make_window, qtbot):
    window = make_window()
    window.select_row(0)
    offer_id = window.editor.original.id
    role = window.editor.widget("role")
    role.setFocus()
    role.setText("Infra")
    qtbot.waitUntil(window.editor.apply_button.isEnabled, timeout=2000)
    qtbot.keyClick(role, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.portfolio.offer(offer_id).role == "Infra"
    assert window.selected_ids() == [offer_id]  # (Ctrl held must not toggle it off)
    assert window.act_duplicate.isEnabled()


def test_example_banner_keeps_its_colours(make_window):
    window = make_window()
    assert "QFrame#banner" in window.example_banner.styleSheet()
    assert window.example_banner.objectName() == "banner"
