"""Work per edit: only the changed offer is evaluated, and only the tab in front re-renders.

These tests count calls to the engine and to the panels' render methods, not time.
"""

from __future__ import annotations

import pytest

from offerlens.domain.evaluate import evaluate
from offerlens.ui.main_window import TAB_CHARTS, TAB_DECISION, TAB_OFFER


@pytest.fixture
def engine_calls(monkeypatch):
    """The ids of the offers the UI asks the engine to evaluate, in order."""
    from offerlens.ui import engine

    calls: list[str] = []
    real = engine.evaluate_offer

    def counting(offer, candidate, cities=None, today=None):
        calls.append(offer.id)
        return real(offer, candidate, cities, today)

    monkeypatch.setattr(engine, "evaluate_offer", counting)
    return calls


def spy(monkeypatch, obj, name: str) -> list:
    """Record each call of ``obj.name`` (still calling it)."""
    calls: list = []
    real = getattr(obj, name)

    def recording(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(obj, name, recording)
    return calls


def edited(offer, **changes):
    return offer.model_copy(update=changes)


def assert_fresh(doc) -> None:
    """The cached evaluations are the engine's for the portfolio as it is now."""
    for offer in doc.portfolio.offers:
        fresh = evaluate(offer, doc.portfolio.candidate, cities=doc.city_table)
        ev = doc.evaluations[offer.id]
        assert (ev.first_year.total, ev.steady_state.total, ev.tier.tier, ev.percentile.value) \
            == (fresh.first_year.total, fresh.steady_state.total, fresh.tier.tier,
                fresh.percentile.value)


def test_an_edit_evaluates_only_the_changed_offer(make_window, engine_calls):
    window = make_window()
    doc = window.doc
    offers = doc.portfolio.offers
    target = offers[1]
    engine_calls.clear()

    doc.replace_offer(edited(target, months=18), "Edit")
    assert engine_calls == [target.id]
    assert doc.evaluations[target.id].steady_state.total == target.monthly_base * 18
    assert_fresh(doc)

    engine_calls.clear()
    window.act_undo.trigger()
    assert engine_calls == [target.id]
    window.act_redo.trigger()
    assert engine_calls == [target.id, target.id]
    assert_fresh(doc)

    engine_calls.clear()
    window.select_row(0)
    window.act_delete.trigger()
    assert engine_calls == []  # the others are unchanged
    window.act_undo.trigger()
    assert len(engine_calls) == 1  # the restored offer only
    assert_fresh(doc)


def test_candidate_and_city_table_changes_evaluate_every_offer(make_window, engine_calls):
    window = make_window()
    doc = window.doc
    count = len(doc.portfolio.offers)
    engine_calls.clear()
    candidate = doc.portfolio.candidate.model_copy(update={"city": "Shanghai"})
    doc.set_candidate(candidate, "Edit candidate")
    assert len(engine_calls) == count
    assert_fresh(doc)

    engine_calls.clear()
    from offerlens.ui.engine import load_city_table

    doc.city_table = load_city_table()  # a new table (what saving the city editor does)
    doc.reevaluate()
    assert len(engine_calls) == count
    engine_calls.clear()
    doc.reevaluate()  # nothing changed: nothing evaluated
    assert engine_calls == []


def test_with_the_charts_in_front_an_edit_refreshes_only_the_charts(make_window, engine_calls,
                                                                    monkeypatch):
    window = make_window()
    doc = window.doc
    window.select_row(1)
    offer = window.editor.original
    window.tabs.setCurrentIndex(TAB_DECISION)  # created once, then left in the back
    window.tabs.setCurrentIndex(TAB_CHARTS)
    charts = window.lazy_tab(TAB_CHARTS)
    decision = window.lazy_tab(TAB_DECISION)
    verdicts = spy(monkeypatch, window.verdict, "show_evaluation")
    forms = spy(monkeypatch, window.editor, "set_offer")
    decisions = spy(monkeypatch, decision, "set_data")
    chart_updates = spy(monkeypatch, charts, "set_data")
    engine_calls.clear()

    for months in (17, 18, 19):
        doc.replace_offer(edited(doc.portfolio.offer(offer.id), months=months), "Edit")
    window.act_undo.trigger()
    assert engine_calls == [offer.id] * 4
    assert len(chart_updates) == 4  # the panel in front follows every edit
    assert chart_updates[-1][0] is doc.portfolio
    assert verdicts == [] and forms == [] and decisions == []  # the hidden ones do not

    # shown again, each hidden panel catches up once, with the document as it is now
    window.tabs.setCurrentIndex(TAB_OFFER)
    assert len(forms) == 1 and len(verdicts) == 1
    assert window.editor.widget("months").text() == "18"
    assert window.verdict.evaluation is doc.evaluations[offer.id]
    window.tabs.setCurrentIndex(TAB_DECISION)
    assert len(decisions) == 1 and decisions[0][0] is doc.portfolio
    window.tabs.setCurrentIndex(TAB_OFFER)  # nothing changed meanwhile: nothing re-rendered
    assert len(forms) == 1 and len(verdicts) == 1
    assert len(engine_calls) == 4


def test_the_verdict_of_a_pending_draft_is_not_recomputed_for_unrelated_edits(
        make_window, engine_calls):
    window = make_window()
    doc = window.doc
    window.select_row(0)
    editor = window.editor
    editor.widget("months").setText("16")
    editor.validate()  # the live verdict of the unapplied draft
    assert window.verdict.evaluation.steady_state.total == editor.draft.monthly_base * 16
    engine_calls.clear()

    other = doc.portfolio.offers[3]
    doc.replace_offer(edited(other, months=13), "Edit another offer")
    assert engine_calls == [other.id]  # the draft's verdict is reused
    assert editor.widget("months").text() == "16"  # the pending edit is kept
    assert window.verdict.evaluation.steady_state.total == editor.draft.monthly_base * 16


def test_an_offer_deleted_while_its_tab_was_hidden_is_not_brought_back(make_window):
    window = make_window()
    doc = window.doc
    window.select_row(0)
    offer_id = window.editor.original.id
    window.editor.widget("role").setText("Changed role")
    window.editor.validate()  # a pending edit
    window.tabs.setCurrentIndex(TAB_CHARTS)
    doc.delete_offers([offer_id], "Delete")
    window.add_offer()  # leaving the form settles it: the deleted offer stays deleted
    assert offer_id not in {o.id for o in doc.portfolio.offers}


def test_closing_with_the_charts_in_front_does_not_bring_back_a_deleted_offer(make_window):
    from offerlens.store import default_portfolio_path, read_portfolio

    window = make_window()
    window.select_row(0)
    offer_id = window.editor.original.id
    window.editor.widget("role").setText("Changed role")
    window.editor.validate()
    window.tabs.setCurrentIndex(TAB_CHARTS)
    window.doc.delete_offers([offer_id], "Delete")
    window.close()
    assert offer_id not in {o.id for o in read_portfolio(default_portfolio_path()).offers}


def test_a_new_day_evaluates_every_offer_again(make_window, engine_calls, monkeypatch):
    import datetime as dt

    from offerlens.ui import document

    window = make_window()
    doc = window.doc
    offers = doc.portfolio.offers
    target = offers[0]
    deadline = dt.date.today() + dt.timedelta(days=8)
    doc.replace_offer(edited(target, deadline=deadline), "deadline")
    assert "deadline_soon" not in [f.id for f in doc.evaluations[target.id].flags]
    engine_calls.clear()

    class Tomorrow(dt.date):
        @classmethod
        def today(cls):  # noqa: ANN206
            return dt.date.today() + dt.timedelta(days=1)

    monkeypatch.setattr(document, "date", Tomorrow)
    doc.reevaluate()  # e.g. the app left open overnight, then any edit
    assert sorted(engine_calls) == sorted(o.id for o in offers)
    assert "deadline_soon" in [f.id for f in doc.evaluations[target.id].flags]  # 7 days left
