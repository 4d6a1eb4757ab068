"""Decision panel: edits emit new DecisionSettings; ranking and sensitivity follow."""

from __future__ import annotations

import pytest

from offerlens.domain.evaluate import evaluate_portfolio
from offerlens.domain.models import DecisionSettings
from tests.decision_fixtures import portfolio


@pytest.fixture
def panel(qtbot):
    from offerlens.ui.decision_panel import DecisionPanel

    widget = DecisionPanel()
    qtbot.addWidget(widget)
    p = portfolio()
    widget.set_data(p, evaluate_portfolio(p))
    return widget, p


def test_shows_ranking_and_sensitivity(panel):
    widget, _p = panel
    assert widget.ranking.rowCount() == 3
    assert widget.ranking.item(0, 1).text() == widget.matrix.ranking[0].company
    assert widget.sensitivity.text() == widget.matrix.sensitivity.text
    assert "assumption" in widget.raise_label.text()


def test_scoring_emits_new_settings_and_reranks(panel, qtbot):
    widget, p = panel
    spin = widget._score_spins[("alibaba", "growth")]
    with qtbot.waitSignal(widget.decisionChanged, timeout=2000) as blocker:
        spin.setValue(5)
        widget._spins["growth"].setValue(100)
    settings = blocker.args[0]
    assert isinstance(settings, DecisionSettings)
    assert settings.scores["alibaba"]["growth"] == 5
    assert settings.weights["growth"] == 100
    assert p.decision.scores == {}  # the panel never mutates the portfolio


def test_round_trip_through_the_main_window_does_not_echo(panel, qtbot):
    widget, p = panel
    emitted = []
    widget.decisionChanged.connect(emitted.append)
    widget.raise_spin.setValue(5)
    widget.flush()
    assert emitted and emitted[-1].annual_raise == 0.05
    applied = p.model_copy(update={"decision": emitted[-1]})
    widget.set_data(applied, evaluate_portfolio(applied))
    qtbot.wait(300)
    assert len(emitted) == 1
    assert widget.raise_spin.value() == 5


def test_custom_criterion_and_take_home(panel, qtbot):
    widget, _p = panel
    widget.new_criterion.setText("Team")
    with qtbot.waitSignal(widget.decisionChanged, timeout=2000) as blocker:
        widget.add_criterion.click()
    assert blocker.args[0].custom_criteria == ["Team"]
    assert ("bytedance", "Team") in widget._score_spins
    with qtbot.waitSignal(widget.decisionChanged, timeout=2000) as blocker:
        widget.take_home.setChecked(True)
    assert blocker.args[0].use_take_home
    assert widget.matrix.use_take_home


def test_chinese_interface_shows_chinese_criteria_sensitivity_and_assumptions(qtbot):
    from offerlens.domain.decision import label_of
    from offerlens.ui import i18n
    from offerlens.ui.decision_panel import DecisionPanel

    i18n.install("zh_CN")
    try:
        widget = DecisionPanel()
        qtbot.addWidget(widget)
        p = portfolio()
        widget.set_data(p, evaluate_portfolio(p))
        m = widget.matrix
        assert widget.sensitivity.text() == m.sensitivity.text_zh
        assert m.sensitivity.text_zh and m.sensitivity.text_zh != m.sensitivity.text
        assert "涨幅" in widget.assumption_note.text()
        header = widget.scores.verticalHeaderItem(0).text()
        assert header == label_of(m.criteria[0].id, "zh") and header != m.criteria[0].label
    finally:
        i18n.install("en")
