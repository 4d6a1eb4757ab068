"""Decision tab: weights, subjective scores, ranking and the sensitivity note.

The panel never changes the portfolio itself: every edit emits ``decisionChanged`` with a new
DecisionSettings, which the main window applies through its undo stack and hands back with
``set_data``. Scores and ranking come from ``offerlens.domain.decision.build_matrix``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from offerlens.domain.decision import (
    PAY_CRITERIA,
    DecisionMatrix,
    build_matrix,
    criteria_ids,
    label_of,
    raw_weights,
)
from offerlens.domain.models import DecisionSettings, Portfolio
from offerlens.domain.results import Evaluation
from offerlens.ui import i18n

EMIT_DELAY_MS = 250  # slider drags become one undo step, not fifty


class DecisionPanel(QWidget):
    decisionChanged = Signal(object)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._portfolio: Portfolio | None = None
        self._evaluations: list[Evaluation] = []
        self._settings = DecisionSettings()
        self._structure: tuple = ()
        self._sliders: dict[str, QSlider] = {}
        self._spins: dict[str, QSpinBox] = {}
        self._shares: dict[str, QLabel] = {}
        self._score_spins: dict[tuple[str, str], QSpinBox] = {}
        self.matrix: DecisionMatrix | None = None

        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(EMIT_DELAY_MS)
        self._emit_timer.timeout.connect(self._emit)

        self.weights_box = QGroupBox(self.tr("Weights (renormalised to 100 %)"))
        self.weights_grid = QGridLayout(self.weights_box)
        self.new_criterion = QLineEdit()
        self.new_criterion.setPlaceholderText(self.tr("Your own criterion, e.g. Team"))
        self.new_criterion.setMaxLength(80)
        self.add_criterion = QPushButton(self.tr("Add criterion"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_criterion, 1)
        add_row.addWidget(self.add_criterion)

        self.raise_spin = QDoubleSpinBox()
        self.raise_spin.setRange(-50, 100)
        self.raise_spin.setDecimals(1)
        self.raise_spin.setSuffix(" %")
        self.raise_label = QLabel(self.tr("Annual raise in years 2–4 (assumption):"))
        self.take_home = QCheckBox(self.tr("Weigh take-home pay instead of gross"))
        assumptions = QHBoxLayout()
        assumptions.addWidget(self.raise_label)
        assumptions.addWidget(self.raise_spin)
        assumptions.addStretch(1)
        assumptions.addWidget(self.take_home)

        self.scores = QTableWidget()
        self.scores.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scores.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.scores_box = QGroupBox(self.tr("Scores 1–5 (pay computed, the rest yours; – = "
                                            "not scored, counts as 3)"))
        QVBoxLayout(self.scores_box).addWidget(self.scores)

        self.ranking = QTableWidget(0, 3)
        self.ranking.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Offer"),
                                                self.tr("Score (of 5)")])
        self.ranking.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ranking.verticalHeader().setVisible(False)
        self.ranking.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sensitivity = QLabel()
        self.sensitivity.setWordWrap(True)
        self.assumption_note = QLabel()
        self.assumption_note.setWordWrap(True)
        self.assumption_note.setStyleSheet("color: palette(mid);")
        ranking_box = QGroupBox(self.tr("Ranking"))
        rl = QVBoxLayout(ranking_box)
        rl.addWidget(self.ranking)
        rl.addWidget(self.sensitivity)
        rl.addWidget(self.assumption_note)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.weights_box)
        layout.addLayout(add_row)
        layout.addLayout(assumptions)
        layout.addWidget(self.scores_box, 1)
        layout.addWidget(ranking_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.add_criterion.clicked.connect(self._add_criterion)
        self.new_criterion.returnPressed.connect(self._add_criterion)
        self.raise_spin.valueChanged.connect(self._changed)
        self.take_home.toggled.connect(self._changed)

    # -- data in ---------------------------------------------------------------------------

    def set_data(self, portfolio: Portfolio, evaluations: Sequence[Evaluation]) -> None:
        self._portfolio = portfolio
        self._evaluations = list(evaluations)
        incoming = portfolio.decision
        if self._emit_timer.isActive() and incoming != self._settings:
            return  # the user is still editing; our pending settings win
        self._settings = incoming.model_copy(deep=True)
        structure = (tuple(criteria_ids(incoming)),
                     tuple((e.offer_id, e.company) for e in evaluations))
        if structure != self._structure:
            self._build(structure)
        self._load_values()
        self._recompute()

    def settings(self) -> DecisionSettings:
        return self._settings

    # -- building --------------------------------------------------------------------------

    def _build(self, structure: tuple) -> None:
        self._structure = structure
        ids, offers = structure
        while self.weights_grid.count():
            item = self.weights_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self._sliders.clear()
        self._spins.clear()
        self._shares.clear()
        for row, cid in enumerate(ids):
            label = QLabel(label_of(cid, i18n.current()))
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            spin = QSpinBox()
            spin.setRange(0, 100)
            share = QLabel()
            share.setMinimumWidth(60)
            share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(slider.setValue)
            spin.valueChanged.connect(self._changed)
            self.weights_grid.addWidget(label, row, 0)
            self.weights_grid.addWidget(slider, row, 1)
            self.weights_grid.addWidget(spin, row, 2)
            self.weights_grid.addWidget(share, row, 3)
            if cid not in label_ids():
                remove = QToolButton()
                remove.setText("✕")
                remove.setToolTip(self.tr("Remove this criterion"))
                remove.clicked.connect(lambda _=False, c=cid: self._remove_criterion(c))
                self.weights_grid.addWidget(remove, row, 4)
            self._sliders[cid], self._spins[cid], self._shares[cid] = slider, spin, share
        self.weights_grid.setColumnStretch(1, 1)

        self._score_spins.clear()
        self.scores.clear()
        self.scores.setRowCount(len(ids))
        self.scores.setColumnCount(len(offers))
        self.scores.setHorizontalHeaderLabels([company for _id, company in offers])
        self.scores.setVerticalHeaderLabels([label_of(cid, i18n.current()) for cid in ids])
        for r, cid in enumerate(ids):
            for c, (offer_id, _company) in enumerate(offers):
                if cid in PAY_CRITERIA:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setToolTip(self.tr("Computed from the offers (min–max across them)"))
                    self.scores.setItem(r, c, item)
                    continue
                spin = QSpinBox()
                spin.setRange(0, 5)
                spin.setSpecialValueText("–")
                spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
                spin.valueChanged.connect(self._changed)
                self.scores.setCellWidget(r, c, spin)
                self._score_spins[(offer_id, cid)] = spin

    def _load_values(self) -> None:
        s = self._settings
        widgets = [*self._spins.values(), *self._sliders.values(), *self._score_spins.values(),
                   self.raise_spin, self.take_home]
        for w in widgets:
            w.blockSignals(True)
        try:
            for cid, value in raw_weights(s).items():
                if cid in self._spins:
                    self._spins[cid].setValue(round(value))
                    self._sliders[cid].setValue(round(value))
            for (offer_id, cid), spin in self._score_spins.items():
                spin.setValue(s.scores.get(offer_id, {}).get(cid, 0))
            self.raise_spin.setValue(s.annual_raise * 100)
            self.take_home.setChecked(s.use_take_home)
        finally:
            for w in widgets:
                w.blockSignals(False)

    # -- edits out -------------------------------------------------------------------------

    def _collect(self) -> DecisionSettings:
        weights = {cid: float(spin.value()) for cid, spin in self._spins.items()}
        scores: dict[str, dict[str, int]] = {}
        for (offer_id, cid), spin in self._score_spins.items():
            if spin.value() > 0:
                scores.setdefault(offer_id, {})[cid] = spin.value()
        # keep scores of offers not shown (e.g. filtered) untouched
        shown = {o for o, _ in self._structure[1]} if self._structure else set()
        for offer_id, given in self._settings.scores.items():
            if offer_id not in shown:
                scores.setdefault(offer_id, dict(given))
        return self._settings.model_copy(
            update={
                "weights": weights,
                "scores": scores,
                "annual_raise": round(self.raise_spin.value() / 100, 4),
                "use_take_home": self.take_home.isChecked(),
            }
        )

    def _changed(self, *_args) -> None:
        self._settings = self._collect()
        self._recompute()
        self._emit_timer.start()

    def _emit(self) -> None:
        self.decisionChanged.emit(self._settings.model_copy(deep=True))

    def flush(self) -> None:
        """Emit a pending change now (tests, and before the window saves)."""
        if self._emit_timer.isActive():
            self._emit_timer.stop()
            self._emit()

    def _add_criterion(self) -> None:
        name = " ".join(self.new_criterion.text().split())
        if not name or name in criteria_ids(self._settings):
            self.new_criterion.selectAll()
            return
        if len(self._settings.custom_criteria) >= 20:
            return
        self.new_criterion.clear()
        self._settings = self._settings.model_copy(
            update={"custom_criteria": [*self._settings.custom_criteria, name]}
        )
        self._rebuild_and_emit()

    def _remove_criterion(self, name: str) -> None:
        weights = {k: v for k, v in self._settings.weights.items() if k != name}
        scores = {o: {k: v for k, v in given.items() if k != name}
                  for o, given in self._settings.scores.items()}
        self._settings = self._settings.model_copy(
            update={"custom_criteria": [c for c in self._settings.custom_criteria if c != name],
                    "weights": weights, "scores": scores}
        )
        self._rebuild_and_emit()

    def _rebuild_and_emit(self) -> None:
        offers = self._structure[1] if self._structure else ()
        self._build((tuple(criteria_ids(self._settings)), offers))
        self._load_values()
        self._recompute()
        self._emit_timer.stop()
        self._emit()

    # -- results ---------------------------------------------------------------------------

    def _recompute(self) -> None:
        if self._portfolio is None:
            return
        portfolio = self._portfolio.model_copy(update={"decision": self._settings})
        self.matrix = build_matrix(portfolio, self._evaluations)
        m = self.matrix
        for row in m.criteria:
            if row.id in self._shares:
                self._shares[row.id].setText(f"{row.weight * 100:.1f} %")
        ids = self._structure[0] if self._structure else ()
        for r, cid in enumerate(ids):
            if cid not in PAY_CRITERIA:
                continue
            row = next(x for x in m.criteria if x.id == cid)
            for c, score in enumerate(row.scores):
                item = self.scores.item(r, c)
                if item is not None:
                    raw = row.raw[c]
                    shown = "" if raw is None else (
                        f"{raw:.0%}" if cid == "guaranteed_share" else f"¥{raw:,.0f}")
                    item.setText(f"{score:.1f}  ({shown})")
        self.ranking.setRowCount(len(m.ranking))
        for i, entry in enumerate(m.ranking):
            for col, text in enumerate((str(entry.rank), entry.company, f"{entry.score:.2f}")):
                self.ranking.setItem(i, col, QTableWidgetItem(text))
        self.sensitivity.setText(i18n.pick(m.sensitivity.text, m.sensitivity.text_zh))
        notes = m.assumptions_zh if i18n.is_zh() and m.assumptions_zh else m.assumptions
        self.assumption_note.setText(self.tr("Assumptions: ") + "; ".join(notes))


def label_ids() -> set[str]:
    from offerlens.domain.decision import BUILTIN_CRITERIA

    return set(BUILTIN_CRITERIA)
